"""Expanding inputs (folders, stdin, gzip, URLs), sniffing formats, limits, and never aborting a batch."""

from __future__ import annotations

import gzip
import io
import os
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.ingest import sources
from newsweave.ingest.checks import check_report
from newsweave.ingest.records import RawReport
from newsweave.ingest.sources import iter_reports, parse_bytes, sniff_format
from newsweave.model import PublishedTime, Rejection

INPUTS = Path(__file__).resolve().parents[1] / "data" / "inputs"
BODY = (INPUTS / "plain.txt").read_text(encoding="utf-8")
NOW = datetime(2021, 11, 9, 12, 0, tzinfo=UTC)


def test_folder_is_read_recursively_in_sorted_order_skipping_hidden_and_docs() -> None:
    results = list(iter_reports([str(INPUTS / "folder")]))
    assert [Path(r.source).relative_to(INPUTS / "folder").as_posix() for r in results] == ["b.txt", "sub/a.txt"]
    assert all(isinstance(r, RawReport) for r in results)
    (readme,) = list(iter_reports([str(INPUTS / "folder" / "README.md")]))  # named explicitly: read
    assert isinstance(readme, RawReport)


def test_a_store_in_the_folder_being_read_is_skipped_not_rejected(tmp_path: Path) -> None:
    import newsweave

    (tmp_path / "report.txt").write_text(BODY, encoding="utf-8")
    with newsweave.open(tmp_path / "news.db") as nw:  # the store sits in the folder it reads, -wal file and all
        report = nw.ingest(tmp_path, process=False)
        assert report.counts["added"] == 1 and report.rejected == []
    (db_named,) = list(iter_reports([str(tmp_path / "news.db")]))  # named explicitly: still a clear rejection
    assert isinstance(db_named, Rejection) and db_named.reason == "binary"


def test_a_number_in_the_text_field_is_no_text(tmp_path: Path) -> None:
    path = tmp_path / "numbers.jsonl"
    path.write_text('{"id": 1, "text": 5}\n', encoding="utf-8")
    (rejected,) = list(iter_reports([str(path)]))
    assert isinstance(rejected, Rejection) and rejected.reason == "no-text" and "int" in rejected.message


def test_paths_keep_the_given_order(tmp_path: Path) -> None:
    results = list(iter_reports([str(INPUTS / "plain.txt"), str(INPUTS / "dated_no_space.txt")]))
    assert [Path(r.source).name for r in results] == ["plain.txt", "dated_no_space.txt"]


def test_gzip_files_are_read_like_their_content() -> None:
    (plain,) = list(iter_reports([str(INPUTS / "dated_leading_space.txt")]))
    (unzipped,) = list(iter_reports([str(INPUTS / "dated.txt.gz")]))
    assert isinstance(unzipped, RawReport)
    assert (unzipped.text, unzipped.published) == (plain.text, plain.published)
    assert unzipped.source.endswith("dated.txt.gz")
    lines = [r.line for r in iter_reports([str(INPUTS / "articles.jsonl.gz")])]
    assert lines == [1, 2, 3, 4, 6]


def test_corrupt_gzip_is_rejected() -> None:
    (rejection,) = list(iter_reports([str(INPUTS / "corrupt.gz")]))
    assert isinstance(rejection, Rejection) and rejection.reason == "malformed" and "gzip" in rejection.message


def test_stdin_is_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (INPUTS / "articles.jsonl").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    results = list(iter_reports(["-"]))
    assert [r.line for r in results] == [1, 2, 3, 4, 6]
    assert all(r.source == "-" for r in results)
    assert results[0].format == "jsonl"


def test_gzipped_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    data = gzip.compress((INPUTS / "dated_with_time.txt").read_bytes(), mtime=0)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    (report,) = list(iter_reports(["-"]))
    assert isinstance(report, RawReport) and report.published.precision == "minute"


def test_too_large_names_the_limit_and_the_option(tmp_path: Path) -> None:
    (rejection,) = list(iter_reports([str(INPUTS / "plain.txt")], max_bytes=100))
    assert isinstance(rejection, Rejection) and rejection.reason == "too-large"
    assert "--max-bytes" in rejection.message and "plain.txt" in rejection.message
    big = tmp_path / "big.txt.gz"
    big.write_bytes(gzip.compress(b"word " * 10_000))
    (bomb,) = list(iter_reports([str(big)], max_bytes=5_000))
    assert isinstance(bomb, Rejection) and bomb.reason == "too-large"


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    empty = tmp_path / "nothing"
    empty.mkdir()
    results = list(iter_reports([str(tmp_path / "missing.txt"), str(empty)], now=NOW))
    assert [(r.reason, r.at) for r in results] == [("not-found", NOW), ("empty", NOW)]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("text")
    locked.chmod(0)
    (rejection,) = list(iter_reports([str(locked)]))
    assert rejection.reason == "unreadable"


def test_bad_input_never_stops_the_batch() -> None:
    names = ["binary.dat", "empty.txt", "broken.json", "plain.txt", "undecodable.txt", "dated_no_space.txt"]
    results = list(iter_reports([str(INPUTS / n) for n in names]))
    assert [r.reason if isinstance(r, Rejection) else "ok" for r in results] == [
        "binary", "empty", "malformed", "ok", "undecodable", "ok"
    ]


