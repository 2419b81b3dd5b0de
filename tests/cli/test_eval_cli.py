"""`newsweave eval clusters|timex|attributions` end to end: scores, tables, and one-line errors on bad files."""

from __future__ import annotations

import gzip
import json

import pytest
from typer.testing import CliRunner

from newsweave.cli import app

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, ["eval", *args], catch_exceptions=False)


def write(path, records) -> str:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records), encoding="utf-8")
    return str(path)


TEXT = "The mayor said on Friday that the bridge will reopen in May 2024."
TIMEX_GOLD = {"doc_id": "d1", "dct": "2024-03-01", "text": TEXT, "timexes": [
    {"start": 18, "end": 24, "text": "Friday", "type": "DATE", "value": "2024-03-01"},
    {"start": 56, "end": 64, "text": "May 2024", "type": "DATE", "value": "2024-05"}]}
ATTR_GOLD = {"doc_id": "d1", "text": TEXT, "attributions": [
    {"source": [0, 9], "cue": [10, 14], "content": [30, 64]}]}


def test_clusters_json_and_table(tmp_path):
    gold = write(tmp_path / "gold.jsonl", [{"id": "a", "story": "x"}, {"id": "b", "story": "x"},
                                           {"id": "c", "story": "y"}])
    pred = write(tmp_path / "pred.jsonl", [{"id": "a", "story": "1"}, {"id": "b", "story": "1"},
                                           {"id": "c", "story": "1"}])
    result = invoke("clusters", gold, pred, "--json")
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    # one gold pair (a, b) of the three predicted pairs; every gold pair found
    assert scores["pairwise_precision"] == pytest.approx(1 / 3) and scores["pairwise_recall"] == pytest.approx(1.0)
    assert scores["predicted_stories"] == 1 and scores["merges"] == 1
    table = invoke("clusters", gold, pred)
    assert table.exit_code == 0, table.output
    lines = table.stdout.strip().splitlines()
    assert lines[0].startswith("| system | pair P") and lines[2].startswith("| newsweave | 0.333 | 1.000")


def test_clusters_gold_key_option(tmp_path):
    gold = write(tmp_path / "gold.jsonl", [{"id": "a", "event": "x"}, {"id": "b", "event": "y"}])
    pred = write(tmp_path / "pred.jsonl", [{"id": "a", "story": "1"}, {"id": "b", "story": "2"}])
    scores = json.loads(invoke("clusters", gold, pred, "--gold-key", "event", "--json").stdout)
    assert scores["bcubed_f1"] == pytest.approx(1.0)


def test_timex_scores_values(tmp_path):
    gold = write(tmp_path / "gold.jsonl", [TIMEX_GOLD])
    right, wrong = dict(TIMEX_GOLD["timexes"][0]), dict(TIMEX_GOLD["timexes"][1], value="2025-05")
    pred = write(tmp_path / "pred.jsonl", [{"id": "d1", "timexes": [right, wrong]}])
    scores = json.loads(invoke("timex", gold, pred, "--json").stdout)
    assert scores["strict_f1"] == pytest.approx(1.0) and scores["value_f1"] == pytest.approx(0.5)
    table = invoke("timex", gold, pred).stdout
    assert "| newsweave | 2 | 2 | 100.0 |" in table


def test_attributions_reads_gzip_gold(tmp_path):
    gold = tmp_path / "gold.jsonl.gz"
    with gzip.open(gold, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps(ATTR_GOLD) + "\n")
    pred = write(tmp_path / "pred.jsonl", [{"id": "d1", "statements": [
        {"speaker": {"start": 0, "end": 9}, "cue": {"start": 10, "end": 14}, "content": {"start": 15, "end": 64}}]}])
    scores = json.loads(invoke("attributions", str(gold), pred, "--json").stdout)
    assert scores["content"]["overlap"]["f1"] == pytest.approx(1.0)
    assert scores["source"]["exact"]["f1"] == pytest.approx(1.0)
    assert scores["content"]["exact"]["f1"] == pytest.approx(0.0)  # "on Friday that …" is not the gold extent


