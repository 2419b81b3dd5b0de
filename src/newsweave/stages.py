"""The runner around the pipeline stages: it reads what is new or stale from the store, runs the stage
functions (which do no I/O of their own), and writes their results back — in transactions, with progress.

ingest → analyse (per article, both cores) → group into stories (online, in date order) → reconcile (per story)
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from .model import Article, Story, StoryMember
from .store.base import Store

__all__ = [
    "article_products",
    "article_products_batch",
    "dossier_for",
    "merge_stories",
    "move_article",
    "run_all",
    "run_analysis",
    "run_grouping",
    "run_reconcile",
    "split_story",
    "story_title",
]

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int | None], None]
CHUNK = 256


def _chunks(items: Sequence[str], size: int = CHUNK) -> Iterable[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def run_all(store: Store, *, progress: Progress | None = None, workers: int | None = None):
    from .api import ProcessReport

    report = ProcessReport()
    report.analyzed = run_analysis(store, progress=progress, workers=workers)
    report.grouped, report.new_stories = run_grouping(store, progress=progress)
    report.dossiers = run_reconcile(store, progress=progress)
    return report


# -- analysis -----------------------------------------------------------------------------------------------
def article_products(article: Article, doc: Any, analysis: Any) -> dict[str, tuple[str, str]]:
    """What later stages need from the parse, computed in the analysis worker so nothing is parsed twice:
    the reconcile stage's per-report claims, and the story grouper's features. ``{kind: (version, json)}``."""
    import json

    from .reconcile.dossier import article_claims_from_reading, article_claims_to_json
    from .reconcile.reading import Reading
    from .stories.features import features_from_doc
    from .stories.features_json import FEATURES_VERSION, features_to_json

    reading = Reading(article, doc, analysis.sentences, analysis.mentions, analysis.entities, analysis.timexes,
                      analysis.statements)
    claims = article_claims_from_reading(reading, analysis)
    return {
        "claims": (claims.version, json.dumps(article_claims_to_json(claims), ensure_ascii=False)),
        "grouping": (FEATURES_VERSION, json.dumps(features_to_json(features_from_doc(article, doc)))),
    }


def _embedding_key(article: Article) -> tuple[str, str]:
    """(what is embedded for ``article``, its fingerprint): a stored vector is reused only for the same text."""
    import hashlib

    from .stories.embeddings import embedding_text

    text = embedding_text(article.title, article.text)
    return text, hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def article_products_batch(articles: Sequence[Article], docs: Sequence[Any], analyses: Sequence[Any]
                           ) -> list[dict[str, tuple[str, str]]]:
    """:func:`article_products` of a batch, plus each report's sentence embedding (``"embedding"``:
    ``"<fingerprint> <base64 float32>"``), computed in the analysis worker so both cores embed."""
    from .stories.embeddings import EMBEDDING_VERSION, default_embedder, vector_to_text

    products = [article_products(a, d, x) for a, d, x in zip(articles, docs, analyses, strict=True)]
    keys = [_embedding_key(a) for a in articles]
    vectors = default_embedder().embed([text for text, _ in keys])
    for p, (_text, fingerprint), v in zip(products, keys, vectors, strict=True):
        p["embedding"] = (EMBEDDING_VERSION, f"{fingerprint} {vector_to_text(v)}")
    return products


def _stored_embeddings(store: Store, articles: Sequence[Article]) -> dict[str, Any]:
    """Vectors stored by the analysis pass for ``articles`` (current version and same embedded text only)."""
    from .stories.embeddings import EMBEDDING_VERSION, vector_from_text

    stored = store.get_products([a.id for a in articles], "embedding")
    out = {}
    for a in articles:
        version, data = stored.get(a.id, (None, ""))
        fingerprint, _, vector = data.partition(" ")
        if version != EMBEDDING_VERSION or fingerprint != _embedding_key(a)[1]:
            continue
        try:
            out[a.id] = vector_from_text(vector)
        except ValueError as exc:
            log.warning("%s: unreadable stored embedding (%s); embedding it again", a.id, exc)
    return out


#: What the analysis workers' hooks import, loaded once in the fork server instead of in every worker.
_WORKER_PRELOAD = ("newsweave.stages", "newsweave.reconcile.dossier", "newsweave.stories.features_json",
                   "newsweave.stories.embeddings", "newsweave.stories.minilm", "tokenizers", "safetensors.torch")


def _claim_rows(claims_json: dict) -> list[tuple]:
    import json

    rows = []
    for c in claims_json["claims"]:
        aid, start, end = c["evidence"]
        rows.append((c["id"], aid, start, end, c["subject"], c["predicate"], json.dumps(c["arguments"]),
                     int(bool(c["polarity"])), c["hedge"], float(c["certainty"])))
    return rows


def run_analysis(store: Store, *, progress: Progress | None = None, workers: int | None = None) -> int:
    """Analyse every article without an up-to-date analysis; returns how many were analysed."""
    import json

    from .analyze.jsonl import analysis_to_record
    from .analyze.pipeline import ANALYSIS_VERSION, analyze_many

    pending = store.articles_needing_analysis(ANALYSIS_VERSION)
    if not pending:
        return 0
    workers = workers or (2 if len(pending) >= 64 else 1)
    done = 0

    def articles() -> Iterable[Article]:  # one generator over all chunks: the worker pool starts once
        for chunk in _chunks(pending, 512):
            yield from store.get_articles(chunk)

    batch: list[tuple[Article, Any, dict]] = []

    def flush() -> None:
        with store.transaction():
            for article, analysis, products in batch:
                store.save_analysis(article.id, ANALYSIS_VERSION, analysis_to_record(analysis, article))
                for kind, (version, data) in products.items():
                    store.save_product(article.id, kind, version, data)
                store.save_claims(_claim_rows(json.loads(products["claims"][1])))
        batch.clear()

    feed = iter(articles())
    pending_articles: deque[Article] = deque()

    def remember() -> Iterable[Article]:
        for a in feed:
            pending_articles.append(a)
            yield a

    for analysis, products in analyze_many(remember(), workers=workers, batch_extra=article_products_batch,
                                           preload=_WORKER_PRELOAD):
        article = pending_articles.popleft()
        assert article.id == analysis.article_id
        batch.append((article, analysis, products))
        done += 1
        if len(batch) >= 64:
            flush()
        if progress:
            progress("analyze", done, len(pending))
    flush()
    return done


# -- grouping -----------------------------------------------------------------------------------------------
def _load_grouper(store: Store):
    from .stories.grouper import StoryGrouper
    from .stories.state import FORMAT_VERSION as GROUPER_STATE_VERSION
    from .stories.state import restore

    saved = store.load_grouper_state()
    if saved is not None and saved[0] == str(GROUPER_STATE_VERSION):
        return restore(saved[1])
    if saved is not None:
        log.warning("stored grouper state has version %s, this newsweave writes %s: starting afresh",
                    saved[0], GROUPER_STATE_VERSION)
    return StoryGrouper()


def _save_grouper(store: Store, grouper) -> None:
    from .stories.state import FORMAT_VERSION as GROUPER_STATE_VERSION
    from .stories.state import snapshot

    store.save_grouper_state(str(GROUPER_STATE_VERSION), snapshot(grouper))


def story_title(articles: Sequence[Article]) -> str | None:
    """A story's title: the earliest original report's title, else its first sentence (shortened); a title that
    is only a date ("27 NOVEMBER, 2005") names no story, so the next report's title is taken."""
    if not articles:
        return None
    from .ingest.datelines import headline, is_dateline

    originals = [a for a in articles if not a.copy_of] or list(articles)
    for a in originals:
        if a.title and a.title.strip() and not is_dateline(a.title):
            return a.title.strip()
    return headline(None, originals[0].text)


