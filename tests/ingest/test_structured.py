"""JSON, JSONL and CSV readers: field names, field maps, per-record errors with their line."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newsweave.errors import ConfigError
from newsweave.ingest.records import RawReport
from newsweave.ingest.sources import iter_reports
from newsweave.ingest.structured import read_csv, read_json, read_jsonl
from newsweave.model import Rejection

INPUTS = Path(__file__).resolve().parents[1] / "data" / "inputs"


def _read(name: str, **options) -> list[RawReport | Rejection]:
    return list(iter_reports([str(INPUTS / name)], **options))


def _summary(results: list[RawReport | Rejection]) -> list[tuple[int | None, str]]:
    return [(r.line, "ok" if isinstance(r, RawReport) else r.reason) for r in results]


def test_json_array_records_and_errors() -> None:
    results = _read("articles.json")
    assert _summary(results) == [(1, "ok"), (2, "no-text"), (3, "ok"), (4, "bad-date")]
    first, _, third, bad = results
    assert isinstance(first, RawReport) and isinstance(third, RawReport)
    assert first.external_id == "a1" and first.title == "Earthquake hits Veloria"
    assert first.outlet_name == "Reuters" and first.language == "en" and first.author == "Staff"
    assert first.url == "https://www.reuters.com/world/veloria-quake-2021-11-08/"
    assert first.published.value == datetime(2021, 11, 8, 9, 15, tzinfo=UTC)
    assert first.published.origin == "field" and first.format == "json"
    # other common names: published (RFC 2822), headline, content, publisher as an object
    assert third.title == "Quake damages houses" and third.outlet_name == "BBC News"
    assert third.published.value == datetime(2021, 11, 8, 10, 0, tzinfo=UTC)
    assert "record 4 (index 3)" in bad.message and "last full moon" in bad.message


def test_json_container_object() -> None:
    (report,) = _read("wrapped.json")
    assert isinstance(report, RawReport)
    assert report.outlet_name == "Al Jazeera English" and report.author == "Desk"
    assert report.published.value == datetime(2021, 11, 8, 11, 0, tzinfo=UTC)


def test_broken_json_names_the_line() -> None:
    (rejection,) = _read("broken.json")
    assert isinstance(rejection, Rejection) and rejection.reason == "malformed"
    assert rejection.line == 3 and "broken.json:3" in rejection.message


def test_single_json_object_is_one_report() -> None:
    (report,) = read_json('{"text": "One story only.", "date": "2021"}', source="one.json")
    assert isinstance(report, RawReport)
    assert report.published.precision == "year" and report.published.value == datetime(2021, 1, 1, tzinfo=UTC)


def test_json_file_holding_json_lines() -> None:
    content = '{"text": "first story"}\n{"text": "second story"}\n'
    results = list(read_json(content, source="lines.json"))
    assert [r.text for r in results if isinstance(r, RawReport)] == ["first story", "second story"]


def test_jsonl_line_numbers() -> None:
    results = _read("articles.jsonl")
    assert _summary(results) == [(1, "ok"), (2, "ok"), (3, "malformed"), (4, "no-text"), (6, "ok")]
    assert "articles.jsonl:3" in results[2].message
    last = results[-1]
    assert isinstance(last, RawReport)
    assert last.published.value == datetime.fromtimestamp(1636362000, tz=UTC)  # epoch seconds


def test_csv_rows_name_their_line() -> None:
    results = _read("articles.csv")
    assert _summary(results) == [(2, "ok"), (5, "no-text"), (6, "malformed"), (7, "ok")]
    first, _, bad, monthly = results
    assert isinstance(first, RawReport)
    assert '\n\n"We have teams on the ground' in first.text  # quoted multi-line field, doubled quotes
    assert first.url == "https://edition.cnn.com/2021/11/08/world/quake" and first.outlet_name == "CNN"
    assert "8 fields" in bad.message and "articles.csv:6" in bad.message
    assert isinstance(monthly, RawReport)
    assert monthly.published.precision == "month" and monthly.published.value == datetime(2021, 11, 1, tzinfo=UTC)


def test_tsv_and_semicolon_delimiters() -> None:
    for delimiter in ("\t", ";"):
        content = f"title{delimiter}body{delimiter}pubdate\nA title{delimiter}Some text here{delimiter}2021-11-08\n"
        (report,) = read_csv(content, source="x.csv")
        assert isinstance(report, RawReport)
        assert (report.title, report.text, report.published.precision) == ("A title", "Some text here", "day")


def test_field_map_names_other_fields() -> None:
    assert _summary(_read("custom_fields.jsonl")) == [(1, "no-text")]
    mapping = {"text": "story_body", "date": "when", "outlet": "newspaper", "id": "story_id"}
    (report,) = _read("custom_fields.jsonl", field_map=mapping)
    assert isinstance(report, RawReport)
    assert report.external_id == "c1" and report.outlet_name == "The Hindu"
    assert report.published.value == datetime(2021, 11, 8, tzinfo=UTC) and report.published.precision == "day"


def test_field_map_accepts_synonyms_and_dotted_paths() -> None:
    line = json.dumps({"story": {"body": "Nested body text"}, "meta": {"outlet": {"name": "Reuters"}}})
    (report,) = read_jsonl(line, source="x.jsonl", field_map={"body": "story.body", "source": "meta.outlet"})
    assert isinstance(report, RawReport)
    assert report.text == "Nested body text" and report.outlet_name == "Reuters"


def test_unknown_field_in_map_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="story_body"):
        list(iter_reports([str(INPUTS / "custom_fields.jsonl")], field_map={"bodytext": "story_body"}))


def test_html_in_text_field_becomes_plain_text() -> None:
    line = json.dumps({"text": "<p>First &amp; foremost.</p><p>Second <b>para</b>.</p>"})
    (report,) = read_jsonl(line, source="x.jsonl")
    assert isinstance(report, RawReport)
    assert report.text == "First & foremost.\n\nSecond para."


def test_dates_keep_their_zone_and_are_always_aware() -> None:
    rows = [{"text": "t", "date": "2021-11-08T14:30:00-05:00"}, {"text": "t", "date": "2021-11-08 14:30"},
            {"text": "t", "date": 1636381800000}, {"text": "t", "date": "November 8, 2021"}]
    results = list(read_json(json.dumps(rows), source="x.json"))
    values = [r.published.value for r in results]
    assert all(v is not None and v.tzinfo is not None for v in values)
    assert values[0].utcoffset() == timedelta(hours=-5)
    assert values[1] == datetime(2021, 11, 8, 14, 30, tzinfo=UTC)
    assert values[2] == datetime(2021, 11, 8, 14, 30, tzinfo=UTC)
    assert [r.published.precision for r in results] == ["minute", "minute", "minute", "day"]


def test_non_object_record_is_malformed() -> None:
    results = list(read_json('[{"text": "fine"}, 42]', source="x.json"))
    assert _summary(results) == [(1, "ok"), (2, "malformed")]


def test_records_to_reports() -> None:
    from newsweave.ingest.structured import records_to_reports

    results = list(records_to_reports([{"body": "A story."}, {"title": "no text"}], source="api"))
    assert _summary(results) == [(1, "ok"), (2, "no-text")]
    assert results[0].text == "A story." and results[0].source == "api"


def test_date_wrappers_and_empty_dates() -> None:
    rows = [{"text": "t", "date": {"$date": "2021-11-08T10:00:00Z"}}, {"text": "t", "date": 0},
            {"text": "t", "date": "  "}, {"text": "t", "date": ["2021-11-08"]}]
    results = list(read_json(json.dumps(rows), source="x.json"))
    assert [r.published.value for r in results] == [
        datetime(2021, 11, 8, 10, tzinfo=UTC), None, None, datetime(2021, 11, 8, tzinfo=UTC)
    ]


def test_newsweave_export_reads_back_unchanged() -> None:
    exported = {"id": "32a63953d054e5cd", "external_id": "b", "published": "2021-11-08", "date_precision": "day",
                "date_origin": "text-prefix", "date_confidence": 1.0, "title": "T", "outlet": "BBC News",
                "text": "Body text of the exported article."}
    (report,) = read_jsonl(json.dumps(exported), source="export.jsonl")
    assert isinstance(report, RawReport)
    assert report.external_id == "b"
    assert (report.published.origin, report.published.confidence, report.published.precision) == (
        "text-prefix", 1.0, "day")
