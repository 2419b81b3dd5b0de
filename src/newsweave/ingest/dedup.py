"""Content identity and near-duplicate detection (wire copies, light rewrites).

Identity — :func:`content_hash` is the SHA-256 (hex) of the text after Unicode NFC normalisation, case folding
and collapsing every run of whitespace to one space (leading/trailing whitespace dropped); the article id is
its first 16 hex characters (:func:`article_id`). Two reports that differ only in case or spacing share an id.

Near-duplicates — each text becomes the set of its word 5-shingles (words = ``\\w+`` runs of the NFC,
case-folded text; texts under 5 words are one shingle). A MinHash signature (128 multiply-shift hash
functions with fixed seeds, so signatures are identical across runs and machines) summarises the set; LSH
banding (32 bands × 4 rows) finds candidates, which are then scored:

* ``jaccard`` = |A ∩ B| / |A ∪ B| — light rewrites;
* ``containment`` = |A ∩ B| / min(|A|, |B|) — a wire copy with a different lede or an extra paragraph
  contains (nearly) all of the shorter text. It counts only when the shorter text has at least
  ``min_size_ratio`` (1/3) of the longer one's shingles, so that a brief quoted inside a long feature is not
  called a copy of it;
* the similarity is ``max(jaccard, containment)``.

The intersection is exact when both shingle sets are in memory (texts added with :meth:`NearDuplicateIndex.add`)
and estimated from the signatures otherwise (``jaccard`` from agreeing MinHash values, the intersection from
``jaccard`` and the two set sizes stored with each signature: |A ∩ B| = J (|A| + |B|) / (1 + J)).

A signature is a ``uint32`` array of 129 values: ``[shingle count, minhash_1 .. minhash_128]``;
:func:`signature_to_bytes` / :func:`signature_from_bytes` (re)store it as 521 bytes (``NWMH`` + version + data)
so it can be kept in SQLite and the index rebuilt with :meth:`NearDuplicateIndex.add_signature`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from collections.abc import Iterable

import numpy as np

__all__ = [
    "NUM_PERM",
    "SHINGLE_SIZE",
    "NearDuplicateIndex",
    "article_id",
    "content_hash",
    "shingles",
    "signature",
    "signature_from_bytes",
    "signature_to_bytes",
    "similarity",
]

NUM_PERM = 128
SHINGLE_SIZE = 5
BANDS = 32
_SEED = 0x6E657773  # fixed: signatures must not change between runs
_MAGIC = b"NWMH\x01"
_WORD = re.compile(r"\w+")
_U64 = np.uint64
_MAX32 = np.uint32(0xFFFFFFFF)
_rng = np.random.default_rng(_SEED)
_A = (_rng.integers(1, 2**63, size=NUM_PERM, dtype=np.uint64) << _U64(1)) | _U64(1)  # odd multipliers
_B = _rng.integers(0, 2**63, size=NUM_PERM, dtype=np.uint64) << _U64(1)
_POLY = _U64(0x9E3779B97F4A7C15)
_BAND_MUL = (_rng.integers(1, 2**63, size=(1, NUM_PERM // BANDS), dtype=np.uint64) << _U64(1)) | _U64(1)
_BAND_SALT = _rng.integers(0, 2**63, size=BANDS, dtype=np.uint64)
del _rng


def _normalise(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def content_hash(text: str) -> str:
    """SHA-256 hex digest of the NFC-normalised, case-folded, whitespace-collapsed text."""
    canonical = " ".join(_normalise(text).split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def article_id(text: str) -> str:
    """The stable article id: the first 16 hex characters of :func:`content_hash`."""
    return content_hash(text)[:16]


def _mix(values: np.ndarray) -> np.ndarray:
    """SplitMix64 finaliser (vectorised, wrapping uint64 arithmetic)."""
    values = values ^ (values >> _U64(30))
    values = values * _U64(0xBF58476D1CE4E5B9)
    values = values ^ (values >> _U64(27))
    values = values * _U64(0x94D049BB133111EB)
    return values ^ (values >> _U64(31))


_WORD_HASHES: dict[str, int] = {}  # CRC-32 of each word seen (a cache: the values never change)
_WORD_CACHE_LIMIT = 1_000_000


def _word_hashes(words: list[str]) -> np.ndarray:
    cache = _WORD_HASHES
    for word in set(words).difference(cache):
        cache[word] = zlib.crc32(word.encode("utf-8"))
    ids = np.fromiter(map(cache.__getitem__, words), dtype=np.uint64, count=len(words))
    if len(cache) > _WORD_CACHE_LIMIT:
        cache.clear()
    return ids


def shingles(text: str) -> np.ndarray:
    """The sorted, unique 32-bit hashes of the word 5-shingles of ``text`` (empty for a text without words)."""
    words = _WORD.findall(_normalise(text))
    if not words:
        return np.empty(0, dtype=np.uint32)
    ids = _word_hashes(words)
    size = min(SHINGLE_SIZE, len(words))
    count = len(words) - size + 1
    combined = np.zeros(count, dtype=np.uint64)
    for offset in range(size):
        combined = combined * _POLY + ids[offset : offset + count]
    return np.unique((_mix(combined) >> _U64(32)).astype(np.uint32))


def _minhash(hashes: np.ndarray) -> np.ndarray:
    lowest = np.full(NUM_PERM, np.iinfo(np.uint64).max, dtype=np.uint64)
    values = hashes.astype(np.uint64)
    for start in range(0, len(values), 4096):
        permuted = np.multiply.outer(_A, values[start : start + 4096])  # (NUM_PERM, chunk), wrapping
        permuted += _B[:, None]
        np.minimum(lowest, permuted.min(axis=1), out=lowest)
    return (lowest >> _U64(32)).astype(np.uint32)  # the shift is monotone: min, then shift


def _signature_of(hashes: np.ndarray) -> np.ndarray:
    sig = np.empty(NUM_PERM + 1, dtype=np.uint32)
    sig[0] = min(len(hashes), 0xFFFFFFFF)
    sig[1:] = _minhash(hashes) if len(hashes) else _MAX32
    return sig


def signature(text: str) -> np.ndarray:
    """The MinHash signature of ``text``: ``uint32[129]`` = shingle count, then 128 minimum hashes."""
    return _signature_of(shingles(text))


def signature_to_bytes(sig: np.ndarray) -> bytes:
    """521 bytes: ``NWMH``, format version 1, then the 129 values as little-endian uint32."""
    if sig.shape != (NUM_PERM + 1,):
        raise ValueError(f"a signature has {NUM_PERM + 1} values, this one has shape {sig.shape}")
    return _MAGIC + np.asarray(sig, dtype="<u4").tobytes()


def signature_from_bytes(data: bytes) -> np.ndarray:
    """The inverse of :func:`signature_to_bytes`. Raises ``ValueError`` on anything else."""
    expected = len(_MAGIC) + 4 * (NUM_PERM + 1)
    if len(data) != expected or not data.startswith(_MAGIC):
        raise ValueError(
            f"not a newsweave MinHash signature ({len(data)} bytes; expected {expected} starting with {_MAGIC!r}); "
            "recompute it with signature(text)"
        )
    return np.frombuffer(data, dtype="<u4", offset=len(_MAGIC)).astype(np.uint32)


def _score(intersection: float, size_a: int, size_b: int, jaccard: float, min_size_ratio: float) -> float:
    small, large = min(size_a, size_b), max(size_a, size_b)
    if small == 0:
        return 0.0
    if small / large < min_size_ratio:
        return jaccard
    return max(jaccard, min(1.0, intersection / small))


def similarity(
    a: np.ndarray,
    b: np.ndarray,
    *,
    shingles_a: np.ndarray | None = None,
    shingles_b: np.ndarray | None = None,
    min_size_ratio: float = 1 / 3,
) -> float:
    """``max(jaccard, containment)`` of two texts, exact when both shingle sets are given, else estimated."""
    size_a, size_b = int(a[0]), int(b[0])
    if size_a == 0 or size_b == 0:
        return 0.0
    if shingles_a is not None and shingles_b is not None:
        inter = float(len(np.intersect1d(shingles_a, shingles_b, assume_unique=True)))
        jaccard = inter / (size_a + size_b - inter)
    else:
        jaccard = float(np.count_nonzero(a[1:] == b[1:])) / NUM_PERM
        inter = jaccard * (size_a + size_b) / (1.0 + jaccard)
    return _score(inter, size_a, size_b, jaccard, min_size_ratio)


def _band_keys(sigs: np.ndarray) -> np.ndarray:
    """One 64-bit key per band for each signature row: shape (n, BANDS)."""
    values = sigs[:, 1:].astype(np.uint64).reshape(len(sigs), BANDS, NUM_PERM // BANDS)
    combined = (values * _BAND_MUL[None, :, :]).sum(axis=2, dtype=np.uint64) + _BAND_SALT[None, :]
    return _mix(combined)


class NearDuplicateIndex:
    """MinHash/LSH index of article texts for near-duplicate lookup (in memory; rebuild from signatures).

    ``keep_shingles`` keeps each added text's shingle set for exact scores (about 4 bytes per word).
    """

    def __init__(self, *, keep_shingles: bool = True, min_size_ratio: float = 1 / 3) -> None:
        self.keep_shingles = keep_shingles
        self.min_size_ratio = min_size_ratio
        self._ids: list[str] = []
        self._rows: dict[str, int] = {}
        self._sigs = np.empty((64, NUM_PERM + 1), dtype=np.uint32)
        self._keys = np.empty((64, BANDS), dtype=np.uint64)  # LSH band keys of each row
        self._shingles: list[np.ndarray | None] = []
        self._sorted_keys = np.empty(0, dtype=np.uint64)  # band keys of rows < _merged, sorted
        self._sorted_rows = np.empty(0, dtype=np.int64)
        self._merged = 0  # rows indexed in the sorted arrays; later rows are scanned directly

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._rows

    @staticmethod
    def signature(text: str) -> np.ndarray:
        return signature(text)

    to_bytes = staticmethod(signature_to_bytes)
    from_bytes = staticmethod(signature_from_bytes)

    def add(self, article_id: str, text: str) -> None:
        """Index ``text`` under ``article_id`` (a second add of the same id is ignored)."""
        if article_id in self._rows:
            return
        hashes = shingles(text)
        self._append(article_id, _signature_of(hashes), hashes if self.keep_shingles else None)

    def add_signature(self, article_id: str, sig: np.ndarray, shingle_hashes: np.ndarray | None = None) -> None:
        """Index a stored signature (from :func:`signature_from_bytes`) under ``article_id``."""
        if article_id in self._rows:
            return
        if sig.shape != (NUM_PERM + 1,):
            raise ValueError(f"a signature has {NUM_PERM + 1} values, this one has shape {sig.shape}")
        self._append(article_id, np.asarray(sig, dtype=np.uint32), shingle_hashes)

    def add_signatures(self, items: Iterable[tuple[str, np.ndarray]]) -> None:
        """Index many stored signatures at once (rebuilding the index when a store is opened)."""
        for article_id, sig in items:
            if article_id in self._rows:
                continue
            if sig.shape != (NUM_PERM + 1,):
                raise ValueError(f"a signature has {NUM_PERM + 1} values, this one has shape {sig.shape}")
            self._append(article_id, np.asarray(sig, dtype=np.uint32), None, merge=False)
        self._merge()

    def _append(self, article_id: str, sig: np.ndarray, hashes: np.ndarray | None, *, merge: bool = True) -> None:
        row = len(self._ids)
        if row == len(self._sigs):
            self._sigs = np.concatenate([self._sigs, np.empty_like(self._sigs)])
            self._keys = np.concatenate([self._keys, np.empty_like(self._keys)])
        self._sigs[row] = sig
        self._keys[row] = _band_keys(sig[None, :])[0]
        self._ids.append(article_id)
        self._rows[article_id] = row
        self._shingles.append(hashes)
        unmerged = row + 1 - self._merged
        if merge and unmerged >= max(256, self._merged // 4):
            self._merge()

    def _merge(self) -> None:
        count = len(self._ids)
        rows = np.repeat(np.arange(count, dtype=np.int64), BANDS)
        flat = self._keys[:count].reshape(-1)
        nonempty = np.repeat(self._sigs[:count, 0] > 0, BANDS)
        flat, rows = flat[nonempty], rows[nonempty]
        order = np.argsort(flat, kind="stable")
        self._sorted_keys, self._sorted_rows = flat[order], rows[order]
        self._merged = count

    def _candidates(self, sig: np.ndarray) -> np.ndarray:
        keys = _band_keys(sig[None, :])[0]
        found = []
        if len(self._sorted_keys):
            lo = np.searchsorted(self._sorted_keys, keys, side="left")
            hi = np.searchsorted(self._sorted_keys, keys, side="right")
            for start, end in zip(lo.tolist(), hi.tolist(), strict=True):
                if end > start:
                    found.append(self._sorted_rows[start:end])
        count = len(self._ids)
        if count > self._merged:
            tail = self._keys[self._merged : count]
            hits = np.nonzero((tail == keys[None, :]).any(axis=1))[0] + self._merged
            found.append(hits.astype(np.int64))
        if not found:
            return np.empty(0, dtype=np.int64)
        return np.unique(np.concatenate(found))

    def query(self, text: str, threshold: float = 0.8) -> list[tuple[str, float]]:
        """Indexed articles whose similarity to ``text`` is at least ``threshold``, most similar first."""
        hashes = shingles(text)
        return self.query_signature(_signature_of(hashes), threshold, shingle_hashes=hashes)

    def query_signature(
        self, sig: np.ndarray, threshold: float = 0.8, *, shingle_hashes: np.ndarray | None = None
    ) -> list[tuple[str, float]]:
        """Like :meth:`query`, for a signature (exact scoring needs ``shingle_hashes`` too).

        LSH finds pairs with Jaccard similarity above about 0.5 reliably (0.5: 87%, 0.6: 98.5%, 0.7: 99.97%);
        thresholds far below 0.5 will miss pairs.
        """
        if int(sig[0]) == 0 or not self._ids:
            return []
        results = []
        for row in self._candidates(sig).tolist():
            score = similarity(
                sig, self._sigs[row], shingles_a=shingle_hashes, shingles_b=self._shingles[row],
                min_size_ratio=self.min_size_ratio,
            )
            if score >= threshold:
                results.append((row, round(score, 4)))
        results.sort(key=lambda item: (-item[1], item[0]))
        return [(self._ids[row], score) for row, score in results]

    def signature_of(self, article_id: str) -> np.ndarray | None:
        """The stored signature of an indexed article."""
        row = self._rows.get(article_id)
        return None if row is None else self._sigs[row].copy()
