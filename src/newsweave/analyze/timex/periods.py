"""Normalising calendar periods: quarters and halves, years, decades, centuries and seasons."""

from __future__ import annotations

import re
from datetime import date

from .calendar import SEASON_START, Period, add_months, shift, with_granularity
from .grammar import Candidate
from .lexicon import ORDINALS, SEASONS, month_number, parse_year_words
from .normalise import norm_words, year_from
from .patterns import MONTH_ABBR, MONTH_FULL
from .resolve import Context, Reading, date_reading, edge_mod, months_period, unresolved

__all__ = ["PERIOD_HANDLERS"]


def _quarter_default(q: int, dct: date, way: str = "unknown") -> int:
    """The year of a numbered quarter named without one: this year unless it lies more than a quarter
    ahead and the clause is not about the future (then last year's: "fourth-quarter profit fell" in
    March; but "expects a loss in the fourth quarter" in March is this year's). A quarter that ended
    less than two months ago keeps its year in a future clause: its results are still to come ("will
    report fourth-quarter results" in January is last year's fourth quarter)."""
    cur = (dct.month - 1) // 3 + 1
    if way == "future":
        just_ended = (cur - 2) % 4 + 1  # the quarter before the current one
        if q == just_ended and (dct.month - 1) % 3 < 2:
            return dct.year - 1 if q == 4 else dct.year
        return dct.year
    return dct.year if q <= cur + 1 else dct.year - 1


_ENDED = re.compile(rf"\s+(?:ended|ending)\s+(?P<month>{MONTH_FULL}|(?:{MONTH_ABBR})\.?)\s+\d", re.IGNORECASE)


_COMPARABLE = ("year-ago", "year-earlier", "comparable", "comparable year-ago", "same", "corresponding")


def _compact(g: dict, ctx: Context, start: int, end: int) -> Reading | None:
    """ "Q3 2021", "3Q21", "H1 2022": a quarter or half in financial shorthand."""
    half = bool(g.get("hn") or g.get("hn2"))
    n = int(g.get("qn") or g.get("qn2") or g.get("hn") or g.get("hn2"))
    gran = "half" if half else "quarter"
    if g.get("year"):
        year, anchor = int(g["year"]), "absolute"
    elif g.get("yy"):
        year, anchor = 2000 + int(g["yy"]) if int(g["yy"]) < 70 else 1900 + int(g["yy"]), "absolute"
    elif ctx.dct is not None:
        year, anchor = _quarter_default(n * 2 if half else n, ctx.dct, ctx.direction(start, end)), "dct"
    else:
        return unresolved("DATE", f"XXXX-{'H' if half else 'Q'}{n}", gran)
    return date_reading(Period(gran, date(year, (n - 1) * (6 if half else 3) + 1, 1)), anchor=anchor)


