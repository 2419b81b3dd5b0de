"""Plain-text reports, optionally starting with a ``date`` prefix.

The dated-text format is one report per file::

     date 2021-11-08 The article text ...

The leading space is optional (any leading whitespace is accepted), the keyword may be capitalised and followed by a colon, and the date may carry a
time (``date 2021-11-08 14:30``, ``date 2021-11-08T14:30:00Z``, ``date 2021-11-08T14:30+02:00``). The body is
the text after the prefix exactly as written: only the prefix and the one whitespace character that separates
it from the article are removed, so character offsets into the body are offsets into the stored text.
A text without the prefix is a plain report whose publication date is unknown (never invented).
"""

from __future__ import annotations

import re
from datetime import UTC

from ..model import UNKNOWN_TIME, PublishedTime, Rejection
from .dates import parse_datetime
from .records import RawReport

__all__ = ["DATE_PREFIX", "format_dated_text", "has_date_prefix", "read_text_report", "split_date_prefix"]

DATE_PREFIX = re.compile(
    r"""^\s*[Dd](?:ate|ATE):?[ \t]+
        (?P<value>\d{4}-\d{2}-\d{2}
          (?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?
        )(?=\s|$)""",
    re.VERBOSE,
)


def has_date_prefix(text: str) -> bool:
    return DATE_PREFIX.match(text) is not None


def split_date_prefix(text: str) -> tuple[PublishedTime, str] | None:
    """Split a dated text into its publication time and its body; ``None`` when there is no prefix.

    Raises ``ValueError`` when the prefix is there but names an impossible date (``2021-13-45``).
    """
    match = DATE_PREFIX.match(text)
    if match is None:
        return None
    parsed = parse_datetime(match.group("value"))
    if parsed is None:
        raise ValueError(f"{match.group('value')!r} is not a valid date")
    end = match.end()
    if end < len(text) and text[end].isspace():
        end += 1
    precision = parsed[1]
    return PublishedTime(parsed[0], precision, "text-prefix", 1.0), text[end:]  # type: ignore[arg-type]


def format_dated_text(published: PublishedTime, body: str) -> str:
    """The dated-text form of a report (the inverse of :func:`split_date_prefix`)."""
    value = published.value
    if value is None:
        return body
    if published.precision in ("year", "month", "day", "unknown"):
        stamp = value.strftime("%Y-%m-%d")
    else:
        pattern = "%Y-%m-%dT%H:%M" if published.precision == "minute" else "%Y-%m-%dT%H:%M:%S"
        stamp = value.strftime(pattern)
        if published.precision == "second" and value.microsecond:
            stamp += f".{value.microsecond:06d}"
        offset = value.utcoffset()
        if offset is None or (offset.total_seconds() == 0 and value.tzinfo in (UTC, None)):
            stamp += "Z"
        else:
            total = int(offset.total_seconds()) // 60
            sign = "-" if total < 0 else "+"
            stamp += f"{sign}{abs(total) // 60:02d}:{abs(total) % 60:02d}"
    return f" date {stamp} {body}"


def read_text_report(text: str, *, source: str) -> RawReport | Rejection:
    """One report from the decoded content of a text file (dated or plain)."""
    try:
        split = split_date_prefix(text)
    except ValueError as exc:
        return Rejection(
            source,
            "bad-date",
            f"{source}:1: the date prefix is not a valid date ({exc}); write it as 'date YYYY-MM-DD' "
            "(optionally followed by HH:MM) or remove the prefix to store the report with an unknown date",
            line=1,
            excerpt=text[:80],
        )
    if split is None:
        published, body, fmt = UNKNOWN_TIME, text, "text"
    else:
        (published, body), fmt = split, "dated-text"
    if not body.strip():
        return Rejection(
            source,
            "no-text",
            f"{source}: the file has no article text"
            + (" after its date prefix" if split is not None else "")
            + "; add the article text or remove the file",
            line=1,
            excerpt=text[:80],
        )
    return RawReport(text=body, source=source, line=None, published=published, format=fmt)
