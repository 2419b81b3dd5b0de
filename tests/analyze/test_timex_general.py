"""General TimeML rules of the third value pass, one table per rule (all sentences invented for these tests).

Each table has positive rows and negative rows (a look-alike the rule must not touch)."""

from __future__ import annotations

from datetime import date

import pytest

from newsweave.analyze.timex import find_timexes
from newsweave.model import TimeExpression

DCT = date(1999, 2, 10)  # a Wednesday


def tag(text: str, dct: date = DCT) -> dict[str, TimeExpression]:
    return {t.text: t for t in find_timexes(text, article_id="a1", dct=dct)}


def assert_value(text: str, phrase: str, expected: str, dct: date = DCT) -> None:
    """``phrase`` is tagged in ``text`` (published on ``dct``) with the value ``expected``."""
    found = tag(text, dct)
    assert phrase in found, sorted(found)
    assert found[phrase].value == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # a year followed by "and later" right after a month is part of the month: the month rule reads it
        ("She joined the crew in October 1984 and later ran the office.", "October 1984", "1984-10"),
        ("He arrived in Sept. 1990 and later left.", "Sept. 1990", "1990-09"),
        # negative: without a month the open-ended year stays one expression
        ("Cars built in 1994 or later pass the test.", "1994 or later", "1994"),
        ("The plan covers 2001 and beyond.", "2001 and beyond", "2001"),
    ],
)
def test_year_tail_after_a_month(text: str, phrase: str, expected: str) -> None:
    assert_value(text, phrase, expected)


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # an opening quotation mark before "Today," is a quotation, not a programme title
        ("The mayor spoke.  ``Today, I am here to thank you,'' she said.", "Today", "1999-02-10"),
        ('The mayor spoke. "Today, we begin," she said.', "Today", "1999-02-10"),
    ],
)
def test_a_quotation_that_opens_with_a_time(text: str, phrase: str, expected: str) -> None:
    assert_value(text, phrase, expected)


@pytest.mark.parametrize(
    "text",
    [
        # negative: a quoted title is still no time
        'He was a guest on "Today," the morning show.',
        "She watched ``This Week'' on Sunday.",
    ],
)
def test_quoted_titles_stay_rejected(text: str) -> None:
    found = tag(text)
    assert "Today" not in found and "This Week" not in found, sorted(found)


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The old bridge has stood there for centuries.", "centuries", "PXC"),
        ("After a day-long meeting the board voted.", "day-long", "P1D"),
        ("A year-long strike ended.", "year-long", "P1Y"),
        ("A decades-long feud ended.", "decades-long", "PXY"),
        ("Funds may sell bonds in the weeks ahead.", "the weeks ahead", "PXW"),
        ("Prices should rise in the months ahead.", "the months ahead", "PXM"),
    ],
)
def test_vague_and_adjectival_durations(text: str, phrase: str, expected: str) -> None:
    found = tag(text)
    assert phrase in found, sorted(found)
    assert (found[phrase].type, found[phrase].value) == ("DURATION", expected)


@pytest.mark.parametrize(
    "text",
    [
        # negative: no unit of time, or an age
        "The long-term plan is a centuries-old tradition of the 12-year-old club.",
        "The road ahead is long.",
        "Weeks ahead of the vote, he left.",
    ],
)
def test_duration_look_alikes(text: str) -> None:
    found = tag(text)
    assert not [t for t in found.values() if t.type == "DURATION"], sorted(found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The festival is held here annually in honour of the poet.", {"annually": "P1Y"}),
        ("The two leagues meet annually.", {"annually": "P1Y"}),
        # negative: a rate after a quantity is no recurring event
        ("Sales should rise 8% annually through 2003.", {}),
        ("The cut saves $4.2 million annually.", {}),
        ("The plant will make 10,000 units annually.", {}),
    ],
)
def test_annually_is_a_set_unless_a_rate(text: str, expected: dict[str, str]) -> None:
    found = {k: t.value for k, t in tag(text).items() if t.type == "SET"}
    assert found == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # a day of a month the text names but does not number
        (
            "The doctor was killed last October. His name was struck out that same day.",
            "that same day",
            "1998-10-XX",
        ),
        ("The plant closed in 1997. Workers protested the same day.", "the same day", "1997-XX-XX"),
        # negative: after a day told, "that day" is that day
        ("The plant closed on Jan. 5. Workers protested that day.", "that day", "1999-01-05"),
    ],
)
def test_that_day_after_a_month_or_year(text: str, phrase: str, expected: str) -> None:
    assert_value(text, phrase, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Leaders meet on April 24 and 25 in the capital.", {"April 24": "1999-04-24", "25": "1999-04-25"}),
        ("Talks on May 3 and 4, 1998 failed.", {"May 3": "1998-05-03", "4, 1998": "1998-05-04"}),
        # negative: a count or a percentage after "and" is no day
        ("The storm hit on March 3 and 40 people died.", {"March 3": "1999-03-03"}),
        ("Rates rose on Jan. 2 and 5 percent more later.", {"Jan. 2": "1999-01-02"}),
        ("Two quit on March 3 and 4 others left.", {"March 3": "1999-03-03"}),
    ],
)
def test_the_second_day_of_a_pair(text: str, expected: dict[str, str]) -> None:
    found = {k: t.value for k, t in tag(text).items() if t.type == "DATE"}
    assert found == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The company kept to a June agreement with the union.", "June", "1998-06"),
        # negative: "a May" as a name stays rejected (lower-case "may" is a verb)
        ("He met a May Smith at the fair.", "May", None),
    ],
)
def test_a_month_after_an_article(text: str, phrase: str, expected: str | None) -> None:
    found = tag(text)
    assert (found[phrase].value if phrase in found else None) == expected


