"""Normalising date and time expressions (DATE/TIME) to TIMEX3 values, one handler per grammar rule."""

from __future__ import annotations

import calendar as _cal
import re
from datetime import UTC, date, datetime, time, timedelta

from .anchor import Direction
from .calendar import GRAN_RANK, Period, shift, with_granularity
from .durations import h_past_decade
from .grammar import Candidate
from .lexicon import (
    PARTS_OF_DAY,
    month_number,
    parse_number,
    parse_year_words,
    weekday_number,
)
from .resolve import (
    QUANT_MODS,
    Context,
    Reading,
    choose_year,
    date_reading,
    edge_mod,
    nearest_weekday,
    unresolved,
)

__all__ = [
    "COMPARE",
    "DATE_HANDLERS",
    "GRAN_UNIT",
    "POD_CODES",
    "UNIT_GRAN",
    "day_reference",
    "norm_words",
    "pick_year",
    "year_from",
]

POD_CODES = _POD = PARTS_OF_DAY  # part-of-day word → TIMEX3 code ("night" → NI)
_BACK = {
    "last",
    "past",
    "previous",
    "prior",
    "preceding",
    "this past",
    "the previous",
    "the past",
    "the last",
    "the preceding",
    "the prior",
}
_FWD = {"next", "coming", "following", "this coming", "the next", "the following", "the coming"}
_ANAPHORIC = {
    "following",
    "the following",
    "previous",
    "the previous",
    "preceding",
    "the preceding",
    "prior",
    "the prior",
    "that",
    "same",
    "the same",
    "that same",
}


def norm_words(word: str | None) -> str:
    return " ".join(word.lower().split()) if word else ""


def quant_mod(g: dict) -> str | None:
    return QUANT_MODS.get(norm_words(g.get("quant"))) if g.get("quant") else None


def _valid(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= _cal.monthrange(y, m)[1]


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _biased_distance(diff: float) -> float:
    """Distance from publication with the future counted half as far again: news reports the past."""
    return diff * 1.5 if diff > 0 else -diff


_NTH = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5,
        "5th": 5, "last": -1}


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date | None:
    """The ``nth`` ``weekday`` (1 = Monday) of a month (``nth`` −1: the last one); ``None`` if there is none."""
    days = [d for d in range(1, _cal.monthrange(year, month)[1] + 1) if date(year, month, d).isoweekday() == weekday]
    if nth == -1:
        return date(year, month, days[-1])
    return date(year, month, days[nth - 1]) if nth <= len(days) else None


def _nth_weekday_date(g: dict, ctx: Context, start: int, end: int) -> tuple[date | None, str]:
    """ "the last Friday in August": that day of the year the tense points at (of the named year if given)."""
    month, wd, nth = month_number(g["month"]), weekday_number(g["nwd"]), _NTH.get(g["nth"].lower())
    if month is None or wd is None or nth is None:
        return None, "none"
    if g.get("year"):
        return nth_weekday(int(g["year"]), month, wd, nth), "absolute"
    if ctx.dct is None:
        return None, "none"
    cands = [d for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1) if (d := nth_weekday(y, month, wd, nth))]
    return (pick_year(cands, ctx, start, end) if cands else None), "dct"


def pick_year(cands: list[date], ctx: Context, start: int, end: int, way: Direction | None = None) -> date:
    """Of one day in neighbouring years, the one the tense near it (or ``way``) points at, else the nearest."""
    assert ctx.dct is not None
    way = ctx.near_direction(start, end) if way is None else way
    nearest = min(cands, key=lambda d: _biased_distance((d - ctx.dct).days))
    chosen = choose_year(cands, ctx.dct, way) if way != "unknown" else nearest
    if abs((chosen - ctx.dct).days) > 180 and -60 <= (nearest - ctx.dct).days <= 31:
        # "by Jan. 14" in a report of Jan. 15, "the vote was set for Feb. 3" in one of Jan. 20: the tense cue is
        # not worth a year; a date two months ahead of a past-tense verb is in the past ("posted on Jan. 23")
        chosen = nearest
    return chosen


