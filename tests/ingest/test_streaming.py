"""JSON Lines files stream record by record: the size limit applies per record, and nothing is read whole."""

from __future__ import annotations

import gzip
import json

from newsweave.ingest.records import RawReport
from newsweave.ingest.sources import iter_reports
from newsweave.model import Rejection

TEXT = "The river rose above its banks on Monday and flooded the lower town, the mayor said in a statement."


def test_size_limit_is_per_record_in_jsonl(tmp_path):
    path = tmp_path / "big.jsonl"
    lines = [json.dumps({"text": TEXT, "date": "2024-01-01"}) for _ in range(50)]
    lines.insert(10, json.dumps({"text": "word " * 2000}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert path.stat().st_size > 5_000
    items = list(iter_reports([str(path)], max_bytes=5_000))
    reports = [i for i in items if isinstance(i, RawReport)]
    rejected = [i for i in items if isinstance(i, Rejection)]
    assert len(reports) == 50
    assert [(r.reason, r.line) for r in rejected] == [("too-large", 11)]


def test_gzipped_jsonl_streams_and_bad_lines_are_named(tmp_path):
    path = tmp_path / "feed.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"text": TEXT}) + "\n{broken\n\n" + json.dumps({"text": TEXT + " Later update."}) + "\n")
    items = list(iter_reports([str(path)]))
    assert [type(i).__name__ for i in items] == ["RawReport", "Rejection", "RawReport"]
    assert items[1].line == 2 and items[1].reason == "malformed"


def test_empty_jsonl_is_rejected_as_empty(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    (item,) = list(iter_reports([str(path)]))
    assert isinstance(item, Rejection) and item.reason == "empty"
