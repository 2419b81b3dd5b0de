"""The recognition grammar: one regular expression per kind of time expression, compiled once (lazily).

Each rule has a name that :mod:`normalise` dispatches on and named groups that carry the parts the
normaliser needs (``mod``, ``rel``, ``num``, ``unit``, ``month``, ``day``, ``year`` ...). Candidates
from all rules are merged by keeping the longest match (ties: the rule listed first).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from .patterns import MONTH_ABBR, MONTH_FULL, RULE_SOURCES

__all__ = ["Candidate", "candidates", "rules"]


@dataclass(frozen=True, slots=True)
class Candidate:
    rule: str
    start: int
    end: int
    match: re.Match


# Which words let a rule match: a rule is only run in windows around the words of its anchor classes.
_ANCHOR_CLASSES: dict[str, tuple[str, ...]] = {
    "date": ("M",),
    "iso": ("Y4",),
    "month": ("M",),
    "weekday": ("W",),
    "clock": ("N", "CLK", "P"),
    "dayword": ("DW",),
    "pod": ("P",),
    "podof": ("P", "U"),
    "quarter": ("Q",),
    "relunit": ("U",),
    "weekend": ("U",),
    "year": ("Y4", "Y"),
    "decade": ("DEC",),
    "century": ("C",),
    "season": ("S",),
    "offset": ("U",),
    "anaphor": ("U", "P"),
    "duration": ("U", "V"),
    "pastdecade": ("U",),
    "set": ("U", "W", "M", "P", "S", "A"),
    "ref": ("R", "U"),
    "theyear": ("U",),
    "holiday": ("H",),
}
_CLASS_WORDS: dict[str, str] = {
    "M": MONTH_FULL + "|" + MONTH_ABBR,
    "W": "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mondays|tuesdays|wednesdays|thursdays"
    "|fridays"
    "|saturdays|sundays",
    "U": "second|seconds|minute|minutes|hour|hours|day|days|night|nights|week|weeks|weekend|weekends"
    "|fortnight"
    "|fortnights|month|months|quarter|quarters|year|years|decade|decades|century|centuries|millennium|millennia"
    "|end|long",
    "P": "morning|afternoon|evening|night|overnight|tonight|mornings|afternoons|evenings|nights",
    "DW": "today|tonight|tomorrow|yesterday",
    "N": "noon|midnight|midday",
    "CLK": "m|am|pm|gmt|utc|est|edt|cst|cdt|pst|pdt|bst|cet|cest|hours|h|local",
    "Q": "quarter|quarters|half|period|ago|earlier|q|h",
    "Y": "nineteen|eighteen|twenty|thousand",
    "DEC": "twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties",
    "C": "century|millennium",
    "S": "spring|summer|fall|autumn|winter|springs|summers|winters",
    "A": "daily|weekly|monthly|yearly|annually|hourly|nightly|biweekly|fortnightly",
    "V": "while|time",
    "R": "soon|someday|now|currently|nowadays|these|present|moment|recently|lately|recent|past|future|near|term|current"
    "|coming"
    "|possible",
    "H": "christmas|year|thanksgiving|independence|halloween|valentine|easter|election|labor|memorial",
}
_BEFORE, _AFTER = 44, 48


@cache
def _word_classes() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for cls, words in _CLASS_WORDS.items():
        for w in words.split("|"):
            table.setdefault(w, set()).add(cls)
    return {w: frozenset(c) for w, c in table.items()}


@cache
def _token_re() -> re.Pattern[str]:
    return re.compile(r"[a-z]+|\d+")


@cache
def rules() -> tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...]:
    """(name, lower-case pattern, case-insensitive pattern) for every rule."""
    return tuple((name, re.compile(src), re.compile(src, re.IGNORECASE)) for name, src in RULE_SOURCES)


def _windows(low: str) -> dict[str, list[tuple[int, int]]]:
    """Merged search windows per anchor class."""
    classes = _word_classes()
    spans: dict[str, list[tuple[int, int]]] = {}
    for m in _token_re().finditer(low):
        word = m.group(0)
        found = classes.get(word)
        if word[0].isdigit():
            extra = set()
            if len(word) == 4:
                extra.add("Y4")
            if low.startswith("s", m.end()) or low.startswith("'s", m.end()):
                extra.add("DEC")
            found = (found or frozenset()) | extra
        if not found:
            continue
        lo, hi = max(0, m.start() - _BEFORE), m.end() + _AFTER
        for cls in found:
            lst = spans.setdefault(cls, [])
            if lst and lo <= lst[-1][1]:
                lst[-1] = (lst[-1][0], hi)
            else:
                lst.append((lo, hi))
    return spans


def _merge(parts: list[list[tuple[int, int]]]) -> list[tuple[int, int]]:
    allw = sorted(w for p in parts for w in p)
    out: list[tuple[int, int]] = []
    for lo, hi in allw:
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(hi, out[-1][1]))
        else:
            out.append((lo, hi))
    return out


def _trimmed_start(rule: str, low: str, m: re.Match) -> int:
    """Leave out determiners TimeML leaves out: "a third-quarter", "its fourth quarter", "the Oct. 9"."""
    start = m.start()
    if rule not in ("quarter", "duration", "date"):
        return start
    det = _det_re().match(low, start, m.end())
    if det is None:
        return start
    if rule == "duration" and not ("det" in m.re.groupindex and m.start("det") == start):
        return start
    word = det.group(1).lower()
    if rule == "date" and word == "the":
        return det.end()
    if rule in ("quarter", "duration") and (word != "the" or _adjectival_re().search(low, start, m.end())):
        return det.end()
    return start


@cache
def _det_re() -> re.Pattern[str]:
    return re.compile(
        r"(a|an|its|their|his|her|our|the)\s+(?!year's|few\b|couple\b|dozen\b|number\b|handful\b)",
        re.IGNORECASE,
    )


@cache
def _adjectival_re() -> re.Pattern[str]:
    return re.compile(r"\w-(?:quarter|half|year|month|week|day|hour|minute|second|decade)\b", re.IGNORECASE)


def candidates(text: str, accept: Callable[[Candidate], bool] | None = None) -> list[Candidate]:
    """All rule matches in ``text`` that ``accept`` keeps, overlaps resolved by length (longest wins, then
    the earliest rule). Rules run on the lower-cased text, only in windows around their anchor words."""
    low = text.lower()
    same_length = len(low) == len(text)
    subject = low if same_length else text
    windows = _windows(low if same_length else text.lower())
    found: list[tuple[int, int, int, Candidate]] = []
    for order, (name, lower_pattern, any_case_pattern) in enumerate(rules()):
        pattern = lower_pattern if same_length else any_case_pattern
        parts = [windows[c] for c in _ANCHOR_CLASSES[name] if c in windows]
        if not parts:
            continue
        for lo, hi in _merge(parts) if same_length else [(0, len(text))]:
            for m in pattern.finditer(subject, lo, hi):
                if m.end() <= m.start():
                    continue
                if "body" in pattern.groupindex and m.group("body"):
                    cand = Candidate(name, m.start("body"), m.end("body"), m)
                else:
                    cand = Candidate(name, _trimmed_start(name, subject, m), m.end(), m)
                if accept is None or accept(cand):
                    found.append((cand.start, -(cand.end - cand.start), order, cand))
    found.sort(key=lambda f: (f[1], f[2], f[0]))
    taken: list[Candidate] = []
    occupied: list[tuple[int, int]] = []
    for start, _neg, _order, cand in found:
        end = cand.end
        if any(start < e and s < end for s, e in occupied):
            continue
        taken.append(cand)
        occupied.append((start, end))
    taken.sort(key=lambda c: c.start)
    return taken