def _sync_stories(store: Store, grouper, story_ids: Iterable[str], merged: dict[str, str]) -> None:
    """Mirror the grouper's view of ``story_ids`` (and the merges in ``merged``) into the store. The merge
    targets are stored first: a story created and merged within one chunk is otherwise not yet in the store,
    and the merged story's ``merged_into`` would point at nothing (a foreign-key error)."""
    for sid in dict.fromkeys([*story_ids, *merged.values()]):
        state = grouper.story(sid)
        if not state.members:
            continue
        articles = store.get_articles(list(state.members))
        dated = [a.published.value for a in articles if a.published.value is not None]
        store.save_story(Story(state.id, story_title(sorted(articles, key=_arrival_key)),
                               min(dated) if dated else None, max(dated) if dated else None, None))
        for a in articles:
            m = grouper.members[a.id]
            store.set_member(StoryMember(state.id, a.id, m.score, m.copy_of, m.pinned))
    for old, new in reversed(merged.items()):  # latest merge first: each target is stored before it is named
        store.save_story(Story(old, store_title(store, old), None, None, merged_into=new))
        store.log_story_event("merge", manual=False, story_id=old, other_id=new,
                              detail="merged automatically: later reports showed the two stories are one")


def store_title(store: Store, story_id: str) -> str | None:
    try:
        return store.get_story(story_id).title
    except Exception:  # noqa: BLE001 - a story never stored before has no title yet
        return None


