"""Finding candidate stories for a new report without comparing it with every stored report.

* :class:`CentroidIndex` — story centroid vectors in one growing matrix; a query is one matrix-vector product
  over the live stories inside a time window (exact search; at 100k reports this takes a few milliseconds).
* :class:`PostingIndex` — an inverted index from entity keys, rare terms and mentioned months to stories;
  only the most recent stories of each posting list are read, so frequent keys stay cheap.
* :class:`CopyIndex` — MinHash LSH buckets over reports, to find near-verbatim copies.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

import numpy as np

__all__ = ["CentroidIndex", "CopyIndex", "PostingIndex", "estimate_jaccard"]

_NO_TIME = np.nan


def _ts(t: datetime | None) -> float:
    return t.timestamp() if t is not None else _NO_TIME


class CentroidIndex:
    """Exact nearest stories by centroid cosine, restricted to stories active within a time window."""

    def __init__(self, dim: int = 384, capacity: int = 1024) -> None:
        self.dim = dim
        self.vectors = np.zeros((capacity, dim), dtype=np.float32)
        self.first = np.full(capacity, _NO_TIME)
        self.last = np.full(capacity, _NO_TIME)
        self.alive = np.zeros(capacity, dtype=bool)
        self.story_of: list[str] = []
        self.slot_of: dict[str, int] = {}

    def __len__(self) -> int:
        return int(self.alive[: len(self.story_of)].sum())

    def _grow(self) -> None:
        cap = self.vectors.shape[0] * 2
        self.vectors = np.vstack([self.vectors, np.zeros_like(self.vectors)])
        self.first = np.concatenate([self.first, np.full(cap // 2, _NO_TIME)])
        self.last = np.concatenate([self.last, np.full(cap // 2, _NO_TIME)])
        self.alive = np.concatenate([self.alive, np.zeros(cap // 2, dtype=bool)])

    def put(self, story_id: str, centroid: np.ndarray | None, first: datetime | None,
            last: datetime | None) -> None:
        slot = self.slot_of.get(story_id)
        if slot is None:
            if len(self.story_of) == self.vectors.shape[0]:
                self._grow()
            slot = len(self.story_of)
            self.story_of.append(story_id)
            self.slot_of[story_id] = slot
        if centroid is None:
            self.alive[slot] = False
            return
        self.vectors[slot] = centroid
        self.first[slot] = _ts(first)
        self.last[slot] = _ts(last)
        self.alive[slot] = True

    def remove(self, story_id: str) -> None:
        slot = self.slot_of.get(story_id)
        if slot is not None:
            self.alive[slot] = False

    def query(self, vector: np.ndarray, *, at: datetime | None, window_days: float, k: int,
              ) -> list[tuple[str, float]]:
        """The ``k`` live stories closest to ``vector`` whose span is within ``window_days`` of ``at``.

        Undated stories are always eligible; an undated query sees every story.
        """
        n = len(self.story_of)
        if n == 0:
            return []
        mask = self.alive[:n].copy()
        if at is not None:
            t = at.timestamp()
            w = window_days * 86400.0
            first, last = self.first[:n], self.last[:n]
            dated = ~np.isnan(last)
            in_window = (last >= t - w) & (first <= t + w)
            mask &= ~dated | in_window
        idx = np.flatnonzero(mask)
        if idx.size == 0:
            return []
        sims = self.vectors[idx] @ vector
        if idx.size > k:
            top = np.argpartition(-sims, k)[:k]
        else:
            top = np.arange(idx.size)
        top = top[np.argsort(-sims[top])]
        return [(self.story_of[idx[i]], float(sims[i])) for i in top]


class PostingIndex:
    """Key id → stories that contain it, newest last; only the last ``scan`` entries of a list are read."""

    def __init__(self, *, scan: int = 200) -> None:
        self.postings: dict[int, dict[str, None]] = defaultdict(dict)
        self.scan = scan

    def add(self, story_id: str, keys) -> None:
        for key in keys:
            plist = self.postings[key]
            if story_id in plist:
                del plist[story_id]  # move to the end: recently active
            plist[story_id] = None

    def query(self, keys_weights: list[tuple[int, float]], *, k: int) -> list[tuple[str, float]]:
        scores: dict[str, float] = defaultdict(float)
        for key, weight in keys_weights:
            plist = self.postings.get(key)
            if not plist:
                continue
            for i, story_id in enumerate(reversed(plist)):
                if i >= self.scan:
                    break
                scores[story_id] += weight
        best = sorted(scores.items(), key=lambda kv: -kv[1])
        return best[:k]


def estimate_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.mean(a == b)) if a.size and a.size == b.size else 0.0


class CopyIndex:
    """MinHash LSH (16 bands of 4 rows) over report signatures.

    Signatures live in one growing ``uint32`` matrix and the buckets hold row numbers under an integer hash of
    (band, band values): about 0.5 KB per report instead of several KB of Python objects. A hash collision only
    adds a candidate, which the Jaccard estimate then rejects.
    """

    def __init__(self, *, bands: int = 16, bucket_limit: int = 64) -> None:
        self.bands = bands
        self.bucket_limit = bucket_limit
        self.buckets: dict[int, int | list[int]] = {}
        self._matrix = np.zeros((0, 0), dtype=np.uint32)
        self._ids: list[str] = []
        self._row_of: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._row_of)

    def signature(self, article_id: str) -> np.ndarray | None:
        row = self._row_of.get(article_id)
        return None if row is None else self._matrix[row]

    def _keys(self, sig: np.ndarray):
        rows = sig.size // self.bands
        for b in range(self.bands):
            yield hash((b, sig[b * rows : (b + 1) * rows].tobytes()))

    def _store(self, article_id: str, sig: np.ndarray) -> int:
        if self._matrix.shape[1] != sig.size:
            if self._ids:
                raise ValueError(f"signature of {article_id!r} has {sig.size} values, the index holds "
                                 f"{self._matrix.shape[1]}; compute all signatures with one minhash_signature")
            self._matrix = np.zeros((1024, sig.size), dtype=np.uint32)
        if len(self._ids) == self._matrix.shape[0]:
            self._matrix = np.vstack([self._matrix, np.zeros_like(self._matrix)])
        row = len(self._ids)
        self._matrix[row] = sig
        self._ids.append(article_id)
        self._row_of[article_id] = row
        return row

    def add(self, article_id: str, signature) -> None:
        sig = np.asarray(signature, dtype=np.uint32)
        if sig.size == 0 or article_id in self._row_of:
            return
        row = self._store(article_id, sig)
        for key in self._keys(sig):
            bucket = self.buckets.get(key)
            if bucket is None:
                self.buckets[key] = row
            elif isinstance(bucket, int):
                self.buckets[key] = [bucket, row]
            elif len(bucket) < self.bucket_limit:
                bucket.append(row)

    def remove(self, article_id: str) -> None:
        row = self._row_of.pop(article_id, None)
        if row is None:
            return
        for key in self._keys(self._matrix[row]):
            bucket = self.buckets.get(key)
            if bucket == row:
                del self.buckets[key]
            elif isinstance(bucket, list) and row in bucket:
                bucket.remove(row)

    def nearest(self, signature, *, threshold: float) -> tuple[str, float] | None:
        """The most similar stored report with estimated Jaccard ≥ ``threshold``, if any."""
        sig = np.asarray(signature, dtype=np.uint32)
        if sig.size == 0:
            return None
        seen: set[int] = set()
        best: tuple[str, float] | None = None
        for key in self._keys(sig):
            bucket = self.buckets.get(key)
            if bucket is None:
                continue
            for row in (bucket,) if isinstance(bucket, int) else bucket:
                if row in seen:
                    continue
                seen.add(row)
                article_id = self._ids[row]
                if self._row_of.get(article_id) != row:
                    continue  # removed
                sim = estimate_jaccard(sig, self._matrix[row])
                if sim >= threshold and (best is None or sim > best[1]):
                    best = (article_id, sim)
        return best
