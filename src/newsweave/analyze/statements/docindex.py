"""Per-document lookups computed once (sentence bounds, token offsets, entities, word hashes).

spaCy's ``token.sent``, ``span.ents`` and ``doc.text`` rebuild their answer on every call and iterating a
``Doc`` creates a Python object per token, which is too slow inside loops; this index reads the parse into
arrays once, and callers visit only the tokens whose word or lemma can matter.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import numpy as np
from spacy.attrs import ENT_IOB, ENT_TYPE, IDX, LEMMA, LOWER, ORTH, SENT_START, SPACY
from spacy.strings import hash_string
from spacy.tokens import Doc, Span

from ..names import comma_cuts

__all__ = ["DocIndex", "hashes", "index_doc"]


@cache
def hashes(words: frozenset[str]) -> frozenset[int]:
    """The spaCy string hashes of ``words`` (for fast membership tests on token attributes)."""
    return frozenset(hash_string(w) for w in words)


@dataclass(frozen=True, slots=True)
class DocIndex:
    text: str
    starts: tuple[int, ...]  # character offset of each token
    sent_start: tuple[int, ...]  # for each token, the index of the first token of its sentence
    sent_end: tuple[int, ...]  # for each token, one past the last token of its sentence
    ents: tuple[Span, ...]
    lemma: list[int]  # lemma hash of each token
    lower: list[int]  # lower-case form hash of each token

    def token_at(self, char: int) -> int:
        """Index of the first token starting at or after ``char``."""
        return bisect.bisect_left(self.starts, char)

    def ents_in(self, start: int, end: int) -> list[Span]:
        """Entities fully inside the token range ``[start, end)``."""
        return [e for e in self.ents if e.start >= start and e.end <= end]

    def with_lemma(self, words: frozenset[str]) -> Iterable[int]:
        """Indices of the tokens whose lemma is one of ``words``."""
        wanted = hashes(words)
        return [i for i, h in enumerate(self.lemma) if h in wanted]

    def with_lower(self, words: frozenset[str]) -> Iterable[int]:
        """Indices of the tokens whose lower-case form is one of ``words``."""
        wanted = hashes(words)
        return [i for i, h in enumerate(self.lower) if h in wanted]


def index_doc(doc: Doc) -> DocIndex:
    n = len(doc)
    arr = doc.to_array([IDX, SENT_START, LEMMA, LOWER, ENT_IOB, ENT_TYPE, ORTH, SPACY])
    starts = arr[:, 0].astype(np.int64).tolist()
    is_start = arr[:, 1] == 1
    if n:
        is_start[0] = True
    first = np.flatnonzero(is_start)
    bounds = np.append(first, n)
    which = np.searchsorted(first, np.arange(n), side="right") - 1
    sent_start = first[which].tolist()
    sent_end = bounds[which + 1].tolist()
    return DocIndex(
        _text(doc, arr[:, 6].tolist(), arr[:, 7].tolist()), tuple(starts), tuple(sent_start), tuple(sent_end), _entities(doc, arr[:, 4], arr[:, 5]),
        arr[:, 2].tolist(), arr[:, 3].tolist(),
    )


def _text(doc: Doc, orths: list[int], spaces: list[int]) -> str:
    """``doc.text`` without creating a Python object per token."""
    strings = doc.vocab.strings
    return "".join(strings[o] + " " if sp else strings[o] for o, sp in zip(orths, spaces))


def _entities(doc: Doc, iob: np.ndarray, types: np.ndarray) -> tuple[Span, ...]:
    """Named entities from the IOB arrays (``doc.ents`` is slow: it visits every token in Python)."""
    out: list[Span] = []
    begins = np.flatnonzero(iob == 3).tolist()
    strings = doc.vocab.strings
    n = len(doc)
    for b in begins:
        e = b + 1
        while e < n and iob[e] == 1:
            e += 1
        out.append(Span(doc, b, e, label=strings[int(types[b])]))
    if any(e.label_ in ("ORG", "PERSON") and "," in e.text for e in out):
        out = _split_at_commas(doc, out)
    return tuple(out)


def _split_at_commas(doc: Doc, ents: list[Span]) -> list[Span]:
    """"In an interview with People, Reid claimed …" tagged one ORG: a comma before a capitalised word ends a
    name (as :mod:`newsweave.analyze.entities` splits its mentions); the part after it is a person when the
    report names a person so."""
    people = {w for e in ents if e.label_ == "PERSON" and "," not in e.text for w in (e.text, e[-1].text)}
    out: list[Span] = []
    for ent in ents:
        at = {ent.start_char + c for c in comma_cuts(ent.text)} if ent.label_ in ("ORG", "PERSON") else set()
        cuts = [t.i for t in ent if t.idx in at]
        if not cuts:
            out.append(ent)
            continue
        lo = ent.start
        for cut in [*cuts, ent.end]:
            if cut > lo:
                piece = doc[lo:cut]
                label = "PERSON" if piece.text in people else ent.label_
                out.append(Span(doc, lo, cut, label=label))
            lo = cut + 1
    return out

