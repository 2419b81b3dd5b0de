"""Calendar periods: the resolved meaning of a date expression, its TIMEX3 value and its interval."""

from __future__ import annotations

import calendar as _cal
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta

__all__ = [
    "GRAN_RANK",
    "Period",
    "add_months",
    "bounds_of",
    "narrow",
    "shift",
    "value_of",
    "with_granularity",
]

# coarse -> fine; used to compare granularities
GRAN_RANK = {
    "millennium": 0,
    "century": 1,
    "decade": 2,
    "year": 3,
    "half": 4,
    "season": 5,
    "quarter": 5,
    "month": 6,
    "week": 7,
    "weekend": 8,
    "day": 9,
    "part-of-day": 10,
    "hour": 11,
    "minute": 12,
}
# part-of-day -> (start hour, length in hours)
POD_HOURS = {"MO": (5, 7), "MI": (11, 3), "AF": (12, 6), "EV": (17, 5), "NI": (20, 10), "DT": (6, 12)}
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@dataclass(frozen=True, slots=True)
class Period:
    """A calendar period. ``start`` is its first day; ``code`` holds a part of day (MO, NI ...) or a
    season (SU ...); ``hour``/``minute`` are set for clock times."""

    gran: str
    start: date
    code: str | None = None
    hour: int | None = None
    minute: int | None = None


def add_months(d: date, n: int) -> date:
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    return date(y, m, min(d.day, _cal.monthrange(y, m)[1]))


def _safe_year(d: date, n: int) -> date:
    y = max(1, min(9998, d.year + n))
    return date(y, d.month, min(d.day, _cal.monthrange(y, d.month)[1]))


def shift(p: Period, n: int, unit: str) -> Period:
    """Move a period by ``n`` units (Y, Q, M, W, D, H, TM, DE, CE, HY); keeps the granularity of ``p``."""
    d = p.start
    if unit == "Y":
        d = _safe_year(d, n)
    elif unit == "DE":
        d = _safe_year(d, 10 * n)
    elif unit == "CE":
        d = _safe_year(d, 100 * n)
    elif unit == "HY":
        d = add_months(d, 6 * n)
    elif unit == "Q":
        d = add_months(d, 3 * n)
    elif unit == "M":
        d = add_months(d, n)
    elif unit == "W":
        d = d + timedelta(weeks=n)
    elif unit == "2W":
        d = d + timedelta(weeks=2 * n)
    elif unit == "D":
        d = d + timedelta(days=n)
    elif unit in ("H", "TM") and p.hour is not None:
        dt = datetime.combine(d, time(0)) + timedelta(hours=p.hour, minutes=p.minute or 0)
        dt += timedelta(hours=n) if unit == "H" else timedelta(minutes=n)
        return replace(p, start=dt.date(), hour=dt.hour, minute=dt.minute if p.minute is not None else None)
    elif unit in ("H", "TM"):
        d = d + timedelta(days=round(n / (24 if unit == "H" else 1440)))
    return with_granularity(Period(p.gran, d, p.code, p.hour, p.minute), p.gran)