def h_quarter(c: Candidate, g: dict, ctx: Context) -> Reading | None:
    if g.get("qcode"):
        return _compact(g, ctx, c.start, c.end)
    text = c.match.group(0).lower()
    unit = norm_words(g.get("qunit"))
    gran = "half" if unit == "half" else "quarter"
    months = 6 if gran == "half" else 3
    if g.get("q") and "two quarters" in text:  # "the first two quarters of 1990": a half year
        half = 1 if g["q"].lower() == "first" else 2
        return date_reading(Period("half", date(int(g["year"]), 6 * half - 5, 1)), anchor="absolute")
    if g.get("q"):
        q = ORDINALS.get(g["q"].lower(), 4)
        q = (2 if gran == "half" else 4) if q == -1 else q
        if gran == "half" and q > 2:
            return None
        year, anchor = year_from(g, ctx)
        if year is None and g.get("qyear"):
            year, anchor = int(g["qyear"]), "absolute"
        if year is None and ctx.dct is not None:
            off = -1 if "last year's" in text else 1 if "next year's" in text else 0
            if off:
                year, anchor = ctx.dct.year + off, "dct"
            else:
                way = ctx.direction(c.start, c.end)
                year, anchor = _quarter_default(q if gran == "quarter" else q * 2, ctx.dct, way), "dct"
        if year is None:
            return unresolved("DATE", f"XXXX-{'H' if gran == 'half' else 'Q'}{q}", gran)
        p = Period(gran, date(year, (q - 1) * months + 1, 1))
        if g.get("ago"):
            return date_reading(shift(p, -1, "Y"), anchor=anchor, remember=False)
        return date_reading(p, anchor=anchor)
    rel = norm_words(g.get("rel"))
    if unit in ("period", "") and not rel:
        return None
    if ctx.dct is None:
        return unresolved("DATE", "XXXX-QX", gran)
    last_done = with_granularity(Period("quarter", add_months(ctx.dct, -3)), "quarter")
    recent_q = ctx.recent_quarter(c.start)
    if re.fullmatch(r"(?:19|20)\d\d", rel):
        return date_reading(
            shift(recent_q or last_done, int(rel) - (recent_q or last_done).start.year, "Y"),
            anchor="absolute",
        )
    months = months_period(ctx.text, c.start) if unit == "period" and rel in _COMPARABLE else None
    if months is not None:
        # "For the nine months, net rose ... In the year-earlier period": the same span, a duration (P9M)
        return Reading("DURATION", f"P{months}M", None, None, None, "month", "none")
    if (
        rel in ("year-ago", "year-earlier", "comparable", "comparable year-ago")
        or "year ago" in text
        or "year earlier" in text
        or re.search(r"\b(?:last|previous|prior) year", text)
    ):
        return date_reading(
            shift(recent_q or last_done, -1, "Y"), anchor="previous" if recent_q else "dct", remember=False
        )
    if rel in ("next", "coming"):
        return date_reading(
            with_granularity(Period("quarter", add_months(ctx.dct, 3)), "quarter"), anchor="dct"
        )
    if rel in ("previous", "prior", "preceding") and recent_q is not None:
        return date_reading(shift(recent_q, -1, "Q"), anchor="previous")
    if (
        text.startswith("this")
        and recent_q is not None
        and recent_q.gran == "quarter"
        and recent_q.start == last_done.start
        and ctx.direction(c.start, c.end) != "future"
    ):
        # "This quarter's loss includes ..." in a report on the quarter just closed: the quarter reported
        return date_reading(recent_q, anchor="previous")
    if rel in ("current", "this") or text.startswith("this"):
        return date_reading(with_granularity(Period("quarter", ctx.dct), "quarter"), anchor="dct")
    ended = _ENDED.match(ctx.text, c.end)
    if ended and recent_q is None and rel in ("", "latest", "fiscal") and month_number(ended.group("month")):
        # "the quarter ended July 31" (May to July): the calendar quarter holding most of its months
        end = date(ctx.dct.year, month_number(ended.group("month")) or 1, 1)
        end = end if end <= ctx.dct else date(end.year - 1, end.month, 1)
        return date_reading(with_granularity(Period("quarter", add_months(end, -1)), "quarter"), anchor="dct")
    if recent_q is not None and rel in ("", "same", "corresponding", "that", "latest", "fiscal"):
        return date_reading(recent_q, anchor="previous")
    return date_reading(last_done, anchor="dct")


def h_year(c: Candidate, g: dict, ctx: Context) -> Reading | None:
    year = int(g["year"]) if g.get("year") else parse_year_words(g.get("syear") or "")
    if year is None:
        return None
    half = norm_words(g.get("edge2"))
    if half in ("first half", "second half", "last half"):  # "the second half of 1998": 1998-H2
        return date_reading(
            Period("half", date(year, 1 if half == "first half" else 7, 1)), anchor="absolute"
        )
    mod = edge_mod(g)
    tail = norm_words(g.get("tail"))
    if tail:
        mod = "ON_OR_BEFORE" if "earlier" in tail else "ON_OR_AFTER"
    if g.get("post"):
        mod = "AFTER" if g["post"].lower() == "post" else "BEFORE"
    return date_reading(Period("year", date(year, 1, 1)), anchor="absolute", mod=mod)


_DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}


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
    if len(g.get("dec") or "") == 2 and not c.match.group(0).lower().startswith(
        ("the", "early", "mid", "late")
    ):
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
    gran = "millennium" if norm_words(g.get("centunit")) == "millennium" else "century"
    p = with_granularity(Period("day", ctx.dct), gran)
    rel = norm_words(g.get("rel"))
    if "last" in rel or "previous" in rel:
        p = shift(p, -1, "CE" if gran == "century" else "Y")
    elif "next" in rel:
        p = shift(p, 1, "CE" if gran == "century" else "Y")
    return date_reading(p, anchor="dct", mod=mod)


def h_season(c: Candidate, g: dict, ctx: Context) -> Reading | None:
    code = SEASONS[g["season"].lower()]
    mod = edge_mod(g)
    rel = norm_words(g.get("rel"))
    year, anchor = year_from(g, ctx)
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


PERIOD_HANDLERS = {
    "quarter": h_quarter,
    "year": h_year,
    "decade": h_decade,
    "century": h_century,
    "season": h_season,
}