def h_date(c: Candidate, g: dict, ctx: Context) -> Reading | None:
    if g.get("nth"):
        d, anchor = _nth_weekday_date(g, ctx, c.start, c.end)
        return None if d is None else date_reading(Period("day", d), anchor=anchor)
    month = month_number(g["month"])
    day = _day(g["day"])
    if month is None:
        return None
    mod = quant_mod(g)
    if g.get("year") or g.get("cyear"):  # "May 3 and 4, 1998": the year of the pair
        y = int(g.get("year") or g["cyear"])
        if not _valid(y, month, day):
            return None
        return date_reading(Period("day", date(y, month, day)), anchor="absolute", mod=mod)
    if ctx.dct is None:
        return unresolved("DATE", f"XXXX-{month:02d}-{day:02d}", "day", mod) if 1 <= day <= 31 else None
    if g.get("yrel"):  # "Nov. 3 last year"
        y = ctx.dct.year + {"last": -1, "next": 1}.get(g["yrel"].lower(), 0)
        if not _valid(y, month, day):
            return None
        return date_reading(Period("day", date(y, month, day)), anchor="dct", mod=mod)
    cands = [
        date(y, month, day)
        for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)
        if _valid(y, month, day)
    ]
    if not cands:
        return None
    wd = weekday_number(g["wd"]) if g.get("wd") else None
    matching = [d for d in cands if wd is None or d.isoweekday() == wd]
    return date_reading(Period("day", pick_year(matching or cands, ctx, c.start, c.end)), anchor="dct", mod=mod)


def h_pod_of(c: Candidate, g: dict, ctx: Context) -> Reading | None:
    day = h_date(c, g, ctx)
    if day is None:
        return None
    if norm_words(g["pod"]) == "week":  # "the week of March 6": the week that contains the day
        if day.period is None:
            return unresolved("DATE", "XXXX-WXX", "week")
        return date_reading(with_granularity(day.period, "week"), anchor=day.anchor)
    pod = _POD[norm_words(g["pod"])]
    if day.period is None:
        return unresolved("TIME", day.value + f"T{pod}", "part-of-day")
    return date_reading(Period("part-of-day", day.period.start, pod), anchor=day.anchor)


def h_iso(c: Candidate, g: dict, ctx: Context) -> Reading | None:
    y, m, d = int(g["year"]), int(g["month"]), int(g["day"])
    if not _valid(y, m, d):
        return None
    return date_reading(Period("day", date(y, m, d)), anchor="absolute")


def year_from(g: dict, ctx: Context) -> tuple[int | None, str]:
    if g.get("year"):
        return int(g["year"]), "absolute"
    if g.get("syear"):
        y = parse_year_words(g["syear"])
        return y, "absolute" if y else "none"
    rel = norm_words(g.get("yrel"))
    if rel:
        if rel in ("that", "the same") and ctx.prev is not None:
            return ctx.prev.start.year, "previous"
        if ctx.dct is None:
            return None, "none"
        off = {"last": -1, "next": 1, "the following": 1, "the previous": -1}.get(rel, 0)
        return ctx.dct.year + off, "dct"
    return None, "none"


def h_month(c: Candidate, g: dict, ctx: Context) -> Reading | None:
    month = month_number(g["month"])
    if month is None:
        return None
    mod = edge_mod(g)
    year, anchor = year_from(g, ctx)
    if year is not None:
        return date_reading(Period("month", date(year, month, 1)), anchor=anchor, mod=mod)
    if ctx.dct is None:
        return unresolved("DATE", f"XXXX-{month:02d}", "month", mod)
    rel = norm_words(g.get("rel"))
    cur = ctx.dct.month
    if rel in _BACK:
        year = ctx.dct.year if month < cur else ctx.dct.year - 1
    elif rel in _FWD:
        year = ctx.dct.year if month > cur else ctx.dct.year + 1
    elif rel == "this":
        year = ctx.dct.year
    else:
        way = ctx.near_direction(c.start, c.end, reach=60)
        if way == "future":
            year = ctx.dct.year if month >= cur else ctx.dct.year + 1
        elif way == "past":
            year = ctx.dct.year if month <= cur else ctx.dct.year - 1
        else:  # the nearest such month, the past preferred (news reports what happened)
            year = min(
                (ctx.dct.year, ctx.dct.year - 1, ctx.dct.year + 1),
                key=lambda y: _biased_distance((y - ctx.dct.year) * 12 + month - cur),
            )
    return date_reading(Period("month", date(year, month, 1)), anchor="dct", mod=mod)


