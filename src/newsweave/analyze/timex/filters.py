"""Rejecting look-alikes before overlaps are resolved: "May" the person, "Windows 2000", "Sunday Times"."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

from .anchor import sentence_bounds
from .grammar import Candidate
from .lexicon import MONTH_NAMES
from .patterns import MONTH_ABBR

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

__all__ = ["make_filter"]

_CASE_SENSITIVE_MONTHS = {"may", "march", "august"}
_FULL_MONTHS = set(MONTH_NAMES)
# words after which a bare month name is a month ("in May", "since April", "early June")
_MONTH_LEFT = {
    "a",  # "under a June agreement"
    "an",
    "in",
    "since",
    "until",
    "till",
    "by",
    "before",
    "after",
    "during",
    "of",
    "through",
    "from",
    "to",
    "between",
    "and",
    "or",
    "for",
    "on",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "that",
    "each",
    "every",
    "the",
    "around",
    "about",
    "as",
    "throughout",
    "past",
    "coming",
    "end",
    "beginning",
    "middle",
    "start",
    "-",
    "mid-",
    "late-",
    "early-",
    "then",
    "as of",
    "into",
    "late in",
    "early in",
    "in early",
}
_TITLE_AFTER_WEEKDAY = re.compile(
    r"\s+(?:Times|Telegraph|Mail|Express|Post|Herald|Mirror|Tribune|Star|Sport|Independent|Business|Review"
    r"|Night\s+Live|Night\s+Football|Night\s+Lights|Morning\s+Edition|Service|School|Bloody)\b"
)
_PRODUCT_BEFORE_YEAR_OK = {
    "in",
    "since",
    "until",
    "by",
    "fiscal",
    "fy",
    "from",
    "of",
    "to",
    "before",
    "after",
    "during",
    "through",
    "summer",
    "winter",
    "spring",
    "autumn",
    "fall",
    "early",
    "late",
    "mid",
    "year",
    "the",
    "and",
    "or",
    "circa",
    "around",
    "about",
    "between",
    "till",
    "on",
    "as",
    "for",
    "at",
    "than",
    "with",
    "end",
    "start",
} | _FULL_MONTHS
_REJECT_ENTS = {"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "FAC", "NORP", "LAW", "GPE", "LOC"}


@cache
def _prev_word_re() -> re.Pattern[str]:
    return re.compile(r"([A-Za-z][\w'.-]*)[\s,]*$")


def _prev_word(text: str, start: int) -> tuple[str, bool]:
    """The word before ``start`` and whether a sentence boundary separates them."""
    window = text[max(0, start - 40) : start]
    m = _prev_word_re().search(window)
    if not m:
        stripped = window.rstrip()
        return "", (not stripped) or stripped[-1] in ".!?\n\"'"
    between = window[m.end(1) :]
    word = m.group(1)
    boundary = "\n" in between or word.endswith(".") and len(word) > 3
    return word, boundary


_EVENT_NOUNS = {
    "conference",
    "summit",
    "games",
    "olympics",
    "cup",
    "expo",
    "championship",
    "championships",
    "forum",
    "festival",
    "election",
    "elections",
    "season",
    "congress",
    "convention",
    "session",
    "awards",
    "census",
    "budget",
    "class",
    "tour",
    "world",
    "open",
    "series",
    "fair",
    "show",
    "week",
    "marathon",
    "a",
    "an",
    "that",
    "this",
    "his",
    "her",
    "its",
    "their",
    "our",
    "in",
    "by",
    "since",
    "from",
    "until",
    "before",
    "after",
    "during",
}


def _sentence_initial(text: str, start: int, word: str) -> bool:
    """Whether ``word`` (the word just before ``start``) opens a sentence."""
    idx = text.rfind(word, max(0, start - 60), start)
    if idx <= 0:
        return idx == 0
    before = text[max(0, idx - 3) : idx].rstrip(" \t\"'(`")
    return not before or before[-1] in ".!?\n:;"


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
        month = text[c.match.start("month") : c.match.end("month")] if g.get("month") else None
        if month and c.rule in ("date", "month", "podof"):
            low = month.lower().rstrip(".")
            if (low in _CASE_SENSITIVE_MONTHS or low not in _FULL_MONTHS) and not month[0].isupper():
                return False
            pos = c.match.start("month")
            if ent_at.get(pos) == "PERSON":
                return False
            if c.rule == "month" and not any(
                g.get(k) for k in ("year", "syear", "yrel", "rel", "edge", "edge2")
            ):
                word, boundary = _prev_word(text, pos)
                after = text[c.end : c.end + 30]
                if re.match(r"\s+[A-Z][a-z]", after) and not re.match(
                    r"\s+(?:I|The|A|An|In|On|At|By|And|But|He|She|It|They|We|This|That)\b", after
                ):
                    return False
                if boundary or word.lower() not in _MONTH_LEFT:
                    return False
                if ent_at.get(pos) in _REJECT_ENTS:
                    return False
        if c.rule == "weekday":
            pos = c.match.start("wd")
            if _TITLE_AFTER_WEEKDAY.match(text, c.end) or ent_at.get(pos) in ("ORG", "WORK_OF_ART", "PERSON"):
                return False
            if (
                g.get("pod")
                and text[c.match.start("pod")].isupper()
                and re.match(r"\s+[A-Z]", text[c.end : c.end + 3])
            ):
                return False  # "Saturday Night Live"
        if c.rule in ("relunit", "dayword", "duration", "clock", "set") and _title_mid_sentence(text, c):
            return False  # "This Week" (a TV programme), "48 Hours", "Radio Today", "Daily Mail": titles
        if c.rule == "duration" and re.fullmatch(r"(?:a|one)\s+second", text[c.start : c.end], re.IGNORECASE) and (
            re.match(r"-[a-z]", text[c.end : c.end + 2], re.IGNORECASE)
        ):
            return False  # "a second-generation resident": an ordinal, not a second of time
        if text[c.start : c.end].lower() == "overnight" and (
            _OVERNIGHT_IDIOM.search(text, max(0, c.start - 40), c.start) or _OVERNIGHT_NOUN.match(text, c.end)
        ):
            return False  # "it's not going to happen overnight", "an overnight success": suddenly, not a night
        if c.rule == "clock" and g.get("noon") and _HIGH_NOON.search(text, max(0, c.start - 6), c.start):
            return False  # "High Noon": a showdown, not twelve o'clock
        if c.rule == "set" and g.get("adverb") and _next_to_name(text, c):
            return False  # "the party daily Tribuna": a newspaper
        if c.rule == "quarter" and g.get("qcode"):
            return _compact_quarter_ok(text, c, ent_at)
        if c.rule == "quarter" and g.get("q") and not any(g.get(k) for k in _YEAR_GROUPS):
            return not _sports_period(text, c)
        if c.rule == "year" and g.get("year"):
            return _year_ok(text, c, ent_at)
        if c.rule == "ref":
            return _ref_ok(text, c)
        return True

    return accept


_OVERNIGHT_IDIOM = re.compile(
    r"\b(?:happen(?:s|ed|ing)?|chang(?:e|es|ed|ing)|disappear(?:s|ed)?|solved|fixed|cured|overnight)\s+$",
    re.IGNORECASE,
)
_OVERNIGHT_NOUN = re.compile(r"\s+(?:success|sensation|star|celebrity|hit|fix|phenomenon)", re.IGNORECASE)
_HIGH_NOON = re.compile(r"\bhigh\s+$", re.IGNORECASE)
_CLOSING_QUOTE = re.compile(r"\s?[,.?!]?\s?[\"”'`]")


def _title_mid_sentence(text: str, c: Candidate) -> bool:
    words = text[c.start : c.end].split()
    if not any(w[0].isupper() for w in words) or not all(w[0].isupper() or w[0].isdigit() for w in words):
        return False
    before = text[max(0, c.start - 2) : c.start].strip()
    if before.endswith(('"', "“", "'", "`")) and _CLOSING_QUOTE.match(text, c.end):
        return True  # a quoted title (``Today, I'm here'' opens a quotation: no title)
    word, boundary = _prev_word(text, c.start)
    if not word or boundary or _sentence_initial(text, c.start, word) and not word[0].isupper():
        return False
    return (len(words) > 1 and word[0].isupper()) or (
        len(words) == 1 and word[0].isupper() and not _sentence_initial(text, c.start, word)
    )


def _next_to_name(text: str, c: Candidate) -> bool:
    word, boundary = _prev_word(text, c.start)
    if word and word[0].isupper() and not boundary and not _sentence_initial(text, c.start, word):
        return True
    return bool(re.match(r"\s+[A-Z][a-z]", text[c.end : c.end + 4]))


_SPORTS = re.compile(
    r"\b(?:scor(?:ed|es|ing)|goals?|match|game|games|halftime|half-time|kick-?off|penalt(?:y|ies)|striker"
    r"|touchdowns?|quarterback|innings?|rebounds|assists|referee|coach|stadium|playoffs?|tournament"
    r"|equali[sz](?:ed|er)|free\s+kick|field\s+goal|tries|wickets?|points)\b",
    re.IGNORECASE,
)
_FINANCE = re.compile(
    r"\b(?:profits?|revenues?|sales|earnings|fiscal|financial|economy|growth|gdp|shares|percent|billion"
    r"|million|loss|losses|income|results|outlook|forecast|dividend|inflation|percentage|basis)\b|%",
    re.IGNORECASE,
)


_YEAR_GROUPS = ("year", "yrel", "qyear", "fiscal")


def _sports_period(text: str, c: Candidate) -> bool:
    """ "scored in the second half", "led after the first quarter": a part of a game, not of a year."""
    if re.match(r"\s+of\s+(?:the\s+)?(?:year|\d{4}|fiscal)", text[c.end : c.end + 20], re.IGNORECASE):
        return False
    left, right = sentence_bounds(text, c.start, c.end)
    sentence = text[left:right]
    return bool(_SPORTS.search(sentence)) and not _FINANCE.search(sentence)


def _compact_quarter_ok(text: str, c: Candidate, ent_at: dict[int, str]) -> bool:
    """ "Q3 2021", "3Q21", "H1 2022" are written in capitals and are no model name ("Audi Q3")."""
    code = text[c.match.start("qcode") : c.match.end("qcode")]
    if code != code.upper():
        return False
    word, boundary = _prev_word(text, c.start)
    if (
        word
        and _capitalised(word)
        and not boundary
        and word.lower() not in _PRODUCT_BEFORE_YEAR_OK
        and not _sentence_initial(text, c.start, word)
        and not word.endswith("'s")
    ):
        return False  # "the Audi Q3", "a Canon H2": a model
    return ent_at.get(c.start) not in ("PRODUCT", "ORG", "WORK_OF_ART")


def _year_ok(text: str, c: Candidate, ent_at: dict[int, str]) -> bool:
    pos = c.match.start("year")
    before = text[max(0, pos - 3) : pos]
    glued = text[pos - 1 : pos] in ("/", ":", "-")
    if (re.search(r"[$£€#¥]\s*$|\d[.,]?$|No\.\s*$", before) or glued) and not (
        text[pos - 1 : pos] == "-"
        and re.search(r"(?:mid|post|pre)-$", text[max(0, pos - 5) : pos], re.IGNORECASE)
    ):
        return False
    if re.match(r"[:/]\d|\.\d|,\d\d\d", text[c.match.end("year") : c.match.end("year") + 4]):
        return False
    year = int(c.match.group("year"))
    word, boundary = _prev_word(text, c.start)
    if _has_tail(c) and word.lower().rstrip(".") in _MONTH_WORDS:
        return False  # "in October 1984 and later served": the month rule reads "October 1984"
    low = word.lower().rstrip(".,")
    g = c.match.groupdict()
    if not g.get("fiscal") and not g.get("edge") and not g.get("edge2") and not g.get("post"):
        if (
            word
            and _capitalised(word)
            and not boundary
            and low not in _PRODUCT_BEFORE_YEAR_OK
            and not _sentence_initial(text, c.start, word)
            and not word.endswith("'s")
            and not (word.isupper() and len(word) > 1)
            and low not in _EVENT_NOUNS
        ):
            return False  # "Windows 2000", "Vision 2030"
        if year < 1800 and low not in (
            "in",
            "since",
            "of",
            "from",
            "until",
            "by",
            "year",
            "circa",
            "around",
            "before",
            "after",
            "to",
        ):
            return False
    return ent_at.get(pos) not in ("PRODUCT", "WORK_OF_ART", "ORG", "FAC", "LAW")


def _has_tail(c: Candidate) -> bool:
    return bool(c.match.groupdict().get("tail"))


_MONTH_WORDS = _FULL_MONTHS | set(MONTH_ABBR.split("|"))


def _ref_ok(text: str, c: Candidate) -> bool:
    word = c.match.group("ref").lower()
    after = text[c.end : c.end + 20]
    if word == "current":
        # "current account" (economics) and "current affairs" are not times; "current market conditions" is
        return not re.match(r"\s+(?:account|accounts|affairs|events|flowing|flows?|of\b)", after)
    return not (
        word == "the past"
        and re.match(
            r"\s+(?:\d|few|several|two|three|four|five|six|seven|eight|nine"
            r"|ten)",
            after,
        )
    )
