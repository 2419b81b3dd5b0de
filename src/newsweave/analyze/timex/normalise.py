"""Normalising date and time expressions (DATE/TIME) to TIMEX3 values, one handler per grammar rule."""

from __future__ import annotations

import calendar as _cal
import re
from datetime import date, timedelta

from .calendar import GRAN_RANK, SEASON_START, Period, add_months, shift, with_granularity
from .grammar import Candidate
from .lexicon import ORDINALS, SEASONS, month_number, parse_number, parse_year_words, unit_code, weekday_number
from .resolve import QUANT_MODS, Context, Reading, choose_year, date_reading, edge_mod, nearest_weekday, unresolved

__all__ = ["DATE_HANDLERS"]

_POD = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI", "tonight": "NI"}
_BACK = {"last", "past", "previous", "prior", "preceding", "this past", "the previous", "the past", "the last",
         "the preceding", "the prior"}
_FWD = {"next", "coming", "following", "this coming", "the next", "the following", "the coming"}
_ANAPHORIC = {"following", "the following", "previous", "the previous", "preceding", "the preceding", "prior",
              "the prior", "that", "same", "the same", "that same"}


def _norm(word: str | None) -> str:
    return " ".join(word.lower().split()) if word else ""


def _quant(g: dict) -> str | None:
    return QUANT_MODS.get(_norm(g.get("quant"))) if g.get("quant") else None


def _valid(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= _cal.monthrange(y, m)[1]


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def h_date(c: Candidate, g: dict, ctx: Context) -> Reading | None:
    month = month_number(g["month"])
    day = _day(g["day"])
    if month is None:
        return None
    mod = _quant(g)
    if g.get("year"):
        y = int(g["year"])
        if not _valid(y, month, day):
            return None
        return date_reading(Period("day", date(y, month, day)), anchor="absolute", mod=mod)
    if ctx.dct is None:
        return unresolved("DATE", f"XXXX-{month:02d}-{day:02d}", "day", mod) if 1 <= day <= 31 else None
    cands = [date(y, month, day) for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1) if _valid(y, month, day)]
    if not cands:
        return None
    wd = weekday_number(g["wd"]) if g.get("wd") else None
    matching = [d for d in cands if wd is None or d.isoweekday() == wd]
    way = ctx.direction(c.start, c.end)
    if abs((min(cands, key=lambda d: abs((d - ctx.dct).days)) - ctx.dct).days) < 60:
        way = "unknown"  # a date within two months of publication: the nearest one
    return date_reading(Period("day", choose_year(matching or cands, ctx.dct, way)), anchor="dct", mod=mod)


def h_iso(c: Candidate, g: dict, ctx: Context) -> Reading | None:
    y, m, d = int(g["year"]), int(g["month"]), int(g["day"])
    if not _valid(y, m, d):
        return None
    return date_reading(Period("day", date(y, m, d)), anchor="absolute")


def _year_from(g: dict, ctx: Context) -> tuple[int | None, str]:
    if g.get("year"):
        return int(g["year"]), "absolute"
    if g.get("syear"):
        y = parse_year_words(g["syear"])
        return y, "absolute" if y else "none"
    rel = _norm(g.get("yrel"))
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
    year, anchor = _year_from(g, ctx)
    if year is not None:
        return date_reading(Period("month", date(year, month, 1)), anchor=anchor, mod=mod)
    if ctx.dct is None:
        return unresolved("DATE", f"XXXX-{month:02d}", "month", mod)
    rel = _norm(g.get("rel"))
    cur = ctx.dct.month
    if rel in _BACK:
        year = ctx.dct.year if month < cur else ctx.dct.year - 1
    elif rel in _FWD:
        year = ctx.dct.year if month > cur else ctx.dct.year + 1
    elif rel == "this":
        year = ctx.dct.year
    else:
        way = ctx.direction(c.start, c.end)
        if way == "future":
            year = ctx.dct.year if month >= cur else ctx.dct.year + 1
        else:
            year = ctx.dct.year if month <= cur else ctx.dct.year - 1
    return date_reading(Period("month", date(year, month, 1)), anchor="dct", mod=mod)


def h_weekday(c: Candidate, g: dict, ctx: Context) -> Reading | None:
    wd = weekday_number(g["wd"])
    if wd is None:
        return None
    mod = edge_mod(g)
    pod = _POD.get(_norm(g.get("pod")))
    rel = _norm(g.get("rel"))
    if ctx.dct is None:
        return unresolved("TIME" if pod else "DATE", "XXXX-XX-XX" + (f"T{pod}" if pod else ""),
                          "part-of-day" if pod else "day", mod)
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