def h_weekday(c: Candidate, g: dict, ctx: Context) -> Reading | None:
    wd = weekday_number(g["wd"])
    if wd is None:
        return None
    mod = edge_mod(g)
    pod = _POD.get(norm_words(g.get("pod")))
    rel = norm_words(g.get("rel"))
    if ctx.dct is None:
        return unresolved(
            "TIME" if pod else "DATE",
            "XXXX-XX-XX" + (f"T{pod}" if pod else ""),
            "part-of-day" if pod else "day",
            mod,
        )
    anchor = "dct"
    base = ctx.dct
    if rel in ("previous", "prior", "preceding", "following") and ctx.prev_day is not None:
        base, anchor = ctx.prev_day.start, "previous"
    if rel in _BACK:
        d = nearest_weekday(base - timedelta(days=1), wd, "past")
    elif rel in _FWD:
        d = nearest_weekday(base + timedelta(days=1), wd, "future")
    elif rel == "this":
        d = ctx.dct - timedelta(days=ctx.dct.isoweekday() - wd)
    else:
        d = nearest_weekday(base, wd, "future" if ctx.direction(c.start, c.end) == "future" else "past")
    p = Period("part-of-day", d, pod) if pod else Period("day", d)
    return date_reading(p, anchor=anchor, mod=mod)


def day_reference(text: str, ctx: Context, start: int, end: int) -> tuple[date | None, str]:
    t = norm_words(text)
    full = re.match(r"([a-z]+)\.?\s*(\d+)\w*\s*,?\s*(\d{4})$", t)
    if full and month_number(full.group(1)):  # "5 p.m. on Jan. 6, 2021"
        y, month, day = int(full.group(3)), month_number(full.group(1)) or 1, int(full.group(2))
        return (date(y, month, day), "absolute") if _valid(y, month, day) else (None, "none")
    if ctx.dct is None:
        return None, "none"
    if t in ("today", "tonight"):
        return ctx.dct, "dct"
    if t == "yesterday":
        return ctx.dct - timedelta(days=1), "dct"
    if t == "tomorrow":
        return ctx.dct + timedelta(days=1), "dct"
    nth = re.match(rf"(?:the )?(?P<nth>{'|'.join(_NTH)}) (?P<nwd>[a-z]+) (?:in|of) (?P<month>[a-z]+)\.?(?: ?,? ?(?P<year>\d{{4}}))?$", t)
    if nth:  # "2 p.m. on the last Friday in August"
        return _nth_weekday_date(nth.groupdict(), ctx, start, end)
    wd = weekday_number(t)
    if wd is not None:
        way = ctx.direction(start, end)
        return nearest_weekday(ctx.dct, wd, "future" if way == "future" else "past"), "dct"
    m = re.match(r"([a-z]+)\.?\s*(\d+)", t)
    if m and month_number(m.group(1)):
        month, day = month_number(m.group(1)), int(m.group(2))
        cands = [
            date(y, month, day)
            for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)
            if _valid(y, month, day)
        ]
        if cands:
            return choose_year(cands, ctx.dct, "unknown"), "dct"
    return None, "none"


def h_clock(c: Candidate, g: dict, ctx: Context) -> Reading | None:
    if g.get("noon"):
        word = g["noon"].lower()
        hour, minute = (0, 0) if word == "midnight" else (12, 0)
    elif g.get("hourw"):  # "4 in the morning", "ten o'clock at night"
        hour = int(parse_number(g["hourw"]) or 0)
        pod = (g.get("podw") or g.get("podw2") or "").lower()
        hour, minute = (
            (hour % 12) + (12 if pod in ("afternoon", "evening") or (pod == "night" and hour >= 6) else 0),
            0,
        )
    elif g.get("hour24"):
        hour, minute = int(g["hour24"]), int(g["minute24"])
    else:
        hour = int(g["hour"])
        minute = int(g["minute"]) if g.get("minute") else 0
        if hour > 12:
            return None
        pm = g["ampm"].lower().startswith("p")
        hour = (hour % 12) + (12 if pm else 0)
    mod = quant_mod(g)
    if g.get("dayref"):
        d, anchor = day_reference(g["dayref"], ctx, c.start, c.end)
        if g.get("noon") and g["noon"].lower() == "midnight":
            hour = 24  # "midnight Friday": the end of Friday (TIMEX3 T24:00), not its first minute
    else:
        ref, anchor = ctx.day_reference()
        d = ref.start if ref is not None else None
        if d is not None and ctx.dct is not None and d > ctx.dct and ctx.direction(c.start, c.end) == "past":
            d, anchor = ctx.dct, "dct"  # "Markets closed at 4 p.m." after a plan for May 2: not on May 2
    if d is None:
        return unresolved("TIME", f"XXXX-XX-XXT{hour:02d}:{minute:02d}", "minute", mod)
    return date_reading(Period("minute", d, None, hour, minute), anchor=anchor, mod=mod)