def _arrival_key(a: Article) -> tuple:
    return (a.published.value is None, a.published.value.timestamp() if a.published.value else 0.0)


def _grouping_features(store: Store, articles: Sequence[Article], embedder: Any) -> list[Any]:
    """Grouping features of ``articles`` (stored by the analysis pass; computed afresh where missing or
    stale), each with its sentence embedding (likewise stored by the analysis pass where it could)."""
    import dataclasses
    import json

    import numpy as np

    from .stories.features import article_features_batch
    from .stories.features_json import FEATURES_VERSION, features_from_json

    stored = store.get_products([a.id for a in articles], "grouping")
    by_id = {aid: features_from_json(json.loads(data)) for aid, (version, data) in stored.items()
             if version == FEATURES_VERSION}
    missing = [a for a in articles if a.id not in by_id]
    if missing:
        for f in article_features_batch(missing, embed=False):
            by_id[f.article_id] = f
    vectors_by_id = _stored_embeddings(store, articles)
    unembedded = [a for a in articles if a.id not in vectors_by_id]
    if unembedded:
        fresh = embedder.embed([_embedding_key(a)[0] for a in unembedded])
        vectors_by_id.update({a.id: v for a, v in zip(unembedded, fresh, strict=True)})
    vectors = [np.asarray(vectors_by_id[a.id], dtype=np.float32) for a in articles]
    out = []
    for a, v in zip(articles, vectors, strict=True):
        out.append(dataclasses.replace(by_id[a.id], embedding=v, copy_of=a.copy_of,
                                       published=a.published.value, title=a.title))
    return out


def run_grouping(store: Store, *, progress: Progress | None = None) -> tuple[int, int]:
    """Assign every ungrouped article to a story, in date order (undated in arrival order)."""
    from .stories.embeddings import default_embedder

    pending = store.articles_needing_grouping()
    if not pending:
        return 0, 0
    grouper = _load_grouper(store)
    already_merged = {sid for sid, s in grouper.stories.items() if s.merged_into}
    done = new = 0
    embedder = default_embedder()
    for chunk in _chunks(pending):
        articles = store.get_articles(chunk)
        features = _grouping_features(store, articles, embedder)
        touched: list[str] = []
        with store.transaction():
            for f in features:
                assignment = grouper.add(f)
                touched.append(assignment.story_id)
                new += int(assignment.is_new)
                done += 1
                if progress:
                    progress("group", done, len(pending))
            merged = {sid: grouper.resolve(sid) for sid, s in grouper.stories.items()
                      if s.merged_into and sid not in already_merged}
            already_merged |= set(merged)
            _sync_stories(store, grouper, [grouper.resolve(s) for s in touched], merged)
            _save_grouper(store, grouper)
    return done, new


