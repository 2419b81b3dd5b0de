"""Which words of a sentence are predicates a claim is read from (:mod:`.claims`): verbs that tell of something
happening, event nouns ("the attack on …"), status words after a copula ("was unharmed") — and what is none: a
speech or light verb, what *can* happen, a question, a page's date stamp, an event noun that only names a kind of
thing ("earthquake experts")."""

from __future__ import annotations

from .lexicons import EVENT_NOUNS, LIGHT_VERBS, PREDICATE_CLASSES, REPORTING_VERBS, STATUS_WORDS
from .syntax import _claims_responsibility, _negated_noun

__all__ = ["is_predicate"]


def is_predicate(t) -> bool:
    """Whether token ``t`` heads a claim: a verb that is not a speech or light verb (nor what *can* happen, nor a
    question, nor a page's date stamp), an event noun that tells of an event happening, or a status word after a
    copula."""
    lemma = t.lemma_.lower()
    if _is_stamp(t) or _asked(t):
        return False
    if t.pos_ == "VERB":
        if lemma in REPORTING_VERBS and not _claims_responsibility(t):
            return False
        if lemma in LIGHT_VERBS and lemma not in PREDICATE_CLASSES:
            return False
        if t.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ in ("can", "ca") for c in t.children):
            return False  # "a magnitude 6 quake can cause severe damage": what can happen, not what happened
        # not "the purported strike", "suspected attack"
        return not (t.dep_ == "amod" and lemma not in STATUS_WORDS)
    if t.pos_ in ("ADJ", "ADV") and lemma in STATUS_WORDS and t.dep_ in ("acomp", "advmod", "attr", "oprd"):
        return t.head.lemma_ in ("be", "remain", "seem", "appear", "survive", "escape", "return")
    if t.pos_ == "NOUN" and lemma == "attempt":  # "assassination attempt", "coup attempt"
        return any(c.dep_ == "compound" and c.lemma_.lower() in PREDICATE_CLASSES for c in t.children)
    if t.pos_ == "NOUN" and lemma in EVENT_NOUNS:
        if t.dep_ == "compound" and t.head.lemma_.lower() == "attempt":
            return False
        if (t.dep_ == "compound" and t.head.pos_ in ("NOUN", "PROPN")
                and t.head.lemma_.lower() not in EVENT_NOUNS | _EVENT_TOLD_BY):
            return False  # "earthquake experts", "quake zone": the noun names a kind of thing, no event happening
        if lemma in ("injury", "casualty", "death") and not _negated_noun(t):
            return t.dep_ in ("nsubj", "dobj", "attr")
        return True
    return False


# nouns whose compound event noun still tells of the event ("quake victims", "the bomb blast's death toll")
_EVENT_TOLD_BY = frozenset({"victim", "survivor", "toll", "damage", "casualty", "aftermath", "relief", "rescue",
                            "site", "scene"})


def _asked(t) -> bool:
    """A verb of a question asserts nothing ("how many kids will you kill today", "Did the police fire first?"):
    its clause ends in a question mark, or its auxiliary comes before its subject after a question word."""
    if t.pos_ != "VERB":
        return False
    doc = t.doc
    last = t.right_edge.i
    while last > t.i and (doc[last].is_quote or doc[last].is_space):
        last -= 1
    nxt = last + 1
    while nxt < len(doc) and (doc[nxt].is_quote or doc[nxt].is_space):
        nxt += 1
    if doc[last].text.startswith("?") or (nxt < len(doc) and doc[nxt].text.startswith("?")):
        return True
    aux = [c.i for c in t.children if c.dep_ == "aux"]
    subj = [c.i for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
    first = doc[t.left_edge.i]
    inverted = bool(aux and subj and min(aux) < min(subj))
    return inverted and (first.tag_ in ("WDT", "WP", "WRB", "WP$") or first.i == min(aux))


_STAMP_WORDS = frozenset({"posted", "updated", "published", "modified"})


def _is_stamp(t) -> bool:
    """A page's own date stamp, not an event: "Posted: Nov 27, 2005 8: 20 AM ET Last Updated: …"."""
    if t.lower_ not in _STAMP_WORDS:
        return False
    doc = t.doc
    before = doc[t.i - 1].lower_ if t.i > t.sent.start else ""
    after = doc[t.i + 1] if t.i + 1 < len(doc) else None
    if before in ("", "last", "|") or (after is not None and after.text == ":"):
        return True
    # "… 7: 21 AM Updated 11 / 27 / 2005": a capitalised stamp word before a date, in the middle of a line
    return t.text[0].isupper() and after is not None and (after.like_num or after.lower_[:3] in _MONTHS)


_MONTHS = frozenset(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])
