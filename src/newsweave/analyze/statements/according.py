""""According to X, …" and "…, according to X": source X, content the rest of the clause."""

from __future__ import annotations

from spacy.tokens import Doc

from .docindex import DocIndex
from .reported import Candidate, skip_dateline, trim_tokens

__all__ = ["according_candidates"]

_ACCORDING = frozenset({"according"})


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
        head = tok.head
        c_lo, c_hi = head.left_edge.i, head.right_edge.i + 1
        if head.i == tok.i or not (c_lo <= a_lo < c_hi):
            c_lo, c_hi = ix.sent_start[tok.i], ix.sent_end[tok.i]
        if a_lo <= c_lo + 1:
            c_lo = a_hi
        elif a_hi >= c_hi - 2 or a_lo - c_lo >= c_hi - a_hi:
            c_hi = a_lo
        else:
            c_lo = a_hi
        lo, hi = trim_tokens(doc, c_lo, c_hi)
        if lo < hi:
            lo = skip_dateline(doc, lo, hi)
        if hi - lo < 2:
            continue
        out.append(
            Candidate(
                tok.i, tok.i + 2, tok, source, doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text),
                kind="according", content_tokens=(lo, hi),
            )
        )
    return out