# -- corrections (always pinned; the system never undoes them) ---------------------------------------------
def move_article(store: Store, article_id: str, story_id: str | None) -> str:
    grouper = _load_grouper(store)
    source = grouper.story_of(article_id)
    with store.transaction():
        if story_id is None:
            target = grouper.split(source, [article_id]) if len(grouper.story(source).members) > 1 else source
        else:
            target = grouper.move(article_id, store.resolve_story(story_id))
        grouper.members[article_id].pinned = True
        _sync_stories(store, grouper, [source, target], {})
        store.log_story_event("move", manual=True, story_id=target, other_id=source, article_id=article_id)
        _save_grouper(store, grouper)
    return target


def merge_stories(store: Store, story_id: str, into: str) -> str:
    grouper = _load_grouper(store)
    a, b = store.resolve_story(story_id), store.resolve_story(into)
    with store.transaction():
        target = grouper.merge(b, a, manual=True)
        merged = {a: target} if a != target else {}
        for old, new in merged.items():
            store.save_story(Story(old, store_title(store, old), None, None, merged_into=new))
        store.log_story_event("merge", manual=True, story_id=a, other_id=target, detail="merged by hand")
        _sync_stories(store, grouper, [target], {})
        _save_grouper(store, grouper)
    return target


def split_story(store: Store, story_id: str, article_ids: Sequence[str]) -> str:
    from .errors import InputError

    grouper = _load_grouper(store)
    with store.transaction():
        try:
            new_id = grouper.split(story_id, list(article_ids))
        except ValueError as exc:
            raise InputError(str(exc), reason="usage") from None
        _sync_stories(store, grouper, [story_id, new_id], {})
        store.log_story_event("split", manual=True, story_id=new_id, other_id=story_id,
                              detail=",".join(article_ids))
        _save_grouper(store, grouper)
    return new_id


# -- reconciliation -----------------------------------------------------------------------------------------
def run_reconcile(store: Store, *, progress: Progress | None = None, story_ids: Sequence[str] | None = None) -> int:
    """Rebuild the dossiers of stories whose membership or reconcile version changed."""
    from .reconcile.dossier import RECONCILE_VERSION as DOSSIER_VERSION

    stale = list(story_ids) if story_ids is not None else store.stale_dossiers(DOSSIER_VERSION)
    for n, sid in enumerate(stale, start=1):
        _build_and_save(store, sid)
        if progress:
            progress("reconcile", n, len(stale))
    return len(stale)


def _build_and_save(store: Store, story_id: str) -> dict[str, Any]:
    import json

    from .analyze.jsonl import analysis_from_record
    from .reconcile.disputes import dispute_of
    from .reconcile.dossier import RECONCILE_VERSION as DOSSIER_VERSION
    from .reconcile.dossier import article_claims_from_json, build_dossier, dossier_to_json

    story = store.get_story(story_id)
    member_ids = [m.article_id for m in store.story_members(story.id)]
    articles = store.get_articles(member_ids)
    analyses = {}
    for a in articles:
        record = store.get_analysis(a.id)
        if record is not None:
            analyses[a.id] = analysis_from_record(record)
    per_article = {aid: article_claims_from_json(json.loads(data))
                   for aid, (_version, data) in store.get_products(member_ids, "claims").items()}
    dossier = build_dossier(story, articles, analyses, per_article=per_article)
    data = dossier_to_json(dossier)
    conflicts = [(c.kind, c.verdict, c.side_a.id, c.side_b.id, c.reason, dispute_of(dossier.disputes, c))
                 for c in dossier.conflicts]
    store.save_dossier(story.id, DOSSIER_VERSION, member_ids, data, conflicts=conflicts)
    return data


def dossier_for(store: Store, story_id: str, *, rebuild: bool = False) -> dict[str, Any]:
    from .reconcile.dossier import RECONCILE_VERSION as DOSSIER_VERSION

    saved = store.get_dossier(story_id)
    members = [m.article_id for m in store.story_members(story_id)]
    if not rebuild and saved is not None and saved[0] == DOSSIER_VERSION and saved[1] == members:
        return saved[2]
    return _build_and_save(store, story_id)
