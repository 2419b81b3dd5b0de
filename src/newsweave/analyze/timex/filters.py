"""Rejecting look-alikes before overlaps are resolved: "May" the person, "Windows 2000", "Sunday Times"."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Callable

from .grammar import Candidate

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

__all__ = ["make_filter"]

_CASE_SENSITIVE_MONTHS = {"may", "march", "august"}
_FULL_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december"}
# words after which a bare month name is a month ("in May", "since April", "early June")
_MONTH_LEFT = {
    "in", "since", "until", "till", "by", "before", "after", "during", "of", "through", "from", "to", "between",
    "and", "or", "for", "on", "early", "late", "mid", "last", "next", "this", "that", "each", "every", "the",
    "around", "about", "since", "as", "until", "throughout", "past", "coming", "end", "beginning", "middle",
    "start", "-", "mid-", "late-", "early-", "then", "as of", "into", "late in", "early in", "in early",
}
_TITLE_AFTER_WEEKDAY = re.compile(
    r"\s+(?:Times|Telegraph|Mail|Express|Post|Herald|Mirror|Tribune|Star|Sport|Independent|Business|Review"
    r"|Night\s+Live|Night\s+Football|Night\s+Lights|Morning\s+Edition|Service|School|Bloody)\b"
)
_PRODUCT_BEFORE_YEAR_OK = {
    "in", "since", "until", "by", "fiscal", "fy", "from", "of", "to", "before", "after", "during", "through",
    "summer", "winter", "spring", "autumn", "fall", "early", "late", "mid", "year", "the", "and", "or", "circa",
    "around", "about", "between", "spring", "till", "on", "as", "for", "at", "than", "with", "end", "start",
} | _FULL_MONTHS
_REJECT_ENTS = {"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "FAC", "NORP", "LAW", "GPE", "LOC"}


@cache
def _prev_word_re() -> re.Pattern[str]:
    return re.compile(r"([A-Za-z][\w'.-]*)[\s,]*$")


def _prev_word(text: str, start: int) -> tuple[str, bool]:
    """The word before ``start`` and whether a sentence boundary separates them."""
    window = text[max(0, start - 40):start]
    m = _prev_word_re().search(window)
    if not m:
        stripped = window.rstrip()
        return "", (not stripped) or stripped[-1] in ".!?\n\"'"
    between = window[m.end(1):]
    word = m.group(1)
    boundary = "\n" in between or word.endswith(".") and len(word) > 3
    return word, boundary


def _capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()


def make_filter(text: str, doc: Doc | None) -> Callable[[Candidate], bool]:
    ent_at: dict[int, str] = {}
    if doc is not None:
        for ent in doc.ents:
            if ent.label_ in _REJECT_ENTS:
                for tok in ent:
                    ent_at[tok.idx] = ent.label_

    def accept(c: Candidate) -> bool:
        g = c.match.groupdict()
        month = g.get("month")
        if month and c.rule in ("date", "month"):
            low = month.lower().rstrip(".")
            if (low in _CASE_SENSITIVE_MONTHS or low not in _FULL_MONTHS) and not month[0].isupper():
                return False
            pos = c.match.start("month")
            if ent_at.get(pos) == "PERSON":
                return False
            if c.rule == "month" and not any(g.get(k) for k in ("year", "syear", "yrel", "rel", "edge", "edge2")):
                word, boundary = _prev_word(text, pos)
                after = text[c.end:c.end + 30]
                if re.match(r"\s+[A-Z][a-z]", after) and not re.match(
                        r"\s+(?:I|The|A|An|In|On|At|By|And|But|He|She|It|They|We|This|That)\b", after):
                    return False
                if boundary or word.lower() not in _MONTH_LEFT:
                    return False
                if ent_at.get(pos) in _REJECT_ENTS:
                    return False
        if c.rule == "weekday":
            pos = c.match.start("wd")
            if _TITLE_AFTER_WEEKDAY.match(text, c.end) or ent_at.get(pos) in ("ORG", "WORK_OF_ART", "PERSON"):
                return False
            if g.get("pod") and g["pod"][0].isupper() and re.match(r"\s+[A-Z]", text[c.end:c.end + 3]):
                return False  # "Saturday Night Live"
        if c.rule == "year" and g.get("year"):
            return _year_ok(text, c, ent_at)
        if c.rule == "ref":
            return _ref_ok(text, c)
        return True

    return accept


def _year_ok(text: str, c: Candidate, ent_at: dict[int, str]) -> bool:
    pos = c.match.start("year")
    before = text[max(0, pos - 3):pos]
    if re.search(r"[$£€#¥]\s*$|\d[.,]?\s*$|No\.\s*$", before) or text[pos - 1:pos] in ("/", ":", "-"):
        if not (text[pos - 1:pos] == "-" and re.search(r"(?:mid|post|pre)-$", text[max(0, pos - 5):pos], re.I)):
            return False
    if re.match(r"[:/]\d|\.\d|,\d\d\d", text[c.match.end("year"):c.match.end("year") + 4]):
        return False
    year = int(c.match.group("year"))
    word, boundary = _prev_word(text, c.start)
    low = word.lower().rstrip(".,")
    if not (g_fiscal := c.match.group("fiscal")) and not c.match.group("edge") and not c.match.group("edge2"):
        if word and _capitalised(word) and not boundary and low not in _PRODUCT_BEFORE_YEAR_OK:
            return False  # "Windows 2000", "Vision 2030"
        if year < 1800 and low not in ("in", "since", "of", "from", "until", "by", "year", "circa", "around",
                                       "before", "after", "to"):
            return False
    del g_fiscal
    if ent_at.get(pos) in ("PRODUCT", "WORK_OF_ART", "ORG", "FAC", "LAW"):
        return False
    return True


def _ref_ok(text: str, c: Candidate) -> bool:
    word = c.match.group("ref").lower()
    after = text[c.end:c.end + 20]
    if word == "current":
        # "current" is a time only when it qualifies a period or stands alone ("the current quarter" is caught
        # by the quarter rule): "current account", "current president" are not times
        return bool(re.match(r"\s*(?:levels?|rates?|prices?|year|month|week|period|quarter|situation|[.,;])",
                             after))
    if word == "recent":
        return False
    if word == "now" and re.match(r"\s*(?:that)\b", after) is not None:
        return True
    if word == "the past" and re.match(r"\s+(?:\d|few|several|two|three|four|five|six|seven|eight|nine|ten)", after):
        return False
    return True
