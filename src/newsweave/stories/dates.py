"""Dates a report mentions, read with a few explicit patterns (no guessing of relative expressions).

Grouping only needs a coarse event time: the months and years a report talks about, and the month of its
dateline when it has one. Values are partial ISO strings: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

__all__ = ["dateline_month", "mentioned_dates", "month_index", "years_of"]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_MONTH_RE = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR_RE = r"(?P<year>(?:19|20)\d\d)"
_PATTERNS = [
    # November 12, 2011 · Nov 12 2011 · FEB. 2, 2009 · August 2nd, 2013
    re.compile(rf"\b{_MONTH_RE}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s+{_YEAR_RE}\b", re.IGNORECASE),
    # 16 September 2013 · 2 Aug. 2013
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_RE}\s*,?\s+{_YEAR_RE}\b", re.IGNORECASE),
    # May 2005 · in March, 2010
    re.compile(rf"\b{_MONTH_RE}\s*,?\s+{_YEAR_RE}\b", re.IGNORECASE),
    # 2013-09-16
    re.compile(rf"\b{_YEAR_RE}-(?P<nmon>\d\d)-(?P<day>\d\d)\b"),
    # 4/9/2007 · 14 / 09 / 2013 (numeric; the month is kept only when unambiguous or US order is plausible)
    re.compile(rf"\b(?P<a>\d{{1,2}})\s*/\s*(?P<b>\d{{1,2}})\s*/\s*{_YEAR_RE}\b"),
]
_BARE_YEAR = re.compile(rf"\b{_YEAR_RE}\b")


def _from_match(m: re.Match[str]) -> str | None:
    groups = m.groupdict()
    year = int(groups["year"])
    month: int | None = None
    day: int | None = None
    if groups.get("mon"):
        month = _MONTHS[groups["mon"].lower()[:3]]
    elif groups.get("nmon"):
        month = int(groups["nmon"])
    elif groups.get("a"):
        a, b = int(groups["a"]), int(groups["b"])
        if a > 12 >= b:
            month, day = b, a
        elif b > 12 >= a or (a <= 12 and b <= 12):
            month, day = a, b  # US order when ambiguous
    if groups.get("day") and day is None:
        day = int(groups["day"])
    if month is None or not 1 <= month <= 12:
        return f"{year:04d}"
    if day is None or not 1 <= day <= 31:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def mentioned_dates(text: str, *, date_entities: Iterable[str] = ()) -> list[tuple[int, str]]:
    """Explicit dates in ``text`` as ``(offset, partial ISO value)``, in text order.

    Month-level patterns are read from the whole text; bare years only from ``date_entities`` (the text of
    DATE entities found by the NER), so that counts and amounts are not taken for years.
    """
    found: list[tuple[int, str]] = []
    covered: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(s <= m.start() < e or s < m.end() <= e for s, e in covered):
                continue
            value = _from_match(m)
            if value is not None:
                found.append((m.start(), value))
                covered.append((m.start(), m.end()))
    for ent_text in date_entities:
        if re.search(_MONTH_RE, ent_text, re.IGNORECASE) and _PATTERNS[2].search(ent_text):
            continue  # already read from the text with its month
        for m in _BARE_YEAR.finditer(ent_text):
            found.append((len(text), m.group("year")))
    found.sort()
    return found


def dateline_month(dates: list[tuple[int, str]], *, within: int = 400) -> str | None:
    """The month of the first month-level date near the top of the report (a dateline), if any."""
    for offset, value in dates:
        if offset >= within:
            break
        if len(value) >= 7:
            return value[:7]
    return None


def month_index(value: str) -> int | None:
    """``YYYY-MM[-DD]`` → months since year 0, for distances; ``None`` for year-only values."""
    if len(value) < 7:
        return None
    return int(value[:4]) * 12 + int(value[5:7]) - 1


def years_of(values: Iterable[str]) -> Counter[str]:
    return Counter(v[:4] for v in values)
