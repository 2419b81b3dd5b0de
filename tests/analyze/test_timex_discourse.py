"""Anaphoric offsets after a coarse time: "In late June ... A day later" is about late June, not an older day."""

from __future__ import annotations

from datetime import date

from newsweave.analyze.timex import find_timexes

TEXT = ("The minister spoke on Saturday night. In late June, troops crossed the river. "
        "A day later, the bridge was closed.")


def test_day_offset_after_a_month_stays_in_that_month():
    found = {t.text: t for t in find_timexes(TEXT, article_id="x", dct=date(2021, 11, 8))}
    later = found["A day later"]
    assert later.anchor == "previous"
    assert later.value == "2021-06"
    assert later.earliest.date() > date(2021, 6, 1) and later.latest.date() <= date(2021, 7, 1)
    # the day after late June (21-30 June), not the day after any day of June
    assert (later.earliest.date(), later.latest.date()) == (date(2021, 6, 22), date(2021, 7, 1))


def test_edges_of_a_month_fall_on_day_boundaries():
    text = "Troops crossed the river in early March, talks began in mid-March and ended in late March."
    found = {t.text: t for t in find_timexes(text, article_id="x", dct=date(2021, 11, 8))}
    days = {k: (t.earliest.date(), t.latest.date()) for k, t in found.items()}
    assert days["early March"] == (date(2021, 3, 1), date(2021, 3, 10))
    assert days["mid-March"] == (date(2021, 3, 11), date(2021, 3, 20))
    assert days["late March"] == (date(2021, 3, 21), date(2021, 3, 31))
    assert found["late March"].earliest.time().hour == 0


def test_day_offset_after_a_day_is_that_day_plus_one():
    text = "The talks opened on Saturday, November 6. A day later, they collapsed."
    found = {t.text: t for t in find_timexes(text, article_id="x", dct=date(2021, 11, 8))}
    assert found["A day later"].value == "2021-11-07"


def test_a_part_of_day_after_a_year_in_an_undated_report_stays_unplaced():
    text = "She was arrested in 2013. And she showed up at the clinic in the morning and hated it."
    undated = {t.text: t for t in find_timexes(text, article_id="x", dct=None)}
    assert (undated["the morning"].value, undated["the morning"].earliest) == ("XXXX-XX-XXTMO", None)
    # with a publication date, the morning is that day's (not 1 January of the year named before)
    dated = {t.text: t for t in find_timexes(text, article_id="x", dct=date(2013, 5, 3))}
    assert dated["the morning"].value == "2013-05-03TMO"


def test_the_week_after_a_year_is_the_current_week_or_unknown():
    text = "It was the worst violence since riots in 2008. The government hopes to pass it by the end of the week."
    dated = {t.text: t for t in find_timexes(text, article_id="x", dct=date(2010, 5, 6))}
    assert dated["the end of the week"].value == "2010-W18"
    # without a publication date the week is unknown (it was the first week of 2008)
    undated = {t.text: t for t in find_timexes(text, article_id="x", dct=None)}
    assert (undated["the end of the week"].value, undated["the end of the week"].earliest) == ("XXXX-WXX", None)


def test_an_unplaced_week_or_month_says_its_granularity():
    found = {t.text: t.value for t in find_timexes("Sales fell last month and rose this week.", article_id="x",
                                                   dct=None)}
    assert found == {"last month": "XXXX-XX", "this week": "XXXX-WXX"}
