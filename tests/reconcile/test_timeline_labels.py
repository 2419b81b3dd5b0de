"""What a timeline entry says happened: the count most dated claims agree on, and the start of the dating
sentence instead of a bare noun (invented reports)."""

from __future__ import annotations

from _reconcile_helpers import make_article

from newsweave.model import Story
from newsweave.reconcile.dossier import build_dossier


def _timeline(nlp, texts):
    arts = [make_article(f"r{i}", t, date="2022-03-09", outlet=f"Outlet {i}") for i, t in enumerate(texts)]
    return build_dossier(Story(id="s-1"), arts, {}, nlp=nlp).timeline


def test_a_toll_all_reports_agree_on_is_named_with_its_count(nlp):
    texts = [
        "Ten people were killed in Kandahar on Monday, police said.",
        "Ten people were killed in Kandahar on Monday, officials said.",
    ]
    labels = [e.label for e in _timeline(nlp, texts)]
    assert any(label.startswith("Ten ") and "killed" in label for label in labels), labels


def test_disputed_tolls_keep_the_plain_label(nlp):
    texts = [
        "Ten people were killed in Kandahar on Monday, police said.",
        "Three people were killed in Kandahar on Monday, officials said.",
    ]
    labels = [e.label for e in _timeline(nlp, texts)]
    assert not any(label.startswith(("Ten ", "Three ")) for label in labels), labels


def test_a_bare_noun_becomes_the_start_of_its_sentence(nlp):
    texts = ["The quake on Saturday was felt across the region."]
    labels = [e.label for e in _timeline(nlp, texts)]
    assert labels == ["The quake on Saturday was felt across the region"], labels


def test_one_quake_a_day_told_in_two_ways_is_one_entry(nlp):
    tl = _timeline(nlp, ["An earthquake hit southern Iran on Sunday.",
                         "Sunday's tremor damaged seven villages in the south."])
    assert [(e.label, len(e.evidence)) for e in tl] == [("An earthquake hit southern Iran", 2)]


def test_two_events_of_a_day_stay_apart(nlp):
    tl = _timeline(nlp, ["A bomb exploded near the market in Kandahar on Monday.",
                         "On Monday, the attack on the market was condemned by the governor."])
    assert len(tl) == 2


def test_a_label_running_on_into_its_sentence_is_the_entry_it_continues():
    from datetime import UTC, datetime

    from newsweave.model import Span, TimelineEntry
    from newsweave.reconcile.timeline import _merge_same

    t0, t1 = datetime(2010, 1, 1, tzinfo=UTC), datetime(2010, 12, 31, tzinfo=UTC)
    a, b = Span("a", 0, 80), Span("b", 0, 90)
    short = TimelineEntry("The actress spent time at the Betty Ford Center", t0, t1, "2010", (a,))
    long = TimelineEntry("The actress spent time at the Betty Ford Center in 2010; however, a member of the…",
                         t0, t1, "2010", (a, b))
    [one] = _merge_same([short, long])
    assert one.label == short.label and set(one.evidence) == {a, b}
    # a different sentence that happens to start alike stays apart
    other = TimelineEntry("The actress spent time at the Betty Ford Center in 2010 and again in 2013", t0, t1,
                          "2010", (Span("c", 0, 70),))
    assert len(_merge_same([short, other])) == 2


def test_a_dated_mention_of_one_report_is_minor_an_event_is_not(nlp):
    tl = _timeline(nlp, [("A bomb exploded near the market in Kandahar on Monday. The mayor opened a new library "
                         "on Tuesday."),
                         "On Monday, a bomb exploded near the market in Kandahar, killing two people."])
    by_label = {e.label: e.minor for e in tl}
    assert not any(minor for label, minor in by_label.items() if "bomb" in label), by_label
    assert any(minor for label, minor in by_label.items() if "library" in label), by_label
