"""newsweave's own annotated statement sets: the scorer, and quality gates on the blind held-out set."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.eval.statements import format_table, load_statement_set, same_name, score_statement_set

DATA = Path(__file__).resolve().parents[1] / "data"


def _sp(a: int, b: int) -> dict:
    return {"start": a, "end": b}


GOLD = [{"id": "d1", "text": "x" * 100, "statements": [
    {"speaker": _sp(0, 5), "content": _sp(10, 30), "direct": True, "anonymous": False, "channel": "interview",
     "relays": ["The Associated Press"], "speaker_entity": "Jane Roe"},
    {"speaker": _sp(40, 48), "content": _sp(50, 70), "direct": False, "anonymous": True, "channel": "unknown",
     "relays": [], "speaker_entity": None},
    {"speaker": _sp(80, 85), "content": _sp(86, 99), "direct": False, "anonymous": False, "channel": "unknown",
     "relays": [], "speaker_entity": "Acme Corp"},
]}]


@pytest.mark.parametrize(("gold", "pred", "same"), [
    ("Jane Roe", "Roe", True),
    ("Roe", "Jane Roe", True),
    ("Mustafa al-Kadhimi", "Al-Kadhimi", True),
    ("The Associated Press", "Associated Press", True),
    ("Jane Roe", "John Roe", False),
    ("Roe", "Monroe", False),  # a name ends another only at a word boundary
    ("Jane Roe", None, False),
])
def test_same_name(gold, pred, same):
    assert same_name(gold, pred) is same


def test_scores_attributes_on_found_statements_only():
    pred = {"d1": [
        {"speaker": _sp(1, 5), "content": _sp(12, 28), "direct": True, "anonymous": False, "channel": "interview",
         "relays": ["Associated Press"], "speaker_entity": "Roe"},
        {"speaker": _sp(40, 48), "content": _sp(52, 60), "direct": True, "anonymous": True,
         "channel": "written statement", "relays": [], "speaker_entity": "officials"},
        {"speaker": None, "content": _sp(0, 3), "direct": False, "anonymous": False, "channel": "unknown",
         "relays": [], "speaker_entity": None},  # overlaps no gold content: found by nobody
    ]}
    s = score_statement_set(GOLD, pred)
    assert (s["gold"], s["pred"], s["found"]) == (3, 3, 2)
    assert s["found_p"] == pytest.approx(2 / 3) and s["found_r"] == pytest.approx(2 / 3)
    assert s["speaker"] == 1.0 and s["anonymous"] == 1.0 and s["relays"] == 1.0
    assert s["direct"] == pytest.approx(0.5) and s["channel"] == pytest.approx(0.5)
    # only the named gold speaker counts for names ("officials" is no name to resolve)
    assert s["named"] == 1 and s["speaker_name"] == 1.0
    assert "| newsweave | 3 | 3 | 0.67 / 0.67 / **0.67** |" in format_table({"newsweave": s})


def test_missing_document_finds_nothing():
    s = score_statement_set(GOLD, {})
    assert s["found_r"] == 0.0 and s["channel"] == 0.0


@pytest.fixture(scope="module")
def heldout_scores():
    from newsweave.analyze.jsonl import statement_record
    from newsweave.analyze.pipeline import get_pipeline
    from newsweave.analyze.statements import extract_statements

    path = DATA / "statements_heldout.jsonl"
    assert "CC BY 3.0" in path.read_text(encoding="utf-8").splitlines()[0]  # ECB+ attribution
    docs = load_statement_set(path)
    nlp = get_pipeline()
    pred = {d["id"]: [statement_record(s, d["text"]) for s in extract_statements(nlp(d["text"]), article_id=d["id"])]
            for d in docs}
    return score_statement_set(docs, pred)


def test_heldout_set_is_the_documented_size(heldout_scores):
    assert heldout_scores["gold"] == 121


def test_heldout_quality_gate(heldout_scores):
    # A regression gate set below the measured values (docs/benchmarks.md), not a target: the blind set was
    # never tuned on, and these floors must not be raised by tuning on it either.
    s = heldout_scores
    assert s["found_r"] >= 0.80 and s["found_p"] >= 0.60, s
    assert s["speaker"] >= 0.90 and s["direct"] >= 0.90, s
    assert s["channel"] >= 0.78 and s["relays"] >= 0.90, s
    assert s["speaker_name"] >= 0.70, s
