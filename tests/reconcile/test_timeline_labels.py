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