def _dayref(text: str, ctx: Context, start: int, end: int) -> tuple[date | None, str]:
    t = _norm(text)
    if ctx.dct is None:
        return None, "none"
    if t in ("today", "tonight"):
        return ctx.dct, "dct"
    if t == "yesterday":
        return ctx.dct - timedelta(days=1), "dct"
    if t == "tomorrow":
        return ctx.dct + timedelta(days=1), "dct"
    wd = weekday_number(t)
    if wd is not None:
        way = ctx.direction(start, end)
        return nearest_weekday(ctx.dct, wd, "future" if way == "future" else "past"), "dct"
    m = re.match(r"([a-z]+)\.?\s*(\d+)", t)
    if m and month_number(m.group(1)):
        month, day = month_number(m.group(1)), int(m.group(2))
        cands = [date(y, month, day) for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)
                 if _valid(y, month, day)]
        if cands:
            return choose_year(cands, ctx.dct, "unknown"), "dct"
    return None, "none"


def h_clock(c: Candidate, g: dict, ctx: Context) -> Reading | None:
    if g.get("noon"):
        word = g["noon"].lower()
        hour, minute = (0, 0) if word == "midnight" else (12, 0)
    elif g.get("hour24"):
        hour, minute = int(g["hour24"]), int(g["minute24"])
    else:
        hour = int(g["hour"])
        minute = int(g["minute"]) if g.get("minute") else 0
        if hour > 12:
            return None
        pm = g["ampm"].lower().startswith("p")
        hour = (hour % 12) + (12 if pm else 0)
    mod = _quant(g)
    if g.get("dayref"):
        d, anchor = _dayref(g["dayref"], ctx, c.start, c.end)
    else:
        ref, anchor = ctx.reference("day")
        d = ref.start if ref is not None else None
    if d is None:
        return unresolved("TIME", f"XXXX-XX-XXT{hour:02d}:{minute:02d}", "minute", mod)
    return date_reading(Period("minute", d, None, hour, minute), anchor=anchor, mod=mod)


def h_dayword(c: Candidate, g: dict, ctx: Context) -> Reading | None:
    word = _norm(g["word"])
    pod = _POD.get(_norm(g.get("pod"))) or ("NI" if word == "tonight" else None)
    mod = edge_mod(g)
    d, anchor = _dayref(word, ctx, c.start, c.end)
    if d is None:
        return unresolved("TIME" if pod else "DATE", "XXXX-XX-XX" + (f"T{pod}" if pod else ""),
                          "part-of-day" if pod else "day", mod)
    return date_reading(Period("part-of-day", d, pod) if pod else Period("day", d), anchor=anchor, mod=mod)


def h_pod(c: Candidate, g: dict, ctx: Context) -> Reading | None:
    pod = _POD[_norm(g["pod"])]
    rel = _norm(g.get("rel"))
    mod = edge_mod(g)
    if rel in ("this", "tomorrow", "yesterday", "last") or not rel:
        if ctx.dct is None:
            return unresolved("TIME", f"XXXX-XX-XXT{pod}", "part-of-day", mod)
        off = {"tomorrow": 1, "yesterday": -1, "last": -1}.get(rel, 0)
        if not rel and pod == "NI":  # "overnight": the night before publication
            off = -1
        return date_reading(Period("part-of-day", ctx.dct + timedelta(days=off), pod), anchor="dct", mod=mod)
    ref, anchor = ctx.reference("day")
    if ref is None:
        return unresolved("TIME", f"XXXX-XX-XXT{pod}", "part-of-day", mod)
    return date_reading(Period("part-of-day", ref.start, pod), anchor=anchor, mod=mod)


def _quarter_default(q: int, dct: date) -> int:
    cur = (dct.month - 1) // 3 + 1
    return dct.year if q <= cur + 1 else dct.year - 1


