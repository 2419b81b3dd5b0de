"""Anchoring and tense rules of the tagger (issue #4, section 2), one table per rule.

Every table has positive rows (the rule applies) and negative rows (a look-alike it must leave alone).
All sentences are written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from newsweave.analyze.timex import find_timexes
from newsweave.model import TimeExpression

THU_AUG_16 = date(1990, 8, 16)  # a Thursday
OCT_26 = date(1989, 10, 26)  # a Thursday, early in the fourth quarter
OCT_30 = date(1989, 10, 30)  # a Monday
FRI_JAN_7 = date(2000, 1, 7)


def tag(text: str, dct: date) -> dict[str, TimeExpression]:
    return {t.text: t for t in find_timexes(text, article_id="a1", dct=dct)}


def value(text: str, phrase: str, dct: date) -> str:
    found = tag(text, dct)
    assert phrase in found, f"{phrase!r} not tagged in {text!r}: {sorted(found)}"
    return found[phrase].value


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # "by", "until", "deadline" point forward, but a pluperfect clause puts the time in the past
        ("Most members had filed their reports by Wednesday, officials said.", "Wednesday", "1990-08-15"),
        ("Until Thursday, the police had not named him as a suspect.", "Thursday", "1990-08-16"),
        # negative: without a pluperfect they still point forward
        ("Members must file their reports by Wednesday.", "Wednesday", "1990-08-22"),
        ("The border stays closed until Saturday.", "Saturday", "1990-08-18"),
        # negative: a pluperfect inside a relative clause belongs to another clause
        ("The sale, which had been expected, pays down the loan by February.", "February", "1991-02"),
    ],
)
def test_weak_future_cues_yield_to_the_pluperfect(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase, THU_AUG_16) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # a plan told before its time points forward
        ("The delegation planned to leave the capital on Saturday.", "Saturday", "2000-01-08"),
        ("Exiles planned a march on Saturday.", "Saturday", "2000-01-08"),
        ("Organisers were planning to close the square Saturday.", "Saturday", "2000-01-08"),
        # negative: a fronted time, a plan made earlier, or a plain past progressive
        ("On Wednesday, the council planned to vote on the budget.", "Wednesday", "2000-01-05"),
        ("The march began as previously planned on Wednesday.", "Wednesday", "2000-01-05"),
        ("Organisers were closing the square Wednesday.", "Wednesday", "2000-01-05"),
    ],
)
def test_plans_point_forward_only_from_before_the_time(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase, FRI_JAN_7) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # "since March" has begun, whatever plan follows in the sentence
        ("The carrier has been at sea since March and was scheduled to return home.", "March", "1989-03"),
        # "a still unspecified date", "has extended": adjectives and perfects are no past tense
        ("The split would be paid on a still unspecified date in January.", "January", "1990-01"),
        ("Lenders have extended credit lines through January.", "January", "1990-01"),
        # negative: a real past verb next to the month still decides
        ("The credit line was extended in January.", "January", "1989-01"),
        ("The plant opened in January.", "January", "1989-01"),
    ],
)
def test_since_adjectives_and_perfects_in_the_tense_decision(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase, OCT_26) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # "N years ago" counts from publication even right after a month is named
        (
            "Rallies in early December were the largest since the revolution 41 years ago.",
            "41 years ago",
            "1959",
        ),
        # negative: "a year earlier" right after a month is that month a year before
        ("Prices rose in December. A year earlier they had fallen.", "A year earlier", "1998-12"),
    ],
)
def test_ago_counts_from_publication(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase, date(2000, 1, 15)) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # a comparison ("higher than a year ago") does not become the time being told
        (
            "Oil prices were higher than a year ago. Planting was delayed earlier in the year by rain.",
            "earlier in the year",
            "1989",
        ),
        (
            "Output fell 8% from a year ago. Costs rose 3% compared with a year earlier.",
            "a year earlier",
            "1988",
        ),
        # negative: a narrated "two years ago" is the new reference
        (
            "Two years ago he founded the fund. Earlier in the year he had left his bank.",
            "Earlier in the year",
            "1987",
        ),
    ],
)
def test_comparisons_do_not_move_the_reference(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase, OCT_26) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # a clock time after a year is named falls on the last day told, else on publication
        (
            "He was shot on Oct. 23. He had moved in 1997. He died at 10 p.m. in hospital.",
            "10 p.m.",
            "T22:00",
        ),
        ("The judge, appointed in 1997, hears the case at midday.", "midday", "T12:00"),
    ],
)
def test_clock_times_fall_on_a_day(text: str, phrase: str, expected: str) -> None:
    got = value(text, phrase, date(1999, 4, 19))
    day = "1998-10-23" if "Oct. 23" in text else "1999-04-19"
    assert got == day + expected


@pytest.mark.parametrize(
    ("text", "phrase", "kind", "expected"),
    [
        # "one day" / "someday" after a modal or a hope: an indefinite future
        ("Islam will one day be the largest religion in the city.", "one day", "DATE", "FUTURE_REF"),
        ("She hopes she one day flies the shuttle.", "one day", "DATE", "FUTURE_REF"),
        # negative: a day long, a day later
        ("The strike lasted one day.", "one day", "DURATION", "P1D"),
        ("The audit will take one day.", "one day", "DURATION", "P1D"),
        # a spoken thousand is a number of years, not the year 2000
        (
            "Glassmakers kept the secret for more than two thousand years.",
            "more than two thousand years",
            "DURATION",
            "P2000Y",
        ),
        # negative: a year said in words
        ("The plan runs until two thousand five.", "two thousand five", "DATE", "2005"),
    ],
)
def test_one_day_and_spoken_thousands(text: str, phrase: str, kind: str, expected: str) -> None:
    found = tag(text, OCT_26)
    assert phrase in found, f"{phrase!r} not tagged in {text!r}: {sorted(found)}"
    assert (found[phrase].type, found[phrase].value) == (kind, expected)


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # the latest (fiscal) year is the last completed one, like the latest quarter
        ("Sales reached C$4 billion in the latest fiscal year.", "the latest fiscal year", "1988"),
        # negative: this year and the current year are the year under way
        ("Sales will reach C$4 billion this year.", "this year", "1989"),
        ("Sales reached C$4 billion in the current fiscal year.", "the current fiscal year", "1989"),
    ],
)
def test_the_latest_year_is_completed(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase, OCT_26) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "dct", "expected"),
    [
        # in a report on the quarter just closed, "this quarter's loss" is that quarter
        (
            "Third-quarter net fell to $3 million. This quarter's loss includes a $2 million charge.",
            "This quarter",
            date(1989, 11, 1),
            "1989-Q3",
        ),
        # negative: an outlook is the quarter under way
        (
            "Third-quarter net fell to $3 million. It expects this quarter to be weaker.",
            "this quarter",
            date(1989, 11, 1),
            "1989-Q4",
        ),
        # negative: with no quarter reported, this quarter is the one under way
        ("Shipments this quarter are strong.", "this quarter", date(1989, 11, 1), "1989-Q4"),
        # an unnumbered quarter ended on a date is the calendar quarter holding most of its months
        ("In the quarter ended July 31, the printer earned $1 million.", "the quarter", OCT_30, "1989-Q2"),
        ("For the quarter ended Dec. 31, the bank lost $2 million.", "the quarter", OCT_30, "1988-Q4"),
        # negative: a numbered (fiscal) quarter keeps its number
        ("For its fourth quarter ended June 30, it lost money.", "fourth quarter", OCT_30, "1989-Q4"),
    ],
)
def test_this_quarter_and_quarters_ended(text: str, phrase: str, dct: date, expected: str) -> None:
    assert value(text, phrase, dct) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "kind", "expected"),
    [
        # "the first two quarters of 1990" is a half year, as "the first half of 1990"
        (
            "Demand stays weak through the first two quarters of 1990.",
            "the first two quarters of 1990",
            "DATE",
            "1990-H1",
        ),
        ("The last two quarters of 1988 were strong.", "The last two quarters of 1988", "DATE", "1988-H2"),
        # negative: two quarters without a year are a duration
        ("Losses narrowed over the past two quarters.", "the past two quarters", "DURATION", "P2Q"),
        # a year-earlier span of months keeps the TimeML reading of "the nine months": a duration
        (
            "Net for the year-earlier nine months included a gain.",
            "the year-earlier nine months",
            "DURATION",
            "P9M",
        ),
        (
            "For the nine months, net rose 5%. In the year-earlier period, it had net of $7 million.",
            "the year-earlier period",
            "DURATION",
            "P9M",
        ),
        # negative: after a quarter, the year-earlier period is that quarter a year before
        (
            "Third-quarter net rose 5%. In the year-earlier period, it had net of $7 million.",
            "the year-earlier period",
            "DATE",
            "1988-Q3",
        ),
    ],
)
def test_quarter_spans_and_year_earlier_periods(text: str, phrase: str, kind: str, expected: str) -> None:
    found = tag(text, OCT_26)
    assert phrase in found, f"{phrase!r} not tagged in {text!r}: {sorted(found)}"
    assert (found[phrase].type, found[phrase].value) == (kind, expected)


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # "a year earlier" compared with a nine-month span is that span's year, not the focal quarter
        (
            "Third-quarter net rose. For the nine months, net was $9 million, against $7 million a year earlier.",
            "a year earlier",
            "1988",
        ),
        # negative: in the next sentence the quarter is the focus again
        (
            "For the nine months, net was $9 million. Third-quarter net rose from $2 million a year earlier.",
            "a year earlier",
            "1988-Q3",
        ),
    ],
)
def test_a_year_earlier_after_a_span_of_months(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase, OCT_26) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # a clock hour with a part of day is a TIME to the minute, on the day being told
        (
            "The father will leave at 4 in the morning, his lawyer said.",
            "4 in the morning",
            "1999-04-19T04:00",
        ),
        ("The phone rang at ten o'clock at night.", "ten o'clock at night", "1999-04-19T22:00"),
        ("They met at 3 in the afternoon.", "3 in the afternoon", "1999-04-19T15:00"),
    ],
)
def test_hours_with_a_part_of_day(text: str, phrase: str, expected: str) -> None:
    found = tag(text, date(1999, 4, 19))
    assert phrase in found, f"{phrase!r} not tagged in {text!r}: {sorted(found)}"
    assert (found[phrase].type, found[phrase].value) == ("TIME", expected)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # negative: a score or a count in the morning session is no clock time
        ("Shares rose 4 in the morning session.", "4 in the morning"),
        ("He scored 3 in the first half.", "3 in the first half"),
    ],
)
def test_counts_are_not_hours(text: str, phrase: str) -> None:
    assert phrase not in tag(text, date(1999, 4, 19))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "soon" about what lies ahead is FUTURE_REF
        ("Prosecutors may soon seek an indictment.", "FUTURE_REF"),
        ("The company soon will begin selling smaller boxes.", "FUTURE_REF"),
        # negative: "soon" in a past narrative, "as soon as", "soon after" are no reference to the present
        ("He was soon released from hospital.", None),
        ("Talks resume as soon as Tuesday.", None),
        ("Soon after the attack, the embassy closed.", None),
        ("If she returns too soon, it might happen again.", None),
    ],
)
def test_soon_is_future_ref_only_about_the_future(text: str, expected: str | None) -> None:
    found = tag(text, OCT_26)
    got = found["soon"].value if "soon" in found else found["Soon"].value if "Soon" in found else None
    assert got == expected


OCT_25_1998 = date(1998, 10, 25)


@pytest.fixture(scope="module")
def nlp():
    from newsweave.analyze.pipeline import get_pipeline

    return get_pipeline()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a fronted time phrase takes the tense of the main clause after its comma
        ("In January, a bombing in Birmingham killed a security guard.", "1998-01"),
        ("In January, the council will vote on the budget.", "1999-01"),
        # negative: a speech verb after the comma still binds loosely, so nearby cues decide as before
        ("Elections are planned in January, an official said.", "1999-01"),
    ],
)
def test_a_fronted_time_phrase_takes_the_tense_of_its_clause(text: str, expected: str) -> None:
    assert value(text, "January", OCT_25_1998) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # with a parse, the verb the time hangs on decides even past a long interruption
        (("In January, a week after the anniversary of the court's decision on the issue, a bomb at a clinic in "
          "Birmingham, Ala., killed a security guard."), "1998-01"),
        ("In January, after months of talks with the unions and the council, the city will raise its fares.",
         "1999-01"),
        # negative: a time inside a noun phrase has no verb of its own ("the January vote"): nearby cues decide
        ("Officials expect the January vote to be close.", "1999-01"),
    ],
)
def test_the_verb_a_time_hangs_on_gives_its_tense(nlp, text: str, expected: str) -> None:
    found = {t.text: t for t in find_timexes(text, article_id="a1", dct=OCT_25_1998, doc=nlp(text))}
    assert found["January"].value == expected


WED_NOV_25 = date(2015, 11, 25)
SUN_JAN_31 = date(2016, 1, 31)


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # a past-tense verb two months before a date: the date is in the past, not in the coming January
        ("She posted it on January 23.", "January 23", "2015-01-23"),
        ("It was a tweet Labott posted on January 23 at 4:01 PM.", "4:01 PM", "2015-01-23T16:01"),
        # negative: within a month ahead, a plan told in the past keeps the nearest date
        ("The vote was set for Dec. 14.", "Dec. 14", "2015-12-14"),
        # a holiday a month ahead is this year's, whatever the tense of the sentence
        ("In the week before Christmas, few people watched the debate.", "Christmas", "2015-12-25"),
        # negative: a holiday long past with a past verb is last year's
        ("The plant closed on Independence Day.", "Independence Day", "2015-07-04"),
    ],
)
def test_a_past_verb_outweighs_a_date_months_ahead(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase, WED_NOV_25) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # minutes or hours later: the day of the time before (a timeline needs the day)
        ("She sent a message on Jan. 5. Minutes later, she sent an email.", "Minutes later", "2015-01-05"),
        ("He arrived at 9 a.m. on Nov. 20. Hours later, he left.", "Hours later", "2015-11-20"),
        # negative: years later is no day of the discourse
        ("He left Cuba in 1960. Years later, he returned.", "Years later", "FUTURE_REF"),
    ],
)
def test_vague_hours_later_fall_on_the_previous_day(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase, WED_NOV_25) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The board met on the last Friday in August.", "last Friday in August", "2015-08-28"),
        ("At 2 p.m. on the last Friday in August, the board met.", "2 p.m. on the last Friday in August",
         "2015-08-28T14:00"),
        ("The law took effect on the first Tuesday of November 2011.", "first Tuesday of November 2011",
         "2011-11-01"),
        # negative: "first" before a weekday and no month is not this rule
        ("On the first Friday, the shops opened late.", "Friday", "2015-11-20"),
    ],
)
def test_the_nth_weekday_of_a_month(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase, WED_NOV_25) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a present-tense verb with a bare weekday is a schedule; "may", "might", "should" point ahead
        ("It could happen if Trump rolls through the Iowa caucuses Monday.", "2016-02-01"),
        ("The leaders meet Friday in Paris.", "2016-02-05"),
        ("Trump may rally in Iowa on Monday.", "2016-02-01"),
        # negative: a perfect modal, a present form that is also a past, a speech verb in the present
        ("Trump might have spoken to donors Monday.", "2016-01-25"),
        ("Weakness hurt the index on Friday.", "2016-01-29"),
        ("Trump tells donors Friday that he is winning.", "2016-01-29"),
        # negative: a modal of another clause ("should ignore") says nothing of the critics' Sunday
        ("He said Trump should ignore the critics who on Sunday cast his remarks as cruel.", "2016-01-31"),
    ],
)
def test_present_schedules_and_modals_point_forward(nlp, text: str, expected: str) -> None:
    found = [t for t in find_timexes(text, article_id="a1", dct=SUN_JAN_31, doc=nlp(text))]
    assert [t.value for t in found] == [expected]


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # "40 points ahead" is a lead, not a time to come; "way back in" is the past
        ("She was about 40 points ahead of Sanders in polls taken in December.", date(2016, 1, 18), "2015-12"),
        (("The pending endorsement will likely occasion complaint.\n\nClinton locked up endorsements from unions "
         "representing a majority of the nation's union members way back in October, but many rank-and-file "
         "unionists made it clear they didn't agree with their leaders' choice."), date(2016, 6, 10), "2015-10"),
        # negative: "ahead" of a time still points forward
        ("Voters will meet in the weeks ahead, before the caucuses in December.", date(2016, 1, 18), "2016-12"),
    ],
)
def test_leads_are_not_times_ahead_and_back_in_is_past(nlp, text: str, dct: date, expected: str) -> None:
    found = [t for t in find_timexes(text, article_id="a1", dct=dct, doc=nlp(text)) if t.type == "DATE"]
    assert found[-1].value == expected


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # "between now and" a time points forward; "should" on the verb a time hangs on too
        ('He added that something "has to be big" for his popularity to drop between now and Election Day.',
         date(2016, 8, 10),
         "2016-11-08"),
        ("He declared that together they should beat her at the polls in November.", date(2016, 7, 22), "2016-11"),
        # negative: a past verb with "should" elsewhere
        ("He said she should know that the polls closed in November.", date(2016, 7, 22), "2015-11"),
    ],
)
def test_between_now_and_and_should_point_forward(nlp, text: str, dct: date, expected: str) -> None:
    found = [t for t in find_timexes(text, article_id="a1", dct=dct, doc=nlp(text)) if t.value != "PRESENT_REF"]
    assert found[-1].value == expected
