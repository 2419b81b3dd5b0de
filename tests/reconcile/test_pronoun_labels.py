"""A fact whose report says "she" is labelled with the name the analysis linked the pronoun to, in brackets (the
name is newsweave's reading, not the report's words); "they" never stands for one person. Invented reports."""

from __future__ import annotations

from _reconcile_helpers import make_article

from newsweave.model import Story
from newsweave.reconcile.dossier import build_dossier, dossier_to_json

TEXT = ("Singer Jane Roe was arrested in Denver on Monday after a crash on the highway. "
        "She was not charged, police said on Tuesday.")


def _labels(nlp, texts):
    arts = [make_article(f"r{i}", t, date="2022-03-09", outlet=f"Outlet {i}") for i, t in enumerate(texts)]
    d = build_dossier(Story(id="s-1", title="Arrest"), arts, {}, nlp=nlp)
    return d, [f.label for f in d.facts]


def test_she_is_labelled_with_the_name_in_brackets(nlp):
    d, labels = _labels(nlp, [TEXT])
    assert "[Jane Roe] was not charged" in labels
    assert not any(label.lower().startswith("she ") for label in labels)
    data = dossier_to_json(d)
    names = [v for f in data["facts"] for c in f["claims"] for r, v in c["arguments"] if r == "subject_name"]
    assert names == ["Jane Roe"]
    for f in data["facts"]:  # the evidence still quotes the report's own words
        for c in f["claims"]:
            ev = c["evidence"]
            assert d.articles[0].text[ev["start"]: ev["end"]] == ev["text"]


def test_they_is_not_one_person(nlp):
    _, labels = _labels(nlp, ["Jane Roe met the two officers on Monday. They arrested a driver near the bridge."])
    assert not any(label.startswith("[Jane Roe] arrested") for label in labels)


def test_a_pronoun_without_a_linked_name_stays(nlp):
    _, labels = _labels(nlp, ["The driver of the truck was not named. He was arrested near the bridge on Monday."])
    assert not any(label.startswith("[") for label in labels)