def h_quarter(c: Candidate, g: dict, ctx: Context) -> Reading | None:
    text = c.match.group(0).lower()
    unit = _norm(g.get("qunit"))
    gran = "half" if unit == "half" else "quarter"
    months = 6 if gran == "half" else 3
    if g.get("q"):
        q = ORDINALS.get(g["q"].lower(), 4)
        q = (2 if gran == "half" else 4) if q == -1 else q
        if gran == "half" and q > 2:
            return None
        year, anchor = _year_from(g, ctx)
        if year is None and g.get("qyear"):
            year, anchor = int(g["qyear"]), "absolute"
        if year is None and ctx.dct is not None:
            off = -1 if "last year's" in text else 1 if "next year's" in text else 0
            if off:
                year, anchor = ctx.dct.year + off, "dct"
            elif ctx.prev is not None and ctx.prev.gran in ("quarter", "half") and g.get("ago") is None \
                    and c.start - ctx.prev_end < 400:
                year, anchor = ctx.prev.start.year, "previous"
            else:
                year, anchor = _quarter_default(q if gran == "quarter" else q * 2, ctx.dct), "dct"
        if year is None:
            return unresolved("DATE", f"XXXX-{'H' if gran == 'half' else 'Q'}{q}", gran)
        p = Period(gran, date(year, (q - 1) * months + 1, 1))
        if g.get("ago"):
            p = shift(p, -1, "Y")
        return date_reading(p, anchor=anchor)
    rel = _norm(g.get("rel"))
    if unit == "period" and not rel:
        return None
    if ctx.dct is None:
        return unresolved("DATE", "XXXX-QX", gran)
    last_done = with_granularity(Period("quarter", add_months(ctx.dct, -3)), "quarter")
    recent_q = ctx.prev if ctx.prev is not None and ctx.prev.gran == "quarter" and c.start - ctx.prev_end < 600 \
        else None
    if re.fullmatch(r"(?:19|20)\d\d", rel):
        return date_reading(shift(recent_q or last_done, int(rel) - (recent_q or last_done).start.year, "Y"),
                            anchor="absolute")
    if rel in ("year-ago", "year-earlier", "comparable", "comparable year-ago") or "year ago" in text \
            or "year earlier" in text or "last year" in text:
        return date_reading(shift(recent_q or last_done, -1, "Y"), anchor="previous" if recent_q else "dct")
    if rel in ("next", "coming"):
        return date_reading(with_granularity(Period("quarter", add_months(ctx.dct, 3)), "quarter"), anchor="dct")
    if rel in ("previous", "prior", "preceding") and recent_q is not None:
        return date_reading(shift(recent_q, -1, "Q"), anchor="previous")
    if rel in ("current", "this") or text.startswith("this"):
        return date_reading(with_granularity(Period("quarter", ctx.dct), "quarter"), anchor="dct")
    if recent_q is not None and rel in ("", "same", "that", "latest", "fiscal"):
        return date_reading(recent_q, anchor="previous")
    return date_reading(last_done, anchor="dct")


_UNIT_GRAN = {"week": "week", "weekend": "weekend", "month": "month", "year": "year", "decade": "decade",
              "century": "century", "fortnight": "week", "fiscal year": "year", "calendar year": "year",
              "day": "day", "quarter": "quarter"}
_GRAN_UNIT = {"week": "W", "weekend": "W", "month": "M", "year": "Y", "decade": "DE", "century": "CE", "day": "D",
              "quarter": "Q", "half": "HY", "season": "Y"}


def h_relunit(c: Candidate, g: dict, ctx: Context) -> Reading | None:
    unit = _norm(g.get("unit")) or _norm(g.get("edge"))
    gran = _UNIT_GRAN.get(unit.replace("fiscal ", "").replace("calendar ", ""), "year")
    rel = _norm(g.get("rel"))
    mod = "END" if g.get("end") else edge_mod(g)
    if rel in ("the", "that", "same", "the same"):
        ref, anchor = ctx.reference(gran)
        if ref is None:
            return unresolved("DATE", "XXXX", gran, mod)
        if rel == "the" and anchor == "previous" and GRAN_RANK.get(ref.gran, 0) < GRAN_RANK.get(gran, 0) \
                and ctx.dct is not None:
            ref, anchor = Period("day", ctx.dct), "dct"
        return date_reading(with_granularity(ref, gran), anchor=anchor, mod=mod)
    if ctx.dct is None:
        return unresolved("DATE", "XXXX", gran, mod)
    base, anchor = Period("day", ctx.dct), "dct"
    if rel in _ANAPHORIC and ctx.prev is not None:
        base, anchor = ctx.prev, "previous"
    p = with_granularity(base, gran)
    step = _GRAN_UNIT.get(gran, "Y")
    if rel in _BACK:
        p = shift(p, -1, step)
    elif rel in _FWD:
        p = shift(p, 1, step)
    return date_reading(p, anchor=anchor, mod=mod)


