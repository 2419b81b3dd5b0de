"""Which times date which predicates (:mod:`.claims`): the predicate a time hangs on, a relative clause's noun,
the sentence's one time — but not a time that dates a telling ("told reporters Wednesday that …"), not a past
perfect's sentence time, not the start of a period ("since 1991")."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import TimeExpression
from .lexicons import PREDICATE_CLASSES, REPORTING_VERBS, STATUS_WORDS

__all__ = ["PARTIAL_DATE", "dates_the_saying", "event_of_the_lexicon", "names_an_event", "names_which_thing", "placeable", "pluperfect",
           "time_of_modified_noun", "time_owner", "timex_heads", "told_about"]

PARTIAL_DATE = re.compile(r"XXXX-(\d\d)(?:-(\d\d))?$")  # a month or day whose year is unknown


def placeable(tx: TimeExpression) -> bool:
    """A time that dates an event: resolved, or a month or day whose year the report's date would give
    ("in February" in an undated report, ``XXXX-02``; alignment places it against the story's dates)."""
    return tx.earliest is not None or PARTIAL_DATE.match(tx.value) is not None


def time_of_modified_noun(p, in_sentence: dict[TimeExpression, int]) -> list[TimeExpression]:
    """A relative clause takes the time of the noun it describes: "the disaster in December 2003, in which
    more than 31,000 people were killed" (the time within the noun phrase, outside the clause itself)."""
    noun = p.head
    lo, hi = noun.left_edge.i, noun.right_edge.i
    own_lo, own_hi = p.left_edge.i, p.right_edge.i
    found = [tx for tx, i in in_sentence.items() if lo <= i <= hi and not own_lo <= i <= own_hi]
    return found if len({t.value for t in found}) == 1 else []


def dates_the_saying(tok, pred_ids: set[int]) -> bool:
    """A time that hangs on a verb of saying, showing or talking before any event ("told news outlets Wednesday
    that the teen was carrying a gun when he was shot"): it dates the telling, not what is told."""
    cur = tok
    for _ in range(40):
        if cur is not tok and cur.i in pred_ids:
            return False
        if cur.pos_ == "VERB" and cur.lemma_.lower() in REPORTING_VERBS | _SHOWING_VERBS:
            return True
        if cur.head is cur:
            return False
        cur = cur.head
    return False


# showing, and talking with someone: "spoke with the prime minister today to discuss … the attack", "officials met
# on Monday to discuss the bombing" — the time is the conversation's
_SHOWING_VERBS = frozenset({"show", "reveal", "find", "confirm", "indicate", "speak", "talk", "meet", "discuss"})


# verbs whose object is an event that came before them: the sentence's time is theirs, not that event's
_ABOUT_VERBS = frozenset({"discuss", "investigate", "probe", "condemn", "denounce", "mourn", "commemorate", "recall",
                          "remember", "mark", "meet", "speak", "talk", "respond", "react", "debate"})


def told_about(p) -> bool:
    """Whether the event noun ``p`` is what a verb of talking about or responding to is about ("met on Monday to
    discuss the bombing", "as Iraq investigates the attack"): the sentence's one time is that verb's, so the
    event does not take it."""
    if p.pos_ not in ("NOUN", "PROPN"):
        return False
    cur = p
    for _ in range(8):
        if cur.head is cur:
            return False
        cur = cur.head
        if cur.pos_ == "VERB":
            return cur.lemma_.lower() in _ABOUT_VERBS
    return False


def pluperfect(p) -> bool:
    """"had been shot", "had fled": a past before the past the sentence tells of."""
    return p.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d") for c in p.children) \
        and not any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("has", "have") for c in p.children)


# occasions: "Monday's meeting ended without a deal" — the meeting's day is the ending's
_OCCASIONS = frozenset({"meeting", "talk", "summit", "protest", "rally", "march", "riot", "vote", "hearing", "trial",
                        "ceremony", "funeral", "vigil", "game", "match", "concert", "visit", "speech", "conference",
                        "accident", "incident", "fight", "clash", "battle", "storm", "hurricane", "tornado", "event",
                        "session", "debate", "interview", "announcement", "launch", "race", "show"})


def event_of_the_lexicon(tok) -> bool:
    """Whether a word names a kind of event the lexicon knows (attack, harm, quake, arrest …)."""
    lemma = tok.lemma_.lower()
    return PREDICATE_CLASSES.get(lemma) is not None or lemma in STATUS_WORDS


def names_an_event(tok) -> bool:
    """Whether a word names a kind of event the lexicon knows or an occasion (a meeting, a rally, an accident)."""
    return event_of_the_lexicon(tok) or tok.lemma_.lower() in _OCCASIONS


def _modifies_a_noun(tok) -> bool:
    return tok.dep_ in ("compound", "nmod", "amod", "poss") and tok.head.pos_ in ("NOUN", "PROPN")


def names_which_thing(tok, pred_ids: set[int]) -> bool:
    """A time that modifies a noun naming no event or occasion ("a plea deal stemming from her June 2012 car
    accident case"): it says which case, not when the verb above it happened. (The time of an event or an
    occasion dates what it did: "the June 2012 crash killed two", "Sunday's tremor damaged …".)"""
    return _modifies_a_noun(tok) and tok.head.i not in pred_ids and not names_an_event(tok.head)


def time_owner(tok, pred_ids: set[int]) -> int | None:
    """The predicate a time hangs on (the first predicate up its chain of heads), if any. A time that is the
    object of a verb ("forced villagers to spend the night in tents", "marked the day") is what that verb acts
    on, not when anything happened: it dates that verb's event only, and nothing when that verb makes no claim."""
    if tok.dep_ == "dobj":
        return tok.head.i if tok.head.i in pred_ids else None
    if _modifies_a_noun(tok) and tok.head.i in pred_ids:
        return tok.head.i  # "the June 2012 crash"
    if names_which_thing(tok, pred_ids):
        return None
    cur = tok
    for _ in range(40):
        if cur.i in pred_ids and cur is not tok:
            return cur.i
        if cur.head is cur:
            return cur.i if cur.i in pred_ids else None
        cur = cur.head
    return None


def timex_heads(doc, timexes: Iterable[TimeExpression]) -> dict[TimeExpression, int]:
    """The head token of each time that can date an event."""
    out = {}
    for tx in timexes:
        if tx.type not in ("DATE", "TIME") or tx.value.endswith("_REF") or tx.value.startswith("P"):
            continue  # "right now", "for a month", "every week" do not date an event
        span = doc.char_span(tx.span.start, tx.span.end, alignment_mode="expand")
        if span is not None and len(span) and not _since(span.root):
            out[tx] = span.root.i
    return out


def _since(tok) -> bool:
    """Whether a time is where a period starts, not when the event was: "the first deaths since 1991", "the worst
    violence since riots in 2008"."""
    for _ in range(4):
        if tok.lower_ == "since":
            return True
        if tok.head is tok or tok.pos_ in ("VERB", "AUX"):
            return False
        tok = tok.head
    return tok.lower_ == "since"
