"""Shared pieces of normalisation: the discourse context, readings, and the anchoring helpers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from .anchor import Direction, direction, direction_cue
from .calendar import GRAN_RANK, Period, add_months, bounds_of, narrow, value_of, with_granularity

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

__all__ = [
    "QUANT_MODS",
    "Context",
    "Reading",
    "choose_year",
    "date_reading",
    "edge_mod",
    "months_period",
    "nearest_weekday",
]

QUANT_MODS = {
    "about": "APPROX",
    "around": "APPROX",
    "approximately": "APPROX",
    "roughly": "APPROX",
    "some": "APPROX",
    "nearly": "LESS_THAN",
    "almost": "LESS_THAN",
    "close to": "LESS_THAN",
    "just under": "LESS_THAN",
    "barely": "LESS_THAN",
    "more than": "MORE_THAN",
    "over": "MORE_THAN",
    "well over": "MORE_THAN",
    "just over": "MORE_THAN",
    "a little over": "MORE_THAN",
    "upwards of": "MORE_THAN",
    "less than": "LESS_THAN",
    "under": "LESS_THAN",
    "at least": "EQUAL_OR_MORE",
    "no less than": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS",
    "not more than": "EQUAL_OR_LESS",
    "within": "EQUAL_OR_LESS",
    "only": None,
    "the better part of": "LESS_THAN",
}


_MONTHS_PERIOD = re.compile(
    r"\b(?:the|its|first|latest)\s+(?:first\s+)?(?P<n>six|nine|6|9)\s+months\b(?![\s\S]*\bquarter)",
    re.IGNORECASE,
)


def months_period(text: str, start: int, reach: int = 250) -> int | None:
    """The number of months of a "the nine months" period named within ``reach`` characters before
    ``start`` with no quarter named after it: a "year-earlier period" or "a year earlier" there is that
    span (or its year), not the focal quarter."""
    m = None
    for m in _MONTHS_PERIOD.finditer(text, max(0, start - reach), start):
        pass
    if m is None:
        return None
    return 6 if m.group("n") in ("six", "6") else 9


@dataclass(slots=True)
class Context:
    """What normalisation knows while reading an article from top to bottom."""

    text: str
    dct: date | None
    dct_time: datetime | None
    doc: Doc | None = None
    prev: Period | None = None  # the last resolved date/time of the discourse
    prev_mod: str | None = None  # its modifier ("late June": END)
    prev_day: Period | None = None  # the last resolved one of day granularity or finer
    prev_end: int = 0
    prev_quarter: Period | None = None  # the last quarter or half named (earnings reports compare with it)
    prev_quarter_end: int = -(10**9)

    def direction(self, start: int, end: int) -> Direction:
        return direction(self.text, start, end, self.doc)

    def near_direction(self, start: int, end: int, reach: int = 30) -> Direction:
        """The tense, trusting a past cue only when it is close ("was founded in March")."""
        way, dist = direction_cue(self.text, start, end, self.doc)
        if way == "past" and dist > reach:
            return "unknown"
        return way

    def reference(self, gran: str) -> tuple[Period | None, str]:
        """The discourse reference for an anaphoric expression of granularity ``gran``, and its anchor."""
        coarser_since = (
            self.prev is not None
            and self.prev is not self.prev_day
            and GRAN_RANK.get(self.prev.gran, 0) < GRAN_RANK["day"]
        )
        if GRAN_RANK.get(gran, 9) >= GRAN_RANK["day"] and self.prev_day is not None and not coarser_since:
            return self.prev_day, "previous"
        if GRAN_RANK.get(gran, 9) >= GRAN_RANK["day"] and coarser_since:
            return self.prev, "previous"  # "In late June ... A day later": relative to June, not an older day
        if GRAN_RANK.get(gran, 9) < GRAN_RANK["day"] and self.prev is not None:
            return self.prev, "previous"
        if self.dct is not None:
            return Period("day", self.dct), "dct"
        return None, "none"

    def day_reference(self) -> tuple[Period | None, str]:
        """The day a bare clock time or part of day ("at 10 p.m.", "in the morning") falls on: the last day
        of the discourse, else publication. A year or month named since then is no day to put a clock on."""
        ref, anchor = self.reference("day")
        if ref is not None and GRAN_RANK.get(ref.gran, 0) < GRAN_RANK["day"]:
            if self.prev_day is not None:
                return self.prev_day, "previous"
            if self.dct is not None:
                return Period("day", self.dct), "dct"
            return None, "none"  # "in the morning" after "in 2013", in an undated report: which day is unknown
        return ref, anchor

    def remember(self, p: Period, end: int, mod: str | None = None) -> None:
        self.prev = p
        self.prev_mod = mod
        self.prev_end = end
        if GRAN_RANK.get(p.gran, 0) >= GRAN_RANK["day"]:
            self.prev_day = p
        done = self.dct is None or _period_end(p) <= self.dct
        if p.gran in ("quarter", "half") and (
            self.prev_quarter is None
            or end - self.prev_quarter_end > 1500
            or (done and (p.start >= self.prev_quarter.start or _period_end(self.prev_quarter) > self.dct))
        ):
            # the focal quarter of an earnings report is the latest completed one named: older ones are
            # comparisons, and the quarter under way ("a fourth-quarter charge") is an outlook
            self.prev_quarter, self.prev_quarter_end = p, end
        elif p.gran in ("quarter", "half"):
            self.prev_quarter_end = end

    def recent_quarter(self, start: int, reach: int = 1000) -> Period | None:
        """The quarter named within ``reach`` characters before ``start``, if any."""
        return self.prev_quarter if start - self.prev_quarter_end <= reach else None


def _period_end(p: Period) -> date:
    """The first day after a quarter or half."""
    return add_months(p.start, 6 if p.gran == "half" else 3)


@dataclass(frozen=True, slots=True)
class Reading:
    type: str
    value: str
    mod: str | None = None
    earliest: datetime | None = None
    latest: datetime | None = None
    granularity: str | None = None
    anchor: str = "none"
    period: Period | None = None  # set for resolved DATE/TIME readings (becomes the discourse reference)
    remember: bool = True  # False for expressions computed from the reference ("a year earlier")


def date_reading(p: Period, *, anchor: str, mod: str | None = None, remember: bool = True) -> Reading:
    earliest, latest = bounds_of(p)
    earliest, latest = narrow(earliest, latest, mod)
    kind = "TIME" if p.gran in ("part-of-day", "hour", "minute") else "DATE"
    return Reading(kind, value_of(p), mod, earliest, latest, p.gran, anchor, p, remember)


def unresolved(kind: str, value: str, gran: str | None, mod: str | None = None) -> Reading:
    return Reading(kind, value, mod, None, None, gran, "none", None)


_EDGE_MODS = {
    "early": "START",
    "beginning": "START",
    "start": "START",
    "earlier": "START",
    "first half": "START",
    "mid": "MID",
    "middle": "MID",
    "late": "END",
    "end": "END",
    "close": "END",
    "turn": "END",
    "later": "END",
    "second half": "END",
    "last half": "END",
    "remainder": "END",
    "rest": "END",
}


def edge_mod(groups: dict) -> str | None:
    for key in ("edge", "edge2", "edge3"):
        word = groups.get(key)
        if word:
            return _EDGE_MODS.get(" ".join(word.lower().split()))
    return None


def nearest_weekday(dct: date, weekday: int, way: Direction) -> date:
    """The date of ``weekday`` (1 = Monday) nearest ``dct`` in direction ``way`` (the DCT itself counts)."""
    delta = weekday - dct.isoweekday()
    if way == "future":
        return dct + timedelta(days=delta % 7)
    return dct - timedelta(days=(-delta) % 7)


def choose_year(candidates: list[date], dct: date, way: Direction) -> date:
    """Among dates in neighbouring years pick the one the tense points at (nearest when unknown)."""
    if way == "past":
        past = [d for d in candidates if d <= dct]
        if past:
            return max(past)
    elif way == "future":
        fut = [d for d in candidates if d >= dct]
        if fut:
            return min(fut)
    return min(candidates, key=lambda d: abs((d - dct).days))


def at_gran(p: Period, gran: str) -> Period:
    return with_granularity(p, gran)