def h_weekend(c: Candidate, g: dict, ctx: Context) -> Reading | None:
    rel = _norm(g.get("rel"))
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


def h_year(c: Candidate, g: dict, ctx: Context) -> Reading | None:
    year = int(g["year"]) if g.get("year") else parse_year_words(g.get("syear") or "")
    if year is None:
        return None
    mod = edge_mod(g)
    tail = _norm(g.get("tail"))
    if tail:
        mod = "ON_OR_BEFORE" if "earlier" in tail else "ON_OR_AFTER"
    if g.get("post"):
        mod = "AFTER" if g["post"].lower() == "post" else "BEFORE"
    return date_reading(Period("year", date(year, 1, 1)), anchor="absolute", mod=mod)


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}


def h_decade(c: Candidate, g: dict, ctx: Context) -> Reading | None:
    mod = edge_mod(g)
    if g.get("dec"):
        d = g["dec"]
        year = int(d) if len(d) >= 3 else 1900 + int(d)
        if len(d) == 3:
            year = int(d) if int(d) >= 100 else 1900 + int(d)
        if year % 10 or year > 2090 or (len(d) == 2 and g["dec"] == "00"):
            return None
    elif g.get("dec2"):
        year = 1900 + int(g["dec2"])
    else:
        year = 1900 + 10 * _DECADE_WORDS[g["decw"].lower()]
    if len(g.get("dec") or "") == 2 and not c.match.group(0).lower().startswith(("the", "early", "mid", "late")):
        return None  # "60s" alone is an age or a speed, not a decade
    return date_reading(Period("decade", date(year, 1, 1)), anchor="absolute", mod=mod)


def h_century(c: Candidate, g: dict, ctx: Context) -> Reading | None:
    mod = edge_mod(g)
    if g.get("cent") or g.get("centw"):
        n = int(g["cent"]) if g.get("cent") else ORDINALS.get(g["centw"].lower())
        if not n or n > 21:
            return None
        return date_reading(Period("century", date(max(1, (n - 1) * 100), 1, 1)), anchor="absolute", mod=mod)
    if ctx.dct is None:
        return unresolved("DATE", "XX", "century")
    gran = "millennium" if _norm(g.get("centunit")) == "millennium" else "century"
    p = with_granularity(Period("day", ctx.dct), gran)
    rel = _norm(g.get("rel"))
    if "last" in rel or "previous" in rel:
        p = shift(p, -1, "CE" if gran == "century" else "Y")
    elif "next" in rel:
        p = shift(p, 1, "CE" if gran == "century" else "Y")
    return date_reading(p, anchor="dct", mod=mod)


def h_season(c: Candidate, g: dict, ctx: Context) -> Reading | None:
    code = SEASONS[g["season"].lower()]
    mod = edge_mod(g)
    rel = _norm(g.get("rel"))
    year, anchor = _year_from(g, ctx)
    if year is None and not rel and not mod:
        return None  # a bare season word ("summer camp") is too often not a time
    if year is None:
        if ctx.dct is None:
            return unresolved("DATE", f"XXXX-{code}", "season", mod)
        cur = with_granularity(Period("day", ctx.dct), "season")
        start_month = SEASON_START[code]
        this_year = ctx.dct.year - (1 if code == "WI" and ctx.dct.month <= 2 else 0)
        this = Period("season", date(this_year, start_month, 1), code)
        if rel in ("last", "this past", "past"):
            p = this if this.start < cur.start else shift(this, -1, "Y")
        elif rel in ("next", "this coming", "coming"):
            p = this if this.start > cur.start else shift(this, 1, "Y")
        elif rel == "this":
            p = this
        else:
            way = ctx.direction(c.start, c.end)
            if way == "future":
                p = this if this.start >= cur.start else shift(this, 1, "Y")
            else:
                p = this if this.start <= cur.start else shift(this, -1, "Y")
        p = Period("season", p.start, code)
        return date_reading(p, anchor="dct", mod=mod)
    return date_reading(Period("season", date(year, SEASON_START[code], 1), code), anchor=anchor, mod=mod)


_OFFSET_GRAN = {"Y": "year", "M": "month", "W": "week", "D": "day", "Q": "quarter", "DE": "year", "CE": "year",
                "2W": "week", "H": "hour", "TM": "minute", "S": "minute", "ML": "year"}


