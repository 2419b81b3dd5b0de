"""Normalising expressions relative to another time: offsets ("three days ago", "a year earlier"),
anaphors ("the next day", "that week") and holidays."""

from __future__ import annotations

import calendar as _cal
import dataclasses
import re
from datetime import date, timedelta

from .anchor import sentence_bounds
from .calendar import GRAN_RANK, Period, shift, with_granularity
from .grammar import Candidate
from .lexicon import parse_number, unit_code, weekday_number
from .normalise import COMPARE, day_reference, norm_words, pick_year, quant_mod
from .normalise import GRAN_UNIT as _GRAN_UNIT
from .normalise import POD_CODES as _POD
from .normalise import UNIT_GRAN as _UNIT_GRAN
from .resolve import (
    Context,
    Reading,
    choose_year,
    date_reading,
    edge_mod,
    months_period,
    nearest_weekday,
    unresolved,
)

__all__ = ["RELATIVE_HANDLERS"]


_OFFSET_GRAN = {
    "Y": "year",
    "M": "month",
    "W": "week",
    "D": "day",
    "Q": "quarter",
    "DE": "year",
    "CE": "year",
    "2W": "week",
    "H": "hour",
    "TM": "minute",
    "S": "minute",
    "ML": "year",
}


def h_offset(c: Candidate, g: dict, ctx: Context) -> Reading | None:
    unit = unit_code(g["unit"])
    if unit is None:
        return None
    direction_word = norm_words(g.get("dir"))
    sign = 1 if direction_word in ("later", "after", "from now", "hence") else -1
    num_text = norm_words(g.get("num"))
    mod = quant_mod(g) or ("APPROX" if " or so" in c.match.group(0).lower() else None)
    if g.get("word"):  # "the day before yesterday"
        base = day_reference(g["word"], ctx, c.start, c.end)[0]
        if base is None:
            return unresolved("DATE", "XXXX-XX-XX", "day")
        return date_reading(Period("day", base + timedelta(days=sign)), anchor="dct")
    if g.get("wd"):  # "a day before last Tuesday"
        if ctx.dct is None:
            return unresolved("DATE", "XXXX-XX-XX", "day")
        wd = weekday_number(g["wd"])
        rel = norm_words(g.get("rel"))
        d = (
            nearest_weekday(ctx.dct - timedelta(days=1), wd, "past")
            if rel == "last"
            else nearest_weekday(ctx.dct + timedelta(days=1), wd, "future")
        )
        return date_reading(Period("day", d + timedelta(days=sign)), anchor="dct")
    n = parse_number(num_text) if num_text else None
    if n is None and unit in ("H", "TM", "S") and direction_word not in ("ago", "from now", "hence", "back"):
        # "Minutes later, she sent an email": the day of the time before it (a timeline needs the day)
        ref, anchor = ctx.day_reference()
        if ref is not None:
            return date_reading(Period("day", ref.start), anchor=anchor, mod=mod, remember=False)
    if n is None:
        return Reading("DATE", "FUTURE_REF" if sign > 0 else "PAST_REF", mod, None, None, None, "none")
    gran = _OFFSET_GRAN.get(unit, "day")
    from_dct = direction_word in ("ago", "from now", "hence", "back")
    if from_dct:
        if ctx.dct is None:
            return unresolved("DATE", "XXXX-XX-XX", gran, mod)
        ref, anchor = Period("day", ctx.dct), "dct"
    else:
        ref, anchor = ctx.reference(gran if GRAN_RANK[gran] >= GRAN_RANK["day"] else "year")
        if ref is None:
            return unresolved("DATE", "XXXX-XX-XX", gran, mod)
    prev = ctx.recent_quarter(c.start, 1200)
    if (
        prev is None
        and not from_dct  # "41 years ago" counts from publication, whatever month was named before
        and ctx.prev is not None
        and ctx.prev.gran in ("month", "season")
        and c.start - ctx.prev_end < 300
    ):
        prev = ctx.prev
    sentence_start = sentence_bounds(ctx.text, c.start, c.end)[0]
    if (
        unit == "Y"
        and n == int(n)
        and not from_dct
        and months_period(ctx.text, c.start, c.start - sentence_start) is not None
    ):
        # "in the latest nine months, compared with 40% a year earlier": that span's year, not the quarter
        p = shift(Period("year", date(ctx.dct.year, 1, 1)), sign * int(n), "Y") if ctx.dct else None
        if p is not None:
            return date_reading(p, anchor="dct", mod=mod, remember=False)
    if unit == "Y" and n == int(n) and prev is not None:
        # "a year earlier" in a report on a quarter: the same quarter a year before
        return date_reading(shift(prev, sign * int(n), "Y"), anchor="previous", mod=mod, remember=False)
    if GRAN_RANK.get(ref.gran, 0) < GRAN_RANK["day"] and GRAN_RANK[gran] >= GRAN_RANK["day"]:
        if anchor == "previous" and unit in ("D", "W") and n == int(n):
            # "In late June … A day later": the day is unknown; keep the reference's value, shift its interval
            # ("late June" is the interval shifted: its last third, not the whole month)
            ref_mod = ctx.prev_mod if ref is ctx.prev else None
            base = date_reading(ref, anchor="previous", mod=ref_mod, remember=False)
            delta = timedelta(days=sign * int(n) * (7 if unit == "W" else 1))
            if base.earliest is not None and base.latest is not None:
                return dataclasses.replace(base, mod=mod, earliest=base.earliest + delta, latest=base.latest + delta)
        ref = Period("day", ref.start)
    amount = n
    step = {"DE": ("Y", 10), "CE": ("Y", 100), "ML": ("Y", 1000), "2W": ("W", 2)}.get(unit, (unit, 1))
    if step[0] in ("H", "TM", "S"):
        if ref.hour is None and ctx.dct_time is not None and anchor == "dct":
            ref = Period("minute", ctx.dct_time.date(), None, ctx.dct_time.hour, ctx.dct_time.minute)
        if ref.hour is None:
            days = amount / 24 if step[0] == "H" else amount / 1440
            return date_reading(
                Period("day", ref.start + timedelta(days=round(sign * days))), anchor=anchor, mod=mod
            )
        minutes = amount * (60 if step[0] == "H" else 1 if step[0] == "TM" else 1 / 60)
        p = shift(Period("minute", ref.start, None, ref.hour, ref.minute or 0), sign * round(minutes), "TM")
        return date_reading(
            Period("hour" if step[0] == "H" else "minute", p.start, None, p.hour, p.minute),
            anchor=anchor,
            mod=mod,
        )
    if amount != int(amount):
        return unresolved("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None, mod)
    p = shift(Period("day", ref.start), sign * int(amount) * step[1], step[0])
    if gran == "week":
        gran = "day"  # "two weeks ago": the day, as news means it
    # "higher than a year ago", "up from $3 million a year ago": a comparison, not the time being told
    before = ctx.text[max(0, c.start - 60) : c.start]
    compared = bool(COMPARE.search(before) or re.search(r"\bthan\s+$", before, re.IGNORECASE))
    remember = (sign > 0 or from_dct) and not compared
    return date_reading(with_granularity(p, gran), anchor=anchor, mod=mod, remember=remember)


def h_anaphor(c: Candidate, g: dict, ctx: Context) -> Reading | None:
    unit = norm_words(g["unit"])
    rel = norm_words(g.get("rel"))
    pod = _POD.get(unit)
    gran = "day" if pod else _UNIT_GRAN[unit]
    ref, anchor = ctx.reference(gran)
    if ref is None:
        return unresolved("TIME" if pod else "DATE", "XXXX-XX-XX", gran)
    same = rel in ("that", "the same", "that same")
    if gran == "day" and not pod and same and ref.gran in ("month", "year"):
        # "last October ... that same day": a day of that month, which the text does not name
        base = date_reading(ref, anchor=anchor, remember=False)
        if re.fullmatch(r"\d{4}(?:-\d\d)?", base.value):
            filler = "-XX" if ref.gran == "month" else "-XX-XX"
            return dataclasses.replace(base, value=base.value + filler, granularity="day")
    p = with_granularity(
        Period("day", ref.start) if GRAN_RANK.get(ref.gran, 0) < GRAN_RANK["day"] else ref, gran
    )
    step = _GRAN_UNIT.get(gran, "D")
    d = norm_words(g.get("dir"))
    if rel in ("the next", "the following") or d == "after":
        p = shift(p, 1, step)
    elif rel in ("the previous", "the preceding", "the prior") or d == "before":
        p = shift(p, -1, step)
    if pod:
        p = Period("part-of-day", p.start, pod)
    return date_reading(p, anchor=anchor, mod=edge_mod(g) if pod else None)


def _easter(y: int) -> date:
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month = (h + m - 7 * n + 114) // 31
    return date(y, month, (h + m - 7 * n + 114) % 31 + 1)


def _nth_weekday(y: int, month: int, wd: int, n: int) -> date:
    if n > 0:
        first = date(y, month, 1)
        return first + timedelta(days=(wd - first.isoweekday()) % 7 + 7 * (n - 1))
    last = date(y, month, _cal.monthrange(y, month)[1])
    return last - timedelta(days=(last.isoweekday() - wd) % 7)


def _holiday(name: str, y: int) -> date | None:
    from .lexicon import HOLIDAYS

    if name in HOLIDAYS:
        m, d = HOLIDAYS[name]
        return date(y, m, d)
    if name.startswith("thanksgiving"):
        return _nth_weekday(y, 11, 4, 4)
    if name.startswith("easter"):
        e = _easter(y)
        return e + timedelta(days=1) if name.endswith("monday") else e
    if name == "election day":
        return _nth_weekday(y, 11, 1, 1) + timedelta(days=1)
    if name == "labor day":
        return _nth_weekday(y, 9, 1, 1)
    if name == "memorial day":
        return _nth_weekday(y, 5, 1, -1)
    return None


def h_holiday(c: Candidate, g: dict, ctx: Context) -> Reading | None:
    name = norm_words(g["hol"])
    if ctx.dct is None:
        return unresolved("DATE", "XXXX-XX-XX", "day")
    rel = norm_words(g.get("rel"))
    dates = [d for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1) if (d := _holiday(name, y))]
    if not dates:
        return None
    if rel == "last":
        way = "past"
    elif rel == "next":
        way = "future"
    elif rel == "this":
        dates = [d for d in dates if d.year == ctx.dct.year]
        way = "unknown"
    else:  # "the week before Christmas" in a report of Dec. 23, whatever the tense: two days ahead
        return date_reading(Period("day", pick_year(dates, ctx, c.start, c.end, ctx.direction(c.start, c.end))),
                            anchor="dct")
    return date_reading(Period("day", choose_year(dates, ctx.dct, way)), anchor="dct")


RELATIVE_HANDLERS = {"offset": h_offset, "anaphor": h_anaphor, "holiday": h_holiday}
