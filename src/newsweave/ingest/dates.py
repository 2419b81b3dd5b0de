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

__all__ = ["DateParseResult", "parse_datetime", "parse_published"]

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
        micro = round(float("0." + fraction[1:]) * 1_000_000) if fraction else 0
        value = datetime(
            year, int(month), int(day), int(hour), int(minute or 0), int(second or 0), min(micro, 999_999),
            tzinfo=_zone(groups.get("tz")),
        )
    except ValueError:
        return None
    return value, ("second" if second is not None else "minute")


_MONTH_NUMBERS = {
    name: number
    for number, names in enumerate(
        (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
         ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"),
         ("nov", "november"), ("dec", "december")),
        start=1,
    )
    for name in names
}
_ZONES = {  # common abbreviations in English-language news; anything else goes to dateparser
    "utc": 0, "gmt": 0, "z": 0, "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420, "mdt": -360,
    "pst": -480, "pdt": -420, "bst": 60, "cet": 60, "cest": 120, "eet": 120, "eest": 180, "msk": 180,
    "jst": 540, "kst": 540, "aest": 600, "aedt": 660,
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_WRITTEN = re.compile(
    rf"""^(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?
    (?:{_MONTH}\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH.replace("month", "month2")},?)
    \s+(?P<year>\d{{4}})
    (?:,?\s+(?:at\s+)?(?P<H>\d{{1,2}})[:.](?P<M>\d{{2}})(?::(?P<S>\d{{2}}))?\s*(?P<ampm>[ap]\.?m\.?)?
       (?:\s*(?P<zone>[A-Za-z]{{1,4}}|[+-]\d{{2}}:?\d{{2}}))?)?$""",
    re.VERBOSE | re.IGNORECASE,
)
_MONTH_YEAR = re.compile(rf"^{_MONTH}\s+(?P<year>\d{{4}})$", re.IGNORECASE)


def _written_english(text: str) -> DateParseResult | None:
    """"8 November 2021", "Nov. 8, 2021 2:30 PM EST", "Monday, November 8, 2021", "November 2021"."""
    match = _MONTH_YEAR.match(text)
    if match:
        month = _MONTH_NUMBERS.get(match.group("month").lower())
        return (datetime(int(match.group("year")), month, 1, tzinfo=UTC), "month") if month else None
    match = _WRITTEN.match(text)
    if not match:
        return None
    month = _MONTH_NUMBERS.get((match.group("month") or match.group("month2")).lower())
    if month is None:
        return None
    day, year = int(match.group("d1") or match.group("d2")), int(match.group("year"))
    zone: timezone = UTC
    if match.group("zone"):
        raw = match.group("zone").lower()
        if raw[0] in "+-":
            zone = _zone(raw)
        elif raw in _ZONES:
            zone = timezone(timedelta(minutes=_ZONES[raw])) if _ZONES[raw] else UTC
        else:
            return None  # an abbreviation we do not know: let dateparser try
    try:
        if match.group("H") is None:
            return datetime(year, month, day, tzinfo=UTC), "day"
        hour = int(match.group("H"))
        ampm = (match.group("ampm") or "").lower()[:1]
        if ampm:
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if ampm == "p" else 0)
        second = match.group("S")
        value = datetime(year, month, day, hour, int(match.group("M")), int(second or 0), tzinfo=zone)
    except ValueError:
        return None
    return value, ("second" if second else "minute")


@lru_cache(maxsize=1)
def _dateparser():
    import dateparser  # lazy: slow import

    return dateparser


@lru_cache(maxsize=4096)
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
        except Exception:  # noqa: BLE001 - dateparser raises assorted errors on odd input; treat as no date
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

    Returns the timezone-aware datetime and its precision. A time whose seconds are zero (``14:30:00``, as
    feeds and epoch stamps pad them) has precision ``minute``: the zeros carry no information.
    """
    result = _parse(value)
    if result is not None and result[1] == "second" and not (result[0].second or result[0].microsecond):
        return result[0], "minute"
    return result


def _parse(value: object) -> DateParseResult | None:
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
    written = _written_english(text)
    if written:
        return written
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