NOV_8 = date(2021, 11, 8)  # a Monday in the fourth quarter


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Profit rose in Q3 2021.", "Q3 2021", "2021-Q3"),
        ("Sales in 3Q21 beat forecasts.", "3Q21", "2021-Q3"),
        ("Revenue for H1 2022 is seen flat.", "H1 2022", "2022-H1"),
        ("The 1H22 outlook was cut.", "1H22", "2022-H1"),
        # a bare quarter is in the publication year unless more than one quarter ahead
        ("In Q2, sales rose 4%.", "Q2", "2021-Q2"),
        ("Sales in Q4'15 fell.", "Q4'15", "2015-Q4"),
        # negative: a count after the quarter is no year
        ("In Q4 15 firms failed.", "Q4", "2021-Q4"),
    ],
)
def test_compact_quarters_and_halves(text: str, phrase: str, expected: str) -> None:
    assert_value(text, phrase, expected, NOV_8)


@pytest.mark.parametrize(
    "text",
    [
        # negative: a car model, a virus, a lower-case code, a visa class
        "The Audi Q3 sold well.",
        "The H1N1 virus spread.",
        "Press q3 to quit.",
        "She holds an H1-B visa.",
    ],
)
def test_compact_quarter_look_alikes(text: str) -> None:
    assert not [t for t in find_timexes(text, article_id="a1", dct=NOV_8) if t.value.endswith(("Q3", "H1"))]


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # the year after a clock time's date belongs to that date
        ("Polls closed at 2 p.m. GMT on Jan. 6, 2021.", "2 p.m. GMT on Jan. 6, 2021", "2021-01-06T14:00"),
        ("It began at 9 a.m. on March 3rd, 2020.", "9 a.m. on March 3rd, 2020", "2020-03-03T09:00"),
        # negative: without a year the nearest such day
        ("The offer ends at 5 p.m. EST, Nov. 12.", "5 p.m. EST, Nov. 12", "2021-11-12T17:00"),
    ],
)
def test_clock_time_on_a_dated_day(text: str, phrase: str, expected: str) -> None:
    assert_value(text, phrase, expected, NOV_8)


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("He was elected on Nov. 3 last year.", "Nov. 3 last year", "2020-11-03"),
        ("He will leave on June 1 next year.", "June 1 next year", "2022-06-01"),
        # negative: "last year" after a comma and a clause is its own expression
        ("He was elected on Nov. 3, and last year he lost.", "Nov. 3", "2021-11-03"),
    ],
)
def test_a_day_with_a_relative_year(text: str, phrase: str, expected: str) -> None:
    assert_value(text, phrase, expected, NOV_8)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quotation that closes the sentence ends it: the next sentence's verb is no cue
        ('"Prices are going to fall in the spring." The figures showed a rise.', "2022-SP"),
        ("``Prices are going to fall in the spring.'' The figures showed a rise.", "2022-SP"),
        # negative: a past verb inside the same sentence still counts
        ('"Prices fell in the spring," the figures showed.', "2021-SP"),
    ],
)
def test_a_closing_quote_ends_the_sentence(text: str, expected: str) -> None:
    assert tag(text, NOV_8)["the spring"].value == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quantity measured in time units is no duration
        ("He got a bonus equal to six months of base pay.", {}),
        ("The player stores 75 hours of video.", {}),
        ("The country holds 90 days' supply of oil.", {}),
        # negative: a stretch of time filled by events stays a duration
        ("After two days of talks, they signed.", {"two days": "P2D"}),
        ("It ended ten years of peace.", {"ten years": "P10Y"}),
    ],
)
def test_quantities_measured_in_time_units(text: str, expected: dict[str, str]) -> None:
    found = {k: t.value for k, t in tag(text).items() if t.type == "DURATION"}
    assert found == expected


