"""Message shapes of object frames: a naming verb's object with its label, the reason phrase after an object,
quoted titles and the channel, place, time or addressee of a prepositional frame (which are no messages)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..names import is_person_noun
from .cues import (
    AUDIENCE_NOUNS,
    BROADCAST_WORDS,
    CARRIER_NOUNS,
    INTERVIEW_WORDS,
    ORG_NOUNS,
    OUTLET_NOUNS,
    PRESS_WORDS,
    ROLE_NOUNS,
    SOCIAL_MEDIA_WORDS,
    TITLE_WORDS,
    WRITTEN_WORDS,
)

__all__ = ["NAMING_VERBS", "addressee_object", "circumstance", "naming", "quoted_title", "setting_or_addressee",
           "with_reason"]

NAMING_VERBS = frozenset({"call", "dub", "label", "brand", "term", "deem"})
_NAMING_PARTS = frozenset({"dobj", "oprd", "appos", "attr", "acomp", "prep", "npadvmod"})


def naming(doc: Doc, verb: Token, children: list[Token]) -> tuple[int, int] | None:
    """"called the governor, her rival, a “dangerous fraud”", "called that “beyond preposterous”": the
    object with the label given to it (the parser often splits them oddly), up to the verb's last part."""
    parts = [c for c in children if c.i > verb.i and c.dep_ in _NAMING_PARTS and not circumstance(c)]
    relative = [c for c in children if c.dep_ == "dobj" and c.i < verb.i and c.tag_ in ("WDT", "WP")]
    label = [c for c in parts if c.dep_ in ("oprd", "attr", "acomp")]
    if relative and label:  # "which he called “a cartel”", "what the aide called “a new era”"
        return relative[0].i, label[0].right_edge.i + 1
    heads = [c for c in parts if c.dep_ in ("dobj", "oprd")]
    if not heads or len(parts) < 2 or heads[0].i != min(c.i for c in parts):
        return None
    lo = heads[0].left_edge.i
    hi = lo
    for c in sorted(parts, key=lambda c: c.i):
        if c.left_edge.i > hi + 2:
            break
        hi = max(hi, c.right_edge.i + 1)
    return (lo, hi) if hi - lo >= 2 else None


def circumstance(prep: Token) -> bool:
    """A prepositional phrase of time or occasion, or a frame preposition of "call" ("call for/on")."""
    return prep.dep_ == "prep" and (prep.lower_ in ("for", "on", "at") or any(
        g.ent_type_ in ("DATE", "TIME") for g in prep.children))


_REASON_PREPS = frozenset({"for", "over", "as", "with", "of", "about", "against", "on", "in"})


def with_reason(doc: Doc, verb: Token, hi: int) -> int:
    """End of an object message with the phrases that say why or as what: "criticized [the mayor for
    cutting the budget]", "charged [the official with fraud]", "described [the plan as a failure]"."""
    for child in verb.children:
        if child.i < hi:
            continue
        if child.i != hi and not (child.i == hi + 1 and doc[hi].is_punct and doc[hi].text != "."):
            break
        if child.dep_ != "prep" or child.lower_ not in _REASON_PREPS or any(
            g.ent_type_ in ("DATE", "TIME") for g in child.children
        ):
            break
        hi = child.right_edge.i + 1
    return hi


_SETTING_PREPS = frozenset({"in", "at", "on", "during", "via", "through"})
_CHANNEL_NOUNS = CARRIER_NOUNS | WRITTEN_WORDS | INTERVIEW_WORDS | PRESS_WORDS | BROADCAST_WORDS | SOCIAL_MEDIA_WORDS
_SETTING_ENTS = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME"})


def setting_or_addressee(verb: Token, prep: Token, pobj: Token) -> bool:
    """Whether a prepositional object of a cue is where, when or to whom something was said, not what (see
    ``_setting`` and ``_addressee``)."""
    return _setting(prep, pobj) or _addressee(verb, prep, pobj)


def _setting(prep: Token, pobj: Token) -> bool:
    """Where, when or through what something was said, not what: "said [in a statement]", "wrote [on Twitter]",
    "spoke [at a news conference]", "said [in 2008]" — a channel noun, a place or a time after "in"/"at"/"on"."""
    if prep.lower_ not in _SETTING_PREPS:
        return False
    return pobj.lemma_.lower() in _CHANNEL_NOUNS or pobj.ent_type_ in _SETTING_ENTS


_ADDRESS_VERBS = frozenset({"say", "write", "speak", "talk", "explain", "complain", "whisper", "shout", "announce",
                            "declare", "reply"})
_PEOPLE_NOUNS = AUDIENCE_NOUNS | ROLE_NOUNS | TITLE_WORDS | ORG_NOUNS
# verbs whose direct object is whom they address ("told reporters", "briefed the committee"), not what was said
_TELLING_VERBS = frozenset({"tell", "inform", "brief", "assure", "reassure", "remind", "notify", "email", "e-mail",
                            "message", "text"})
_NOT_SOMEONE = frozenset({"it", "this", "that", "what", "something", "everything", "nothing", "anything", "all"})


def _addressee(verb: Token, prep: Token, pobj: Token) -> bool:
    """Whom something was said to, not what: "wrote [to the senator]", "said [to reporters]"."""
    return prep.lower_ == "to" and verb.lemma_.lower() in _ADDRESS_VERBS and _someone(pobj)


def addressee_object(verb: Token, obj: Token) -> bool:
    """Whether the direct object of a telling verb is whom it was told — "told reporters", "told Reuters", "told
    the news agency", "told him" — rather than a message ("told the truth"). (Alone after the verb PolNeAR
    annotates the addressee as the content, "The mayor told reporters", and so do we; after a message clause it
    is no message: "…, the governor told Reuters.")"""
    return verb.lemma_.lower() in _TELLING_VERBS and _someone(obj)


def _someone(tok: Token) -> bool:
    """A person, group, body or outlet: someone a thing can be said to."""
    if tok.pos_ == "PRON":
        return tok.lower_ not in _NOT_SOMEONE
    return (tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or tok.pos_ == "PROPN"
            or tok.lemma_.lower() in _PEOPLE_NOUNS | OUTLET_NOUNS or is_person_noun(tok.text))


def quoted_title(obj: Token) -> bool:
    """An object that is a title in quotation marks: every word capitalised ("“War and Peace”")."""
    doc = obj.doc
    lo, hi = obj.left_edge.i, obj.right_edge.i
    if doc[lo].is_quote:
        lo += 1
    elif lo == 0 or not doc[lo - 1].is_quote:
        return False
    if doc[hi].is_quote:
        hi -= 1
    words = [t for t in doc[lo : hi + 1] if t.is_alpha]
    return 0 < len(words) <= 6 and words[0].is_title and all(
        t.is_title or t.is_upper or t.lower_ in _TITLE_SMALL for t in words)


_TITLE_SMALL = frozenset({"a", "an", "the", "and", "or", "of", "in", "on", "to", "for", "at", "by", "with"})
