"""The dated-text and plain-text readers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from newsweave.ingest.dated_text import format_dated_text, read_text_report, split_date_prefix
from newsweave.ingest.records import RawReport
from newsweave.ingest.sources import iter_reports
from newsweave.model import PublishedTime, Rejection

INPUTS = Path(__file__).resolve().parents[1] / "data" / "inputs"
BODY = (INPUTS / "plain.txt").read_text(encoding="utf-8")


def _one(name: str) -> RawReport | Rejection:
    (result,) = list(iter_reports([str(INPUTS / name)]))
    return result


@pytest.mark.parametrize("name", ["dated_leading_space.txt", "dated_no_space.txt"])
def test_day_prefix_with_or_without_leading_space(name: str) -> None:
    report = _one(name)
    assert isinstance(report, RawReport)
    assert report.format == "dated-text"
    assert report.published == PublishedTime(datetime(2021, 11, 8, tzinfo=UTC), "day", "text-prefix", 1.0)
    assert report.text == BODY  # only the prefix and one separating space removed
    assert report.title is None


def test_prefix_with_time_has_minute_precision() -> None:
    report = _one("dated_with_time.txt")
    assert isinstance(report, RawReport)
    assert report.published.value == datetime(2021, 11, 8, 14, 30, tzinfo=UTC)
    assert report.published.precision == "minute"
    assert report.text == BODY


def test_iso_prefix_followed_by_newline() -> None:
    report = _one("dated_iso.txt")
    assert isinstance(report, RawReport)
    assert report.published.value == datetime(2021, 11, 8, 14, 30, tzinfo=UTC)
    assert report.published.precision == "minute"  # ":00" seconds carry no information
    assert report.text == BODY


def test_body_offsets_index_the_file_text() -> None:
    raw = (INPUTS / "dated_leading_space.txt").read_text(encoding="utf-8")
    report = _one("dated_leading_space.txt")
    assert isinstance(report, RawReport)
    assert raw.endswith(report.text)
    assert raw[: len(raw) - len(report.text)] == " date 2021-11-08 "


def test_plain_text_has_unknown_date_never_invented() -> None:
    report = _one("plain.txt")
    assert isinstance(report, RawReport)
    assert report.format == "text"
    assert report.published.value is None and not report.published.known
    assert report.published.origin == "none"
    assert report.text == BODY


def test_impossible_prefix_date_is_rejected_with_line() -> None:
    rejection = _one("dated_bad_date.txt")
    assert isinstance(rejection, Rejection)
    assert rejection.reason == "bad-date"
    assert rejection.line == 1
    assert "dated_bad_date.txt" in rejection.message and "2021-13-45" in rejection.message


def test_prefix_without_article_is_no_text() -> None:
    result = read_text_report(" date 2021-11-08 \n\n", source="x.txt")
    assert isinstance(result, Rejection) and result.reason == "no-text"


def test_word_date_at_start_is_not_a_prefix() -> None:
    text = "Date rape drugs were found, police said on 2021-11-08."
    result = read_text_report(text, source="x.txt")
    assert isinstance(result, RawReport)
    assert result.text == text and result.published.value is None


def test_prefix_with_zone_offset() -> None:
    split = split_date_prefix("date 2021-11-08T14:30+02:00 Body.")
    assert split is not None
    published, body = split
    assert published.value == datetime(2021, 11, 8, 12, 30, tzinfo=UTC)
    assert published.value.utcoffset() == timedelta(hours=2)
    assert body == "Body."


_bodies = st.text(min_size=1, max_size=200).filter(lambda s: s.strip())


@given(day=st.dates(min_value=datetime(1900, 1, 1).date(), max_value=datetime(2100, 12, 31).date()), body=_bodies)
def test_day_prefix_round_trip(day, body: str) -> None:
    assume(split_date_prefix(body) is None)  # a body that itself starts like a prefix or a time is ambiguous
    assume(not body[:1].isdigit())
    published = PublishedTime(datetime(day.year, day.month, day.day, tzinfo=UTC), "day", "text-prefix", 1.0)
    split = split_date_prefix(format_dated_text(published, body))
    assert split == (published, body)


@given(
    moment=st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1)),
    offset_minutes=st.integers(min_value=-12 * 60, max_value=14 * 60),
    body=_bodies,
)
def test_minute_prefix_round_trip(moment: datetime, offset_minutes: int, body: str) -> None:
    zone = timezone(timedelta(minutes=offset_minutes))
    value = moment.replace(second=0, microsecond=0, tzinfo=zone)
    published = PublishedTime(value, "minute", "text-prefix", 1.0)
    split = split_date_prefix(format_dated_text(published, body))
    assert split is not None
    got, got_body = split
    assert got_body == body
    assert got.value == value and got.value.utcoffset() == value.utcoffset()
    assert got.precision == "minute"


def test_prefix_variants_are_tolerated() -> None:
    for text in ("\n\n date 2021-11-08 Body.", "Date: 2021-11-08 Body.", "DATE 2021-11-08\tBody.", "date 2021-11-08 Body."):
        split = split_date_prefix(text)
        assert split is not None, text
        assert split[0].value == datetime(2021, 11, 8, tzinfo=UTC) and split[1] == "Body."
