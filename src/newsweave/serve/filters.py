"""Jinja2 filters of the web pages: dates, search snippets, citation links. Everything returns escaped text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import Environment
from markupsafe import Markup, escape

__all__ = ["cite_url", "install_filters", "parse_when", "safe_url", "snippet_html", "when", "when_range"]

_SNIPPET_HIT = re.compile(r"\[([^\[\]\n]{1,200})\]")


def parse_when(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if not value or not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _has_time(d: datetime) -> bool:
    return (d.hour, d.minute, d.second) != (0, 0, 0)


def when(value: Any, precision: str | None = None) -> str:
    """``8 Nov 2021`` or ``8 Nov 2021 14:30 UTC`` (by precision when given); ``—`` when unknown."""
    d = parse_when(value)
    if d is None:
        return "date unknown" if value is None else str(value)
    day = f"{d.day} {d:%b %Y}"
    if precision == "year":
        return f"{d:%Y}"
    if precision == "month":
        return f"{d:%b %Y}"
    if precision in ("day",) or (precision in (None, "unknown") and not _has_time(d)):
        return day
    zone = d.tzname() or ""
    zone = "UTC" if zone in ("UTC", "UTC+00:00") else zone
    return f"{day} {d:%H:%M} {zone}".rstrip()


def _round_up(d: datetime | None) -> datetime | None:
    """Inclusive bounds such as ``23:59:59`` become the next full minute (``00:00`` of the next day)."""
    if d is not None and d.second == 59:
        return d.replace(microsecond=0) + timedelta(seconds=1)
    return d


def when_range(earliest: Any, latest: Any) -> str:
    """A human reading of a resolved interval: one day, a span of days, or times within a day."""
    a, b = _round_up(parse_when(earliest)), _round_up(parse_when(latest))
    if a is None and b is None:
        return "undated"
    if a is None:
        return f"before {when(b)}"
    if b is None:
        return f"after {when(a)}"
    end_incl = b - timedelta(microseconds=1) if not _has_time(b) and b > a else b
    if end_incl.date() == a.date():
        if not _has_time(a) and (b - a) >= timedelta(hours=23, minutes=59):
            return f"{a.day} {a:%b %Y}"
        return f"{a.day} {a:%b %Y} {a:%H:%M}–{b:%H:%M}"
    if (a.year, a.month) == (end_incl.year, end_incl.month) and a.day == 1 and (b - a) >= timedelta(days=27):
        return f"{a:%B %Y}"
    if _has_time(a) or _has_time(b):
        return f"{a.day} {a:%b %Y} {a:%H:%M} – {b.day} {b:%b %Y} {b:%H:%M}"
    return f"{a.day} {a:%b %Y} – {end_incl.day} {end_incl:%b %Y}"


def snippet_html(snippet: str | None, highlights: Sequence[Sequence[int]] | None = None) -> Markup:
    """A search snippet as escaped HTML with ``<mark>`` around the hits: at the ``highlights`` offsets (the
    brackets around them dropped), or, without offsets, at ``[hit]`` markers."""
    if not snippet:
        return Markup("")
    if highlights is None:
        spans = [(m.start(), m.end(), m.group(1)) for m in _SNIPPET_HIT.finditer(snippet)]
    else:
        spans = [(a - 1, b + 1, snippet[a:b]) for a, b in highlights]  # the brackets around each hit
    out: list[str] = []
    pos = 0
    for start, end, hit in spans:
        out.append(str(escape(snippet[pos:start])))
        out.append(f"<mark>{escape(hit)}</mark>")
        pos = end
    out.append(str(escape(snippet[pos:])))
    return Markup("".join(out))


def cite_url(span: Any) -> str:
    """``/articles/ID?start=S&end=E#cite`` for a span dict (``article_id``, ``start``, ``end``)."""
    if not isinstance(span, dict) or not span.get("article_id"):
        return "#"
    path = "/articles/" + quote(str(span["article_id"]), safe="")
    start, end = span.get("start"), span.get("end")
    if isinstance(start, int) and isinstance(end, int):
        return f"{path}?{urlencode({'start': start, 'end': end})}#cite"
    return path


def safe_url(url: Any) -> str | None:
    """Only http(s) links to the original report are rendered (never ``javascript:`` or ``data:``)."""
    if isinstance(url, str) and re.match(r"^https?://[^\s\"'<>]+$", url.strip(), re.IGNORECASE):
        return url.strip()
    return None


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def install_filters(env: Environment) -> None:
    env.filters["when"] = when
    env.filters["when_range"] = when_range
    env.filters["snippet"] = snippet_html
    env.filters["cite_url"] = cite_url
    env.filters["safe_url"] = safe_url
    env.filters["plural"] = plural
