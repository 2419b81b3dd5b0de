"""Synthetic report features for grouper tests (no models needed)."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np

from newsweave.stories.features import ArticleFeatures, minhash_signature

DIM = 384


def topic_vector(seed: int) -> np.ndarray:
    v = np.random.default_rng(seed).normal(size=DIM).astype(np.float32)
    return v / np.linalg.norm(v)


def report(article_id: str, *, topic: int | tuple[tuple[int, float], ...], words: str, entities: tuple[str, ...], noise: float = 0.15,
           date: str | None = None, text: str | None = None, copy_of: str | None = None,
           dateline: str | None = None, dates: tuple[str, ...] = ()) -> ArticleFeatures:
    """A report about ``topic`` (its embedding is near the topic vector), with the given lemmas and entities."""
    rng = np.random.default_rng(abs(hash(article_id)) % (2**32))
    mix = ((topic, 1.0),) if isinstance(topic, int) else topic
    v = sum(w * topic_vector(t) for t, w in mix) + noise * rng.normal(size=DIM).astype(np.float32) / np.sqrt(DIM) * 4
    v = (v / np.linalg.norm(v)).astype(np.float32)
    terms = {w: 1.0 for w in words.split()}
    for e in entities:
        terms[e] = 1.0
    published = datetime.fromisoformat(date).replace(tzinfo=UTC) if date else None
    return ArticleFeatures(
        article_id=article_id,
        published=published,
        title=None,
        terms=tuple(sorted(terms.items())),
        entities=tuple((e, 2, True) for e in entities),
        dates=dates,
        dateline=dateline,
        embedding=v,
        signature=minhash_signature(text if text is not None else f"{article_id} {words} unique filler"),
        copy_of=copy_of,
    )


QUAKE_WORDS = "earthquake magnitude strike kill collapse building rescue rubble aftershock"
QUAKE_B_WORDS = "earthquake magnitude strike tremor village landslide road damage farmer"
QUAKE_A = ("LOC:northland", "LOC:port avery", "PER:ramirez")
QUAKE_B = ("LOC:southvale", "LOC:kestrel bay", "PER:okafor")
CHESS_WORDS = "chess tournament champion win title grandmaster round final opening"
CHESS = ("PER:lindqvist", "LOC:oslo", "ORG:world chess federation")
