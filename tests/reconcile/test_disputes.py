"""Disputes: the contradictions of one fact gathered, each value once with every report that gives it, in the
dossier, its JSON and the three renderers (invented reports)."""

from __future__ import annotations

import json

from _reconcile_helpers import make_article

from newsweave.model import Story
from newsweave.reconcile.dossier import build_dossier, dossier_to_json
from newsweave.reconcile.render import disputes, to_html, to_markdown

TOLLS = [
    "Three people were killed when a bomb exploded at a market in Kandahar on Monday, police said.",
    "Two people were killed when a bomb exploded at a market in Kandahar on Monday, officials said.",
    "Five people were killed when a bomb exploded at a market in Kandahar on Monday, the governor said.",
    "Two people were killed when a bomb exploded at a market in Kandahar on Monday.",
]


def _dossier(nlp, texts=TOLLS):
    arts = [make_article(f"r{i}", t, date="2022-03-09", outlet=f"Outlet {i}") for i, t in enumerate(texts)]
    return build_dossier(Story(id="s-1", title="Market bomb"), arts, {}, nlp=nlp)


def test_three_tolls_make_one_dispute_with_each_value_once(nlp):
    d = _dossier(nlp)
    pairwise = [c for c in d.conflicts if c.verdict == "contradiction" and c.kind == "number"]
    assert len(pairwise) >= 3  # three against two, three against five, two against five (twice for "two")
    numbers = [x for x in d.disputes if x.kind == "number"]
    assert len(numbers) == 1
    (dispute,) = numbers
    values = [p.value.lower() for p in dispute.positions]
    assert sorted(values) == ["five", "three", "two"]
    two = dispute.positions[values.index("two")]
    assert {c.evidence.article_id for c in two.claims} == {"r1", "r3"}  # both reports that say "two"
    assert len(dispute.pairs) == 3 and all(reason for _, _, reason in dispute.pairs)
    assert {frozenset((a, b)) for a, b, _ in dispute.pairs} == {frozenset(p) for p in ((0, 1), (0, 2), (1, 2))}


def test_dispute_json_carries_evidence_offsets(nlp):
    d = _dossier(nlp)
    data = json.loads(json.dumps(dossier_to_json(d)))
    (dispute,) = [x for x in data["disputes"] if x["kind"] == "number"]
    texts = {a.id: a.text for a in d.articles}
    for p in dispute["positions"]:
        for c in p["claims"]:
            ev = c["evidence"]
            assert texts[ev["article_id"]][ev["start"] : ev["end"]] == ev["text"]
            assert p["value"].lower() in ev["text"].lower()
    assert all(0 <= x["a"] < len(dispute["positions"]) and 0 <= x["b"] < len(dispute["positions"])
               for x in dispute["pairs"])


def test_markdown_and_html_show_each_value_once(nlp):
    d = _dossier(nlp)
    md = to_markdown(d)
    section = md.split("## Where the reports disagree")[1].split("###")[0].split("## Timeline")[0]
    for value in ("Three", "Two", "Five"):
        assert section.count(f"“{value}”") == 1, section
    assert "no two of which can both be true" in section
    page = to_html(d)
    assert page.count("<strong>“Two”</strong>") == 1


def test_a_dossier_written_before_disputes_shows_each_contradiction_as_one(nlp):
    data = dossier_to_json(_dossier(nlp))
    del data["disputes"]
    shown = disputes(data)
    assert len(shown) == sum(1 for c in data["conflicts"] if c["verdict"] == "contradiction")
    assert all(len(x["positions"]) == 2 and x["why"] for x in shown)
    assert "## Where the reports disagree" in to_markdown(data)


def test_no_contradiction_no_dispute(nlp):
    d = _dossier(nlp, texts=TOLLS[1::2])  # both say "two"
    assert not d.disputes
    assert "No contradictions found." in to_markdown(d)


def test_statuses_of_one_level_are_one_position(nlp):
    texts = [
        "The mayor was not injured in the blast at the market in Kandahar on Monday, police said.",
        "The mayor was unharmed in the blast at the market in Kandahar on Monday, officials said.",
        "The mayor was mildly hurt in the blast at the market in Kandahar on Monday, the broadcaster reported.",
    ]
    status = [x for x in _dossier(nlp, texts).disputes if x.kind == "status"]
    assert len(status) == 1
    assert len(status[0].positions) == 2  # "not injured" and "unharmed" against "mildly hurt"
    assert sorted(len(p.claims) for p in status[0].positions) == [1, 2]


def test_summary_states_the_main_dispute_with_every_value(nlp):
    d = _dossier(nlp)
    text, cites = d.summary[-1]
    assert text.startswith("Reports disagree on how many people were killed:"), text
    for value in ("Three", "Two", "Five"):
        assert f"“{value}”" in text
    assert "and 1 other report" in text  # "two" is given by two reports
    assert len(cites) == 3 and len({c.article_id for c in cites}) == 3


def test_a_time_dispute_shows_the_words_and_the_date(nlp):
    texts = [
        "A bomb exploded at the market in Kandahar on Monday, killing the shop owner, police said.",
        "A bomb exploded at the market in Kandahar on Friday, killing the shop owner, officials said.",
    ]
    times = [x for x in _dossier(nlp, texts).disputes if x.kind == "time"]
    assert times, "two weekdays four days apart contradict"
    values = {p.value for p in times[0].positions}
    assert values == {"Monday (2022-03-07)", "Friday (2022-03-04)"}, values


def test_a_disputed_fact_is_marked_among_the_agreed_facts(nlp):
    d = _dossier(nlp)
    data = dossier_to_json(d)
    tolls = [f for f in data["facts"] if f["label"] == "people killed"]
    assert tolls and all(f["disputed"] for f in tolls)
    agreed = to_markdown(d).split("## What the sources agree on")[1].split("## Reports")[0]
    assert "people killed" in agreed and "**disputed**" in agreed
    assert not any(f["disputed"] for f in dossier_to_json(_dossier(nlp, texts=TOLLS[1::2]))["facts"])