def test_reader_crash_becomes_a_rejection(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(sources, "read_feed", explode)
    results = list(iter_reports([str(INPUTS / "feed.rss"), str(INPUTS / "plain.txt")]))
    assert isinstance(results[0], Rejection) and results[0].reason == "read-error" and "boom" in results[0].message
    assert isinstance(results[1], RawReport)


def test_urls_are_not_fetched_when_disabled(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args, **kwargs):
        raise AssertionError("network used")

    monkeypatch.setattr(sources, "fetch_url", no_network)
    (rejection,) = list(iter_reports(["https://example.org/feed.xml"], fetch_urls=False))
    assert rejection.reason == "fetch-disabled"


def test_fetched_feed_and_page(monkeypatch: pytest.MonkeyPatch) -> None:
    responses = {
        "https://wire.example.org/rss": ((INPUTS / "feed.rss").read_bytes(), "application/rss+xml"),
        "https://news.example.org/2021/11/07/quake": (
            (INPUTS / "page_text_date.html").read_bytes(), "text/html; charset=utf-8"),
    }

    def fake_fetch(url: str, *, max_bytes: int, timeout: float = 30.0):
        body, kind = responses[url]
        return body, kind, url

    monkeypatch.setattr(sources, "fetch_url", fake_fetch)
    results = list(iter_reports(list(responses)))
    assert [r.format for r in results if isinstance(r, RawReport)] == ["feed", "feed", "html"]
    page = results[-1]
    assert page.source == page.url == "https://news.example.org/2021/11/07/quake"
    assert page.published.origin == "url" and page.published.value == datetime(2021, 11, 7, tzinfo=UTC)


def test_failed_fetch_is_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(url: str, **kwargs):
        raise OSError("connection refused")

    monkeypatch.setattr(sources, "fetch_url", failing)
    (rejection,) = list(iter_reports(["http://localhost:9/x"]))
    assert rejection.reason == "fetch-failed" and "connection refused" in rejection.message


def test_parse_bytes_uses_content_type() -> None:
    feed = (INPUTS / "feed.atom").read_bytes()
    (report,) = list(parse_bytes(feed, source="mem", content_type="application/atom+xml"))
    assert report.format == "feed"


@pytest.mark.parametrize("content,name,expected", [
    (" date 2021-11-08 Text", None, "dated-text"),
    ("date 2021-11-08 Text", "a.txt", "dated-text"),
    ("Just a story.", "a.txt", "text"),
    ("Just a story.", None, "text"),
    ('[{"text": "x"}]', None, "json"),
    ('{"text": "x"}\n{"text": "y"}\n', None, "jsonl"),
    ('{"text": "x"}', "a.jsonl", "jsonl"),
    ("id,title,text\n1,a,b\n", None, "csv"),
    ("id\ttitle\tbody\n1\ta\tb\n", None, "tsv"),
    ("<!DOCTYPE html><html><body><p>x</p></body></html>", None, "html"),
    ('<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', None, "feed"),
    ('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>', "x.xml", "feed"),
    ("<catalog/>", "x.xml", None),
    ("name,age\nBob,4\n", None, "text"),
])
def test_sniff_format(content: str, name: str | None, expected: str | None) -> None:
    assert sniff_format(content, name=name) == expected


def _report(text: str = BODY, value: datetime | None = None) -> RawReport:
    return RawReport(text=text, source="x.txt", line=3, published=PublishedTime(value, "day", "field", 0.9))


def test_check_report_reasons() -> None:
    assert check_report(_report(), NOW) is None
    assert check_report(_report(value=NOW + timedelta(hours=20)), NOW) is None  # within a day: time zones
    future = check_report(_report(value=NOW + timedelta(days=3)), NOW)
    assert future is not None and future.reason == "future-date" and "x.txt:3" in future.message
    assert check_report(_report(text="  \n"), NOW).reason == "no-text"
    assert check_report(_report(text="Breaking news now"), NOW).reason == "too-short"
    assert check_report(_report(text="ok " * 10 + "\ufffd" * 20), NOW).reason == "garbled"
    assert check_report(_report(value=None), NOW) is None  # dateless reports are accepted


_NAMES = st.sampled_from([None, "x.txt", "x.json", "x.jsonl", "x.csv", "x.html", "x.rss", "x.xml", "x.gz", "x.bin"])
_CONTENT = st.one_of(
    st.binary(max_size=300),
    st.text(max_size=300).map(lambda t: t.encode("utf-8")),
    st.text(alphabet='{}[]",:0123456789abc \n<>/=date-', max_size=200).map(str.encode),
)


@settings(max_examples=150, deadline=None)
@given(data=_CONTENT, name=_NAMES)
def test_any_bytes_give_reports_or_rejections_never_errors(data: bytes, name: str | None) -> None:
    for item in parse_bytes(data, source="fuzz", name=name):
        assert isinstance(item, RawReport | Rejection)
        if isinstance(item, Rejection):
            assert item.reason and item.message.startswith("fuzz")
