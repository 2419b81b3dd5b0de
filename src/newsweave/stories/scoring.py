"""How well a report (or a story) fits a story: a handful of comparable signals and a logistic model over them.

Signals (all in [0, 1] or {0, 1}): embedding cosine to the story centroid, TF-IDF cosine (document
frequencies updated online), how much of each side's salient named entities the other side mentions,
conflicts between the main people / places of the two sides, and agreement or conflict of the dates they
mention. The weights were fitted on ECB+ train (see ``docs/grouping.md``); the gap in publication time is a
separate, hand-set penalty because ECB+ has no dates.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np

__all__ = [
    "SIGNALS", "Profile", "TermVector", "Vocabulary", "idf_cosine", "idf_norm", "logit", "pair_signals", "time_gap_days",
]

SIGNALS = (
    "embedding",
    "embedding_best_member",
    "embedding_mean_member",
    "story_cohesion",
    "story_size",
    "tfidf",
    "entities_of_a_in_b",
    "entities_of_b_in_a",
    "entity_cosine",
    "person_mismatch",
    "place_mismatch",
    "latest_year_gap",
    "main_person_mismatch",
    "numbers_of_a_in_b",
)


class Vocabulary:
    """Term ids, online document frequencies and the entity kind of each entity key."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.terms: list[str] = []
        self.kinds: list[str | None] = []
        self.df: list[int] = []
        self._df = np.zeros(1024, dtype=np.int32)  # the same counts as an array, for vectorised idf
        self.docs = 0

    def id(self, term: str) -> int:
        tid = self.ids.get(term)
        if tid is None:
            tid = len(self.terms)
            self.ids[term] = tid
            self.terms.append(term)
            kind = term.split(":", 1)[0] if ":" in term and term[:3].isupper() else None
            self.kinds.append(kind)
            self.df.append(0)
            if tid >= self._df.size:
                self._df = np.concatenate([self._df, np.zeros_like(self._df)])
        return tid

    def idf(self, tid: int) -> float:
        return math.log((self.docs + 1) / (self.df[tid] + 1)) + 1.0

    def idfs(self, term_ids: np.ndarray) -> np.ndarray:
        return np.log((self.docs + 1) / (self._df[term_ids] + 1.0)) + 1.0

    def count(self, term_ids) -> None:
        for tid in term_ids:
            self.df[tid] += 1
        np.add.at(self._df, np.asarray(term_ids, dtype=np.int64), 1)
        self.docs += 1

    def uncount(self, term_ids) -> None:
        for tid in term_ids:
            self.df[tid] -= 1
        np.add.at(self._df, np.asarray(term_ids, dtype=np.int64), -1)
        self.docs -= 1


class TermVector:
    """A sparse vector of term weights: sorted int32 term ids and float32 values (8 bytes per term).

    A story sums the term frequencies of its reports; as a dict that costs about 100 bytes per term, which at
    100k reports is most of the grouper's memory.
    """

    __slots__ = ("ids", "vals")

    def __init__(self, ids: np.ndarray | None = None, vals: np.ndarray | None = None) -> None:
        if ids is None or vals is None or len(ids) == 0:
            self.ids = np.zeros(0, dtype=np.int32)
            self.vals = np.zeros(0, dtype=np.float32)
            return
        order = np.argsort(ids, kind="stable")
        self.ids = np.asarray(ids, dtype=np.int32)[order]
        self.vals = np.asarray(vals, dtype=np.float32)[order]

    def __len__(self) -> int:
        return int(self.ids.size)

    def get(self, term_id: int) -> float:
        i = int(np.searchsorted(self.ids, term_id))
        return float(self.vals[i]) if i < self.ids.size and self.ids[i] == term_id else 0.0

    def add(self, other: TermVector, sign: int = 1) -> None:
        if not len(other):
            return
        ids = np.concatenate([self.ids, other.ids])
        vals = np.concatenate([self.vals, sign * other.vals])
        unique, inverse = np.unique(ids, return_inverse=True)
        summed = np.bincount(inverse, weights=vals, minlength=unique.size)
        keep = summed > 1e-6
        self.ids = unique[keep].astype(np.int32)
        self.vals = summed[keep].astype(np.float32)

    def dot(self, other: TermVector, vocab: Vocabulary) -> float:
        """Σ a·b·idf² over the shared terms."""
        common, ia, ib = np.intersect1d(self.ids, other.ids, assume_unique=True, return_indices=True)
        if not common.size:
            return 0.0
        idf = vocab.idfs(common)
        return float(np.sum(self.vals[ia].astype(np.float64) * other.vals[ib] * idf * idf))

    def norm(self, vocab: Vocabulary) -> float:
        if not self.ids.size:
            return 0.0
        return float(np.sqrt(np.sum((self.vals.astype(np.float64) * vocab.idfs(self.ids)) ** 2)))