_GENERIC_AFTER = re.compile(
    r"'s\s+(?:[a-z]+\s+)?(?:world|youth|society|generation|children|kids|young|people|computers|technology"
    r"|economy|culture|standards|terms|dollars|workplace|families|students|consumers|politics)\b",
    re.IGNORECASE,
)
_GENERIC_BEFORE = re.compile(
    r"(?<!morning)(?<!evening)(?<!night)(?<!noon)(?<!day)(?<!end)\s+of\s+$", re.IGNORECASE
)


def _generic_day(text: str, start: int, end: int) -> bool:
    """ "today's world", "the people of tomorrow": a generic present or future."""
    if _GENERIC_AFTER.match(text, end):
        return True
    word = text[start:end].lower()
    return (
        word == "tomorrow"
        and bool(_GENERIC_BEFORE.search(text, max(0, start - 16), start))
        and not re.match(r"\s*(?:morning|afternoon|evening|night)", text[end : end + 10], re.IGNORECASE)
    )


def h_dayword(c: Candidate, g: dict, ctx: Context) -> Reading | None:
    word = norm_words(g["word"])
    pod = _POD.get(norm_words(g.get("pod"))) or ("NI" if word == "tonight" else None)
    mod = edge_mod(g)
    if word in ("today", "tomorrow") and not pod and _generic_day(ctx.text, c.start, c.end):
        # "today's youth", "the leaders of tomorrow": the present or future in general, not a day
        now = ctx.dct_time or (datetime.combine(ctx.dct, time(0), tzinfo=UTC) if ctx.dct else None)
        anchor = "dct" if now else "none"
        if word == "today":
            return Reading("DATE", "PRESENT_REF", None, now, now, None, anchor)
        return Reading("DATE", "FUTURE_REF", None, now, None, None, anchor)
    d, anchor = day_reference(word, ctx, c.start, c.end)
    if d is None:
        return unresolved(
            "TIME" if pod else "DATE",
            "XXXX-XX-XX" + (f"T{pod}" if pod else ""),
            "part-of-day" if pod else "day",
            mod,
        )
    return date_reading(Period("part-of-day", d, pod) if pod else Period("day", d), anchor=anchor, mod=mod)


def h_pod(c: Candidate, g: dict, ctx: Context) -> Reading | None:
    pod = _POD[norm_words(g["pod"])]
    rel = norm_words(g.get("rel"))
    mod = edge_mod(g)
    if g.get("word"):  # "mid-afternoon yesterday"
        d, anchor = day_reference(g["word"], ctx, c.start, c.end)
        if d is None:
            return unresolved("TIME", f"XXXX-XX-XXT{pod}", "part-of-day", mod)
        return date_reading(Period("part-of-day", d, pod), anchor=anchor, mod=mod)
    if rel in ("this", "tomorrow", "yesterday", "last") or not rel:
        if ctx.dct is None:
            return unresolved("TIME", f"XXXX-XX-XXT{pod}", "part-of-day", mod)
        off = {"tomorrow": 1, "yesterday": -1, "last": -1}.get(rel, 0)
        if not rel and pod == "NI":  # "overnight": the night before the day being told, or publication
            day = ctx.prev_day
            if day is not None and c.start - ctx.prev_end < 300 and 0 <= (ctx.dct - day.start).days <= 7:
                return date_reading(
                    Period("part-of-day", day.start - timedelta(days=1), pod), anchor="previous"
                )
            off = -1
        return date_reading(Period("part-of-day", ctx.dct + timedelta(days=off), pod), anchor="dct", mod=mod)
    ref, anchor = ctx.day_reference()
    if ref is None:
        return unresolved("TIME", f"XXXX-XX-XXT{pod}", "part-of-day", mod)
    return date_reading(Period("part-of-day", ref.start, pod), anchor=anchor, mod=mod)


UNIT_GRAN = _UNIT_GRAN = {
    "week": "week",
    "weekend": "weekend",
    "month": "month",
    "year": "year",
    "decade": "decade",
    "century": "century",
    "fortnight": "week",
    "fiscal year": "year",
    "calendar year": "year",
    "day": "day",
    "quarter": "quarter",
}
GRAN_UNIT = _GRAN_UNIT = {
    "week": "W",
    "weekend": "W",
    "month": "M",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
    "day": "D",
    "quarter": "Q",
    "half": "HY",
    "season": "Y",
}


