"""Online story grouping: each report joins an existing story or founds a new one, in arrival order.

Nothing already decided is re-clustered. Story ids are stable (``s-`` + a short hash of the founding
report); when two stories turn out to be one, the younger is merged into the older and its id keeps
resolving (:meth:`StoryGrouper.resolve`). Manual corrections (move, merge, split) are pinned: the system never
moves a pinned report and never merges stories a person kept apart.
"""

from __future__ import annotations

import hashlib
import logging
import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np

from ..errors import NotFound
from .features import ArticleFeatures
from .index import CentroidIndex, CopyIndex, PostingIndex
from .linkage import LINK_WEIGHTS, BoundedCache, ReportView, link_logit, report_view
from .scoring import Profile, TermVector, Vocabulary, logit, pair_signals, time_gap_days

__all__ = ["Assignment", "GroupingConfig", "StoryGrouper", "StoryState"]

log = logging.getLogger(__name__)

_LINK_CAP = 6.0  # at most P = 0.9975 from report-to-report linkage before the time penalty
_MEMBER_VECTORS = 32  # best report-to-report similarity is taken over a story's latest reports

# Logistic weights (intercept first, then one per scoring.SIGNALS), fitted on ECB+ train (bench/group.py --tune).
DEFAULT_WEIGHTS: tuple[float, ...] = (
    -3.017, 2.003, 2.06, 1.304, -1.911, -0.376, 3.724, 1.18, 0.766, 1.18, -1.184, -0.889, -1.89, -0.425, 1.093,
)


