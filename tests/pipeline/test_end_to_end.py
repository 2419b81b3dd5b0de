"""The whole pipeline through the store and the CLI: ingest → analyse → group → reconcile → dossier,
plus human corrections that survive new input. Assertions are about kinds of result, not exact strings."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import newsweave
from newsweave.cli import app

OTHER_DRONE_ATTACK = (
    " date 2019-03-14 An armed drone struck a fuel depot near the port city of Hodeidah early on Thursday, "
    "local officials said, setting two storage tanks on fire. The governor of the province said nobody was "
    "killed but four workers were treated for burns. Firefighters brought the blaze under control by the "
    "evening, the port authority said in a statement."
)

runner = CliRunner()


@pytest.fixture(scope="module")
def store(tmp_path_factory, ):
    from tests.conftest import EXAMPLES

    root = tmp_path_factory.mktemp("e2e")
    other = root / "other.txt"
    other.write_text(OTHER_DRONE_ATTACK, encoding="utf-8")
    db = root / "e2e.db"
    with newsweave.open(db) as nw:
        report = nw.ingest([str(p) for p in EXAMPLES] + [str(other)])
        assert report.counts["added"] == 3
    return db


def _story_of(nw, needle: str) -> str:
    article = next(a for a in nw.articles(limit=None) if needle in a.text)
    return nw.store.story_of(article.id)


def test_examples_form_one_story_and_a_different_attack_does_not_join(store):
    with newsweave.open(store) as nw:
        a = _story_of(nw, "Biden on Sunday strongly condemned")
        b = _story_of(nw, "purported drone strike")
        c = _story_of(nw, "Hodeidah")
        assert a == b != c
        assert nw.stats()["analyzed"] == 3


def test_dossier_has_status_conflict_precision_difference_and_dated_attack(store):
    with newsweave.open(store) as nw:
        sid = _story_of(nw, "Biden on Sunday strongly condemned")
        d = nw.dossier(sid)
        texts = {a.id: a.text for a in nw.articles(limit=None)}
    assert d["schema"] == "newsweave.dossier/1"
    status = [c for c in d["conflicts"] if c["kind"] == "status" and c["verdict"] == "contradiction"]
    assert status, "the reports disagree on the Prime Minister's health"
    sides = status[0]["sides"]
    assert {s["article_id"] for s in sides} == set(texts) - {a for a in texts if "Hodeidah" in texts[a]}
    for side in sides:  # provenance: the offsets point at the quoted sentence
        ev = side["evidence"]
        assert texts[ev["article_id"]][ev["start"]:ev["end"]] == ev["text"]
    assert any(c["kind"] == "number" and c["verdict"] == "precision" for c in d["conflicts"])
    night = [e for e in d["timeline"] if (e.get("value") or "").startswith("2021-11-06T")]
    assert night and night[0]["earliest"].startswith("2021-11-06") and night[0]["latest"].startswith("2021-11-07")
    assert any(e["background"] for e in d["timeline"])
    channels = {(s["channel"], tuple(s["relays"])) for s in d["statements"]}
    assert ("written statement", ("Reuters",)) in channels
    assert any(ch == "social media post" for ch, _ in channels)
    for item in d["summary"]:
        for cite in item["citations"]:
            assert cite["article_id"] in texts and 0 <= cite["start"] < cite["end"] <= len(texts[cite["article_id"]])


def test_story_command_formats(store):
    with newsweave.open(store) as nw:
        sid = _story_of(nw, "Biden on Sunday strongly condemned")
    as_json = runner.invoke(app, ["story", sid, "--db", str(store), "--format", "json"])
    assert as_json.exit_code == 0 and json.loads(as_json.stdout)["story"]["id"] == sid
    md = runner.invoke(app, ["story", sid, "--db", str(store), "--format", "md"]).stdout
    assert md.startswith("#") and "contradict" in md.lower()
    html = runner.invoke(app, ["story", sid, "--db", str(store), "--format", "html"]).stdout
    assert "<html" in html.lower() and "<script" not in html.lower()
    members = runner.invoke(app, ["story", sid, "--db", str(store), "--format", "members"])
    assert members.exit_code == 0 and "2021-11-07" in members.stdout
    listing = json.loads(runner.invoke(app, ["stories", "--db", str(store), "--json"]).stdout)
    assert {s["id"] for s in listing} >= {sid} and all(s["size"] >= 1 for s in listing)
    assert runner.invoke(app, ["story", "s-doesnotexist", "--db", str(store)]).exit_code == 4


def test_manual_corrections_survive_new_input(tmp_path, store):
    db = tmp_path / "copy.db"
    db.write_bytes(store.read_bytes())
    with newsweave.open(db) as nw:
        sid = _story_of(nw, "Biden on Sunday strongly condemned")
        other = _story_of(nw, "Hodeidah")
        moved = next(a for a in nw.articles(limit=None) if "purported drone strike" in a.text)
        target = nw.move_article(moved.id, other)
        assert target == other and nw.store.story_of(moved.id) == other
        # a new report of the first event arrives: the moved report stays where the human put it
        nw.ingest_texts([
            ("Iraq's prime minister was unhurt after an armed drone attack on his residence in Baghdad on "
            "Saturday night, officials said, while seven of his guards were wounded in the assassination attempt.")
        ])
        assert nw.store.story_of(moved.id) == other
        merged = nw.merge_stories(other, sid)
        assert nw.store.resolve_story(other) == merged == nw.store.resolve_story(sid)
        events = [e["kind"] for e in nw.store.story_events()]
        assert "move" in events and "merge" in events
