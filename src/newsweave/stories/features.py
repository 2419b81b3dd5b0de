"""The per-report representation used for story grouping.

:func:`article_features` turns an :class:`~newsweave.model.Article` into :class:`ArticleFeatures`: named
entities (people, places, organisations ...), content lemmas for an incremental TF-IDF, the dates the text
mentions, a sentence embedding of its lead, and a MinHash signature of its word shingles for copy detection.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np

from ..model import Article
from .dates import dateline_month, mentioned_dates
from .embeddings import SentenceEmbedder, embedding_text

__all__ = [
    "ENTITY_KINDS",
    "ArticleFeatures",
    "article_features",
    "article_features_batch",
    "entity_key",
    "features_from_doc",
    "minhash_signature",
]

# spaCy labels → the coarse kinds grouping compares (dates, numbers and amounts are read separately).
ENTITY_KINDS = {
    "PERSON": "PER",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "ORG": "ORG",
    "NORP": "NORP",
    "EVENT": "MISC",
    "WORK_OF_ART": "MISC",
    "PRODUCT": "MISC",
    "LAW": "MISC",
}
_NUMERIC = {"CARDINAL", "QUANTITY", "MONEY", "PERCENT"}
_CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ"}
_LEAD_CHARS = 300  # entities in the title or the first lines are salient
_SIG_SIZE = 64
_SHINGLE = 5
_MERSENNE = (1 << 61) - 1
_rng = np.random.default_rng(20240611)
_SIG_A = _rng.integers(1, 1 << 31, size=_SIG_SIZE, dtype=np.uint64)
_SIG_B = _rng.integers(0, 1 << 31, size=_SIG_SIZE, dtype=np.uint64)
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, eq=False)
class ArticleFeatures:
    """What the grouper knows about one report.

    ``terms`` are sublinear term frequencies (``1 + log tf``) of content lemmas and entity keys;
    ``entities`` are ``(key, mentions, salient)`` with keys like ``PER:cheeks`` or ``LOC:new zealand``;
    ``dates`` are the partial ISO dates the text mentions; ``dateline`` the month of a dateline near the top
    (``YYYY-MM``), if any; ``embedding`` an L2-normalised vector (or ``None``); ``signature`` a MinHash of
    word 5-shingles. ``copy_of`` is a hint from ingest that this report is a near-copy of an earlier one.
    """

    article_id: str
    published: datetime | None = None
    title: str | None = None
    terms: tuple[tuple[str, float], ...] = ()
    entities: tuple[tuple[str, int, bool], ...] = ()
    dates: tuple[str, ...] = ()
    dateline: str | None = None
    embedding: np.ndarray | None = field(default=None, repr=False)
    signature: tuple[int, ...] = field(default=(), repr=False)
    copy_of: str | None = None


def _normalise(text: str) -> str:
    text = text.replace("’", "'").strip()
    text = re.sub(r"'s$", "", text, flags=re.IGNORECASE)
    words = _WORD.findall(text.lower())
    if words and words[0] == "the":
        words = words[1:]
    if words and all(len(w) == 1 for w in words):
        return "".join(words)  # U. S. → us
    return " ".join(words)


def _number_key(text: str) -> str | None:
    """``23`` / ``1,500`` / ``$2.5 million`` → ``NUM:23`` …: the first number written in digits (not 0-10)."""
    m = re.search(r"\d[\d,]*(?:\.\d+)?", text)
    if m is None:
        return None
    digits = m.group(0).replace(",", "")
    try:
        if float(digits) <= 10:
            return None
    except ValueError:
        return None
    return f"NUM:{digits}"


def entity_key(label: str, text: str) -> list[str]:
    """Comparable keys of a named-entity mention; people are keyed by surname (``PER:cheeks``)."""
    kind = ENTITY_KINDS.get(label)
    if kind is None:
        return []
    norm = _normalise(text)
    if len(norm) < 2 or norm.isdigit():
        return []
    if kind == "PER":
        parts = norm.split()
        return [f"PER:{parts[-1]}"] if len(parts[-1]) > 1 else []  # people by surname: Maurice Cheeks → cheeks
    return [f"{kind}:{norm}"]


def minhash_signature(text: str) -> tuple[int, ...]:
    """MinHash (64 values) of the word 5-shingles of ``text``: the share of equal values estimates Jaccard."""
    words = _WORD.findall(text.lower())
    if len(words) < _SHINGLE:
        words = words + [""] * (_SHINGLE - len(words))
    hashes = np.fromiter(
        (zlib.crc32(" ".join(words[i : i + _SHINGLE]).encode()) for i in range(len(words) - _SHINGLE + 1)),
        dtype=np.uint64,
    )
    mixed = (hashes[:, None] * _SIG_A[None, :] + _SIG_B[None, :]) % np.uint64(_MERSENNE)
    return tuple(int(v) for v in mixed.min(axis=0) & np.uint64(0xFFFFFFFF))


def features_from_doc(article: Article, doc, *, embedding: np.ndarray | None = None) -> ArticleFeatures:
    """Build features from an already analysed spaCy ``doc`` of ``article.text``."""
    text = article.text
    lead_end = _LEAD_CHARS
    entity_counts: Counter[str] = Counter()
    salient: set[str] = set()
    date_texts: list[str] = []
    title_norm = (article.title or "").lower()
    for ent in doc.ents:
        if ent.label_ == "DATE":
            date_texts.append(ent.text)
            continue
        if ent.label_ in _NUMERIC:
            number = _number_key(ent.text)
            if number is not None:
                entity_counts[number] += 1
                if ent.start_char < lead_end:
                    salient.add(number)
            continue
        for key in entity_key(ent.label_, ent.text):
            entity_counts[key] += 1
            if ent.start_char < lead_end:
                salient.add(key)
    if title_norm:
        for key in list(entity_counts):
            if key.split(":", 1)[1] in title_norm:
                salient.add(key)
    for key, n in entity_counts.most_common(3):
        if n >= 2:
            salient.add(key)
    lemma_counts: Counter[str] = Counter()
    for tok in doc:
        if tok.pos_ in _CONTENT_POS and tok.is_alpha and not tok.is_stop and len(tok.text) > 2:
            lemma_counts[tok.lemma_.lower()] += 1
    for key, n in entity_counts.items():
        lemma_counts[key] += n
    terms = tuple(sorted((t, 1.0 + float(np.log(n))) for t, n in lemma_counts.items()))
    dates = mentioned_dates(text, date_entities=date_texts)
    published = article.published.value if article.published is not None else None
    return ArticleFeatures(
        article_id=article.id,
        published=published,
        title=article.title,
        terms=terms,
        entities=tuple(sorted((k, n, k in salient) for k, n in entity_counts.items())),
        dates=tuple(sorted({v for _, v in dates})),
        dateline=dateline_month(dates),
        embedding=embedding,
        signature=minhash_signature(text),
        copy_of=article.copy_of,
    )


def _pipeline():
    from ..analyze.nlp import load_pipeline

    return load_pipeline(disable=("parser",))  # grouping needs NER, tags and lemmas, not the parse


def article_features(
    article: Article, *, doc=None, embedder: SentenceEmbedder | None = None, embed: bool = True
) -> ArticleFeatures:
    """Features of one report. Pass ``doc`` when the text was already analysed with the shared pipeline."""
    return article_features_batch([article], docs=[doc] if doc is not None else None, embedder=embedder,
                                  embed=embed)[0]


def article_features_batch(
    articles: Sequence[Article],
    *,
    docs: Sequence | None = None,
    embedder: SentenceEmbedder | None = None,
    embed: bool = True,
    batch_size: int = 32,
) -> list[ArticleFeatures]:
    """Features of many reports; spaCy and the embedder run in batches (the fast path for ingest)."""
    articles = list(articles)
    if not articles:
        return []
    if docs is None:
        nlp = _pipeline()
        docs = list(nlp.pipe((a.text for a in articles), batch_size=batch_size))
    if len(docs) != len(articles):
        raise ValueError(f"got {len(docs)} analysed docs for {len(articles)} articles; pass one doc per article")
    vectors: Iterable[np.ndarray | None]
    if embed:
        from .embeddings import default_embedder

        embedder = embedder or default_embedder()
        vectors = list(embedder.embed([embedding_text(a.title, a.text) for a in articles]))
    else:
        vectors = [None] * len(articles)
    return [features_from_doc(a, d, embedding=v) for a, d, v in zip(articles, docs, vectors, strict=True)]
