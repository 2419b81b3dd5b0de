"""A claim dated well before the story's reports appeared tells of an earlier event (the background paragraph of
a quake report: "the 2003 quake in Bam killed more than 31,000"); it is not aligned with — and so not held against
— an undated claim of the event being reported ("ten people were killed"), unless the two sentences say nearly the
same thing. Hand-built claims over own invented sentences."""

from __future__ import annotations

from datetime import UTC, datetime

from newsweave.model import Claim, Span
from newsweave.reconcile.align import claim_features, pair_score

PUBLISHED = datetime(2005, 11, 28, tzinfo=UTC)
OLD = (("time", "2003"), ("time_text", "2003"), ("time_earliest", "2003-01-01T00:00:00+00:00"),
       ("time_latest", "2003-12-31T23:59:59+00:00"), ("time_granularity", "year"))
RECENT = (("time", "2005-11-27"), ("time_text", "Sunday"), ("time_earliest", "2005-11-27T00:00:00+00:00"),
          ("time_latest", "2005-11-27T23:59:59+00:00"), ("time_granularity", "day"))


def _toll(aid: str, count: str, *extra) -> Claim:
    return Claim(id=aid, evidence=Span(aid, 0, 10), subject=f"{count} people", predicate="kill",
                 arguments=(("class", "harm"), ("key", "people"), ("count", count), ("status", "killed"), *extra))


def _score(a_extra, b_extra, a_text, b_text, *, published=PUBLISHED) -> float:
    a = claim_features(_toll("a", "31,000", *a_extra), a_text, published=published)
    b = claim_features(_toll("b", "ten", *b_extra), b_text, published=published)
    return pair_score(a, b)


A_TEXT = "The earthquake that struck Bam in 2003 killed more than 31,000 people."
B_TEXT = "Ten people were killed when the earthquake razed villages on the island."


def test_a_claim_dated_years_before_the_reports_is_another_event() -> None:
    assert _score(OLD, (), A_TEXT, B_TEXT) == 0.0


def test_without_that_date_the_claims_align() -> None:
    assert _score((), (), A_TEXT, B_TEXT) > 0.45  # the control: the same sentences, nothing dating them apart


def test_a_recent_date_or_an_unknown_publication_time_does_not_separate_them() -> None:
    assert _score(RECENT, (), A_TEXT, B_TEXT) > 0.45
    assert _score(OLD, (), A_TEXT, B_TEXT, published=None) > 0.45


def test_near_paraphrases_align_even_when_one_leaves_out_the_date() -> None:
    text = "A major earthquake killed more than 31,000 people in the city of Bam in southern Iran."
    assert _score(OLD, (), text + " in 2003", text) > 0.45


def _month(value: str) -> tuple[tuple[str, str], ...]:
    """A month named without a year in an undated report ("in February"): no interval of its own."""
    return (("time", value), ("time_text", "in that month"))


def test_a_month_without_a_year_is_placed_before_the_story_dates() -> None:
    # "In February" in an undated report of a story whose reports appeared in late November: February 2005
    assert _score(_month("XXXX-02"), (), A_TEXT, B_TEXT) == 0.0
    # "in November" is the story's own month, and "in December" lies in the past year: December 2004
    assert _score(_month("XXXX-11"), (), A_TEXT, B_TEXT) > 0.45
    assert _score(_month("XXXX-12"), (), A_TEXT, B_TEXT) == 0.0
    # a day: 2 November lies 26 days before the reports (not an earlier event), 2 October 57 days
    assert _score(_month("XXXX-11-02"), (), A_TEXT, B_TEXT) > 0.45
    assert _score(_month("XXXX-10-02"), (), A_TEXT, B_TEXT) == 0.0