MAR_15 = date(2023, 3, 15)  # a Wednesday in the first quarter


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # a quarter ahead in a clause about the future is this year's
        ("The firm expects a loss in the fourth quarter.", "the fourth quarter", "2023-Q4"),
        ("It said the deal would close in the second half.", "the second half", "2023-H2"),
        # negative: told in the past, a quarter more than one ahead is last year's
        ("Sales fell in the fourth quarter.", "the fourth quarter", "2022-Q4"),
        # negative: a quarter already past stays this year's when its results lie ahead
        ("It will release first-quarter results in May.", "first-quarter", "2023-Q1"),
    ],
)
def test_the_year_of_a_quarter_named_without_one(text: str, phrase: str, expected: str) -> None:
    assert_value(text, phrase, expected, MAR_15)


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # a clock time told in the past does not fall on a day still ahead
        ("The Fed meets again May 2. Markets closed at 4 p.m. ET.", "4 p.m. ET", "2023-03-15T16:00"),
        # negative: a clock time in the future clause falls on that day
        ("The Fed meets on May 2 and will announce at 2 p.m.", "2 p.m.", "2023-05-02T14:00"),
        ("The vote was on March 3. Polls closed at 8 p.m.", "8 p.m.", "2023-03-03T20:00"),
    ],
)
def test_a_bare_clock_time_falls_on_a_day_of_its_tense(text: str, phrase: str, expected: str) -> None:
    assert_value(text, phrase, expected, MAR_15)


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # a half or quarter of a game is no half or quarter of a year
        ("Smith scored twice in the second half as United won the match.", "the second half", None),
        ("The Lakers led by 10 points after the first quarter.", "the first quarter", None),
        # negative: money, growth or a year named keep the calendar reading
        ("Yields rose 20 basis points in the first quarter.", "the first quarter", "2023-Q1"),
        ("The club's sales rose in the first half despite poor match results.", "the first half", "2023-H1"),
        (
            "The league's attendance fell in the first half of 2022, coach Lee said.",
            "the first half of 2022",
            "2022-H1",
        ),
    ],
)
def test_periods_of_a_game(text: str, phrase: str, expected: str | None) -> None:
    found = tag(text, MAR_15)
    assert (found[phrase].value if phrase in found else None) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # wire-service clock times in GMT/UTC
        ("A fire broke out at about 2045 GMT on Friday.", "about 2045 GMT on Friday", "2023-03-10T20:45"),
        ("Trading halted at 1430 GMT.", "1430 GMT", "2023-03-15T14:30"),
        # "am" written without points does not take the full stop of the sentence
        ("The rocket lifted off at 9.15am. It landed.", "9.15am", "2023-03-15T09:15"),
        ("It landed at 10 p.m. on Monday.", "10 p.m. on Monday", "2023-03-13T22:00"),
    ],
)
def test_wire_clock_times(text: str, phrase: str, expected: str) -> None:
    assert_value(text, phrase, expected, MAR_15)


@pytest.mark.parametrize(
    "text",
    [
        # negative: a conversion in brackets repeats the local time; a year or a count is no clock time
        "The blast came at 10:35 a.m. (0735 GMT) on Friday.",
        "In 1999 GMT changed hands.",
        "The plant made 2500 GMT units.",
    ],
)
def test_wire_clock_look_alikes(text: str) -> None:
    found = [t for t in find_timexes(text, article_id="a1", dct=MAR_15) if "GMT" in t.text]
    assert found == []


def test_a_duration_before_a_measure_noun_without_of_stays() -> None:
    found = tag("Over the past three months exports rose 5%.")
    assert found["the past three months"].value == "P3M"


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # results of a quarter just ended are still to come: the future clause keeps that quarter
        ("The bank will report fourth-quarter results next week.", date(2023, 1, 20), "2022-Q4"),
        ("It will release third-quarter results in November.", date(2023, 10, 20), "2023-Q3"),
        # negative: months after its end, a quarter in a future clause is the coming one
        ("The firm expects a loss in the fourth quarter.", date(2023, 3, 15), "2023-Q4"),
    ],
)
def test_a_quarter_just_ended_in_a_future_clause(text: str, dct: date, expected: str) -> None:
    found = [t.value for t in find_timexes(text, article_id="a1", dct=dct) if "-Q" in t.value]
    assert found[:1] == [expected]
