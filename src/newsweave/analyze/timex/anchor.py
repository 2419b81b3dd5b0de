"""Which way a bare weekday or month points: the tense of the clause around the expression.

With a spaCy ``Doc`` the verb tags decide (VBD → past, the modal *will* → future); without one, a
small lexicon of verb cues does. The nearest cue to the expression within its sentence wins; with no
cue the direction is ``unknown`` and the caller falls back to the news default (the past).
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

__all__ = ["Direction", "direction", "direction_cue", "sentence_bounds"]

Direction = Literal["past", "future", "unknown"]

_FUTURE = (
    r"will|won't|wo|'ll|shall|going\s+to|is\s+to|are\s+to|to\s+be\s+held|scheduled|slated|plans?\s+to"
    r"|planned\s+(?:for|on)|planning|expected|expects|set\s+to|due|upcoming|intends?\s+to|aims?\s+to"
    r"|hopes?\s+to|(?:decided|agreed|promised|vowed|pledged|threatened|voted)\s+to|would|next(?!\s+to)"
    r"|payable|from\s+now|ahead|as\s+soon\s+as|until|till|postponed|delayed|adjourned|deadline|by"
)
_PAST = (
    r"was|were|had|did|said|told|met|made|took|came|went|gave|saw|held|left|won|lost|began|fell|rose|spoke|wrote"
    r"|sent|led|paid|sold|bought|found|got|put|ran|struck|shot|thought|knew|brought|became|kept|felt|stood|meant"
    r"|sought|fought|hit|quit|cut|set\s+off|ago|last|earlier|previously|has\s+been|have\s+been|\w{3,}ed"
)
_NOT_PAST = {
    "scheduled",
    "expected",
    "planned",
    "slated",
    "proposed",
    "intended",
    "needed",
    "based",
    "related",
    "united",
    "red",
    "bed",
    "feed",
    "need",
    "speed",
    "seed",
    "indeed",
    "proceed",
    "succeed",
    "exceed",
    "limited",
    "concerned",
    "interested",
    "unprecedented",
    "armed",
    "advanced",
    "detailed",
    "named",
}


_PLUPERFECT = re.compile(r"\bhad\s+(?:\w+ly\s+)?(?:been\s+)?(?:\w+ly\s+)?$", re.IGNORECASE)


@cache
def _cue_re() -> re.Pattern[str]:
    return re.compile(rf"\b(?:(?P<future>{_FUTURE})|(?P<past>{_PAST}))\b", re.IGNORECASE)


@cache
def _sentence_end_re() -> re.Pattern[str]:
    return re.compile(
        r"(?<!\b[A-Z])(?<!\b(?:Mr|Ms|Dr|St|vs|Vs|Jr|Sr))(?<!Mrs|Gen|Sen|Rep|Gov|Jan|Feb|Aug|Sep|Oct|Nov|Dec)"
        r"[.!?](?=\s)|\n"
    )


def sentence_bounds(text: str, start: int, end: int, *, reach: int = 200) -> tuple[int, int]:
    """Character bounds of the sentence around ``text[start:end]`` (at most ``reach`` chars each side)."""
    lo = max(0, start - reach)
    left = lo
    for m in _sentence_end_re().finditer(text, lo, start):
        left = m.end()
    right_m = _sentence_end_re().search(text, end, min(len(text), end + reach))
    right = right_m.start() if right_m else min(len(text), end + reach)
    return left, right


def _regex_direction(text: str, start: int, end: int) -> Direction:
    return _regex_cue(text, start, end)[0]


def _regex_cue(text: str, start: int, end: int) -> tuple[Direction, int]:
    left, right = sentence_bounds(text, start, end)
    best: tuple[int, Direction] | None = None
    for m in _cue_re().finditer(text, left, right):
        if start <= m.start() < end:
            continue
        word = m.group(0).lower()
        if m.group("past") and (
            word in _NOT_PAST or re.search(r"\b(?:be|being|to)\s+$", text[max(0, m.start() - 7) : m.start()])
        ):
            continue
        if word == "by" and not (m.end() <= start and start - m.end() <= 1):
            continue  # "by" counts only right before the expression ("by May")
        kind: Direction = "future" if m.group("future") else "past"
        if kind == "future" and _PLUPERFECT.search(text, max(0, m.start() - 20), m.start()):
            kind = "past"  # "had been scheduled to expire Friday": a plan that lies in the past
        dist = start - m.end() if m.end() <= start else m.start() - end
        # a cue before the expression in the same clause binds tighter than one after a comma
        if m.start() >= end and "," in text[end : m.start()]:
            dist += 40
        if best is None or dist < best[0]:
            best = (dist, kind)
    return (best[1], best[0]) if best else ("unknown", 10**6)


def _doc_direction(doc: Doc, start: int, end: int) -> Direction:
    return _doc_cue(doc, start, end)[0]


def _doc_cue(doc: Doc, start: int, end: int) -> tuple[Direction, int]:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return "unknown", 10**6
    sent = span.sent
    best: tuple[int, Direction] | None = None
    for tok in sent:
        if span.start <= tok.i < span.end:
            continue
        kind: Direction | None = None
        low = tok.lower_
        if (
            tok.tag_ == "MD"
            and low in ("will", "'ll", "shall", "wo", "would")
            or low in ("next", "upcoming", "ahead")
            or (low == "going" and tok.nbor(1).lower_ == "to" if tok.i + 1 < len(doc) else False)
            or tok.lemma_ in ("plan", "schedule", "expect", "slate", "due", "set", "intend")
            and tok.i + 1 < len(doc)
            and doc[tok.i + 1].lower_ == "to"
        ):
            kind = "future"
        elif (
            tok.tag_ == "VBD"
            or (tok.tag_ == "VBN" and any(c.lemma_ == "have" for c in tok.children))
            or low in ("ago", "last", "earlier", "previously")
        ):
            kind = "past"
        if kind is None:
            continue
        dist = span.start - tok.i if tok.i < span.start else tok.i - span.end + 1
        if best is None or dist < best[0]:
            best = (dist, kind)
    return (best[1], best[0] * 6) if best else ("unknown", 10**6)


def direction(text: str, start: int, end: int, doc: Doc | None = None) -> Direction:
    """The tense around ``text[start:end]``: ``past``, ``future`` or ``unknown``."""
    return direction_cue(text, start, end, doc)[0]


def direction_cue(text: str, start: int, end: int, doc: Doc | None = None) -> tuple[Direction, int]:
    """The tense around ``text[start:end]`` and roughly how many characters away its cue is."""
    if doc is not None:
        try:
            found = _doc_cue(doc, start, end)
        except (ValueError, IndexError):  # a doc of other text, or no sentence boundaries
            found = ("unknown", 10**6)
        regex = _regex_cue(text, start, end)
        if found[0] == "unknown" or (regex[0] != "unknown" and regex[1] < found[1]):
            return regex  # a closer cue the tagger does not see ("until", "had been scheduled to")
        return found
    return _regex_cue(text, start, end)
