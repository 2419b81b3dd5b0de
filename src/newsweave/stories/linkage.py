"""Report-to-report comparison: how likely two single reports are about the same event.

The story-level signals of :mod:`.scoring` compare a report with a story's *sums*; a story that wrongly took in
one report of a neighbouring event then looks like both events. Average linkage over the story's own reports
(the mean of the pairwise log-odds) keeps each report's voice: two DUI arrests of two players of one team share
the team, the charge and the highway patrol, but each report has a different person in the lead.

Signals of a pair (all in [0, 1] or {0, 1}): embedding cosine, TF-IDF cosine, idf-weighted entity cosine overall
and per kind (with an indicator for "one side names no such entity"), whether the leading person is the same or a
different one, whether the latest years mentioned agree or conflict, and
whether salient numbers are shared or all differ. The weights were fitted on ECB+ train report pairs
(``bench/group.py --tune``).
"""

from __future__ import annotations

import math
from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np

from .scoring import Vocabulary, idf_cosine, idf_norm

__all__ = ["LINK_SIGNALS", "LINK_WEIGHTS", "ReportView", "link_logit", "link_signals", "report_view"]

LINK_SIGNALS = (
    "embedding",
    "tfidf",
    "entity_cosine",
    "person_cosine",
    "person_missing",
    "place_cosine",
    "place_missing",
    "org_cosine",
    "org_missing",
    "lead_person_conflict",
    "lead_person_same",
    "year_conflict",
    "year_same",
    "numbers_shared",
    "numbers_conflict",
)

# Intercept first, then one weight per LINK_SIGNALS; fitted on ECB+ train (bench/group.py --tune).
LINK_WEIGHTS: tuple[float, ...] = (
    -5.992, 4.923, 5.977, -1.723, 3.606, 0.155, 2.096, 0.53, 1.055, 0.614, -1.001, 2.279, -0.688, 3.53, 1.548, -0.846,
)

_KINDS = ("PER", "LOC", "ORG")


@dataclass(frozen=True, slots=True)
class ReportView:
    """The comparable view of one report (built from the grouper's compact member record)."""

    terms: dict[int, float]  # term id → sublinear tf
    entities: dict[int, float]  # entity id → prominence (before idf)
    by_kind: dict[str, dict[int, float]]
    lead_person: int | None
    persons: frozenset[int]
    latest_year: int | None
    salient_numbers: frozenset[int]
    numbers: frozenset[int]
    embedding: np.ndarray | None
    # idf-weighted norms of terms, entities and each kind, for one state of the vocabulary (see _norms)
    norms: dict = field(default_factory=dict, compare=False, repr=False)


def report_view(term_ids, term_vals, ent_ids, ent_counts, ent_salient, dates, embedding,
                vocab: Vocabulary) -> ReportView:
    """The view of one report. Its years are those its text names: publication dates are left to
    the grouper's time window and penalty (two reports of the same year are no evidence of one story)."""
    terms = {int(t): float(v) for t, v in zip(term_ids, term_vals, strict=True)}
    entities: dict[int, float] = {}
    by_kind: dict[str, dict[int, float]] = {k: {} for k in _KINDS}
    counts: list[tuple[int, int]] = []
    salient_numbers, numbers = set(), set()
    for eid, n, salient in zip(ent_ids.tolist(), ent_counts.tolist(), ent_salient.tolist(), strict=True):
        weight = (1.0 + math.log(n)) * (2.0 if salient else 1.0)
        entities[eid] = weight
        kind = vocab.kinds[eid]
        if kind in by_kind:
            by_kind[kind][eid] = weight
        if kind == "PER":
            counts.append((n, eid))
        elif kind == "NUM":
            numbers.add(eid)
            if salient:
                salient_numbers.add(eid)
    counts.sort(reverse=True)
    lead = None
    if counts and counts[0][0] >= 2 and (len(counts) == 1 or counts[0][0] >= 1.5 * counts[1][0]):
        lead = counts[0][1]
    years = [int(d[:4]) for d in dates]
    emb = None if embedding is None else np.asarray(embedding, dtype=np.float32)
    return ReportView(terms, entities, by_kind, lead, frozenset(e for _, e in counts), max(years) if years else None,
                      frozenset(salient_numbers), frozenset(numbers), emb)


def _absent_lead(x: ReportView, y: ReportView) -> bool:
    return x.lead_person is not None and bool(y.persons) and x.lead_person not in y.persons


def _norms(view: ReportView, vocab: Vocabulary) -> tuple[float, ...]:
    """Norms of the view's terms, entities and entities of each kind under the current idf (remembered until the
    vocabulary counts another report: a new report is compared with many stored ones under one idf)."""
    norms = view.norms.get(vocab.docs)
    if norms is None:
        view.norms.clear()
        norms = view.norms[vocab.docs] = (
            idf_norm(view.terms, vocab), idf_norm(view.entities, vocab),
            *(idf_norm(view.by_kind[kind], vocab) for kind in _KINDS))
    return norms


def link_signals(x: ReportView, y: ReportView, vocab: Vocabulary) -> np.ndarray:
    """The :data:`LINK_SIGNALS` of two reports (symmetric)."""
    emb = float(x.embedding @ y.embedding) if x.embedding is not None and y.embedding is not None else 0.0
    nx, ny = _norms(x, vocab), _norms(y, vocab)
    out = [emb, idf_cosine(x.terms, y.terms, vocab, norms=(nx[0], ny[0])) or 0.0,
           idf_cosine(x.entities, y.entities, vocab, norms=(nx[1], ny[1])) or 0.0]
    for i, kind in enumerate(_KINDS, start=2):
        c = idf_cosine(x.by_kind[kind], y.by_kind[kind], vocab, norms=(nx[i], ny[i]))
        out += [0.0, 1.0] if c is None else [c, 0.0]
    conflict = same = 0.0
    if x.lead_person is not None and y.lead_person is not None:
        same, conflict = (1.0, 0.0) if x.lead_person == y.lead_person else (0.0, 1.0)
    elif _absent_lead(x, y) or _absent_lead(y, x):
        conflict = 0.5  # one side's leading person is not named by the other, which names other people
    out += [conflict, same]
    year_conflict = year_same = 0.0
    if x.latest_year is not None and y.latest_year is not None:
        if x.latest_year == y.latest_year:
            year_same = 1.0
        else:
            year_conflict = min(1.0, abs(x.latest_year - y.latest_year) / 2.0)
    out += [year_conflict, year_same]
    shared = len(x.salient_numbers & y.numbers) + len(y.salient_numbers & x.numbers)
    differ = bool(x.salient_numbers and y.salient_numbers and not shared)
    out += [min(shared, 3) / 3.0, 1.0 if differ else 0.0]
    return np.asarray(out, dtype=np.float64)


def link_logit(x: ReportView, y: ReportView, vocab: Vocabulary, weights: tuple[float, ...] = LINK_WEIGHTS) -> float:
    return float(weights[0] + np.dot(np.asarray(weights[1:]), link_signals(x, y, vocab)))


class BoundedCache:
    """A bounded cache (least recently used out), so memory stays flat as the store grows."""

    def __init__(self, size: int = 4096) -> None:
        self.size = size
        self._views: OrderedDict[str, ReportView] = OrderedDict()

    def get(self, key: str, build):
        view = self._views.get(key)
        if view is None:
            view = self._views[key] = build()
            if len(self._views) > self.size:
                self._views.popitem(last=False)
        else:
            self._views.move_to_end(key)
        return view

    def discard(self, key: str) -> None:
        self._views.pop(key, None)

    def clear(self) -> None:
        self._views.clear()