def h_offset(c: Candidate, g: dict, ctx: Context) -> Reading | None:
    unit = unit_code(g["unit"])
    if unit is None:
        return None
    direction_word = _norm(g.get("dir"))
    sign = 1 if direction_word in ("later", "after", "from now", "hence") else -1
    num_text = _norm(g.get("num"))
    mod = _quant(g) or ("APPROX" if " or so" in c.match.group(0).lower() else None)
    if g.get("word"):  # "the day before yesterday"
        base = _dayref(g["word"], ctx, c.start, c.end)[0]
        if base is None:
            return unresolved("DATE", "XXXX-XX-XX", "day")
        return date_reading(Period("day", base + timedelta(days=sign)), anchor="dct")
    if g.get("wd"):  # "a day before last Tuesday"
        if ctx.dct is None:
            return unresolved("DATE", "XXXX-XX-XX", "day")
        wd = weekday_number(g["wd"])
        rel = _norm(g.get("rel"))
        d = nearest_weekday(ctx.dct - timedelta(days=1), wd, "past") if rel == "last" else \
            nearest_weekday(ctx.dct + timedelta(days=1), wd, "future")
        return date_reading(Period("day", d + timedelta(days=sign)), anchor="dct")
    n = parse_number(num_text) if num_text else None
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
    prev = ctx.prev
    if unit == "Y" and n == int(n) and prev is not None and prev.gran in ("quarter", "half", "month", "season") \
            and c.start - ctx.prev_end < 300:
        return date_reading(shift(prev, sign * int(n), "Y"), anchor="previous", mod=mod)
    if GRAN_RANK.get(ref.gran, 0) < GRAN_RANK["day"] and GRAN_RANK[gran] >= GRAN_RANK["day"]:
        ref = Period("day", ref.start)
    amount = n
    step = {"DE": ("Y", 10), "CE": ("Y", 100), "ML": ("Y", 1000), "2W": ("W", 2)}.get(unit, (unit, 1))
    if step[0] in ("H", "TM", "S"):
        if ref.hour is None and ctx.dct_time is not None and anchor == "dct":
            ref = Period("minute", ctx.dct_time.date(), None, ctx.dct_time.hour, ctx.dct_time.minute)
        if ref.hour is None:
            days = amount / 24 if step[0] == "H" else amount / 1440
            return date_reading(Period("day", ref.start + timedelta(days=round(sign * days))), anchor=anchor, mod=mod)
        minutes = amount * (60 if step[0] == "H" else 1 if step[0] == "TM" else 1 / 60)
        p = shift(Period("minute", ref.start, None, ref.hour, ref.minute or 0), sign * round(minutes), "TM")
        return date_reading(Period("hour" if step[0] == "H" else "minute", p.start, None, p.hour, p.minute),
                            anchor=anchor, mod=mod)
    if amount != int(amount):
        return unresolved("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None, mod)
    p = shift(Period("day", ref.start), sign * int(amount) * step[1], step[0])
    return date_reading(with_granularity(p, gran), anchor=anchor, mod=mod)


def h_anaphor(c: Candidate, g: dict, ctx: Context) -> Reading | None:
    unit = _norm(g["unit"])
    rel = _norm(g.get("rel"))
    pod = _POD.get(unit)
    gran = "day" if pod else _UNIT_GRAN[unit]
    ref, anchor = ctx.reference(gran)
    if ref is None:
        return unresolved("TIME" if pod else "DATE", "XXXX-XX-XX", gran)
    p = with_granularity(Period("day", ref.start) if GRAN_RANK.get(ref.gran, 0) < GRAN_RANK["day"] else ref, gran)
    step = _GRAN_UNIT.get(gran, "D")
    d = _norm(g.get("dir"))
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
    name = _norm(g["hol"])
    if ctx.dct is None:
        return unresolved("DATE", "XXXX-XX-XX", "day")
    rel = _norm(g.get("rel"))
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
    else:
        way = ctx.direction(c.start, c.end)
    return date_reading(Period("day", choose_year(dates, ctx.dct, way)), anchor="dct")


DATE_HANDLERS = {
    "date": h_date, "iso": h_iso, "month": h_month, "weekday": h_weekday, "clock": h_clock, "dayword": h_dayword,
    "pod": h_pod, "quarter": h_quarter, "relunit": h_relunit, "weekend": h_weekend, "year": h_year,
    "decade": h_decade, "century": h_century, "season": h_season, "offset": h_offset, "anaphor": h_anaphor,
    "holiday": h_holiday,
}