@dataclass(slots=True)
class Profile:
    """The comparable view of one report or of a whole story (sums over its reports)."""

    n: int = 0
    emb_sum: np.ndarray | None = None
    emb_n: int = 0
    terms: TermVector = field(default_factory=TermVector)
    ents: Counter = field(default_factory=Counter)  # entity id → reports mentioning it
    ent_weights: dict[int, float] = field(default_factory=dict)  # entity id → prominence (sums to 1 per report)
    salient_counts: Counter = field(default_factory=Counter)  # entity id → reports where it is salient
    months: Counter = field(default_factory=Counter)  # dateline months (YYYY-MM): index keys, never a signal
    latest_years: Counter = field(default_factory=Counter)  # per report: the latest year it mentions
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    cache: dict = field(default_factory=dict, repr=False, compare=False)  # derived values; cleared on change

    def centroid(self) -> np.ndarray | None:
        if self.emb_sum is None or self.emb_n == 0:
            return None
        norm = float(np.linalg.norm(self.emb_sum))
        return self.emb_sum / norm if norm > 0 else None

    def salient(self) -> set[int]:
        """Entities salient in at least a quarter of the reports (at least one)."""
        cached = self.cache.get("salient")
        if cached is None:
            need = max(1.0, 0.25 * self.n)
            cached = self.cache["salient"] = {e for e, c in self.salient_counts.items() if c >= need}
        return cached

    def add(self, other: Profile, sign: int = 1) -> None:
        self.cache.clear()
        self.n += sign * other.n
        if other.emb_sum is not None:
            if self.emb_sum is None:
                self.emb_sum = np.zeros_like(other.emb_sum, dtype=np.float32)
            self.emb_sum += sign * other.emb_sum
            self.emb_n += sign * other.emb_n
        self.terms.add(other.terms, sign)
        for eid, v in other.ent_weights.items():
            nv = self.ent_weights.get(eid, 0.0) + sign * v
            if nv > 1e-9:
                self.ent_weights[eid] = nv
            else:
                self.ent_weights.pop(eid, None)
        for counter, src in ((self.ents, other.ents), (self.salient_counts, other.salient_counts),
                             (self.months, other.months), (self.latest_years, other.latest_years)):
            for k, v in src.items():
                counter[k] += sign * v
                if counter[k] <= 0:
                    del counter[k]
        if sign > 0:
            for t in (other.first_seen, other.last_seen):
                if t is not None:
                    self.first_seen = t if self.first_seen is None else min(self.first_seen, t)
                    self.last_seen = t if self.last_seen is None else max(self.last_seen, t)


_EPOCH = 64  # cached norms are refreshed when this many reports have changed the document frequencies