@dataclass(frozen=True)
class GroupingConfig:
    """Thresholds of the grouper. Probabilities come from the logistic model over ``scoring.SIGNALS``."""

    join_threshold: float = 0.3  # join the best story when P(same story) ≥ this
    join_threshold_single: float | None = 0.5  # the same for a story of one report (None: join_threshold)
    merge_threshold: float = 0.9  # merge two stories when P(same story) ≥ this (None: never auto-merge)
    auto_merge: bool = True
    copy_threshold: float = 0.8  # estimated Jaccard of word 5-shingles for a near-verbatim copy
    window_days: float = 60.0  # dated reports only look at stories active within this many days
    time_grace_days: float = 7.0  # no time penalty within this gap
    time_penalty: float = 1.0  # logit penalty per log-day of gap beyond the grace period
    max_candidates: int = 20  # per source (centroid search, inverted index)
    merge_candidates: int = 5  # nearest stories by centroid checked for a merge after each join
    linkage: float = 1.0  # share of report-to-report average linkage in the join decision (0: story sums only)
    link_candidates: int = 3  # best stories (by story sums) compared report by report
    link_members: int = 16  # at most this many of a story's reports (its first and latest) are compared
    # a second look at reports left alone (see StoryGrouper.consolidate; None: never)
    consolidate_threshold: float | None = 0.2
    consolidate_every: int = 16  # look every this many reports …
    consolidate_ages: tuple[int, ...] = (30, 120, 480)  # … at reports that have just become this many reports old …
    consolidate_min_hours: float = 6.0  # … and, when dated, are at least this many hours older than the latest one
    weights: tuple[float, ...] = DEFAULT_WEIGHTS
    link_weights: tuple[float, ...] = LINK_WEIGHTS


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where one report went: ``reason`` is ``joined``, ``new``, ``copy``, ``copy-hint``, ``seen`` or ``manual``."""

    article_id: str
    story_id: str
    score: float | None
    is_new: bool
    copy_of: str | None = None
    reason: str = "joined"


@dataclass(slots=True)
class _Member:
    """A grouped report, stored compactly (term and entity ids, float16 embedding)."""

    article_id: str
    published: datetime | None
    term_ids: np.ndarray  # int32
    term_vals: np.ndarray  # float32
    ent_ids: np.ndarray  # int32
    ent_counts: np.ndarray  # int32
    ent_salient: np.ndarray  # bool
    dates: tuple[str, ...]
    dateline: str | None
    embedding: np.ndarray | None  # float16
    copy_hint: str | None
    title: str | None = None
    story_id: str = ""
    score: float | None = None
    copy_of: str | None = None
    pinned: bool = False


@dataclass
class StoryState:
    """A story inside the grouper (read it through :meth:`StoryGrouper.story`)."""

    id: str
    members: list[str] = field(default_factory=list)
    profile: Profile = field(default_factory=Profile)
    merged_into: str | None = None
    apart: set[str] = field(default_factory=set)  # stories a person kept apart from this one


def _as_tuple(signature: np.ndarray | None) -> tuple[int, ...]:
    return () if signature is None else tuple(int(x) for x in signature)


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


def _story_id(seed: str) -> str:
    return "s-" + hashlib.blake2b(seed.encode("utf-8"), digest_size=6).hexdigest()


class StoryGrouper:
    """The online grouper. Feed it :class:`ArticleFeatures` in arrival order with :meth:`add`."""

    def __init__(self, config: GroupingConfig | None = None) -> None:
        self.config = config or GroupingConfig()
        self.vocab = Vocabulary()
        self.stories: dict[str, StoryState] = {}
        self.members: dict[str, _Member] = {}
        self.order: list[str] = []  # article ids in arrival order
        self.arrival: dict[str, int] = {}
        self.centroids = CentroidIndex()
        self.postings = PostingIndex()
        self.copies = CopyIndex()
        self._views = BoundedCache()  # report views for report-to-report linkage
        self._story_vectors = BoundedCache(size=2048)  # embeddings of each story's latest reports

    # ---- reading -------------------------------------------------------------------------------------
    def resolve(self, story_id: str) -> str:
        """The live id of a story (follows ``merged_into``); raises :class:`NotFound` for unknown ids."""
        seen = 0
        while True:
            story = self.stories.get(story_id)
            if story is None:
                raise NotFound(f"no story {story_id!r}; list stories to see the known ids")
            if story.merged_into is None:
                return story_id
            story_id = story.merged_into
            seen += 1
            if seen > len(self.stories):
                raise RuntimeError(f"merge cycle at story {story_id!r}")

    def story(self, story_id: str) -> StoryState:
        return self.stories[self.resolve(story_id)]

    def story_of(self, article_id: str) -> str:
        member = self.members.get(article_id)
        if member is None:
            raise NotFound(f"article {article_id!r} was never grouped; add it first")
        return self.resolve(member.story_id)

    def live_stories(self) -> list[StoryState]:
        return [s for s in self.stories.values() if s.merged_into is None and s.members]

    def membership(self) -> dict[str, str]:
        """Article id → live story id, in arrival order."""
        return {a: self.resolve(self.members[a].story_id) for a in self.order}

    # ---- profiles ------------------------------------------------------------------------------------
    def _compact(self, f: ArticleFeatures) -> _Member:
        ids = self.vocab.id
        emb = None if f.embedding is None else np.asarray(f.embedding, dtype=np.float16)
        return _Member(
            article_id=f.article_id,
            published=f.published,
            term_ids=np.fromiter((ids(t) for t, _ in f.terms), dtype=np.int32, count=len(f.terms)),
            term_vals=np.fromiter((v for _, v in f.terms), dtype=np.float32, count=len(f.terms)),
            ent_ids=np.fromiter((ids(k) for k, _, _ in f.entities), dtype=np.int32, count=len(f.entities)),
            ent_counts=np.fromiter((n for _, n, _ in f.entities), dtype=np.int32, count=len(f.entities)),
            ent_salient=np.fromiter((s for _, _, s in f.entities), dtype=bool, count=len(f.entities)),
            dates=tuple(f.dates),
            dateline=f.dateline,
            embedding=emb,
            copy_hint=f.copy_of,
            title=f.title,
        )

    def features_of(self, article_id: str) -> ArticleFeatures:
        """The features a grouped report was added with (embedding rounded to float16)."""
        m = self.members[article_id]
        terms = self.vocab.terms
        return ArticleFeatures(
            article_id=m.article_id,
            published=m.published,
            title=m.title,
            terms=tuple((terms[t], float(v)) for t, v in zip(m.term_ids, m.term_vals, strict=True)),
            entities=tuple((terms[e], int(n), bool(sal))
                           for e, n, sal in zip(m.ent_ids, m.ent_counts, m.ent_salient, strict=True)),
            dates=m.dates,
            dateline=m.dateline,
            embedding=m.embedding,
            signature=_as_tuple(self.copies.signature(article_id)),
            copy_of=m.copy_hint,
        )

    def _profile(self, m: _Member) -> tuple[Profile, set[int]]:
        terms = TermVector(m.term_ids, m.term_vals)
        ents: Counter = Counter()
        sal: Counter = Counter()
        weights: dict[int, float] = {}
        for eid, n, salient in zip(m.ent_ids.tolist(), m.ent_counts.tolist(), m.ent_salient.tolist(),
                                   strict=True):
            ents[eid] = 1
            weights[eid] = (1.0 + math.log(n)) * (2.0 if salient else 1.0)
            if salient:
                sal[eid] = 1
        total = sum(weights.values())
        weights = {k: v / total for k, v in weights.items()} if total else {}
        # what the text says about its time (dateline, years named), never the publication metadata: the
        # models learnt these signals from undated texts, where two reports of one year are not a hint at all
        months = Counter({m.dateline: 1}) if m.dateline else Counter()
        years = [int(d[:4]) for d in m.dates]
        latest = Counter({max(years): 1}) if years else Counter()
        emb = None if m.embedding is None else m.embedding.astype(np.float32)
        profile = Profile(n=1, emb_sum=emb, emb_n=0 if emb is None else 1, terms=terms, ents=ents,
                          ent_weights=weights, salient_counts=sal, months=months, latest_years=latest,
                          first_seen=m.published, last_seen=m.published)
        return profile, set(sal)

    def _index_story(self, story: StoryState) -> None:
        p = story.profile
        self.centroids.put(story.id, p.centroid(), p.first_seen, p.last_seen)

    def _posting_keys(self, profile: Profile, salient: set[int]) -> list[int]:
        keys = list(salient) if salient else list(profile.ents)
        for month in profile.months:
            keys.append(self.vocab.id(f"DATE:{month}"))
        return keys

    # ---- scoring -------------------------------------------------------------------------------------
    def _vectors(self, story: StoryState) -> np.ndarray | None:
        """Embeddings of the story's latest reports (cached for recently scored stories only)."""
        def build() -> np.ndarray:
            rows = [self.members[a].embedding for a in story.members[-_MEMBER_VECTORS:]]
            rows = [r for r in rows if r is not None]
            return np.stack(rows).astype(np.float32) if rows else np.zeros((0, 0), np.float32)

        vectors = self._story_vectors.get(story.id, build)
        return vectors if vectors.size else None

    def _signals(self, profile: Profile, salient: set[int] | None, vectors: np.ndarray | None,
                 story: StoryState) -> np.ndarray:
        return pair_signals(profile, story.profile, self.vocab, a_salient=salient, a_vectors=vectors,
                            b_vectors=self._vectors(story))

    def _time_penalty(self, profile: Profile, story: StoryState) -> float:
        cfg = self.config
        gap = time_gap_days(profile, story.profile)
        if gap > cfg.time_grace_days:
            mentions_story_month = bool(set(profile.months) & set(story.profile.months)) and gap > 31
            if not mentions_story_month:
                return cfg.time_penalty * math.log1p(gap - cfg.time_grace_days)
        return 0.0

    def _logit(self, profile: Profile, salient: set[int] | None, vectors: np.ndarray | None,
               story: StoryState) -> float:
        """Log-odds from the story sums, time penalty included."""
        z = logit(self._signals(profile, salient, vectors, story), self.config.weights)
        return z - self._time_penalty(profile, story)

    def _score(self, profile: Profile, salient: set[int] | None, vectors: np.ndarray | None,
               story: StoryState) -> float:
        return _sigmoid(self._logit(profile, salient, vectors, story))

    def _view(self, m: _Member) -> ReportView:
        return self._views.get(m.article_id, lambda: report_view(
            m.term_ids, m.term_vals, m.ent_ids, m.ent_counts, m.ent_salient, m.dates, m.embedding,
            self.vocab))

    def _link_logit(self, view: ReportView, story: StoryState) -> float:
        """Average linkage: the mean report-to-report log-odds over (some of) the story's reports."""
        k = self.config.link_members
        members = story.members if len(story.members) <= k else story.members[: k // 4] + story.members[-(k - k // 4):]
        zs = [link_logit(view, self._view(self.members[a]), self.vocab, self.config.link_weights) for a in members]
        return sum(zs) / len(zs)

    def _candidates(self, profile: Profile, salient: set[int], *, exclude: str | None = None) -> list[str]:
        cfg = self.config
        found: dict[str, None] = {}
        centroid = profile.centroid()
        if centroid is not None:
            for sid, _sim in self.centroids.query(centroid, at=profile.last_seen, window_days=cfg.window_days,
                                                  k=cfg.max_candidates):
                found[sid] = None
        keys = [(k, self.vocab.idf(k)) for k in self._posting_keys(profile, salient)]
        for sid, _w in self.postings.query(keys, k=cfg.max_candidates):
            other = self.stories[self.resolve(sid)].profile
            # outside the time window only when the report names the story's month
            if time_gap_days(profile, other) <= cfg.window_days or set(profile.months) & set(other.months):
                found[sid] = None
        live: dict[str, None] = {}
        for sid in found:
            root = self.resolve(sid)
            if root != exclude and self.stories[root].members:
                live[root] = None
        return list(live)

    # ---- the online path -----------------------------------------------------------------------------
    def add(self, features: ArticleFeatures) -> Assignment:
        """Assign one report: to its original's story if it is a copy, else to the best story or a new one."""
        aid = features.article_id
        if aid in self.members:
            m = self.members[aid]
            return Assignment(aid, self.resolve(m.story_id), m.score, False, m.copy_of, "seen")
        member = self._compact(features)
        profile, salient = self._profile(member)
        target: str | None = None
        score: float | None = None
        copy_of: str | None = None
        reason = "new"
        if features.copy_of and features.copy_of in self.members:
            copy_of, target, score, reason = features.copy_of, self.story_of(features.copy_of), 1.0, "copy-hint"
        else:
            near = self.copies.nearest(features.signature, threshold=self.config.copy_threshold)
            if near is not None and self._too_far_apart(features.published, self.members[near[0]].published):
                near = None  # the same words years later are a re-publication, not a copy in this story
            if near is not None:
                copy_of, score, reason = near[0], near[1], "copy"
                target = self.story_of(near[0])
        if target is None:
            best = self._best_story(member, profile, salient)
            if best is not None and best[0] >= self._join_threshold(self.stories[best[1]]):
                score, target, reason = best[0], best[1], "joined"
            else:
                score = best[0] if best is not None else None
        is_new = target is None
        if is_new:
            target = self._new_story_id(aid)
            self.stories[target] = StoryState(id=target)
        member.score, member.copy_of = score, copy_of
        self.members[aid] = member
        self.arrival[aid] = len(self.order)
        self.order.append(aid)
        self._attach(member, self.stories[target], profile, salient)
        self.vocab.count(member.term_ids.tolist())
        self.copies.add(aid, features.signature)
        if not is_new and self.config.auto_merge:
            target = self._maybe_merge(target)
        every = self.config.consolidate_every
        if every and self.config.consolidate_threshold is not None and len(self.order) % every == 0:
            self.consolidate()
            target = self.resolve(target)
        return Assignment(aid, target, score, is_new, copy_of, reason)

    def _best_story(self, member: _Member, profile: Profile, salient: set[int], *,
                    exclude: str | None = None) -> tuple[float, str] | None:
        """P(same story) and id of the story a report fits best (story sums, then report-to-report linkage)."""
        vectors = None if member.embedding is None else member.embedding.astype(np.float32)[None, :]
        scored = sorted(((self._logit(profile, salient, vectors, self.stories[sid]), sid)
                         for sid in self._candidates(profile, salient, exclude=exclude)), reverse=True)
        share = self.config.linkage
        if share > 0 and scored:
            view = self._view(member)
            mixed = []
            for z, sid in scored[: self.config.link_candidates]:
                story = self.stories[sid]
                z_link = self._link_logit(view, story)
                # near-identical words give huge log-odds; capped, so that a long gap in time still counts
                capped = min(z_link, _LINK_CAP) - self._time_penalty(profile, story)
                mixed.append(((1 - share) * z + share * capped, z_link, sid))
            scored = [(z, sid) for z, _, sid in sorted(mixed, reverse=True)]
        return (_sigmoid(scored[0][0]), scored[0][1]) if scored else None

    def consolidate(self) -> list[tuple[str, str]]:
        """Give reports that stayed alone a second look: a one-report story whose report has just become
        ``consolidate_ages`` reports old (30, 120 and 480 after it: a few looks, a bounded cost per report) — and,
        when dated, is ``consolidate_min_hours`` older than the latest report — and that now fits an existing story
        with P ≥ ``consolidate_threshold``, is merged into it (recorded; its id keeps resolving). The stories around
        it have grown since it arrived, and reports of its own event would have joined it by then. Pinned reports
        and stories kept apart are left as they are. Runs by itself every ``consolidate_every`` reports (so the
        batch mode does exactly what the online path does); returns the ``(merged, into)`` pairs."""
        cfg = self.config
        if cfg.consolidate_threshold is None or not self.order:
            return []
        latest = self.members[self.order[-1]].published
        n = len(self.order)
        due = [aid for age in cfg.consolidate_ages
               for aid in self.order[max(0, n - age - cfg.consolidate_every) : max(0, n - age)]]
        merged: list[tuple[str, str]] = []
        for aid in dict.fromkeys(due):
            member = self.members[aid]
            story = self.stories[self.resolve(member.story_id)]
            if len(story.members) != 1 or member.pinned or member.copy_of is not None:
                continue
            if (latest is not None and member.published is not None
                    and (latest - member.published).total_seconds() < cfg.consolidate_min_hours * 3600):
                continue
            profile, salient = self._profile(member)
            best = self._best_story(member, profile, salient, exclude=story.id)
            if best is None or best[0] < cfg.consolidate_threshold:
                continue
            target = self.stories[best[1]]
            if self._kept_apart(story, target):
                continue
            log.info("consolidating story %s into %s (p=%.3f)", story.id, target.id, best[0])
            older, younger = self._older_first(target, story)
            self._merge_into(older, younger)
            merged.append((younger.id, older.id))
        return merged

    def _join_threshold(self, story: StoryState) -> float:
        single = self.config.join_threshold_single
        return single if single is not None and len(story.members) == 1 else self.config.join_threshold

    def _too_far_apart(self, a: datetime | None, b: datetime | None) -> bool:
        if a is None or b is None:
            return False
        return abs((a - b).total_seconds()) > self.config.window_days * 86400.0

    def place(self, features: ArticleFeatures, story_id: str, *, score: float | None = None,
              copy_of: str | None = None, pinned: bool = False) -> Assignment:
        """Put a report into a given story (created if unknown), without scoring: for replays and imports."""
        aid = features.article_id
        if aid in self.members:
            raise ValueError(f"article {aid!r} is already grouped; use move() to change its story")
        member = self._compact(features)
        member.score, member.copy_of, member.pinned = score, copy_of, pinned
        is_new = story_id not in self.stories
        if is_new:
            self.stories[story_id] = StoryState(id=story_id)
        story = self.stories[self.resolve(story_id)]
        self.members[aid] = member
        self.arrival[aid] = len(self.order)
        self.order.append(aid)
        self._attach(member, story)
        self.vocab.count(member.term_ids.tolist())
        self.copies.add(aid, features.signature)
        return Assignment(aid, story.id, score, is_new, copy_of, "manual" if pinned else "placed")

    def signals(self, features: ArticleFeatures) -> dict[str, np.ndarray]:
        """The scoring signals of a (not yet added) report against every live story — for tuning."""
        member = self._compact(features)
        profile, salient = self._profile(member)
        vectors = None if member.embedding is None else member.embedding.astype(np.float32)[None, :]
        return {s.id: self._signals(profile, salient, vectors, s) for s in self.live_stories()}

    def _new_story_id(self, seed: str) -> str:
        sid, salt = _story_id(seed), 0
        while sid in self.stories:
            salt += 1
            sid = _story_id(f"{seed}#{salt}")
        return sid

    def _attach(self, member: _Member, story: StoryState, profile: Profile | None = None,
                salient: set[int] | None = None) -> None:
        if profile is None or salient is None:
            profile, salient = self._profile(member)
        member.story_id = story.id
        story.members.append(member.article_id)
        self._story_vectors.discard(story.id)
        story.profile.add(profile)
        self._index_story(story)
        self.postings.add(story.id, self._posting_keys(profile, salient))

    def _detach(self, member: _Member) -> StoryState:
        story = self.stories[self.resolve(member.story_id)]
        story.members.remove(member.article_id)
        self._story_vectors.discard(story.id)
        story.profile = Profile()
        for other in story.members:
            story.profile.add(self._profile(self.members[other])[0])
        if story.members:
            self._index_story(story)
        else:
            self.centroids.remove(story.id)
        return story

    def _kept_apart(self, a: StoryState, b: StoryState) -> bool:
        return b.id in a.apart or a.id in b.apart

    def _maybe_merge(self, story_id: str) -> str:
        threshold = self.config.merge_threshold
        if threshold is None:
            return story_id
        story = self.stories[story_id]
        salient = story.profile.salient()
        centroid = story.profile.centroid()
        if centroid is None:
            return story_id
        near = self.centroids.query(centroid, at=story.profile.last_seen, window_days=self.config.window_days,
                                    k=self.config.merge_candidates + 1)
        for sid in dict.fromkeys(self.resolve(s) for s, _ in near):
            other = self.stories[sid]
            if sid == story_id or not other.members:
                continue
            if self._kept_apart(story, other):
                continue
            p = self._score(story.profile, salient, self._vectors(story), other)
            if p >= threshold:
                older, younger = self._older_first(other, story)
                log.info("merging story %s into %s (p=%.3f)", younger.id, older.id, p)
                self._merge_into(older, younger)
                return older.id
        return story_id

    def _older_first(self, a: StoryState, b: StoryState) -> tuple[StoryState, StoryState]:
        first_a = min((self.arrival[m] for m in a.members), default=math.inf)
        first_b = min((self.arrival[m] for m in b.members), default=math.inf)
        return (a, b) if first_a <= first_b else (b, a)

    def _merge_into(self, target: StoryState, source: StoryState) -> None:
        source_members = list(source.members)
        for aid in source.members:
            self.members[aid].story_id = target.id
        target.members.extend(source.members)
        self._story_vectors.discard(target.id)
        target.profile.add(source.profile)
        source.members = []
        source.profile = Profile()
        source.merged_into = target.id
        target.apart |= source.apart
        for other_id in source.apart:
            other = self.stories.get(other_id)
            if other is not None:
                other.apart.add(target.id)
        self.centroids.remove(source.id)
        self._index_story(target)
        keys: set[int] = set()
        for aid in source_members:
            keys.update(self._posting_keys(*self._profile(self.members[aid])))
        self.postings.add(target.id, keys)

    # ---- manual corrections (pinned) -----------------------------------------------------------------
    def merge(self, target_id: str, other_id: str, *, manual: bool = True) -> str:
        """Merge story ``other_id`` into ``target_id``; ``other_id`` keeps resolving to the result."""
        target, other = self.story(target_id), self.story(other_id)
        if target.id == other.id:
            return target.id
        if not manual and self._kept_apart(target, other):
            return target.id
        target.apart.discard(other.id)
        other.apart.discard(target.id)
        self._merge_into(target, other)
        if manual:
            for aid in target.members:
                self.members[aid].pinned = True
        return target.id

    def move(self, article_id: str, story_id: str) -> str:
        """Move one report to another story and pin it there; the two stories are then kept apart."""
        member = self.members.get(article_id)
        if member is None:
            raise NotFound(f"article {article_id!r} was never grouped; add it first")
        target = self.story(story_id)
        source = self._detach(member)
        self._attach(member, target)
        member.pinned = True
        member.copy_of = None
        if source.id != target.id:
            source.apart.add(target.id)
            target.apart.add(source.id)
        return target.id

    def split(self, story_id: str, article_ids) -> str:
        """Move ``article_ids`` out of a story into a new, pinned story kept apart from it; returns its id."""
        story = self.story(story_id)
        ids = list(dict.fromkeys(article_ids))
        missing = [a for a in ids if a not in story.members]
        if missing:
            raise NotFound(f"articles {missing} are not in story {story.id}; show the story to see its reports")
        if not ids or len(ids) == len(story.members):
            raise ValueError("a split needs some, but not all, of the story's reports")
        new = StoryState(id=self._new_story_id(f"split:{ids[0]}"))
        self.stories[new.id] = new
        for aid in ids:
            member = self.members[aid]
            self._detach(member)
            self._attach(member, new)
            member.pinned = True
        new.apart.add(story.id)
        story.apart.add(new.id)
        return new.id

    # ---- persistence ---------------------------------------------------------------------------------
    def snapshot(self) -> bytes:
        """Everything needed to continue later, as bytes (see :mod:`newsweave.stories.state`)."""
        from .state import snapshot

        return snapshot(self)

    @classmethod
    def restore(cls, blob: bytes) -> StoryGrouper:
        """A grouper equivalent to the one that produced ``blob`` with :meth:`snapshot`."""
        from .state import restore

        return restore(blob)

    def pinned(self, article_id: str) -> bool:
        return self.members[article_id].pinned