def with_granularity(p: Period, gran: str) -> Period:
    """The period of granularity ``gran`` containing the start of ``p`` (normalises ``start``)."""
    d = p.start
    if gran == "millennium":
        return Period(gran, date(max(1, d.year // 1000 * 1000), 1, 1))
    if gran == "century":
        return Period(gran, date(max(1, d.year // 100 * 100), 1, 1))
    if gran == "decade":
        return Period(gran, date(max(1, d.year // 10 * 10), 1, 1))
    if gran == "year":
        return Period(gran, date(d.year, 1, 1))
    if gran == "half":
        return Period(gran, date(d.year, 1 if d.month <= 6 else 7, 1))
    if gran == "quarter":
        return Period(gran, date(d.year, (d.month - 1) // 3 * 3 + 1, 1))
    if gran == "season":
        code = (
            p.code
            or {12: "WI", 1: "WI", 2: "WI"}.get(d.month)
            or ("SP" if d.month <= 5 else "SU" if d.month <= 8 else "FA")
        )
        year = d.year - 1 if code == "WI" and d.month <= 2 and p.gran != "season" else d.year
        return Period(gran, date(year, SEASON_START[code], 1), code)
    if gran == "month":
        return Period(gran, date(d.year, d.month, 1))
    if gran in ("week", "weekend"):
        monday = d - timedelta(days=d.weekday())
        return Period(gran, monday)
    if gran == "day":
        return Period(gran, d)
    if gran == "part-of-day":
        return Period(gran, d, p.code or "DT")
    return Period(gran, d, None, p.hour if p.hour is not None else 0, p.minute if gran == "minute" else None)


def value_of(p: Period) -> str:
    d = p.start
    g = p.gran
    if g == "millennium":
        return f"{d.year // 1000:d}"
    if g == "century":
        return f"{d.year // 100:02d}"
    if g == "decade":
        return f"{d.year // 10:03d}"
    if g == "year":
        return f"{d.year:04d}"
    if g == "half":
        return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
    if g == "quarter":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if g == "season":
        return f"{d.year:04d}-{p.code}"
    if g == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if g in ("week", "weekend"):
        iy, iw, _ = d.isocalendar()
        return f"{iy:04d}-W{iw:02d}" + ("-WE" if g == "weekend" else "")
    if g == "day":
        return d.isoformat()
    if g == "part-of-day":
        return f"{d.isoformat()}T{p.code}"
    if g == "hour":
        return f"{d.isoformat()}T{p.hour:02d}"
    return f"{d.isoformat()}T{p.hour:02d}:{(p.minute or 0):02d}"


def _utc(d: date, h: int = 0, m: int = 0) -> datetime:
    # h may be 24: "midnight Friday" is T24:00 of Friday, the first instant of Saturday
    return datetime(d.year, d.month, d.day, tzinfo=UTC) + timedelta(hours=h, minutes=m)


def bounds_of(p: Period) -> tuple[datetime, datetime]:
    """(earliest, latest) of the period as UTC datetimes; ``latest`` is the last second inside it."""
    d = p.start
    g = p.gran
    if g == "millennium":
        end = (
            _utc(date(min(9999, d.year + 1000), 1, 1)) if d.year + 1000 <= 9999 else _utc(date(9999, 12, 31))
        )
    elif g == "century":
        end = _utc(date(min(9999, d.year + 100), 1, 1))
    elif g == "decade":
        end = _utc(date(d.year + 10, 1, 1))
    elif g == "year":
        end = _utc(date(d.year + 1, 1, 1))
    elif g == "half":
        end = _utc(add_months(d, 6))
    elif g in ("quarter", "season"):
        end = _utc(add_months(d, 3))
    elif g == "month":
        end = _utc(add_months(d, 1))
    elif g == "week":
        end = _utc(d + timedelta(days=7))
    elif g == "weekend":
        d = d + timedelta(days=5)
        end = _utc(d + timedelta(days=2))
    elif g == "day":
        end = _utc(d + timedelta(days=1))
    elif g == "part-of-day":
        h0, length = POD_HOURS.get(p.code or "DT", (0, 24))
        start = _utc(d, h0)
        return start, start + timedelta(hours=length) - timedelta(seconds=1)
    elif g == "hour":
        start = _utc(d, p.hour or 0)
        return start, start + timedelta(hours=1) - timedelta(seconds=1)
    else:
        start = _utc(d, p.hour or 0, p.minute or 0)
        return start, start + timedelta(minutes=1) - timedelta(seconds=1)
    return _utc(d), end - timedelta(seconds=1)


def narrow(earliest: datetime, latest: datetime, mod: str | None) -> tuple[datetime, datetime]:
    """Restrict an interval to its first (START), middle (MID) or last (END) third; the thirds of an interval
    of three days or more fall on day boundaries ("late June": 21–30 June)."""
    if mod not in ("START", "MID", "END"):
        return earliest, latest
    tick = timedelta(seconds=1)
    span = latest - earliest + tick  # ``latest`` is the last second inside the interval
    third = span / 3
    if span >= timedelta(days=3):
        third = timedelta(days=round(third / timedelta(days=1)))
    if mod == "START":
        return earliest, earliest + third - tick
    if mod == "MID":
        return earliest + third, earliest + 2 * third - tick
    return earliest + 2 * third, latest  # (the last third takes the remainder: 21–31 March)
