"""Which way a bare weekday or month points: the tense of the clause around the expression.

With a spaCy ``Doc`` the verb tags decide (VBD → past, the modal *will* → future); without one, a
small lexicon of verb cues does. The nearest cue to the expression within its sentence wins; with no
cue the direction is ``unknown`` and the caller falls back to the news default (the past). Weak cues
("by", "until", "deadline") point forward unless the clause is in the pluperfect; "since" points back.
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
    r"between\s+now\s+and|will|won't|wo|'ll|shall|going\s+to|is\s+to|are\s+to|to\s+be\s+held|scheduled|slated|plans?\s+to"
    r"|planned|planning|expected|expects|set\s+to|due|upcoming|intends?\s+to|aims?\s+to"
    r"|hopes?\s+to|(?:decided|agreed|promised|vowed|pledged|threatened|voted)\s+to|would|next(?!\s+to)"
    r"|payable|from\s+now|ahead|as\s+soon\s+as|until|till|postponed|delayed|adjourned|deadline|by"
)
# prepositions and nouns that point forward only when no verb of the clause says otherwise:
# "had filed reports by Wednesday", "Until Thursday, they had not called him" are past
_WEAK_FUTURE = {"by", "until", "till", "as soon as", "deadline"}
# an -ed word after a determiner or "still", or an un-...-ed word, is an adjective, not a past verb
# ("a still unspecified date", "the unnamed official", "an expanded plant")
_ADJECTIVAL_ED = re.compile(
    r"\b(?:a|an|the|its|their|his|her|our|this|that|these|those|still|newly|already)\s+$", re.IGNORECASE
)
# "as previously planned", "a planned visit": no plan about the time named
_PLAN_ADJECTIVE = re.compile(r"\b(?:\w+ly|the|a|an)\s+$", re.IGNORECASE)
# "were planning to", "was expected to": a plan told in the past, whose time lies ahead
_PLAN_AFTER = re.compile(
    r"\s+(?:still\s+|also\s+)?(?:planning|expected|scheduled|due|set\s+to|going\s+to|supposed|slated|about\s+to)\b",
    re.IGNORECASE,
)
_PRESENT_PERFECT = re.compile(r"\b(?:has|have|'s|'ve)\s+(?:\w+ly\s+|not\s+|also\s+|just\s+)?$", re.IGNORECASE)
# what "ahead" follows when it is a lead in a race, not a time to come
_AHEAD_BY = frozenset({"points", "point", "percent", "percentage", "votes", "seats", "lengths", "miles", "way",
                       "well", "far", "comfortably", "narrowly", "slightly", "strokes", "goals", "runs"})
_AHEAD_BY_RE = re.compile(rf"(?:\d|\b(?:{'|'.join(sorted(_AHEAD_BY))}))\s+$", re.IGNORECASE)
_PAST = (
    r"back(?=\s+(?:in|on|when)\b)|was|were|had|did|said|told|met|made|took|came|went|gave|saw|held|left|won|lost|began|fell|rose|spoke|wrote"
    r"|sent|led|paid|sold|bought|found|got|put|ran|struck|shot|thought|knew|brought|became|kept|felt|stood|meant"
    r"|sought|fought|hit|quit|cut|set\s+off|ago|last|earlier|previously|has\s+been|have\s+been|since|\w{3,}ed"
)
_NOT_PAST = {
    "scheduled",
    "expected",
    "planned",
    "supposed",
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


# a time phrase opening its sentence and closed by a comma: "In January, …", "Last March, …", "On Oct. 3, …"
_FRONTED = re.compile(r"\s*(?:[\"'“‘(]\s*)?(?:(?:in|on|during|by|since|until|early|late|last|that|this|in\s+early|in\s+late)\s+)?",
                      re.IGNORECASE)
_FRONTED_END = re.compile(r"(?:\s+\d{4})?\s*,")

_PLUPERFECT = re.compile(r"\bhad\s+(?:\w+ly\s+)?(?:been\s+)?(?:\w+ly\s+)?$", re.IGNORECASE)


@cache
def _cue_re() -> re.Pattern[str]:
    return re.compile(rf"\b(?:(?P<future>{_FUTURE})|(?P<past>{_PAST}))\b", re.IGNORECASE)


@cache
def _sentence_end_re() -> re.Pattern[str]:
    return re.compile(
        r"(?<!\b[A-Z])(?<!\b(?:Mr|Ms|Dr|St|vs|Vs|Jr|Sr))(?<!Mrs|Gen|Sen|Rep|Gov|Jan|Feb|Aug|Sep|Oct|Nov|Dec)"
        r"[.!?](?=[\"'”’`)]*\s)|\n"
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


def _is_past_cue(text: str, m: re.Match[str], word: str) -> bool:
    """Whether a past-cue match really is a past-tense verb here."""
    if word in _NOT_PAST or re.search(r"\b(?:be|being|to)\s+$", text[max(0, m.start() - 7) : m.start()]):
        return False
    if word in ("was", "were") and _PLAN_AFTER.match(text, m.end()):
        return False  # "were planning to drive Saturday": a plan, whose time lies ahead
    if word.endswith("ed") and word not in ("had", "led", "fed"):
        before = text[max(0, m.start() - 24) : m.start()]
        if word.startswith("un") or _ADJECTIVAL_ED.search(before) or _PRESENT_PERFECT.search(before):
            return False  # "a still unspecified date", "has extended loans through January"
    return True


def _same_clause(text: str, left: int, start: int, pos: int) -> bool:
    """Whether ``pos`` lies in the clause of the expression at ``start`` (no comma between them), or in
    the main clause right after a fronted adverbial ("Until Thursday, they had not ...")."""
    lo, hi = min(start, pos), max(start, pos)
    if "," not in text[lo:hi]:
        return True
    return pos > start and "," not in text[left:start] and text[start:pos].count(",") == 1


def _regex_cue(text: str, start: int, end: int) -> tuple[Direction, int]:
    left, right = sentence_bounds(text, start, end)
    best: tuple[int, Direction] | None = None
    weak: int | None = None  # distance of the nearest weak future cue ("by", "until", "deadline")
    pluperfect = False
    fronted = _FRONTED.fullmatch(text, left, start) is not None and _FRONTED_END.match(text, end) is not None
    first_after = True  # (only the first cue after a fronted adverbial is its main verb)
    for m in _cue_re().finditer(text, left, right):
        if start <= m.start() < end:
            continue
        word = " ".join(m.group(0).lower().split())
        if m.group("past") and not _is_past_cue(text, m, word):
            continue
        if word == "planned" and (
            m.start() >= end or _PLAN_ADJECTIVE.search(text, max(0, m.start() - 14), m.start())
        ):
            continue  # "planned" points forward only from before the time: "planned a rally on Saturday"
        if word == "ahead" and _AHEAD_BY_RE.search(text, max(0, m.start() - 14), m.start()):
            continue  # "40 points ahead of Sanders": a lead, not a time to come
        if word in ("by", "since") and not (m.end() <= start and start - m.end() <= 1):
            continue  # "by" and "since" count only right before the expression ("by May", "since March")
        if word == "since":
            return "past", 0  # "since March": a time that has begun
        kind: Direction = "future" if m.group("future") else "past"
        if kind == "future" and _PLUPERFECT.search(text, max(0, m.start() - 20), m.start()):
            kind = "past"  # "had been scheduled to expire Friday": a plan that lies in the past
        if (
            kind == "past"
            and word == "had"
            and re.match(r"\s+(?:not\s+|never\s+|already\s+)?\w+(?:ed|en|t)\b", text[m.end() : m.end() + 30])
            and _same_clause(text, left, start, m.start())
        ):
            pluperfect = True
        dist = start - m.end() if m.end() <= start else m.start() - end
        if kind == "future" and word in _WEAK_FUTURE:
            weak = dist if weak is None else min(weak, dist)
            continue
        # a cue before the expression in the same clause binds tighter than one after a comma — except the main
        # clause after a fronted adverbial: "In January, a bombing in Birmingham, Ala., killed a guard"
        if m.start() >= end and "," in text[end : m.start()] and not (fronted and kind == "past" and first_after):
            dist += 40
        if m.start() >= end:
            first_after = False
        if best is None or dist < best[0]:
            best = (dist, kind)
    if weak is not None and (best is None or weak < best[0]):
        if pluperfect:
            return "past", weak  # the clause is in the pluperfect: "had filed reports by Wednesday"
        return "future", weak
    return (best[1], best[0]) if best else ("unknown", 10**6)


def _doc_direction(doc: Doc, start: int, end: int) -> Direction:
    return _doc_cue(doc, start, end)[0]


# verbs of planning and deciding that point forward when followed by "to" ("decided to admit ... in March")
_PLAN_LEMMAS = frozenset(
    {"plan", "schedule", "expect", "slate", "due", "set", "intend", "decide", "agree", "promise", "vow"}
    | {"pledge", "threaten", "vote", "aim"}
)


def _doc_cue(doc: Doc, start: int, end: int) -> tuple[Direction, int]:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return "unknown", 10**6
    sent = span.sent
    governed = _governing_tense(span)
    if governed is not None:
        return governed, 6  # the verb the expression hangs on: "In January, … a bombing … killed a guard"
    best: tuple[int, Direction] | None = None
    for tok in sent:
        if span.start <= tok.i < span.end:
            continue
        kind: Direction | None = None
        low = tok.lower_
        to_after = tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to"
        plan = tok.lemma_ in _PLAN_LEMMAS and to_after
        if plan and tok.i > span.start and "," in doc[span.end : tok.i].text:
            continue  # "On Friday, the government planned to pay": the plan is told, not its time
        if low == "ahead" and tok.i > 0 and (doc[tok.i - 1].like_num or doc[tok.i - 1].lower_ in _AHEAD_BY):
            continue  # "40 points ahead of Sanders": a lead, not a time to come
        if low == "back" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in ("in", "on", "when"):
            kind = "past"  # "way back in October", "Back in March, …"
        elif (
            tok.tag_ == "MD"
            and low in ("will", "'ll", "shall", "wo", "would")
            or (low in ("next", "upcoming", "ahead") and not (low == "next" and to_after))
            or (low == "going" and to_after)
            or plan
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
        if tok.i >= span.end and any(t.text == "," for t in doc[span.end : tok.i]):
            dist += 7  # as in the text cue: a verb after a comma binds looser ("in March, an official said")
        if best is None or dist < best[0]:
            best = (dist, kind)
    return (best[1], best[0] * 6) if best else ("unknown", 10**6)


# verbs whose past is their present: a VBP tag on them may be a misread past
_SAME_PAST = frozenset({"hurt", "cut", "put", "hit", "set", "let", "cost", "shut", "spread", "quit", "bet", "burst",
                        "cast", "split", "thrust", "upset", "bid", "broadcast", "forecast", "read", "beat"})
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})


def _governing_tense(span) -> Direction | None:
    """The tense of the verb a time expression modifies (through its preposition), when that verb states it: a
    simple past ("killed"), or a future modal ("will hold"). ``None`` for anything else (participles, present,
    infinitives), which the nearest-cue reading decides."""
    tok = span.root
    for _ in range(3):
        if tok.head is tok:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            break
        if tok.dep_ != "prep" and tok.pos_ != "ADP":
            return None  # a time inside a noun phrase ("Wednesday's ruling", "the March vote") has no tense here
    else:
        return None
    if any(c.tag_ == "MD" and c.lower_ in ("will", "'ll", "shall", "wo") for c in tok.children):
        return "future"
    if any(c.tag_ == "MD" and c.lower_ in ("may", "might", "should", "must") for c in tok.children) and not any(
        c.lower_ in ("have", "'ve") and c.dep_ == "aux" for c in tok.children
    ):
        return "future"  # "Trump may rally in Iowa on Monday" (not "might have spoken")
    if tok.tag_ == "VBD" and tok.lower_ not in _NOT_PAST:
        return "past"
    if (
        tok.tag_ in ("VBZ", "VBP")
        and tok.lemma_ not in ("say", "be", "have", "tell", "report")
        and not (tok.tag_ == "VBP" and tok.lower_ in _SAME_PAST)  # "Weakness hurt the composite … on Friday"
        and span.root.lower_ in _WEEKDAYS
        and span.root.head in (tok, *tok.children)
    ):
        return "future"  # "Trump rolls through the Iowa caucuses Monday", "the leaders meet Friday": a schedule
    return None


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
