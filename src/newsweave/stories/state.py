"""Saving and restoring a :class:`StoryGrouper`, so the online path survives process restarts.

The boundary with the store is two calls and one opaque ``bytes`` value:

* ``blob = snapshot(grouper)`` (or ``grouper.snapshot()``) — everything the grouper knows: the features of every
  grouped report, its story, score, copy and pin flags, the stories with their ``merged_into`` links and the
  "kept apart" decisions, and the configuration.
* ``grouper = restore(blob)`` (or ``StoryGrouper.restore(blob)``) — an equivalent grouper. Story aggregates, document frequencies and the candidate
  indexes are rebuilt by replaying the placements in arrival order (no scoring, so nothing is re-decided).

The blob is a NumPy ``.npz`` archive (no pickle): ``state`` holds UTF-8 JSON, ``embeddings`` a float16 matrix and
``signatures`` a uint32 matrix. A store may snapshot periodically and re-``add`` the reports that arrived since the
last snapshot (grouping is deterministic given the order). ``FORMAT_VERSION`` guards incompatible changes.
"""

from __future__ import annotations

import io
import json
from dataclasses import asdict, fields
from datetime import datetime

import numpy as np

from ..errors import StoreError
from .features import ArticleFeatures
from .grouper import GroupingConfig, StoryGrouper, StoryState

__all__ = ["FORMAT_VERSION", "restore", "snapshot"]

FORMAT_VERSION = 1


def snapshot(grouper: StoryGrouper) -> bytes:
    members = []
    embeddings = []
    signatures = []
    for aid in grouper.order:
        m = grouper.members[aid]
        f = grouper.features_of(aid)
        members.append({
            "id": aid,
            "story": m.story_id,
            "score": m.score,
            "copy_of": m.copy_of,
            "pinned": m.pinned,
            "published": f.published.isoformat() if f.published else None,
            "title": f.title,
            "terms": [list(t) for t in f.terms],
            "entities": [list(e) for e in f.entities],
            "dates": list(f.dates),
            "dateline": f.dateline,
            "copy_hint": f.copy_of,
            "embedded": f.embedding is not None,
        })
        if f.embedding is not None:
            embeddings.append(np.asarray(f.embedding, dtype=np.float16))
        sig = np.zeros(64, dtype=np.uint32)
        sig[: len(f.signature)] = np.asarray(f.signature[:64], dtype=np.uint32)
        signatures.append(sig)
    stories = [
        {"id": s.id, "members": s.members, "merged_into": s.merged_into, "apart": sorted(s.apart)}
        for s in grouper.stories.values()
    ]
    state = {
        "version": FORMAT_VERSION,
        "config": asdict(grouper.config),
        "members": members,
        "stories": stories,
    }
    buf = io.BytesIO()
    dim = embeddings[0].shape[0] if embeddings else 0
    np.savez_compressed(
        buf,
        state=np.frombuffer(json.dumps(state).encode("utf-8"), dtype=np.uint8),
        embeddings=np.stack(embeddings) if embeddings else np.zeros((0, dim), dtype=np.float16),
        signatures=np.stack(signatures) if signatures else np.zeros((0, 64), dtype=np.uint32),
    )
    return buf.getvalue()


def restore(blob: bytes) -> StoryGrouper:
    try:
        with np.load(io.BytesIO(blob), allow_pickle=False) as data:
            state = json.loads(bytes(data["state"]).decode("utf-8"))
            embeddings = data["embeddings"].astype(np.float32)
            signatures = data["signatures"]
    except (ValueError, KeyError, OSError, json.JSONDecodeError) as exc:
        raise StoreError(
            f"the saved story-grouping state cannot be read ({exc}); rebuild it by regrouping the stored articles"
        ) from exc
    if state.get("version") != FORMAT_VERSION:
        raise StoreError(
            f"story-grouping state has format {state.get('version')!r}, this newsweave reads {FORMAT_VERSION}; "
            "regroup the stored articles to rebuild it"
        )
    config = dict(state["config"])
    for key in ("weights", "link_weights", "consolidate_ages"):  # (stored as lists; absent in older states)
        if key in config:
            config[key] = tuple(config[key])
    known = {f.name for f in fields(GroupingConfig)}
    grouper = StoryGrouper(GroupingConfig(**{k: v for k, v in config.items() if k in known}))
    for s in state["stories"]:
        grouper.stories[s["id"]] = StoryState(id=s["id"])
    e = 0
    for i, m in enumerate(state["members"]):
        emb = None
        if m["embedded"]:
            emb = embeddings[e]
            e += 1
        f = ArticleFeatures(
            article_id=m["id"],
            published=datetime.fromisoformat(m["published"]) if m["published"] else None,
            title=m["title"],
            terms=tuple((t, float(v)) for t, v in m["terms"]),
            entities=tuple((k, int(n), bool(sal)) for k, n, sal in m["entities"]),
            dates=tuple(m["dates"]),
            dateline=m["dateline"],
            embedding=emb,
            signature=tuple(int(x) for x in signatures[i]),
            copy_of=m["copy_hint"],
        )
        grouper.place(f, m["story"], score=m["score"], copy_of=m["copy_of"], pinned=m["pinned"])
    for s in state["stories"]:
        story = grouper.stories[s["id"]]
        story.merged_into = s["merged_into"]
        story.apart = set(s["apart"])
        if story.members and list(story.members) != s["members"] and set(story.members) == set(s["members"]):
            story.members = list(s["members"])
            grouper._story_vectors.discard(story.id)
    for story in grouper.stories.values():
        if story.merged_into is not None:
            grouper.centroids.remove(story.id)
    return grouper
