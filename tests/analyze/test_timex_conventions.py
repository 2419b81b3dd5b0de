"""TimeML/TE3 conventions of the tagger, one table per convention (all sentences written for these tests).

Each table has positive rows (the convention applies) and negative rows (a look-alike it must not touch).
"""

from __future__ import annotations

from datetime import date

import pytest

from newsweave.analyze.timex import find_timexes
from newsweave.model import TimeExpression

OCT_26 = date(1989, 10, 26)  # a Thursday, early in the fourth quarter
MONDAY = date(2021, 11, 8)


def tag(text: str, dct: date = OCT_26) -> dict[str, TimeExpression]:
    return {t.text: t for t in find_timexes(text, article_id="a1", dct=dct)}


def value(text: str, phrase: str, dct: date = OCT_26) -> str:
    found = tag(text, dct)
    assert phrase in found, f"{phrase!r} not tagged in {text!r}: {sorted(found)}"
    return found[phrase].value


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # the focal quarter of an earnings report is the latest *completed* quarter named ...
        (
            (
                "Third-quarter profit rose 5%. The company expects a fourth-quarter charge. "
                "In the latest quarter, sales fell."
            ),
            "the latest quarter",
            "1989-Q3",
        ),
        (
            "Third-quarter profit rose. It sees a fourth-quarter charge. Profit was $3 million a year ago.",
            "a year ago",
            "1988-Q3",
        ),
        # ... so a completed quarter named after an outlook quarter still becomes the focus
        (
            "A fourth-quarter charge is likely. Third-quarter sales fell. They rose in the year-ago quarter.",
            "the year-ago quarter",
            "1988-Q3",
        ),
        # negative: with only the quarter under way named, it stays the reference
        ("The company expects a fourth-quarter charge. The quarter will be weak.", "The quarter", "1989-Q4"),
    ],
)
def test_focal_quarter_is_the_latest_completed_one(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        (
            "Net income slipped to $7 million from $9 million in the corresponding period last year.",
            "the corresponding period last year",
            "1988-Q3",
        ),
        (
            "Net income slipped to $7 million from $9 million in the same period of the previous year.",
            "the same period of the previous year",
            "1988-Q3",
        ),
        (
            "Third-quarter sales rose. Revenue in last year's quarter reached $8 million.",
            "last year's quarter",
            "1988-Q3",
        ),
        # negative: "the same period" alone is the focal quarter itself, not a year earlier
        ("Third-quarter sales rose. Costs fell in the same period.", "the same period", "1989-Q3"),
    ],
)
def test_year_ago_periods(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Third-quarter net was $5 million, compared with $3 million last year.", "last year", "1988-Q3"),
        # negative: a clause break between the comparison and "last year" makes it the plain year
        ("Third-quarter net came from new stores, last year it came from old ones.", "last year", "1988"),
    ],
)
def test_last_year_in_a_comparison(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "kind", "expected"),
    [
        ("Jobless claims hit their quarter-century low.", "quarter", None, None),
        ("Analysts watch the quarter-to-quarter swings.", "The quarter", None, None),
        # negative: a real quarter next to it is still a quarter
        ("Sales fell in the quarter ended Sept. 30.", "the quarter", "DATE", "1989-Q3"),
    ],
)
def test_quarter_compounds_are_not_quarters(
    text: str, phrase: str, kind: str | None, expected: str | None
) -> None:
    found = tag(text)
    if kind is None:
        assert phrase not in found
    else:
        assert (found[phrase].type, found[phrase].value) == (kind, expected)


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Earnings will be lower in the second half of 1990.", "the second half of 1990", "1990-H2"),
        ("Earnings will be lower in the last half of 1990.", "the last half of 1990", "1990-H2"),
        ("Sales grew in the first half of 1988.", "the first half of 1988", "1988-H1"),
        # negative: other edges of a year keep the year with a modifier
        ("Sales grew at the end of 1988.", "the end of 1988", "1988"),
    ],
)
def test_halves_of_a_year(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "kind", "expected"),
    [
        ("Prices have doubled over the past decade.", "the past decade", "DURATION", "P10Y"),
        ("Wars marked the past century.", "the past century", "DURATION", "P100Y"),
        # negative: "the last decade" names the previous calendar decade
        ("Wages fell in the last decade.", "the last decade", "DATE", "198"),
    ],
)
def test_the_past_decade_is_a_duration(text: str, phrase: str, kind: str, expected: str) -> None:
    t = tag(text, date(1998, 2, 6))[phrase]
    assert (t.type, t.value) == (kind, expected)


