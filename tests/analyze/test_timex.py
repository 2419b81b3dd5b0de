"""News conventions of the time-expression tagger (all sentences written for these tests)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from newsweave.analyze.timex import find_timexes
from newsweave.model import TimeExpression

MONDAY = date(2021, 11, 8)  # a report published on Monday 8 November 2021


def tag(text: str, dct: date | datetime | None = MONDAY) -> list[TimeExpression]:
    return find_timexes(text, article_id="a1", dct=dct)


def one(text: str, phrase: str, dct: date | datetime | None = MONDAY) -> TimeExpression:
    found = [t for t in tag(text, dct) if t.text == phrase]
    assert found, f"{phrase!r} not tagged in {text!r}: {[t.text for t in tag(text, dct)]}"
    return found[0]


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_bare_weekday_in_past_tense_is_the_last_one() -> None:
    t = one("Biden on Sunday condemned the attack on the embassy.", "Sunday")
    assert (t.type, t.value, t.anchor) == ("DATE", "2021-11-07", "dct")
    assert t.earliest == utc(2021, 11, 7) and t.latest is not None and t.latest.date() == date(2021, 11, 7)


def test_saturday_night_is_the_night_into_sunday() -> None:
    t = one("Protesters gathered on Saturday night outside parliament.", "Saturday night")
    assert t.value == "2021-11-06TNI"
    assert t.type == "TIME"
    assert t.earliest is not None and t.earliest.date() == date(2021, 11, 6) and t.earliest.hour >= 18
    assert t.latest is not None and t.latest.date() == date(2021, 11, 7) and t.latest.hour < 8


def test_month_last_year() -> None:
    t = one("The law was passed in May last year after a long debate.", "May last year")
    assert (t.type, t.value, t.granularity) == ("DATE", "2020-05", "month")
    assert t.earliest == utc(2020, 5, 1) and t.latest is not None and t.latest.month == 5


def test_a_day_later_is_anchored_on_the_previous_time_not_on_publication() -> None:
    text = "The talks opened on 2 March 2019. A day later, the minister resigned."
    t = one(text, "A day later")
    assert (t.value, t.anchor) == ("2019-03-03", "previous")


def test_last_one_month_is_a_duration_ending_at_publication() -> None:
    t = one("Prices have risen sharply for the last one month, traders said.", "the last one month")
    assert (t.type, t.value) == ("DURATION", "P1M")
    assert t.latest == utc(2021, 11, 8) and t.earliest == utc(2021, 10, 8)


def test_early_sunday() -> None:
    t = one("Police arrived early Sunday at the scene.", "early Sunday")
    assert (t.value, t.mod) == ("2021-11-07", "START")
    assert t.latest is not None and t.latest < utc(2021, 11, 7, 12)


def test_last_january_is_the_most_recent_january() -> None:
    assert one("Prices fell last January, the bank said.", "last January").value == "2021-01"
    assert one("Prices fell last January.", "last January", date(2021, 1, 20)).value == "2020-01"


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The two leaders will meet on Friday in Geneva.", "Friday", "2021-11-12"),
        ("The two leaders met on Friday in Geneva.", "Friday", "2021-11-05"),
        ("The summit is scheduled to open on Thursday.", "Thursday", "2021-11-11"),
        ("Elections will be held in March.", "March", "2022-03"),
        ("The company was founded in March.", "March", "2021-03"),
    ],
)
def test_tense_decides_the_direction_of_bare_weekdays_and_months(text: str, phrase: str, value: str) -> None:
    assert one(text, phrase).value == value


def test_late_june_has_mod_end() -> None:
    t = one("The vote took place in late June.", "late June")
    assert (t.value, t.mod) == ("2021-06", "END")
    assert t.earliest is not None and t.earliest.day > 15


def test_present_past_future_references() -> None:
    found = {
        t.text: t.value for t in tag("Prices are now falling. Recently they rose. In the future, who knows.")
    }
    assert found["now"] == "PRESENT_REF"
    assert found["Recently"] == "PAST_REF"
    assert found["the future"] == "FUTURE_REF"


def test_unresolvable_without_publication_date() -> None:
    t = one("The minister resigned on Tuesday.", "Tuesday", dct=None)
    assert (t.value, t.anchor, t.earliest) == ("XXXX-XX-XX", "none", None)


def test_absolute_dates_and_offsets_index_the_text_as_given() -> None:
    text = "  \n The accord of Aug. 7, 1998 was signed three days ago."
    found = tag(text)
    by_text = {t.text: t for t in found}
    assert by_text["Aug. 7, 1998"].value == "1998-08-07"
    assert by_text["Aug. 7, 1998"].anchor == "absolute"
    assert by_text["three days ago"].value == "2021-11-05"
    for t in found:
        assert text[t.span.start : t.span.end] == t.text
        assert t.span.article_id == "a1"


def test_quarters_and_year_earlier_comparisons() -> None:
    text = "Profit in the third quarter rose to $5 million from $4 million a year earlier."
    by_text = {t.text: t.value for t in tag(text, date(2021, 10, 20))}
    assert by_text["the third quarter"] == "2021-Q3"
    assert by_text["a year earlier"] == "2020-Q3"


@pytest.mark.parametrize(
    ("text", "phrase", "kind", "value"),
    [
        ("The ceasefire lasted 2 1/2 years.", "2 1/2 years", "DURATION", "P2Y6M"),
        ("Talks went on for five hours.", "five hours", "DURATION", "PT5H"),
        ("He signed a five-year contract.", "five-year", "DURATION", "P5Y"),
        ("The paper appears every week.", "every week", "SET", "P1W"),
        ("Inspectors visit the site daily.", "daily", "SET", "P1D"),
        ("Markets rallied in the 1990s.", "the 1990s", "DATE", "199"),
        ("Shops will close at 10 p.m. Wednesday.", "10 p.m. Wednesday", "TIME", "2021-11-10T22:00"),
    ],
)
def test_durations_sets_decades_and_clock_times(text: str, phrase: str, kind: str, value: str) -> None:
    t = one(text, phrase)
    assert (t.type, t.value) == (kind, value)


@pytest.mark.parametrize(
    ("text", "not_a_time"),
    [
        ("Theresa May said the plan was sound.", "May"),
        ("May told reporters she would stay.", "May"),
        ("The servers still run Windows 2000.", "2000"),
        ("She bought an iPhone 12 last week.", "12"),
        ("One of the suspects fled.", "One"),
        ("He hosted Saturday Night Live twice.", "Saturday Night"),
        ("She is 37 years old.", "37 years"),
        ("The bill cost $2000 to fix.", "2000"),
    ],
)
def test_look_alikes_are_not_times(text: str, not_a_time: str) -> None:
    for t in tag(text):
        assert not_a_time not in t.text, f"{t.text!r} ({t.value}) wrongly tagged in {text!r}"


def test_month_name_is_a_month_after_a_preposition() -> None:
    assert one("Trading resumed in May.", "May").value == "2021-05"


def test_the_next_day_and_that_day_follow_the_discourse() -> None:
    text = "Rebels seized the town on Jan. 5, 2020. The next day they retreated. That day was cold."
    by_text = {t.text: t for t in tag(text)}
    assert by_text["The next day"].value == "2020-01-06"
    assert by_text["That day"].value == "2020-01-06"


def test_spacy_doc_rejects_person_named_may() -> None:
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    text = "Theresa May spoke in London on Friday."
    doc = nlp(text)
    doc.ents = [doc.char_span(0, 11, label="PERSON")]
    found = find_timexes(text, article_id="a1", dct=MONDAY, doc=doc)
    assert [t.text for t in found] == ["Friday"]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The airline flies four times a week and earns $5 million a year.", "a year"),
        ("Farmers export three-quarters of the harvest.", "three-quarters"),
        ('The minister spoke on "This Week" with the host.', "This Week"),
    ],
)
def test_rates_fractions_and_titles_are_not_times(text: str, phrase: str) -> None:
    assert phrase not in [t.text for t in tag(text)]


def test_a_date_a_day_old_beats_a_distant_tense_reading() -> None:
    t = one("The court ordered the ministry to act by Jan. 14.", "Jan. 14", date(2000, 1, 15))
    assert t.value == "2000-01-14"


def test_part_of_day_with_a_day_word() -> None:
    t = one("Trading was halted at mid-afternoon yesterday.", "mid-afternoon yesterday")
    assert (t.value, t.mod, t.type) == ("2021-11-07TAF", "MID", "TIME")


def test_durations_up_to_publication_and_datetime_dct() -> None:
    dct = datetime(2021, 11, 8, 15, 30, tzinfo=UTC)
    t = one("Fighting has raged over the past three days.", "the past three days", dct)
    assert (t.value, t.earliest, t.latest) == ("P3D", utc(2021, 11, 5, 15, 30), dct)
    assert one("The talks ended two hours ago.", "two hours ago", dct).value == "2021-11-08T13"


def test_part_of_day_of_a_date() -> None:
    t = one(
        "The blast came on the night of Tuesday, March 3 near the port.",
        "the night of Tuesday, March 3",
        date(2015, 3, 9),
    )
    assert (t.type, t.value) == ("TIME", "2015-03-03TNI")


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("It was a second attempt to storm the building.", "a second"),
        ("said Hala Agha, a second-generation resident who organised the event.", "a second"),
        ("But it's not going to happen overnight, he said.", "overnight"),
        ("He became an overnight success in 2009.", "overnight"),
        ('She appeared on the programme "48 Hours" last year.', "48 Hours"),
        ("The party daily Tribuna printed the letter.", "daily"),
    ],
)
def test_ordinals_programmes_and_newspapers_are_not_times(text: str, phrase: str) -> None:
    assert phrase not in [t.text for t in tag(text)]


def test_overnight_is_a_night_unless_an_idiom() -> None:
    assert one("The plant was not closed overnight.", "overnight").value.endswith("TNI")


def test_most_recently_is_past_ref() -> None:
    assert one("Two doctors were attacked, most recently in October.", "most recently").value == "PAST_REF"
