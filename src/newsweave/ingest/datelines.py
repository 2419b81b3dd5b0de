"""The publication date a report states about itself, for reports that arrive without one.

Web pages and wire copies often carry their date as a line of their own: a title that is only a date
("27 NOVEMBER, 2005", "November 28th, 2005, 09: 11 GMT"), a first line of the text that is only a date, or a
"Posted:" / "Updated:" / "Published:" stamp near the top ("Posted: Apr 02, 2009 11: 06 PM"). Such a dateline is
the source's own statement of when it was written, so it may stand in for a missing publication date
(``origin="dateline"``, lower confidence than a metadata field). Written-out English dates with a year are read,
and numeric ones only when a four-digit year ends them and a single order of day and month is possible ("Posted
11/27/2005 7:21 AM": 27 is no month; "5/5/2010") — never "11 / 28 / 05" or "3/4/2010", whose order is unknown.
Never a date after ``now``: newsweave does not invent dates, and a dateline that cannot be a publication date is
ignored.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from ..model import PublishedTime
from .dates import parse_datetime

__all__ = ["DATELINE_CONFIDENCE", "MAX_UPDATE_GAP", "dateline_time", "headline", "is_dateline", "reference_time"]

DATELINE_CONFIDENCE = 0.6
_STAMP = re.compile(r"(?:^|\n|\||[.!?]\s)\s*(?:posted|published|updated|last\s+updated)\s*(?:on|:)?\s*(?P<rest>[^\n|]{6,60})",
                    re.IGNORECASE)
_MONTH_WORD = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?=[\s,]|$)", re.IGNORECASE)
_STAMP_WORDS = re.compile(r"\b(?:last\s+)?(?:posted|published|updated)\b:?|\bon\b", re.IGNORECASE)
_ZONE_LIKE = re.compile(r"^[A-Z]{2,4}$")
_MAX_STAMP_WORDS = 9
_YEAR = re.compile(r"\b(?:19[5-9]\d|20\d\d)\b")
_TAIL = re.compile(r"\s*(?:\(|\||—|–|-{1,2}\s|by\s).*$", re.IGNORECASE)
_SEARCH_CHARS = 400
# the other words a written date may have: clock-time markers, ordinal suffixes, time zones we can read
_DATE_WORDS = frozenset({"at", "of", "am", "pm", "a", "p", "m", "st", "nd", "rd", "th", "gmt", "utc", "est", "edt",
                         "cst", "cdt", "pst", "pdt", "mst", "mdt", "bst", "cet", "cest"})


def dateline_time(title: str | None, text: str, *, now: datetime | None = None) -> PublishedTime | None:
    """The publication time a report's dateline states, or ``None`` when it states none we can read."""
    head = text[:_SEARCH_CHARS]
    lines = ([title] if title else []) + [head.lstrip().split("\n", 1)[0]]
    found = [_read(part) for line in lines for part in line.split("|")]  # a line that is only a date
    for source in lines[:-1] + [head]:  # or a date right after "Posted:", "Updated:" …
        found.extend(_read_stamp(m.group("rest")) for m in _STAMP.finditer(source))
    limit = now or datetime.now(UTC)
    for hit in found:
        if hit is not None and hit[0] <= limit:
            return PublishedTime(hit[0], hit[1], "dateline", DATELINE_CONFIDENCE)  # type: ignore[arg-type]
    return None


MAX_UPDATE_GAP = timedelta(days=3)
_UPDATED = re.compile(r"(?:^|\n|\||[.!?]\s)\s*(?:last\s+)?updated\s*(?:on|:)?\s*(?P<rest>[^\n|]{6,60})", re.IGNORECASE)


def reference_time(published: datetime | None, title: str | None, text: str) -> datetime | None:
    """The time a report's relative dates count from: its publication time, or the last update its page states
    near the top when that is later, by at most :data:`MAX_UPDATE_GAP` ("PUBLISHED: MONDAY, MARCH 11, 2013,
    10: 34 PM / UPDATED: TUESDAY, MARCH 12, 2013, 9: 36 AM" — the text we have is the version of Tuesday
    morning, whose "12: 30 a. m. Tuesday" is that day, not the Tuesday before). The publication time itself is
    not changed: a report is dated by when it first appeared."""
    if published is None:
        return None
    head = text[: 2 * _SEARCH_CHARS]  # the update stamp often follows the publication stamp's line
    latest = published
    for source in ([title] if title else []) + [head]:
        for m in _UPDATED.finditer(source):
            hit = _read_stamp(m.group("rest"))
            if hit is None:
                continue
            when = hit[0]
            if (when.tzinfo is None) != (published.tzinfo is None):  # compare like with like (naive = UTC)
                when = when.replace(tzinfo=UTC if published.tzinfo is not None else None)
            if latest < when <= published + MAX_UPDATE_GAP:
                latest = when
    return latest


def is_dateline(line: str) -> bool:
    """Whether a title or line is only a date ("27 NOVEMBER, 2005", "Posted 11/27/2005 7:21 AM"), which says
    nothing about the story."""
    line = line.strip()
    if _NUMERIC_LINE.match(line):  # "11 / 28 / 05": only a date, even where its order of day and month is unknown
        return True
    if len(line) > 160 or not _YEAR.search(line) or not _MONTH_WORD.search(line):
        return False
    return _written(_STAMP_WORDS.sub(" ", line), ("et", "pt", "ct", "mt"))  # US zones, read only as words