@pytest.mark.parametrize(
    ("text", "phrase", "kind", "expected"),
    [
        ("The strike started barely a month after talks failed.", "barely a month", "DURATION", "P1M"),
        ("He returned two days before the vote.", "two days", "DURATION", "P2D"),
        # negative: a bare "before"/"after" at the end of the clause is a date
        (
            "The talks opened on 2 March 2019. Two days after, they failed.",
            "Two days after",
            "DATE",
            "2019-03-04",
        ),
        ("The minister resigned three days ago.", "three days ago", "DATE", "1989-10-23"),
    ],
)
def test_offsets_before_a_clause_are_durations(text: str, phrase: str, kind: str, expected: str) -> None:
    t = tag(text)[phrase]
    assert (t.type, t.value) == (kind, expected)


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # report of Monday 30 October 1989: a plan that "had been" made lies in the past
        ("The ceasefire had been scheduled to end Friday evening.", "Friday evening", "1989-10-27TEV"),
        (
            "The truce had been due to lapse at midnight Friday.",
            "midnight Friday",
            "1989-10-27T24:00",
        ),
        ("The vote had originally been expected on Friday.", "Friday", "1989-10-27"),
        # negative: a plan still standing points to the future
        ("The ceasefire is scheduled to end Friday evening.", "Friday evening", "1989-11-03TEV"),
    ],
)
def test_pluperfect_plans_point_to_the_past(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase, date(1989, 10, 30)) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # report of 10 February 1999
        ("The merger vote was planned for early March.", "early March", "1999-03"),
        ("The club has decided to admit two new members in March.", "March", "1999-03"),
        # negative: a past event in a month of last year
        ("The ceremony was held in early November.", "early November", "1998-11"),
    ],
)
def test_plans_and_decisions_point_to_the_future(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase, date(1999, 2, 10)) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("A hearing may come the week of March 6.", "the week of March 6", "2000-W10"),
        ("The strike ended the morning of Feb. 2.", "the morning of Feb. 2", "2000-02-02TMO"),
        # negative: a week without "of" is a plain week
        ("A hearing may come next week.", "next week", "2000-W09"),
    ],
)
def test_the_week_of_a_date(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase, date(2000, 2, 24)) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # report of Monday: "overnight" right after Friday's session is Thursday night
        (
            "Tokyo stocks slid on Friday. Overnight selling in Europe dragged them.",
            "Overnight",
            "1989-10-26TNI",
        ),
        # negative: with no day being told, the night before publication
        ("Rebels shelled the city overnight.", "overnight", "1989-10-29TNI"),
    ],
)
def test_overnight_is_the_night_before_the_day_being_told(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase, date(1989, 10, 30)) == expected


def test_previous_friday_counts_back_from_the_day_being_told() -> None:
    text = "The index fell on Friday and now trades below its level of the previous Friday."
    assert value(text, "the previous Friday", date(1989, 10, 30)) == "1989-10-20"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The western High Noon still draws crowds.", "Noon"),
        ("It was high noon for the coalition.", "noon"),
        ("He gave an interview to ''60 Minutes.'' last year.", "60 Minutes"),
    ],
)
def test_titles_and_idioms_are_not_times(text: str, phrase: str) -> None:
    assert phrase not in tag(text, MONDAY)


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The shop opens at noon.", "noon", "2021-11-08T12:00"),
        ("The network aired a 60-minute special.", "60-minute", "PT60M"),
    ],
)
def test_real_noon_and_minutes_stay(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase, MONDAY) == expected


def test_sentence_split_ignores_versus() -> None:
    # the past verb sits after "vs." in the same sentence; a report of October 1998
    text = "In January the Smith vs. Jones case ended."
    assert value(text, "January", date(1998, 10, 25)) == "1998-01"


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # report of 2 November 1989: a dividend "payable" on a date is paid in the future
        ("The board cut the dividend, payable Jan. 2.", "Jan. 2", "1990-01-02"),
        # negative: a payment that was made lies in the past
        ("The board cut the dividend, paid Jan. 2.", "Jan. 2", "1989-01-02"),
    ],
)
def test_payable_dates_point_to_the_future(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase, date(1989, 11, 2)) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "kind", "expected"),
    [
        ("Output recovered after several quarters of decline.", "several quarters", "DURATION", "PXQ"),
        # negative: a fraction of something is not a time
        ("Three quarters of the votes were counted.", "Three quarters", None, None),
    ],
)
def test_several_quarters_of_losses_is_a_duration(
    text: str, phrase: str, kind: str | None, expected: str | None
) -> None:
    found = tag(text)
    if kind is None:
        assert phrase not in found
    else:
        assert (found[phrase].type, found[phrase].value) == (kind, expected)


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        (
            "Exports reached 40 tons last year, against 55 tons the year before.",
            "the year before",
            "1996",
        ),
        ("The talks opened on 2 March 2019. He had arrived the day before.", "the day before", "2019-03-01"),
    ],
)
def test_the_unit_before_counts_back_from_the_previous_time(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase, date(1998, 9, 7)) == expected


def test_the_week_before_an_event_is_no_anaphor() -> None:
    assert "the week before" not in tag("He left the week before the vote.", date(1998, 9, 7))


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Mothers in today's world face new rules.", "today", "PRESENT_REF"),
        ("Many of today's personal computers run it.", "today", "PRESENT_REF"),
        ("The board picked the leaders of tomorrow.", "tomorrow", "FUTURE_REF"),
        # negative: a specific day stays a day
        ("The notice ran in today's editions.", "today", "2021-11-08"),
        ("The vote is set for tomorrow.", "tomorrow", "2021-11-09"),
        ("Tomorrow's vote matters.", "Tomorrow", "2021-11-09"),
    ],
)
def test_generic_today_and_tomorrow(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase, MONDAY) == expected


def test_midnight_of_a_day_is_its_end() -> None:
    found = tag("The offer expired at midnight Friday. Two hours later the shares fell.", date(1989, 10, 30))
    t = found["midnight Friday"]
    assert t.value == "1989-10-27T24:00"
    assert t.earliest is not None and (t.earliest.date(), t.earliest.hour) == (date(1989, 10, 28), 0)
    assert found["Two hours later"].value == "1989-10-28T02"
    # negative: noon stays inside its own day
    assert (
        tag("The offer expired at noon Friday.", date(1989, 10, 30))["noon Friday"].value
        == "1989-10-27T12:00"
    )
