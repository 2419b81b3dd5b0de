"""Parsing dates of input fields: formats, precision, zones, and never inventing missing parts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsweave.ingest.dates import parse_datetime, parse_published

EST = timezone(timedelta(hours=-5))


@pytest.mark.parametrize("value,expected,precision", [
    ("2021", datetime(2021, 1, 1, tzinfo=UTC), "year"),
    ("2021-11", datetime(2021, 11, 1, tzinfo=UTC), "month"),
    ("2021-11-08", datetime(2021, 11, 8, tzinfo=UTC), "day"),
    ("20211108", datetime(2021, 11, 8, tzinfo=UTC), "day"),
    ("2021-11-08 14:30", datetime(2021, 11, 8, 14, 30, tzinfo=UTC), "minute"),
    ("2021-11-08T14:30:00Z", datetime(2021, 11, 8, 14, 30, tzinfo=UTC), "minute"),  # zero seconds say nothing
    ("2021-11-08T14:30:05Z", datetime(2021, 11, 8, 14, 30, 5, tzinfo=UTC), "second"),
    ("2021-11-08T09:30:00-05:00", datetime(2021, 11, 8, 9, 30, tzinfo=EST), "minute"),
    ("2021-11-08T14:30:00.250+0000", datetime(2021, 11, 8, 14, 30, 0, 250000, tzinfo=UTC), "second"),
    ("Mon, 08 Nov 2021 14:30:00 GMT", datetime(2021, 11, 8, 14, 30, tzinfo=UTC), "minute"),
    ("Mon, 08 Nov 2021 14:30:09 GMT", datetime(2021, 11, 8, 14, 30, 9, tzinfo=UTC), "second"),
    ("8 Nov 2021 09:30 -0500", datetime(2021, 11, 8, 9, 30, tzinfo=EST), "minute"),
    (1636381800, datetime(2021, 11, 8, 14, 30, tzinfo=UTC), "minute"),
    (1636381801500, datetime(2021, 11, 8, 14, 30, 1, 500000, tzinfo=UTC), "second"),
    ("1636381807", datetime(2021, 11, 8, 14, 30, 7, tzinfo=UTC), "second"),
    ("8 November 2021", datetime(2021, 11, 8, tzinfo=UTC), "day"),
    ("November 8, 2021", datetime(2021, 11, 8, tzinfo=UTC), "day"),
    ("Sunday, November 7, 2021 10:15 AM", datetime(2021, 11, 7, 10, 15, tzinfo=UTC), "minute"),
    ("Nov. 8, 2021 9:30 AM EST", datetime(2021, 11, 8, 9, 30, tzinfo=EST), "minute"),
    ("November 2021", datetime(2021, 11, 1, tzinfo=UTC), "month"),
    ("08/11/2021", datetime(2021, 11, 8, tzinfo=UTC), "day"),  # numeric dates are read day-first
])
def test_formats_and_precision(value, expected: datetime, precision: str) -> None:
    parsed = parse_datetime(value)
    assert parsed is not None
    value_out, precision_out = parsed
    assert value_out == expected and value_out.utcoffset() == expected.utcoffset()
    assert precision_out == precision


@pytest.mark.parametrize("value", [
    "", "garbage", "yesterday", "3 hours ago", "Monday", "November 8", "2021-13-45", "2021-02-30", None, True,
    "99999999999999", "last full moon",
])
def test_nothing_is_invented(value) -> None:
    assert parse_datetime(value) is None


def test_parse_published_sets_origin_and_confidence() -> None:
    published = parse_published("2021-11-08", origin="feed", confidence=0.9)
    assert published is not None
    assert (published.origin, published.confidence, published.precision) == ("feed", 0.9, "day")
    assert parse_published("not a date") is None


@given(st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2199, 12, 31),
                    timezones=st.sampled_from([UTC, EST, timezone(timedelta(hours=5, minutes=30))])))
def test_iso_round_trip(moment: datetime) -> None:
    moment = moment.replace(microsecond=0)
    value, precision = parse_datetime(moment.isoformat())
    assert value == moment and value.utcoffset() == moment.utcoffset()
    assert precision == ("second" if moment.second else "minute")