COMPARE = _COMPARE = re.compile(
    r"\b(?:compared\s+with|compared\s+to|from|versus|vs\.?|against)\b(?:[^.;,]|[.,](?=\d))*$", re.IGNORECASE
)


def _unknown(gran: str) -> str:
    """The TIMEX3 value of a week, month or year that cannot be placed: ``XXXX-WXX``, ``XXXX-XX``, ``XXXX``."""
    return {"week": "XXXX-WXX", "month": "XXXX-XX"}.get(gran, "XXXX")


def h_relunit(c: Candidate, g: dict, ctx: Context) -> Reading | None:
    unit = norm_words(g.get("unit")) or norm_words(g.get("edge"))
    gran = _UNIT_GRAN.get(unit.replace("fiscal ", "").replace("calendar ", ""), "year")
    rel = norm_words(g.get("rel"))
    mod = "END" if g.get("end") else edge_mod(g)
    if rel in ("past", "the past") and gran in ("decade", "century") and not mod:
        return h_past_decade(c, g, ctx)  # "over the past decade": the ten years up to publication
    if rel in ("the", "that", "same", "the same"):
        ref, anchor = ctx.reference(gran)
        if ref is None:
            return unresolved("DATE", _unknown(gran), gran, mod)
        if rel == "the" and anchor == "previous" and GRAN_RANK.get(ref.gran, 0) < GRAN_RANK.get(gran, 0):
            # "by the end of the week" after "riots in 2008" is the current week, not the first week of 2008
            if ctx.dct is None:
                return unresolved("DATE", _unknown(gran), gran, mod)
            ref, anchor = Period("day", ctx.dct), "dct"
        return date_reading(with_granularity(ref, gran), anchor=anchor, mod=mod)
    if ctx.dct is None:
        return unresolved("DATE", _unknown(gran), gran, mod)
    base, anchor = Period("day", ctx.dct), "dct"
    quarter = ctx.recent_quarter(c.start, 800)
    if (
        rel == "last"
        and gran == "year"
        and not mod
        and quarter is not None
        and _COMPARE.search(ctx.text, max(0, c.start - 60), c.start)
    ):
        # "compared with $3 million last year" in a quarterly report: the same quarter last year
        return date_reading(shift(quarter, -1, "Y"), anchor="previous", remember=False)
    if rel in _ANAPHORIC and ctx.prev is not None:
        base, anchor = ctx.prev, "previous"
    p = with_granularity(base, gran)
    step = _GRAN_UNIT.get(gran, "Y")
    if rel in _BACK or (rel in ("latest", "the latest") and anchor == "dct"):
        p = shift(p, -1, step)  # "the latest fiscal year": the last one completed, as "the latest quarter"
    elif rel in _FWD:
        p = shift(p, 1, step)
    return date_reading(p, anchor=anchor, mod=mod)


def h_weekend(c: Candidate, g: dict, ctx: Context) -> Reading | None:
    rel = norm_words(g.get("rel"))
    if ctx.dct is None:
        return unresolved("DATE", "XXXX-WXX-WE", "weekend")
    week = Period("weekend", ctx.dct - timedelta(days=ctx.dct.weekday()))
    in_weekend = ctx.dct.isoweekday() >= 6
    if rel in ("last", "the past", "the previous"):
        week = shift(week, -1, "W")
    elif rel in ("next", "the following"):
        week = shift(week, 1 if in_weekend else 0, "W")
    elif not in_weekend and ctx.direction(c.start, c.end) != "future":
        week = shift(week, -1, "W")
    return date_reading(week, anchor="dct")


def h_theyear(c: Candidate, g: dict, ctx: Context) -> Reading | None:
    if g.get("ended") is not None:
        return Reading("DURATION", "P1Y", None, None, None, "year", "none")
    ref, anchor = ctx.reference("year")
    if ref is None:
        return unresolved("DATE", "XXXX", "year")
    return date_reading(with_granularity(ref, "year"), anchor=anchor)


DATE_HANDLERS = {
    "theyear": h_theyear,
    "podof": h_pod_of,
    "date": h_date,
    "iso": h_iso,
    "month": h_month,
    "weekday": h_weekday,
    "clock": h_clock,
    "dayword": h_dayword,
    "pod": h_pod,
    "relunit": h_relunit,
    "weekend": h_weekend,
}
