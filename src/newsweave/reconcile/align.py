"""Aligning claims about the same fact across the reports of a story.

Two claims of different reports are about the same fact when their predicates fall in the same lexicon class
(attack ~ strike ~ target; injure ~ hurt ~ unharmed), they share named participants (canonical entity names,
head nouns, titles linked to names inside each report), their times are compatible, and their sentences are
similar (sentence embeddings when an embedder is given, word overlap otherwise). Claims are clustered greedily
in publication order; each cluster becomes a :class:`~newsweave.model.Fact`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Protocol

import numpy as np

from ..model import Article, Claim, Fact
from .claims import claim_arg, claim_args, claim_times
from .sources import group_sources

__all__ = ["Embedder", "align_claims", "pair_score", "claim_features", "time_gap", "ClaimFeatures"]

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    "the a an of in on at to for and or but was were is are be been has have had by with from that this it its "
    "as said says he she they his her their who which also after before than into over about more".split()
)
MAX_TIME_GAP = timedelta(days=3)


class Embedder(Protocol):
    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


@dataclass
class ClaimFeatures:
    claim: Claim
    article_id: str
    cls: str
    keys: frozenset[str]
    of_keys: frozenset[str]
    tkeys: frozenset[str]
    words: frozenset[str]
    times: list[dict] = field(default_factory=list)
    vec: np.ndarray | None = None


def claim_features(claim: Claim, sentence: str) -> ClaimFeatures:
    keys = claim_args(claim, "key")
    tkeys = claim_args(claim, "target_key")
    of = {k[3:] for k in keys + tkeys if k.startswith("of:")}
    words = frozenset(w for w in _WORD.findall(sentence.lower()) if w not in _STOP and len(w) > 2)
    return ClaimFeatures(
        claim=claim, article_id=claim.evidence.article_id, cls=claim_arg(claim, "class") or claim.predicate,
        keys=frozenset(k for k in keys if not k.startswith("of:")), of_keys=frozenset(of),
        tkeys=frozenset(k for k in tkeys if not k.startswith("of:")), words=words, times=claim_times(claim),
    )


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def time_gap(a: dict, b: dict) -> timedelta | None:
    """Distance between two resolved times (zero when their intervals overlap); ``None`` if unresolved."""
    if None in (a["earliest"], a["latest"], b["earliest"], b["latest"]):
        return None
    if a["latest"] < b["earliest"]:
        return b["earliest"] - a["latest"]
    if b["latest"] < a["earliest"]:
        return a["earliest"] - b["latest"]
    return timedelta(0)


def pair_score(x: ClaimFeatures, y: ClaimFeatures) -> float:
    """How likely two claims state the same fact, in [0, 1]."""
    if x.cls != y.cls:
        return 0.0
    subj = _overlap(x.keys, y.keys)
    if x.cls == "harm" and x.keys and y.keys and subj == 0:
        return 0.0  # injuries of different people are different facts
    targ = _overlap(x.tkeys, y.tkeys)
    cross = _overlap(x.keys | x.tkeys, y.keys | y.tkeys)
    of = _overlap(x.of_keys, y.of_keys)
    key_score = max(subj, targ, 0.8 * cross, 0.5 * of)
    for tx in x.times:
        for ty in y.times:
            gap = time_gap(tx, ty)
            if gap is not None and gap > MAX_TIME_GAP:
                return 0.0
    if x.vec is not None and y.vec is not None:
        sim = float(np.dot(x.vec, y.vec))
        sim_scaled = min(1.0, max(0.0, (sim - 0.25) / 0.5))
    else:
        inter = len(x.words & y.words)
        union = len(x.words | y.words) or 1
        sim_scaled = min(1.0, (inter / union) / 0.35)
    if not (x.keys or x.tkeys) or not (y.keys or y.tkeys):
        return 0.8 * sim_scaled
    return 0.6 * key_score + 0.4 * sim_scaled


def _published(article: Article | None) -> datetime:
    if article is None or article.published.value is None:
        return _EPOCH
    return article.published.value


def align_claims(
    claims: Sequence[Claim],
    articles: Mapping[str, Article],
    *,
    story_id: str = "",
    embedder: Embedder | None = None,
    threshold: float = 0.45,
) -> list[Fact]:
    """Cluster the claims of several reports into facts (single-report facts included), most supported first."""
    feats = []
    for c in claims:
        art = articles.get(c.evidence.article_id)
        sentence = art.text[c.evidence.start: c.evidence.end] if art else ""
        feats.append(claim_features(c, sentence))
    if embedder is not None and feats:
        texts = sorted({_sentence(f, articles) for f in feats})
        vecs = embedder.embed(texts)
        index = {t: vecs[i] for i, t in enumerate(texts)}
        for f in feats:
            f.vec = index[_sentence(f, articles)]
    order = {aid: i for i, aid in enumerate(articles)}
    feats.sort(key=lambda f: (_published(articles.get(f.article_id)), order.get(f.article_id, 0),
                              f.claim.evidence.start))
    clusters: list[list[ClaimFeatures]] = []
    by_class: dict[str, list[int]] = {}
    for f in feats:
        best, best_score = None, threshold
        for ci in by_class.get(f.cls, ()):
            others = [g for g in clusters[ci] if g.article_id != f.article_id]
            if not others:
                continue
            score = max(pair_score(f, g) for g in others)
            if score >= best_score:
                best, best_score = ci, score
        if best is None:
            by_class.setdefault(f.cls, []).append(len(clusters))
            clusters.append([f])
        else:
            clusters[best].append(f)
    facts = [_fact(story_id, [f.claim for f in cl], articles) for cl in clusters]
    facts.sort(key=lambda fa: (-fa.independent_sources, -len(fa.supporting_articles), -len(fa.claims)))
    return facts


def _sentence(f: ClaimFeatures, articles: Mapping[str, Article]) -> str:
    art = articles.get(f.article_id)
    return art.text[f.claim.evidence.start: f.claim.evidence.end] if art else ""


def fact_label(claims: Sequence[Claim]) -> str:
    """A short label: the predicate with its subject and target, from the most detailed claim."""
    best = max(claims, key=lambda c: (len(c.arguments), -c.evidence.start))
    target = claim_arg(best, "target")
    status = claim_arg(best, "status")
    if status:
        return f"{best.subject or 'someone'} — health/outcome"
    parts = [best.subject or "", best.predicate if best.polarity else f"not {best.predicate}", target or ""]
    label = " ".join(p for p in parts if p)
    return label[:160]


def _fact(story_id: str, claims: list[Claim], articles: Mapping[str, Article]) -> Fact:
    supporting = []
    for c in claims:
        if c.evidence.article_id not in supporting:
            supporting.append(c.evidence.article_id)
    supporting.sort(key=lambda a: (_published(articles.get(a)), a))
    groups = group_sources(claims, articles)
    originator = groups[0].origin.label if groups else None
    return Fact(
        story_id=story_id, label=fact_label(claims), claims=tuple(claims), supporting_articles=tuple(supporting),
        independent_sources=max(1, len(groups)) if claims else 0, originator=originator,
        earliest_article=supporting[0] if supporting else None,
    )
