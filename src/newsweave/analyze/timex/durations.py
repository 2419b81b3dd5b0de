"""Normalising durations (P1M, PT5H, PXY ...), sets (every day, each Thursday) and the vague PRESENT_REF /
PAST_REF / FUTURE_REF references."""

from __future__ import annotations

import re
from datetime import UTC, datetime, time, timedelta

from .calendar import add_months
from .grammar import Candidate
from .lexicon import SEASONS, month_number, parse_number, unit_code, weekday_number
from .resolve import QUANT_MODS, Context, Reading

__all__ = ["OTHER_HANDLERS", "duration_value"]

_DATE_UNITS = {"Y": "Y", "M": "M", "W": "W", "D": "D", "Q": "Q"}
_TIME_UNITS = {"H": "H", "TM": "M", "S": "S"}
_SUB = {
    "Y": (12, "M"),
    "M": (30, "D"),
    "W": (7, "D"),
    "D": (24, "H"),
    "H": (60, "TM"),
    "TM": (60, "S"),
    "Q": (3, "M"),
}
_SCALE = {"DE": ("Y", 10), "CE": ("Y", 100), "ML": ("Y", 1000), "2W": ("W", 2)}


def _fmt(n: float, unit: str) -> str:
    if unit in _TIME_UNITS:
        return f"PT{int(n)}{_TIME_UNITS[unit]}"
    return f"P{int(n)}{_DATE_UNITS[unit]}"


def duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration value for ``n`` units (``None`` = unspecified).

    (2.5, "Y") -> P2Y6M, (None, "H") -> PTXH.
    """
    if n is None:
        if unit == "DE":
            return "PXY"  # "decades": an unspecified number of years
        if unit in ("CE", "ML"):
            return "PXC" if unit == "CE" else "PXL"  # "for centuries", "millennia" (TimeBank's C and L)
        unit = _SCALE.get(unit, (unit, 1))[0]
        return f"PTX{_TIME_UNITS[unit]}" if unit in _TIME_UNITS else f"PX{_DATE_UNITS[unit]}"
    if unit in _SCALE:
        unit, factor = _SCALE[unit]
        n = n * factor
    whole = int(n)
    frac = n - whole
    if not frac:
        return _fmt(whole, unit)
    mult, sub = _SUB[unit]
    rest = round(frac * mult)
    if not whole:
        return _fmt(rest, sub)
    head = _fmt(whole, unit)
    tail = _fmt(rest, sub)
    if unit in _TIME_UNITS or sub not in _TIME_UNITS:
        return head + tail.lstrip("PT" if unit in _TIME_UNITS else "P")
    return head + "T" + tail[2:]


def _span_bounds(
    ctx: Context, n: float | None, unit: str, sign: int
) -> tuple[datetime | None, datetime | None]:
    """The interval of "the last/next N units" around publication."""
    if ctx.dct is None or n is None or n != int(n):
        return None, None
    unit, factor = _SCALE.get(unit, (unit, 1))
    n = int(n) * factor
    now = ctx.dct_time or datetime.combine(ctx.dct, time(0), tzinfo=UTC)
    months = {"Y": 12, "Q": 3, "M": 1}.get(unit)
    if months:
        other = datetime.combine(add_months(now.date(), sign * n * months), now.timetz())
    else:
        delta = {
            "W": timedelta(weeks=n),
            "D": timedelta(days=n),
            "H": timedelta(hours=n),
            "TM": timedelta(minutes=n),
            "S": timedelta(seconds=n),
        }.get(unit)
        if delta is None:
            return None, None
        other = now + sign * delta
    return (other, now) if sign < 0 else (now, other)


# "six months of base pay", "75 hours of video", "90 days' supply": a quantity, not a stretch of time
_MEASURE_AFTER = re.compile(
    r"(?:'s?\s+(?:worth\s+of\s+)?|\s+(?:worth\s+)?of\s+)(?:[a-z-]+\s+){0,2}?"
    r"(?:pay|salary|salaries|wages|severance|rent|video|videos|footage|audio|recordings?|playback"
    r"|battery\s+life|talk\s+time|supply|supplies|reserves|inventory|inventories|imports|exports|output"
    r"|storage)\b",
    re.IGNORECASE,
)
_BACK_DUR = {"last", "past", "previous", "preceding", "the past", "the last", "the previous", "recent"}
_FWD_DUR = {"next", "coming", "the next", "the coming", "in the coming"}


def h_duration(c: Candidate, g: dict, ctx: Context) -> Reading | None:
    if g.get("age"):
        return None  # "37-year-old", "five years old": an age
    if g.get("vague"):
        return Reading("DURATION", "PXX", None, None, None, None, "none")
    unit = unit_code(g["unit"])
    if unit is None:
        return None
    num_text = " ".join((g.get("num") or "").lower().split())
    n = parse_number(num_text) if num_text else None
    if g.get("half") and n is not None:
        n += 0.5
    if num_text == "half":
        n = 0.5
    if g.get("one"):
        n = 1  # "a day-long meeting"
    mod = QUANT_MODS.get(" ".join(g["quant"].lower().split())) if g.get("quant") else None
    rel = " ".join((g.get("rel") or "").lower().split())
    if g.get("ahead"):
        rel = "the coming"  # "the weeks ahead"
    det = (g.get("det") or "").lower()
    before = ctx.text[max(0, c.start - 14) : c.start].lower()
    if (
        (det in ("a", "an") or num_text in ("a", "an", "per"))
        and not rel
        and n == 1
        and re.search(
            r"(\d|million|billion|percent|%|cents?|dollars?|euros?|pounds?|flights|seats|times|once|twice|hours"
            r"|days|weeks|months)\s*$",
            before,
        )
    ):
        return None  # a rate ("$5 million a year", "three sailings a week"), not a time
    if _MEASURE_AFTER.match(ctx.text, c.end):
        return None  # "six months of base pay", "75 hours of video": a quantity measured in time units
    after = ctx.text[c.end : c.end + 16].lower()
    if (
        unit == "S"
        and num_text in ("a", "one")
        and re.match(r"\s+[a-z]", after)
        and not re.match(r"\s+(?:later|earlier|ago|before|after|or|and|of|to|in|longer)\b", after)
    ):
        return None  # "a second attempt": an ordinal
    if (
        unit == "Q"
        and num_text not in ("several", "a few", "few", "many", "consecutive")
        and re.match(r"(?:-|\s+of\s+(?!the\s+year|\d{4}|this|last|next|fiscal))", after)
    ):
        return None  # "three-quarters of the harvest", "a quarter-century" (but "several quarters of losses")
    value = duration_value(n, unit)
    earliest = latest = None
    anchor = "none"
    if rel in _BACK_DUR or rel in _FWD_DUR:
        earliest, latest = _span_bounds(ctx, n, unit, -1 if rel in _BACK_DUR else 1)
        anchor = "dct" if earliest is not None else "none"
    gran = {
        "Y": "year",
        "M": "month",
        "W": "week",
        "D": "day",
        "H": "hour",
        "TM": "minute",
        "Q": "quarter",
        "DE": "decade",
        "CE": "century",
    }.get(unit)
    return Reading("DURATION", value, mod, earliest, latest, gran, anchor)


_ADVERBS = {
    "daily": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "hourly": "PT1H",
    "nightly": "XXXX-XX-XXTNI",
    "quarterly": "P3M",
    "biweekly": "P2W",
    "fortnightly": "P2W",
}
_RATE_BEFORE = re.compile(
    r"(?:\d|%|\b(?:percent|per\s+cent|million|billion|trillion|thousand|hundred))[\s\w,.]{0,14}$",
    re.IGNORECASE,
)
_PODS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}


def h_set(c: Candidate, g: dict, ctx: Context) -> Reading | None:
    if g.get("adverb"):
        word = g["adverb"].lower()
        if word == "annually" and _RATE_BEFORE.search(ctx.text, max(0, c.start - 30), c.start):
            return None  # a rate ("rise 8% annually", "$5 million annually"), not a recurring event
        return Reading("SET", _ADVERBS[word], None, None, None, None, "none")
    if g.get("wds") or g.get("pods"):
        wd = weekday_number(g.get("wds") or g["wd"])
        pod_word = (g.get("pod") or g.get("pods") or "").lower().rstrip("s")
        pod = _PODS.get(pod_word)
        return Reading("SET", f"XXXX-WXX-{wd}" + (f"T{pod}" if pod else ""), None, None, None, None, "none")
    word = (g.get("unit") or "").lower()
    if g.get("freq"):
        unit = unit_code(word) if word != "weekend" else "W"
        return Reading("SET", duration_value(1, unit or "D"), None, None, None, None, "none")
    wd = weekday_number(word)
    if wd is not None:
        return Reading("SET", f"XXXX-WXX-{wd}", None, None, None, None, "none")
    month = month_number(word)
    if month is not None:
        return Reading("SET", f"XXXX-{month:02d}", None, None, None, None, "none")
    if word in SEASONS:
        return Reading("SET", f"XXXX-{SEASONS[word]}", None, None, None, None, "none")
    if word.rstrip("s") in _PODS:
        return Reading("SET", f"XXXX-XX-XXT{_PODS[word.rstrip('s')]}", None, None, None, None, "none")
    if word == "weekend":
        return Reading("SET", "XXXX-WXX-WE", None, None, None, None, "none")
    unit = unit_code(word)
    if unit is None:
        return None
    n = parse_number(g["num"]) if g.get("num") else 1
    if (g.get("other") or "").lower() == "other":
        n = 2
    return Reading("SET", duration_value(n or 1, unit), None, None, None, None, "none")


def h_past_decade(c: Candidate, g: dict, ctx: Context) -> Reading | None:
    """ "the past decade", "the last century": the span up to publication."""
    unit = "DE" if g["unit"].lower().startswith("decade") else "CE"
    earliest, latest = _span_bounds(ctx, 1, unit, -1)
    return Reading(
        "DURATION",
        duration_value(1, unit),
        None,
        earliest,
        latest,
        "decade" if unit == "DE" else "century",
        "dct" if earliest else "none",
    )


_PRESENT = {
    "now",
    "right now",
    "currently",
    "nowadays",
    "these days",
    "at present",
    "at the moment",
    "this time",
    "current",
}
_PAST = {"recently", "lately", "in recent times", "the past", "previously", "formerly", "recent"}


def h_ref(c: Candidate, g: dict, ctx: Context) -> Reading | None:
    word = " ".join(g["ref"].lower().split())
    word = re.sub(r"^(?:more|most|very|only)\s+", "", word)
    now = datetime.combine(ctx.dct, time(0), tzinfo=UTC) if ctx.dct else None
    if ctx.dct_time is not None:
        now = ctx.dct_time
    anchor = "dct" if now else "none"
    modal = re.search(
        r"\b(?:will|would|may|might|could|can|should|must|to)\s+$", ctx.text[max(0, c.start - 8) : c.start]
    )
    if word == "soon" and not modal and ctx.direction(c.start, c.end) == "past":
        return None  # "He was soon released": soon after the told time, no reference to the present
    if word in _PRESENT:
        return Reading("DATE", "PRESENT_REF", None, now, now, None, anchor)
    if word in _PAST:
        return Reading("DATE", "PAST_REF", None, None, now, None, anchor)
    return Reading("DATE", "FUTURE_REF", None, now, None, None, anchor)


OTHER_HANDLERS = {"duration": h_duration, "set": h_set, "ref": h_ref, "pastdecade": h_past_decade}
