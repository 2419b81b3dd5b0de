"""Screening a report before it is stored: the checks whose outcome the ingest runner decides on."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from ..model import Rejection
from .records import RawReport

__all__ = ["FUTURE_TOLERANCE", "MIN_WORDS", "check_report"]

FUTURE_TOLERANCE = timedelta(days=1)
MIN_WORDS = 5
_WORD = re.compile(r"\w+")


def _where(report: RawReport) -> str:
    return report.source if report.line is None else f"{report.source}:{report.line}"


_GARBLED = re.compile("[\ufffd\x00-\x08\x0e-\x1f]")


def check_report(report: RawReport, now: datetime | None = None, *, min_words: int = MIN_WORDS) -> Rejection | None:
    """``None`` when ``report`` looks storable, else a :class:`Rejection` saying why.

    Reasons: ``no-text`` (empty or whitespace), ``too-short`` (fewer than ``min_words`` words),
    ``garbled`` (more than 2% replacement or control characters: a wrong encoding), ``future-date``
    (published more than a day after ``now``, default the current time). Dateless reports pass.
    """
    where = _where(report)
    excerpt = report.text[:80] if report.text else report.title
    if not report.text or not report.text.strip():
        return Rejection(report.source, "no-text", f"{where}: the report has no text; give the article text",
                         line=report.line, excerpt=excerpt, at=now)
    words = len(_WORD.findall(report.text[: 50 * max(min_words, 1) + 1000]))
    if words < min_words:
        return Rejection(
            report.source, "too-short",
            f"{where}: the text has {words} word{'s' if words != 1 else ''}, fewer than {min_words}; a headline "
            "or teaser alone cannot be analysed: give the full article",
            line=report.line, excerpt=excerpt, at=now,
        )
    sample = report.text[:20000]
    bad = len(_GARBLED.findall(sample))
    if bad / len(sample) > 0.02:
        return Rejection(
            report.source, "garbled",
            f"{where}: {bad} of the first {len(sample)} characters are replacement or control characters; the "
            "file was probably decoded with the wrong encoding: re-save it as UTF-8",
            line=report.line, excerpt=excerpt, at=now,
        )
    current = now or datetime.now(UTC)
    if current.tzinfo is None:
        current = current.replace(tzinfo=UTC)
    value = report.published.value
    if value is not None and value > current + FUTURE_TOLERANCE:
        return Rejection(
            report.source, "future-date",
            f"{where}: published {value.isoformat()} ({report.published.origin}) is after now "
            f"({current.isoformat(timespec='minutes')}); fix the date, or check the machine's clock",
            line=report.line, excerpt=excerpt, at=now,
        )
    return None
