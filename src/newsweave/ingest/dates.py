"""Parsing the publication dates that inputs give, without ever inventing a missing part.

Accepted, in this order: epoch seconds or milliseconds (numbers or digit strings), ``YYYYMMDD``, ISO 8601
(``2021``, ``2021-11``, ``2021-11-08``, ``2021-11-08T14:30``, ``2021-11-08 14:30:05.123+02:00``, ``...Z``),
RFC 2822 (``Mon, 08 Nov 2021 14:30:00 GMT``), then common written forms through ``dateparser`` (``8 November
2021``, ``Nov. 8, 2021 2:30 PM EST``, ``November 2021``) with relative expressions ("yesterday", "2 hours ago")
switched off. The precision says how much the input gave: ``year``, ``month``, ``day``, ``minute`` or
``second``; a value with a coarser precision is set to the start of its period (``2021-11`` → 1 November
00:00). A time without a zone is taken as UTC. The result is always timezone-aware.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from functools import lru_cache

from ..model import PublishedTime

__all__ = ["parse_published", "parse_datetime", "DateParseResult"]

DateParseResult = tuple[datetime, str]  # (aware datetime, precision)

_ISO = re.compile(
    r"""^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2})
        (?:[T\s]+(?P<H>\d{2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?P<f>[.,]\d+)?)?
        \s*(?P<tz>Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?)?)?$""",
    re.VERBOSE,
)
_COMPACT = re.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?:T(?P<H>\d{2})(?P<M>\d{2})(?P<S>\d{2})?Z?)?$")
_HAS_TIME = re.compile(r"\d{1,2}:\d{2}|\d\s*[ap]\.?m\.?\b", re.IGNORECASE)
_HAS_SECONDS = re.compile(r"\d{1,2}:\d{2}:\d{2}")
_MIN_YEAR, _MAX_YEAR = 1800, 2200


def _zone(text: str | None) -> timezone:
    if not text or text in ("Z", "z", "UTC", "GMT"):
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _aware(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def _epoch(number: float) -> DateParseResult | None:
    if number > 1e11:  # milliseconds (1e11 s would be the year 5138)
        number /= 1000.0
    try:
        value = datetime.fromtimestamp(number, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None
    if not _MIN_YEAR <= value.year <= _MAX_YEAR:
        return None
    return value, "second"


def _from_groups(groups: dict[str, str | None]) -> DateParseResult | None:
    year = int(groups["y"])  # type: ignore[arg-type]
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return None
    month, day = groups.get("m"), groups.get("d")
    hour, minute, second = groups.get("H"), groups.get("M"), groups.get("S")
    fraction = groups.get("f")
    try:
        if month is None:
            return datetime(year, 1, 1, tzinfo=UTC), "year"
        if day is None:
            return datetime(year, int(month), 1, tzinfo=UTC), "month"
        if hour is None:
            return datetime(year, int(month), int(day), tzinfo=UTC), "day"
        micro = int(round(float("0." + fraction[1:]) * 1_000_000)) if fraction else 0
        value = datetime(
            year, int(month), int(day), int(hour), int(minute or 0), int(second or 0), min(micro, 999_999),
            tzinfo=_zone(groups.get("tz")),
        )
    except ValueError:
        return None
    return value, ("second" if second is not None else "minute")


@lru_cache(maxsize=1)
def _dateparser():
    import dateparser  # lazy: slow import

    return dateparser


def _with_dateparser(text: str) -> DateParseResult | None:
    if len(text) > 80 or not re.search(r"\d{4}", text):
        return None  # a date without a year would need inventing one
    dateparser = _dateparser()
    base = {
        "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
        "PREFER_DAY_OF_MONTH": "first",
        "DATE_ORDER": "DMY" if re.search(r"\b\d{1,2}[./]\d{1,2}[./]\d{4}\b", text) else None,
    }
    base = {key: val for key, val in base.items() if val is not None}
    for parts, precision in ((["day", "month", "year"], "day"), (["month", "year"], "month")):
        try:
            parsed = dateparser.parse(text, languages=None, settings={**base, "REQUIRE_PARTS": parts})
        except Exception:  # dateparser raises assorted errors on odd input
            parsed = None
        if parsed is None:
            continue
        if precision == "day" and _HAS_TIME.search(text):
            precision = "second" if _HAS_SECONDS.search(text) else "minute"
        elif precision == "month":
            parsed = parsed.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
        if precision == "day":
            parsed = parsed.replace(hour=0, minute=0, second=0, microsecond=0)
        if not _MIN_YEAR <= parsed.year <= _MAX_YEAR:
            return None
        offset = parsed.utcoffset()
        if offset is not None:  # dateparser's own tzinfo classes → a plain fixed offset
            parsed = parsed.replace(tzinfo=UTC if not offset else timezone(offset))
        return _aware(parsed), precision
    return None


def parse_datetime(value: object) -> DateParseResult | None:
    """Parse a date value of an input record; ``None`` when it is not a recognisable date.

    Returns the timezone-aware datetime and its precision.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return _aware(value), "second"
    if isinstance(value, int | float):
        return _epoch(float(value))
    text = str(value).strip()
    if not text:
        return None
    if re.fullmatch(r"\d{9,13}(?:\.\d+)?", text):
        return _epoch(float(text))
    match = _COMPACT.match(text)
    if match:
        result = _from_groups(match.groupdict())
        if result and match.group("H") is not None:
            return result[0], ("second" if match.group("S") else "minute")
        return result
    match = _ISO.match(text)
    if match:
        return _from_groups(match.groupdict())
    if re.match(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}", text):
        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            parsed = None
        if parsed is not None:
            return _aware(parsed), ("second" if _HAS_SECONDS.search(text) else "minute")
    return _with_dateparser(text)


def parse_published(value: object, *, origin: str = "field", confidence: float = 0.9) -> PublishedTime | None:
    """A :class:`PublishedTime` for ``value``; ``None`` when the value is present but not a date.

    Callers decide what an unparseable date means (structured readers reject the record with reason
    ``bad-date``; HTML readers fall back to the next date source).
    """
    parsed = parse_datetime(value)
    if parsed is None:
        return None
    return PublishedTime(parsed[0], parsed[1], origin, confidence)  # type: ignore[arg-type]
