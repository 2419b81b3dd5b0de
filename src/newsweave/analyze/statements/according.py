""""According to X, …" and "…, according to X": source X, content the rest of the clause; likewise a poll
as the source of the clause it qualifies ("In a new poll, the mayor leads by 5 points")."""

from __future__ import annotations

from spacy.tokens import Doc

from .docindex import DocIndex
from .reported import Candidate, char_end, content_tokens

__all__ = ["according_candidates", "poll_candidates"]

_ACCORDING = frozenset({"according"})
_IN = frozenset({"in"})
POLL_NOUNS = frozenset({"poll", "polls", "survey", "surveys", "average", "polling"})


def according_candidates(doc: Doc, ix: DocIndex) -> list[Candidate]:
    """"According to X, …" and "…, according to X": source X, content the rest of the clause."""
    out: list[Candidate] = []
    for i in ix.with_lower(_ACCORDING):
        tok = doc[i]
        if tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
            continue
        to = doc[tok.i + 1]
        objs = [c for c in to.children if c.dep_ == "pobj"]
        source = objs[0] if objs else None
        a_lo, a_hi = tok.i, (source.right_edge.i + 1 if source is not None else tok.i + 2)
        if doc[a_hi - 1].pos_ == "CCONJ":
            continue  # "According to international media and Greek Sky TV": the parser lost the second source
        head = tok.head
        c_lo, c_hi = head.left_edge.i, head.right_edge.i + 1
        if head.i == tok.i or not (c_lo <= a_lo < c_hi):
            c_lo, c_hi = ix.sent_start[tok.i], ix.sent_end[tok.i]
        comma_before = a_lo - 1 > c_lo and doc[a_lo - 1].text == ","
        if a_lo <= c_lo + 1:
            c_lo = a_hi
        elif a_hi >= c_hi - 2 or a_lo - c_lo >= c_hi - a_hi or (
            comma_before and any(t.pos_ in ("VERB", "AUX") for t in doc[c_lo : a_lo - 1])
        ):
            c_hi = a_lo  # "[…], according to X" (also when the parser hung more of the sentence after X)
        else:
            c_lo = a_hi
        lo, hi = content_tokens(doc, c_lo, c_hi)
        if hi - lo < 2:
            continue
        out.append(
            Candidate(
                tok.i, tok.i + 2, tok, source, doc[lo].idx, char_end(doc, hi),
                kind="according", content_tokens=(lo, hi),
            )
        )
    return out


def poll_candidates(doc: Doc, ix: DocIndex) -> list[Candidate]:
    """"The mayor leads by 5 points in the latest poll" / "In a new survey, …": the poll is the source of the
    clause its "in" phrase qualifies."""
    out: list[Candidate] = []
    for i in ix.with_lower(_IN):
        prep = doc[i]
        if prep.dep_ != "prep" or prep.head.i == prep.i:
            continue
        objs = [c for c in prep.children if c.dep_ == "pobj" and c.lower_ in POLL_NOUNS]
        if not objs:
            continue
        poll = objs[0]
        head = prep.head
        if head.pos_ not in ("VERB", "AUX", "NOUN") or head.dep_ == "pobj":
            continue
        a_lo, a_hi = prep.i, prep.right_edge.i + 1
        c_lo, c_hi = head.left_edge.i, head.right_edge.i + 1
        if head.pos_ == "NOUN" and head.dep_ in ("nsubj", "dobj"):
            continue  # "his lead in the poll grew": the phrase names the lead, not a finding
        if a_lo <= c_lo + 1:
            c_lo = a_hi
        elif a_hi >= c_hi - 2:
            c_hi = a_lo
        else:
            continue  # the poll phrase sits mid-clause: leave it to the clause's own cue
        lo, hi = content_tokens(doc, c_lo, c_hi)
        if hi - lo < 3 or not any(t.pos_ in ("VERB", "AUX") for t in doc[lo:hi]) and head.pos_ != "NOUN":
            continue
        out.append(
            Candidate(
                prep.i, prep.i + 1, prep, poll, doc[lo].idx, char_end(doc, hi),
                kind="poll", content_tokens=(lo, hi),
            )
        )
    return out

