"""Nominal and adjectival cues: "his claim that …", "the mayor's criticism of …", "is critical of …"."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .docindex import DocIndex
from .frames import ADJ_FRAMES, NOUN_FRAMES
from .reported import Candidate, cue_extent, is_agent, is_message, make_candidate, speaker_for

__all__ = ["adjective_candidates", "noun_candidates"]

NOUN_CUE_WORDS = frozenset(NOUN_FRAMES)
ADJ_CUE_WORDS = frozenset(ADJ_FRAMES)


def noun_candidates(doc: Doc, ix: DocIndex) -> dict[int, Candidate]:
    """Nominal cues: "his claim that …", "the mayor's criticism of …", "issued a warning that …"."""
    out: dict[int, Candidate] = {}
    for i in ix.with_lemma(NOUN_CUE_WORDS):
        tok = doc[i]
        if tok.pos_ != "NOUN":
            continue
        frames = NOUN_FRAMES[tok.lemma_.lower()]
        cand = None
        for child in tok.children:
            if child.i < tok.i:
                continue
            if child.dep_ in ("acl", "ccomp") and "acl" in frames and any(
                c.dep_ in ("mark", "aux") and c.lower_ in ("that", "to") for c in child.children
            ):
                cand = make_candidate(doc, tok, child.left_edge.i, child.right_edge.i + 1, "noun")
            elif child.dep_ == "prep" and f"prep_{child.lower_}" in frames:
                objs = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
                if objs:
                    cand = make_candidate(doc, tok, objs[0].left_edge.i, objs[0].right_edge.i + 1, "noun", child)
            if cand is not None:
                break
        if cand is None:
            continue
        cand.speaker = noun_holder(tok)
        if cand.speaker is not None and not is_agent(cand.speaker):
            continue
        cand.cue_start = tok.i
        out[tok.i] = cand
    return out


_HOLDER_PREPS = frozenset({"from", "by", "among"})
_HOST_PREPS = frozenset({"with", "to", "into"})
# Verbs whose subject is the target of the nominal cue they take, not its holder: "faced criticism over …",
# "drew accusations of …", "stoked fears about …".
_RECEIVING_VERBS = frozenset({
    "face", "endure", "draw", "attract", "receive", "field", "stoke", "drive", "bring", "spark", "trigger",
    "fuel", "deflect", "dodge", "weather", "survive", "ignore", "dismiss", "court", "invite", "provoke", "prompt",
    "require", "investigate", "undermine", "renew",
})


def noun_holder(tok: Token) -> Token | None:
    """The one holding a nominal cue: the possessor ("his claim that …"), a "from"/"by"/"among" phrase
    ("criticism from rivals"), else the subject of the verb the noun is the object of ("issued a warning that …")
    or sits in ("responded with chants of …", "rose to the defense of …")."""
    poss = [c for c in tok.children if c.dep_ == "poss"]
    holder = speaker_for(tok.head) if tok.dep_ == "dobj" and tok.head.pos_ in ("VERB", "AUX") else None
    if poss and poss[0].tag_ == "PRP$" and is_agent(holder) and holder.tag_ != "PRP$":
        return holder  # "the senator offered her thoughts on …": the senator, whom "her" stands for
    if poss:
        return poss[0]
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.i > tok.i and prep.lower_ in _HOLDER_PREPS:
            objs = [g for g in prep.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN", "PRON")]
            if objs and is_agent(objs[0]):
                return objs[0]
    if tok.dep_ in ("dobj", "attr") and tok.head.pos_ in ("VERB", "AUX"):
        if tok.head.lemma_.lower() in _RECEIVING_VERBS:
            return None  # "the senator faced criticism over …": someone unnamed criticized her
        return speaker_for(tok.head)  # "the senator issued a warning that …"
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ in _HOST_PREPS and tok.head.head.pos_ == "VERB":
        return speaker_for(tok.head.head)
    return None


def adjective_candidates(doc: Doc, ix: DocIndex) -> dict[int, Candidate]:
    """Stances held as predicates: "is critical of [the plan]", "are confident [that …]", "was quick [to
    praise …]" — an adjective after "be"/"seem"/"remain" taking its message in a frame learnt from PolNeAR."""
    out: dict[int, Candidate] = {}
    for i in ix.with_lemma(ADJ_CUE_WORDS):
        tok = doc[i]
        if tok.pos_ != "ADJ" or tok.dep_ != "acomp" or tok.head.i >= tok.i:
            continue
        frames = ADJ_FRAMES[tok.lemma_.lower()]
        verb = tok.head
        holder = speaker_for(verb)
        if not is_agent(holder):
            continue
        cand = None
        for child in tok.children:
            if child.i < tok.i:
                continue
            if child.dep_ in ("ccomp", "xcomp") and child.dep_ in frames:
                cand = make_candidate(doc, tok, child.left_edge.i, child.right_edge.i + 1, "object")
            elif child.dep_ == "prep" and f"prep_{child.lower_}" in frames:
                objs = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
                if objs and is_message(objs[0]):
                    cand = make_candidate(doc, tok, objs[0].left_edge.i, objs[0].right_edge.i + 1, "object", child)
            if cand is not None:
                break
        if cand is None:
            continue
        cand.cue_start = cue_extent(verb)[0]
        cand.speaker = holder
        out[tok.i] = cand
    return out
