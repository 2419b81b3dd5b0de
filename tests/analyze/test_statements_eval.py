"""The attribution scorer (newsweave.eval.attributions) and the hand-annotated statement gold set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsweave.eval.attributions import format_table, load_gold, pair_attributions, score_attributions
from newsweave.eval.statements import same_name

GOLD_SET = Path(__file__).resolve().parents[1] / "data" / "statements_gold.jsonl"


def _sp(a: int, b: int) -> dict:
    return {"start": a, "end": b}


TEXT = 'The mayor said that "the bridge will reopen" on Friday. Officials said the road was closed.'
GOLD = [
    {
        "id": "d1",
        "text": TEXT,
        "attributions": [
            {"source": _sp(0, 9), "cue": _sp(10, 14), "content": _sp(15, 54)},
            {"source": _sp(56, 65), "cue": _sp(66, 70), "content": _sp(71, 90)},
        ],
    }
]


def test_perfect_prediction_scores_one():
    pred = [{"id": "d1", "statements": [
        {"speaker": a["source"], "cue": a["cue"], "content": a["content"]} for a in GOLD[0]["attributions"]]}]
    scores = score_attributions(GOLD, pred)
    for role in ("source", "cue", "content"):
        for m in ("exact", "overlap"):
            assert scores[role][m]["f1"] == pytest.approx(1.0)


def test_exact_ignores_that_and_quotes_but_overlap_is_looser():
    # content without "that" and with the closing quote trimmed; source one character short
    pred = [{"id": "d1", "statements": [{"speaker": _sp(4, 9), "cue": _sp(10, 14), "content": _sp(20, 53)}]}]
    scores = score_attributions(GOLD, pred)
    assert scores["content"]["overlap"]["hits"] == 1
    assert scores["content"]["exact"]["hits"] == 0  # "on Friday" is missing: not the same span
    assert scores["source"]["overlap"]["hits"] == 1 and scores["source"]["exact"]["hits"] == 0
    assert scores["content"]["overlap"]["p"] == 1.0 and scores["content"]["overlap"]["r"] == 0.5
    pred_that = [{"id": "d1", "statements": [{"speaker": None, "cue": None, "content": _sp(20, 54)}]}]
    assert score_attributions(GOLD, pred_that)["content"]["exact"]["hits"] == 1


def test_pairing_is_one_to_one_by_largest_overlap():
    gold = [{"content": _sp(0, 10)}, {"content": _sp(12, 30)}]
    pred = [{"content": _sp(5, 20)}, {"content": _sp(0, 4)}]
    assert sorted(pair_attributions(gold, pred)) == [(0, 1), (1, 0)]


def test_source_scored_only_on_paired_contents():
    # right speaker, but attached to a content that matches nothing: no source hit
    pred = [{"id": "d1", "statements": [{"speaker": _sp(0, 9), "cue": _sp(10, 14), "content": _sp(92, 92)}]}]
    scores = score_attributions(GOLD, pred)
    assert scores["source"]["overlap"]["hits"] == 0


def test_missing_document_counts_as_empty_prediction():
    scores = score_attributions(GOLD, [])
    assert scores["content"]["overlap"]["r"] == 0.0 and scores["content"]["overlap"]["gold"] == 2


def test_load_gold_reads_polnear_lines(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps({"doc_id": "x", "text": "abc", "attributions": [
        {"source": None, "cue": [0, 1], "content": [1, 3]}]}) + "\n", encoding="utf-8")
    (doc,) = load_gold(path)
    assert doc["id"] == "x" and doc["attributions"][0] == {"source": None, "cue": _sp(0, 1), "content": _sp(1, 3)}


def test_format_table_has_a_row_per_system():
    scores = score_attributions(GOLD, [])
    table = format_table([("a", scores), ("b", scores)])
    assert table.count("\n") == 3 and "content overlap" in table


# -- the hand-annotated gold set ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def gold_results():
    from newsweave.analyze.pipeline import get_pipeline
    from newsweave.analyze.statements import extract_statements

    nlp = get_pipeline()
    lines = GOLD_SET.read_text(encoding="utf-8").splitlines()
    assert "CC BY 4.0" in lines[0]  # attribution of the Wikinews texts
    out = []
    for line in lines[1:]:
        rec = json.loads(line)
        preds = extract_statements(nlp(rec["text"]), article_id=rec["id"])
        pred_rows = [{"content": {"start": p.content.start, "end": p.content.end}} for p in preds]
        pairs = dict(pair_attributions(rec["statements"], pred_rows))
        for gi, g in enumerate(rec["statements"]):
            out.append((rec, g, preds[pairs[gi]] if gi in pairs else None))
    return out


def test_gold_set_statements_are_found(gold_results):
    found = sum(1 for _, _, p in gold_results if p is not None)
    assert len(gold_results) >= 30
    assert found / len(gold_results) >= 0.9


def test_gold_set_channels_and_relays(gold_results):
    pairs = [(g, p) for _, g, p in gold_results if p is not None]
    channel = sum(p.channel == g["channel"] for g, p in pairs) / len(pairs)
    relays = sum(list(p.relays) == g["relays"] for g, p in pairs) / len(pairs)
    assert channel >= 0.85, channel
    assert relays >= 0.85, relays


def test_gold_set_speakers(gold_results):
    pairs = [(g, p) for _, g, p in gold_results if p is not None]
    speaker = sum(
        p.speaker is not None and p.speaker.start < g["speaker"]["end"] and g["speaker"]["start"] < p.speaker.end
        for g, p in pairs
    ) / len(pairs)
    anonymous = sum(p.anonymous == g["anonymous"] for g, p in pairs) / len(pairs)
    direct = sum(p.direct == g["direct"] for g, p in pairs) / len(pairs)
    named = [(g, p) for g, p in pairs if g["speaker_entity"]]
    entity = sum(same_name(g["speaker_entity"], p.speaker_entity) for g, p in named) / len(named)
    assert speaker >= 0.9 and anonymous >= 0.9 and direct >= 0.9
    assert entity >= 0.8, entity
