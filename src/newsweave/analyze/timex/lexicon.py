"""Word tables for the time-expression grammar: months, weekdays, numbers, units, parts of day, seasons."""

from __future__ import annotations

import re

__all__ = [
    "HOLIDAYS",
    "MONTHS",
    "ORDINALS",
    "PARTS_OF_DAY",
    "SEASONS",
    "UNITS",
    "WEEKDAYS",
    "month_number",
    "parse_number",
    "parse_year_words",
    "unit_code",
    "weekday_number",
]

MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)
MONTHS: dict[str, int] = {}
for _i, _name in enumerate(MONTH_NAMES, start=1):
    MONTHS[_name] = _i
    MONTHS[_name[:3]] = _i
MONTHS.update({"sept": 9, "jun": 6, "jul": 7})

WEEKDAYS: dict[str, int] = {}
for _i, _name in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"], start=1
):
    WEEKDAYS[_name] = _i
    WEEKDAYS[_name[:3]] = _i
WEEKDAYS.update({"tues": 2, "weds": 3, "thur": 4, "thurs": 4})

# unit word -> TIMEX3 unit code (H/M/S are time units: PT...)
UNITS: dict[str, str] = {
    "second": "S",
    "minute": "TM",
    "hour": "H",
    "day": "D",
    "night": "D",
    "week": "W",
    "fortnight": "2W",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
    "centurie": "CE",
    "millennium": "ML",
    "millennia": "ML",
}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
    "tonight": "NI",
    "midday": "MI",
    "noon": "MI",
}

SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

ORDINALS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
    "twenty-second": 22,
    "twenty-third": 23,
    "twenty-fourth": 24,
    "twenty-fifth": 25,
    "twenty-sixth": 26,
    "twenty-seventh": 27,
    "twenty-eighth": 28,
    "twenty-ninth": 29,
    "thirtieth": 30,
    "thirty-first": 31,
    "last": -1,
    "final": -1,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}

# fixed-date holidays: name -> (month, day)
HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "christmas": (12, 25),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "independence day": (7, 4),
    "halloween": (10, 31),
    "valentine's day": (2, 14),
}

_SMALL = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "a": 1,
    "an": 1,
    "one-and-a-half": 1.5,
    "half": 0.5,
    "a half": 0.5,
    "single": 1,
    "couple": 2,
    "a couple of": 2,
    "a couple": 2,
    "couple of": 2,
    "dozen": 12,
    "a dozen": 12,
}
_VAGUE = {"few", "a few", "several", "some", "many", "a number of", "numerous", "a handful of"}
_FRACTION_RE = re.compile(r"^(\d+)\s+(\d)/(\d)$")


def month_number(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip(".").strip())


def weekday_number(word: str) -> int | None:
    w = word.lower().rstrip(".").strip()
    w = w.removesuffix("'s")
    if w.endswith("s") and w[:-1] in WEEKDAYS and len(w) > 4:
        w = w[:-1]
    return WEEKDAYS.get(w)


def unit_code(word: str) -> str | None:
    """The TIMEX3 unit code of a unit word ("years" -> "Y", "minutes" -> "TM")."""
    w = word.lower().replace("-", " ").strip()
    w = w.split()[-1] if w else w
    if w.endswith("s") and w not in UNITS:
        w = w[:-1]
    if w == "centurie":
        w = "century"
    return UNITS.get(w)


def parse_number(text: str) -> float | None:
    """A cardinal written in digits or words ("24", "twenty four", "2 1/2", "a"); ``None`` for vague
    quantities ("several", "a few") and for text that is not a number."""
    t = text.lower().strip().replace(",", "")
    if not t:
        return None
    if t in _VAGUE:
        return None
    m = _FRACTION_RE.match(t)
    if m:
        return int(m.group(1)) + int(m.group(2)) / int(m.group(3))
    try:
        return float(t)
    except ValueError:
        pass
    if t in _SMALL:
        return _SMALL[t]
    t = re.sub(r"\band a half\b", "and-a-half", t)
    half = 0.0
    if t.endswith("and-a-half"):
        half = 0.5
        t = t[: -len("and-a-half")].strip()
    total = 0.0
    current = 0.0
    for part in re.split(r"[\s-]+", t):
        if not part or part == "and":
            continue
        if part in _SMALL:
            current += _SMALL[part]
        elif part == "hundred":
            current = (current or 1) * 100
        elif part == "thousand":
            total += (current or 1) * 1000
            current = 0
        elif part == "million":
            total += (current or 1) * 1_000_000
            current = 0
        else:
            try:
                current += float(part)
            except ValueError:
                return None
    value = total + current + half
    return value if value else None


def parse_year_words(text: str) -> int | None:
    """A year said in words: "nineteen ninety-six" -> 1996, "two thousand" -> 2000."""
    t = text.lower().replace("-", " ").split()
    if not t:
        return None
    if t[0] in ("nineteen", "eighteen", "twenty", "seventeen") and len(t) >= 2 and "thousand" not in t:
        head = _SMALL[t[0]]
        rest = parse_number(" ".join(t[1:]).replace("hundred", "").strip() or "zero")
        if rest is None or rest >= 100:
            return None
        return int(head * 100 + rest)
    n = parse_number(" ".join(t))
    if n is not None and 1000 <= n <= 2100 and n == int(n):
        return int(n)
    return None
