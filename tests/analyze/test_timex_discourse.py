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


def test_day_offset_after_a_day_is_that_day_plus_one():
    text = "The talks opened on Saturday, November 6. A day later, they collapsed."
    found = {t.text: t for t in find_timexes(text, article_id="x", dct=date(2021, 11, 8))}
    assert found["A day later"].value == "2021-11-07"
