"""RSS and Atom feeds (through feedparser): one report per entry.

Each entry gives its title, link, author, id, published time (origin ``feed``, confidence 0.9; failing that
its updated time, confidence 0.8)
and its text: the longest of its ``content`` parts, else its summary, with HTML turned into plain text.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from ..model import UNKNOWN_TIME, PublishedTime, Rejection
from .dates import parse_datetime
from .html import html_to_text
from .records import RawReport

__all__ = ["looks_like_feed", "read_feed"]

_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)


def looks_like_feed(text: str) -> bool:
    head = re.sub(r"<!--.*?-->", "", text[:4096], flags=re.DOTALL)
    return _FEED_ROOT.search(head) is not None


def _entry_time(entry: Any) -> PublishedTime:
    for key, confidence in (("published", 0.9), ("created", 0.9), ("updated", 0.8)):
        raw = entry.get(key)
        parsed = parse_datetime(raw) if raw else None
        if parsed:
            return PublishedTime(parsed[0], parsed[1], "feed", confidence)  # type: ignore[arg-type]
        struct = entry.get(f"{key}_parsed")
        if struct:
            value = datetime.fromtimestamp(calendar.timegm(struct), tz=UTC)
            return PublishedTime(value, "second", "feed", confidence)
    return UNKNOWN_TIME


def _entry_text(entry: Any) -> str:
    candidates: list[str] = []
    for part in entry.get("content") or ():
        value = part.get("value") if isinstance(part, dict) else None
        if value:
            candidates.append(value)
    if not candidates:
        detail = entry.get("summary_detail") or {}
        summary = entry.get("summary") or detail.get("value")
        if summary:
            candidates.append(summary)
    texts = [html_to_text(c) for c in candidates]
    return max(texts, key=len) if texts else ""


def read_feed(content: str | bytes, *, source: str) -> Iterator[RawReport | Rejection]:
    """Reports of an RSS/Atom feed document. ``line`` of each report is the entry number (1-based)."""
    import feedparser  # lazy

    parsed = feedparser.parse(content)
    entries = parsed.get("entries") or []
    if not entries:
        problem = parsed.get("bozo_exception")
        why = f" ({problem})" if parsed.get("bozo") and problem else ""
        yield Rejection(
            source, "malformed" if why else "no-text",
            f"{source}: no entries could be read from this feed{why}; check that it is an RSS or Atom document",
            excerpt=(content[:80] if isinstance(content, str) else content[:80].decode("utf-8", "replace")),
        )
        return
    feed = parsed.get("feed") or {}
    feed_title = (feed.get("title") or "").strip() or None
    language = (feed.get("language") or "").strip() or None
    if language:
        language = language.replace("_", "-").split("-")[0].lower()
    for number, entry in enumerate(entries, start=1):
        text = _entry_text(entry)
        title = html_to_text(entry.get("title") or "") or None
        link = entry.get("link") or None
        if not text.strip():
            yield Rejection(
                source, "no-text",
                f"{source}: feed entry {number} ({title or link or 'untitled'}) has no summary or content; "
                "give its page URL to ingest the full article",
                line=number, excerpt=title,
            )
            continue
        origin = entry.get("source") or {}
        outlet = (origin.get("title") if isinstance(origin, dict) else None) or feed_title
        yield RawReport(
            text=text,
            source=source,
            line=number,
            title=title,
            url=link,
            outlet_name=outlet,
            author=(entry.get("author") or "").strip() or None,
            language=language,
            published=_entry_time(entry),
            external_id=entry.get("id") or None,
            format="feed",
        )
