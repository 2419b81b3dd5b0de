"""TempEval-3-style scoring (newsweave.eval.timex) on small hand-made gold files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsweave.errors import InputError
from newsweave.eval.timex import format_table, load_gold, score_timex


def _write(path: Path, records: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def _tx(start: int, end: int, text: str, kind: str = "DATE", value: str = "2020-01-01", **extra) -> dict:
    return {"start": start, "end": end, "text": text, "type": kind, "value": value, **extra}


@pytest.fixture
def te3_gold(tmp_path: Path) -> list[dict]:
    text = "On Friday the board met; for two weeks nothing happened last year."
    records = [
        {
            "doc_id": "d1",
            "dct": "2020-01-06",
            "title": "",
            "text": text,
            "timexes": [
                _tx(3, 9, "Friday", value="2020-01-03"),
                _tx(29, 38, "two weeks", kind="DURATION", value="P2W"),
                _tx(56, 65, "last year", value="2019"),
            ],
        }
    ]
    return load_gold(_write(tmp_path / "te3.jsonl", records))


def test_load_gold_normalises_ids_and_keeps_timexes(te3_gold: list[dict]) -> None:
    assert te3_gold[0]["id"] == "d1"
    assert te3_gold[0]["dct"] == "2020-01-06"
    assert len(te3_gold[0]["timexes"]) == 3
    assert te3_gold[0]["annotated_char_end"] is None


def test_perfect_prediction_scores_one(te3_gold: list[dict]) -> None:
    pred = [{"id": "d1", "timexes": te3_gold[0]["timexes"]}]
    s = score_timex(te3_gold, pred)
    assert s["strict_f1"] == pytest.approx(1.0)
    assert s["value_f1"] == pytest.approx(1.0)
    assert s["type_acc"] == pytest.approx(1.0)


def test_strict_relaxed_type_and_value(te3_gold: list[dict]) -> None:
    pred = [
        {
            "doc_id": "d1",
            "timexes": [
                _tx(0, 9, "On Friday", value="2020-01-03"),  # relaxed only, value right
                _tx(29, 38, "two weeks", kind="DATE", value="P2W"),  # strict, wrong type
                _tx(56, 65, "last year", value="2018"),  # strict, wrong value
                _tx(10, 19, "the board"),  # false positive
            ],
        }
    ]
    s = score_timex(te3_gold, pred)
    assert s["strict_p"] == pytest.approx(2 / 4) and s["strict_r"] == pytest.approx(2 / 3)
    assert s["relaxed_p"] == pytest.approx(3 / 4) and s["relaxed_r"] == pytest.approx(1.0)
    assert s["type_acc"] == pytest.approx(2 / 3)
    # value correct on 2 of the relaxed matches: P = 2/4, R = 2/3
    assert s["value_f1"] == pytest.approx(2 * (0.5 * 2 / 3) / (0.5 + 2 / 3))


def test_missing_document_counts_as_no_output(te3_gold: list[dict]) -> None:
    s = score_timex(te3_gold, [])
    assert s["relaxed_r"] == 0.0 and s["pred"] == 0 and s["gold"] == 3


def test_meantime_output_after_the_annotated_region_is_ignored(tmp_path: Path) -> None:
    text = "Apple news\nMarch 06 , 2008\nOn Tuesday Apple released it . Later in 2009 more ."
    records = [
        {
            "doc_id": "m1",
            "dct": "2008-03-06",
            "text": text,
            "annotated_char_end": 50,
            "timexes": [
                _tx(11, 26, "March 06 , 2008", value="2008-03-06", functionInDocument="CREATION_TIME"),
                _tx(30, 37, "Tuesday", value="2008-03-04", functionInDocument="NONE"),
            ],
        }
    ]
    gold = load_gold(_write(tmp_path / "mt.jsonl", records))
    assert len(gold[0]["timexes"]) == 2  # the dateline is text-anchored and kept
    pred = [
        {
            "id": "m1",
            "timexes": [gold[0]["timexes"][0], gold[0]["timexes"][1], _tx(66, 70, "2009", value="2009")],
        }
    ]
    s = score_timex(gold, pred)
    assert s["pred"] == 2 and s["strict_f1"] == pytest.approx(1.0)


def test_load_gold_rejects_a_file_without_ids(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="doc_id"):
        load_gold(_write(tmp_path / "bad.jsonl", [{"text": "x"}]))


def test_format_table_is_markdown_in_percent(te3_gold: list[dict]) -> None:
    s = score_timex(te3_gold, [{"id": "d1", "timexes": te3_gold[0]["timexes"]}])
    table = format_table({"ours": s})
    lines = table.splitlines()
    assert lines[0].startswith("| system |") and "value F1" in lines[0]
    assert lines[2].startswith("| ours | 3 | 3 |") and "100.0" in lines[2]


def test_predictions_with_nested_spans_are_accepted(te3_gold: list[dict]) -> None:
    nested = [{**t, "span": {"start": t["start"], "end": t["end"]}} for t in te3_gold[0]["timexes"]]
    for t in nested:
        del t["start"], t["end"]
    assert score_timex(te3_gold, [{"id": "d1", "timexes": nested}])["strict_f1"] == pytest.approx(1.0)