@pytest.mark.parametrize(("command", "gold", "pred", "message"), [
    ("clusters", [{"id": "a", "story": "x"}], None, "no such file"),
    ("clusters", [{"id": "a", "story": "x"}, "{not json"], [{"id": "a", "story": "1"}], "gold.jsonl:2: not JSON"),
    ("clusters", [{"id": "a", "story": "x"}], [{"id": "a"}], "pred.jsonl:1: expected a JSON object with 'id'"),
    ("timex", [{"doc_id": "d1", "text": "x"}], [{"id": "d1", "timexes": []}], "gold.jsonl:1: no 'timexes' field"),
    ("timex", [TIMEX_GOLD], [{"id": "d1", "timexes": [{"start": 1}]}], "pred.jsonl:1: timexes[0] must be an object"),
    ("timex", [TIMEX_GOLD], [[1, 2]], "pred.jsonl:1: a JSON list, not an object"),
    ("attributions", [{"id": "d1", "text": "x"}], [{"id": "d1", "statements": []}], "no 'attributions' field"),
    ("attributions", [ATTR_GOLD], [{"id": "d1", "timexes": []}], "pred.jsonl:1: record needs 'id' and 'statements'"),
    ("attributions", [dict(ATTR_GOLD, attributions=[{"content": "here"}])], [{"id": "d1", "statements": []}],
     "gold.jsonl:1: each role must be null"),
])
def test_bad_files_get_a_one_line_error(tmp_path, command, gold, pred, message):
    g = write(tmp_path / "gold.jsonl", gold)
    p = write(tmp_path / "pred.jsonl", pred) if pred is not None else str(tmp_path / "missing.jsonl")
    result = runner.invoke(app, ["eval", command, g, p])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    said = " ".join(result.stderr.split())  # the error console wraps long lines
    assert message in said and "Traceback" not in said


def test_undecodable_file_is_named(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_bytes(b'{"id": "a", "story": "caf\xe9"}\n')
    pred = write(tmp_path / "pred.jsonl", [{"id": "a", "story": "1"}])
    result = runner.invoke(app, ["eval", "clusters", str(gold), pred])
    assert result.exit_code == 2 and "gold.jsonl: not UTF-8" in " ".join(result.stderr.split())


def test_entities_scores_analysis_records(tmp_path):
    text = "John Smith met Mary Jones. He left."
    gold = write(tmp_path / "gold.jsonl", [
        {"_about": "a header line is skipped"},
        {"id": "ext-1", "story": "s", "text": text, "mentions": [
            {"start": 0, "end": 10, "entity": "john_smith", "kind": "name"},
            {"start": 15, "end": 25, "entity": "mary_jones", "kind": "name"},
            {"start": 27, "end": 29, "entity": "john_smith", "kind": "pronoun"}]}])
    pred = write(tmp_path / "pred.jsonl", [{"id": "h1", "external_id": "ext-1", "entities": [
        {"start": 0, "end": 10, "entity_id": "a"}, {"start": 15, "end": 25, "entity_id": "b"},
        {"start": 27, "end": 29, "entity_id": "b"}]}])
    scores = json.loads(invoke("entities", gold, pred, "--json").stdout)
    assert scores["mentions"]["f1"] == pytest.approx(1.0)
    assert scores["pronouns"]["wrong"] == 1 and scores["pronouns"]["right"] == 0
    table = invoke("entities", gold, pred).stdout
    assert table.startswith("| system | mentions P / R / F1") and "| 0 / 1 / 0 |" in table
    bad = runner.invoke(app, ["eval", "entities", gold, write(tmp_path / "p2.jsonl", [{"id": "h1"}])])
    assert bad.exit_code == 2 and "record needs 'id' and 'entities'" in " ".join(bad.stderr.split())
