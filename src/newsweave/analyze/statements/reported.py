"""Reported (indirect) speech from the dependency parse.

* a speech verb governing a clausal complement: "Sources said [the drone failed]", "he stated that …";
* an inverted or parenthetical cue after its content: "[…], reported the broadcaster", "[…], officials said";
* "according to X, […]".
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .cues import PARENTHETICAL_VERBS, SPEECH_VERBS
from .speakers import subject_of

__all__ = ["Candidate", "cue_extent", "verb_candidates", "according_candidates"]

_CONTENT_DEPS = ("ccomp",)
_CLAUSE_BREAK = frozenset({",", "—", "–", "-", ";", ":"})


@dataclass(slots=True)
class Candidate:
    """A statement in the making: token indices for cue and speaker, char offsets for content."""

    cue_start: int | None  # token index range of the cue
    cue_end: int | None
    cue_token: Token | None  # the head word of the cue (a verb, or "according")
    speaker: Token | None  # head token of the speaker phrase
    content_start: int  # char offsets
    content_end: int
    direct: bool = False
    kind: str = "verb"  # verb, according, inverted
    content_tokens: tuple[int, int] | None = None  # token range of the content, when known


def is_cue_word(tok: Token) -> bool:
    return tok.lemma_.lower() in SPEECH_VERBS and tok.pos_ in ("VERB", "AUX", "NOUN") and tok.dep_ not in (
        "amod", "compound", "nsubj", "dobj", "pobj", "nsubjpass", "attr", "appos"
    )


def cue_extent(tok: Token) -> tuple[int, int]:
    """Cue token range: the verb with its contiguous auxiliaries/negation before and particle after."""
    lo = tok.i
    doc = tok.doc
    while lo - 1 >= 0 and doc[lo - 1].head.i == tok.i and doc[lo - 1].dep_ in ("aux", "auxpass", "neg"):
        lo -= 1
    hi = tok.i + 1
    while hi < len(doc) and doc[hi].head.i == tok.i and doc[hi].dep_ == "prt":
        hi += 1
    return lo, hi


def _trim(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    while hi > lo and (doc[hi - 1].is_punct and not doc[hi - 1].is_quote or doc[hi - 1].is_space):
        hi -= 1
    while lo < hi and (doc[lo].is_punct and not doc[lo].is_quote or doc[lo].is_space):
        lo += 1
    return lo, hi


def _speaker_for(verb: Token) -> Token | None:
    subj = subject_of(verb)
    if subj is not None and subj.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
        return verb.head
    if subj is not None and subj.tag_ in ("WP", "WDT", "EX"):
        return None
    return subj


def _make(doc: Doc, verb: Token, lo: int, hi: int, kind: str) -> Candidate | None:
    lo, hi = _trim(doc, lo, hi)
    if hi - lo < 1 or not any(t.is_alpha for t in doc[lo:hi]):
        return None
    c_lo, c_hi = cue_extent(verb)
    return Candidate(
        c_lo, c_hi, verb, _speaker_for(verb), doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text),
        kind=kind, content_tokens=(lo, hi),
    )


def verb_candidates(doc: Doc) -> dict[int, Candidate]:
    """Candidates keyed by the index of the cue verb."""
    out: dict[int, Candidate] = {}
    for tok in doc:
        if not is_cue_word(tok):
            continue
        comps = [c for c in tok.children if c.dep_ in _CONTENT_DEPS]
        if comps:
            after = [c for c in comps if c.i > tok.i]
            side = after if after else comps
            lo, hi = min(c.left_edge.i for c in side), max(c.right_edge.i for c in side) + 1
            if after:
                lo = max(lo, tok.i + 1)
            else:
                hi = min(hi, tok.i)
                subj = subject_of(tok)
                if subj is not None and subj.i < tok.i:
                    hi = min(hi, subj.left_edge.i)
            cand = _make(doc, tok, lo, hi, "verb")
            if cand is not None:
                out[tok.i] = cand
            continue
        if tok.lemma_.lower() in PARENTHETICAL_VERBS:
            cand = _inverted(doc, tok)
            if cand is not None:
                out[tok.i] = cand
    return out


def _inverted(doc: Doc, verb: Token) -> Candidate | None:
    """"[content], officials said" / "[content], reported the broadcaster": the cue clause follows a comma
    and closes the sentence; the content is the clause before the comma."""
    sent = verb.sent
    # the cue clause: verb, its subject (before or after) and its modifiers, up to the sentence end
    left = verb.i
    own = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if own and own[0].i < verb.i:
        speaker = own[0]
        left = speaker.left_edge.i
    else:
        after = [c for c in verb.children if c.dep_ in ("nsubj", "dobj") and c.i > verb.i]
        if not after or after[0].pos_ not in ("NOUN", "PROPN", "PRON"):
            return None
        speaker = after[0]
    while left - 1 >= sent.start and doc[left - 1].dep_ in ("advmod", "aux", "neg") and doc[left - 1].head.i == verb.i:
        left -= 1
    if left - 1 < sent.start or doc[left - 1].text not in _CLAUSE_BREAK:
        return None
    # nothing but modifiers of the cue may follow it
    for t in doc[verb.i + 1 : sent.end]:
        if t.text in (".", "!", "?") or t.is_space and "\n" in t.text:
            break
        if t.is_punct or t.is_space:
            continue
        if not _descends(t, verb):
            return None
    comma = left - 1
    lo = sent.start
    if comma - lo < 3:
        return None
    cand = _make(doc, verb, lo, comma, "inverted")
    if cand is not None:
        cand.speaker = speaker
    return cand


def _descends(tok: Token, anc: Token) -> bool:
    for _ in range(12):
        if tok.i == anc.i:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def according_candidates(doc: Doc) -> list[Candidate]:
    """"According to X, …" and "…, according to X": source X, content the rest of the clause."""
    out: list[Candidate] = []
    for tok in doc:
        if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
            continue
        to = doc[tok.i + 1]
        objs = [c for c in to.children if c.dep_ == "pobj"]
        source = objs[0] if objs else None
        sent = tok.sent
        a_lo, a_hi = tok.i, (source.right_edge.i + 1 if source is not None else tok.i + 2)
        head = tok.head
        c_lo, c_hi = head.left_edge.i, head.right_edge.i + 1
        if head.i == tok.i or not (c_lo <= a_lo < c_hi):
            c_lo, c_hi = sent.start, sent.end
        if a_lo <= c_lo + 1:
            c_lo = a_hi
        elif a_hi >= c_hi - 2:
            c_hi = a_lo
        else:  # mid-clause "according to": take the larger side
            if a_lo - c_lo >= c_hi - a_hi:
                c_hi = a_lo
            else:
                c_lo = a_hi
        lo, hi = _trim(doc, c_lo, c_hi)
        if hi - lo < 2:
            continue
        out.append(
            Candidate(
                tok.i, tok.i + 2, tok, source, doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text),
                kind="according", content_tokens=(lo, hi),
            )
        )
    return out