def _cached(p: Profile, key, vocab: Vocabulary, compute):
    """A derived value of ``p`` cached until ``p`` changes or the idf epoch moves on."""
    full = (key, vocab.docs // _EPOCH)
    value = p.cache.get(full)
    if value is None:
        value = p.cache[full] = compute()
    return value


def idf_norm(weights: dict[int, float], vocab: Vocabulary) -> float:
    """The idf-weighted Euclidean norm of a sparse weight vector."""
    if len(weights) < 8:
        return math.sqrt(sum((v * vocab.idf(t)) ** 2 for t, v in weights.items()))
    ids = np.fromiter(weights.keys(), dtype=np.int64, count=len(weights))
    vals = np.fromiter(weights.values(), dtype=np.float64, count=len(weights))
    return float(np.sqrt(np.sum((vals * vocab.idfs(ids)) ** 2)))


def _tfidf_cos(a: Profile, b: Profile, vocab: Vocabulary) -> float:
    if not len(a.terms) or not len(b.terms):
        return 0.0
    dot = a.terms.dot(b.terms, vocab)
    if dot == 0.0:
        return 0.0
    na = _cached(a, "tnorm", vocab, lambda: a.terms.norm(vocab))
    nb = _cached(b, "tnorm", vocab, lambda: b.terms.norm(vocab))
    return dot / (na * nb) if na and nb else 0.0


def _entity_view(p: Profile, vocab: Vocabulary, kind: str | None) -> tuple[dict[int, float], float]:
    def compute():
        weights = p.ent_weights if kind is None else {
            k: v for k, v in p.ent_weights.items() if vocab.kinds[k] == kind}
        return weights, idf_norm(weights, vocab)

    return _cached(p, ("ents", kind), vocab, compute)


def idf_cosine(a: dict[int, float], b: dict[int, float], vocab: Vocabulary, *,
               norms: tuple[float, float] | None = None) -> float | None:
    """idf-weighted cosine of two sparse weight vectors; None if one is empty. ``norms`` (of ``a``, ``b``) may
    come from a cache."""
    if not a or not b:
        return None
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    dot = sum(v * large[k] * vocab.idf(k) ** 2 for k, v in small.items() if k in large)
    if dot == 0.0:
        return 0.0
    na, nb = norms if norms is not None else (idf_norm(a, vocab), idf_norm(b, vocab))
    return dot / (na * nb)


def _weighted_cos(a: Profile, b: Profile, vocab: Vocabulary, kind: str | None = None) -> float | None:
    """idf-weighted cosine of two entity-prominence vectors (only entities of ``kind``); None if one is empty."""
    wa, na = _entity_view(a, vocab, kind)
    wb, nb = _entity_view(b, vocab, kind)
    return idf_cosine(wa, wb, vocab, norms=(na, nb))


def _cover(keys: set[int], other: Counter, vocab: Vocabulary) -> float:
    total = sum(vocab.idf(k) for k in keys)
    if total == 0:
        return 0.0
    return sum(vocab.idf(k) for k in keys if k in other) / total


_COHESION_PRIOR = 0.75  # average pairwise similarity assumed for a story of one report


def _cohesion(p: Profile) -> float:
    """Average pairwise cosine between the reports of a story: (|Σe|² − n) / (n(n − 1)) for unit vectors."""
    n = p.emb_n
    if p.emb_sum is None or n < 2:
        return _COHESION_PRIOR
    sq = float(p.emb_sum @ p.emb_sum)
    return (sq - n) / (n * (n - 1))


def _top(weights: dict[int, float], kind: str, vocab: Vocabulary, k: int) -> list[int]:
    ranked = sorted(((v, e) for e, v in weights.items() if vocab.kinds[e] == kind), reverse=True)
    return [e for _, e in ranked[:k]]


def _main_mismatch(kind: str, a: Profile, b: Profile, vocab: Vocabulary) -> float:
    """1 when the most prominent entity of ``kind`` of one side is not among the other side's top three."""
    a_top = _cached(a, ("top", kind), vocab, lambda: _top(a.ent_weights, kind, vocab, 3))
    b_top = _cached(b, ("top", kind), vocab, lambda: _top(b.ent_weights, kind, vocab, 3))
    if not a_top or not b_top:
        return 0.0
    return 0.0 if a_top[0] in b_top and b_top[0] in a_top else 1.0


def pair_signals(a: Profile, b: Profile, vocab: Vocabulary, *, a_salient: set[int] | None = None,
                 b_salient: set[int] | None = None, a_vectors: np.ndarray | None = None,
                 b_vectors: np.ndarray | None = None) -> np.ndarray:
    """The :data:`SIGNALS` of ``a`` (a report or story) against story ``b``.

    ``a_vectors``/``b_vectors`` are the embeddings of (some of) the reports on each side, for the best
    report-to-report similarity; the centroids stand in when they are not given.
    """
    ca, cb = a.centroid(), b.centroid()
    emb = float(ca @ cb) if ca is not None and cb is not None else 0.0
    best = emb
    if ca is not None and cb is not None:
        va = a_vectors if a_vectors is not None and len(a_vectors) else ca[None, :]
        vb = b_vectors if b_vectors is not None and len(b_vectors) else cb[None, :]
        best = max(emb, float((va @ vb.T).max()))
    mean_member, cohesion = emb, _COHESION_PRIOR
    if a.emb_sum is not None and b.emb_sum is not None and a.emb_n and b.emb_n:
        mean_member = float(a.emb_sum @ b.emb_sum) / (a.emb_n * b.emb_n)
        cohesion = _cohesion(b)
    ent_cos = _weighted_cos(a, b, vocab)
    per_cos = _weighted_cos(a, b, vocab, "PER")
    loc_cos = _weighted_cos(a, b, vocab, "LOC")
    a_sal = a.salient() if a_salient is None else a_salient
    b_sal = b.salient() if b_salient is None else b_salient
    year_gap = 0.0
    if a.latest_years and b.latest_years:
        gap = min(abs(x - y) for x in a.latest_years for y in b.latest_years)
        year_gap = min(1.0, max(0.0, gap - 1.0) / 2.0)  # 0 within a year, 1 from three years apart
    return np.array([
        emb,
        best,
        mean_member,
        cohesion,
        math.log(max(b.n, 1)),
        _tfidf_cos(a, b, vocab),
        _cover(a_sal, b.ents, vocab),
        _cover(b_sal, a.ents, vocab),
        ent_cos or 0.0,
        0.0 if per_cos is None else 1.0 - per_cos,
        0.0 if loc_cos is None else 1.0 - loc_cos,
        year_gap,
        _main_mismatch("PER", a, b, vocab),
        _cover({k for k in a_sal if vocab.kinds[k] == "NUM"}, b.ents, vocab),
    ], dtype=np.float64)


def time_gap_days(a: Profile, b: Profile) -> float:
    """Days between the publication times of ``a`` and the span of ``b`` (0 when either is undated)."""
    if a.first_seen is None or b.first_seen is None or a.last_seen is None or b.last_seen is None:
        return 0.0
    if a.last_seen < b.first_seen:
        return (b.first_seen - a.last_seen).total_seconds() / 86400.0
    if a.first_seen > b.last_seen:
        return (a.first_seen - b.last_seen).total_seconds() / 86400.0
    return 0.0


def logit(signals: np.ndarray, weights: tuple[float, ...]) -> float:
    return float(weights[0] + np.dot(np.asarray(weights[1:]), signals))