def headline(title: str | None, text: str, *, limit: int = 140) -> str:
    """What to call a report: its title, unless it has none or the title is only a date ("Posted 11/27/2005
    7:21 AM"); then the first line of its text that is not a date, to its first sentence end, shortened to
    ``limit`` characters at a word. Display only: the stored title stays as the source gave it."""
    if title and title.strip() and not is_dateline(title):
        return _shorten(title.strip(), limit)
    lines = [line.strip() for line in text.strip().split("\n") if line.strip()]
    first = next((line for line in lines if not is_dateline(line)), lines[0] if lines else "")
    for stop in (". ", "? ", "! "):
        if stop in first[:200]:
            first = first[: first.index(stop) + 1]
            break
    return _shorten(first, limit) or "Untitled report"


def _shorten(line: str, limit: int) -> str:
    if len(line) <= limit:
        return line
    cut = line[: limit - 1].rsplit(" ", 1)[0] if " " in line[: limit - 1] else line[: limit - 1]
    return cut.rstrip(" ,;:") + "…"


def _read_stamp(rest: str) -> tuple[datetime, str] | None:
    """The longest run of words after a "Posted:" stamp that is a date; its clock time is dropped when a time
    zone we cannot read follows it ("3: 23 PM ET": the day is sure, the hour is not)."""
    words = rest.split()[:_MAX_STAMP_WORDS]
    for k in range(len(words), 2, -1):
        hit = _read(" ".join(words[:k]))
        if hit is None:
            continue
        if hit[1] != "day" and k < len(words) and _ZONE_LIKE.match(words[k]):
            day = hit[0].replace(hour=0, minute=0, second=0, microsecond=0)
            return day, "day"
        return hit
    return None


_NUMERIC = (r"^(?:(?:last\s+)?(?:posted|published|updated)\s*(?:on|:)?\s*)?(?P<a>\d{1,2})\s*/\s*(?P<b>\d{1,2})\s*/\s*"
            r"(?P<year>{year})(?:,?\s+(?:at\s+)?(?P<h>\d{1,2})\s*:\s*(?P<m>\d{2})\s*"
            r"(?P<ampm>[AaPp]\.?\s*[Mm]\.?)?)?(?:\s+(?P<zone>[A-Z]{2,4}))?\s*$")
_NUMERIC_STAMP = re.compile(_NUMERIC.replace("{year}", r"(?:19[5-9]|20\d)\d"), re.IGNORECASE)  # a date we can read
_NUMERIC_LINE = re.compile(_NUMERIC.replace("{year}", r"\d{2}(?:\d{2})?"), re.IGNORECASE)  # only a date, read or not


def _read_numeric(line: str) -> tuple[datetime, str] | None:
    """``11/27/2005 7:21 AM`` → 2005-11-27T07:21, when only one order of day and month is possible."""
    m = _NUMERIC_STAMP.match(line)
    if m is None:
        return None
    a, b = int(m["a"]), int(m["b"])
    if a == b:
        month, day = a, b
    elif a > 12 >= b:
        day, month = a, b
    elif b > 12 >= a:
        month, day = a, b
    else:
        return None  # "3/4/2010": March 4 in the US, 3 April elsewhere
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    written = f"{m['year']}-{month:02d}-{day:02d}"
    zone = (m["zone"] or "").lower()
    if m["h"] is not None and (not zone or zone in _DATE_WORDS):
        written += f" {m['h']}:{m['m']} {(m['ampm'] or '').replace('.', '').replace(' ', '')} {zone}".rstrip()
    parsed = parse_datetime(written.strip())
    if parsed is None:
        return None
    return parsed[0], parsed[1]


def _read(raw: str) -> tuple[datetime, str] | None:
    """A line that is a written-out date (with a year and optionally a time), and nothing else."""
    line = raw.strip().strip(".,;")
    numeric = _read_numeric(line)
    if numeric is not None:
        return numeric
    if not line or len(line) > 60 or not _MONTH_WORD.search(line + " ") or not _YEAR.search(line):
        return None
    line = re.sub(r"^on\s+", "", line, flags=re.IGNORECASE)
    line = re.sub(r"(\d{1,2})\s*:\s*(\d{2})", r"\1:\2", line)  # "09: 11" as extraction leaves clock times
    line = re.sub(r"(\d{4}),\s+(\d{1,2}:\d{2})", r"\1 \2", line)  # "2005, 09:11 GMT"
    line = _TAIL.sub("", line).strip().strip(".,;")
    parsed = parse_datetime(line) if _written(line) else None
    if parsed is None or parsed[1] == "month":
        return None
    return parsed[0], parsed[1]


def _written(line: str, extra: tuple[str, ...] = ()) -> bool:
    """Only words a date is written with: no sentence ("November 28, 2005 will be remembered …")."""
    words = re.findall(r"[A-Za-z]+", line)
    return all(_MONTH_WORD.match(w + " ") or w.lower() in _DATE_WORDS or w.lower() in extra or _weekday(w)
               for w in words)


def _weekday(word: str) -> bool:
    return word.lower().rstrip(".")[:3] in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
