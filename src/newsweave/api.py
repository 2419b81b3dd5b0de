"""The library's front door: :func:`open` a store and work with it through :class:`Newsweave`.

The CLI, the web application and the HTTP API are thin clients of this class.
"""

from __future__ import annotations

import csv
import json
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, Any, Self

from .errors import InputError
from .ingest.records import RawReport
from .ingest.runner import Ingester, IngestOutcome, IngestReport
from .model import Article, Rejection
from .store import SQLiteStore, Store

__all__ = ["DEFAULT_DB", "Newsweave", "ProcessReport", "default_db_path", "open"]

log = logging.getLogger(__name__)

DEFAULT_DB = "newsweave.db"
DEFAULT_MAX_BYTES = 20_000_000

Progress = Callable[[str, int, int | None], None]


def default_db_path() -> str:
    """``$NEWSWEAVE_DB`` when set, else ``newsweave.db`` in the current directory."""
    return os.environ.get("NEWSWEAVE_DB") or DEFAULT_DB


def open(path: str | Path | None = None, *, outlets: str | Path | None = None, readonly: bool = False) -> Newsweave:
    """Open (creating and migrating if needed) a newsweave database; ``":memory:"`` for a throwaway one."""
    store = SQLiteStore(path if path is not None else default_db_path(), readonly=readonly)
    return Newsweave(store, outlets=str(outlets) if outlets else None)


@dataclass
class ProcessReport:
    """What :meth:`Newsweave.process` did: how many articles each stage handled."""

    analyzed: int = 0
    grouped: int = 0
    new_stories: int = 0
    dossiers: int = 0
    skipped_stages: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class Newsweave:
    """A newsweave store and the pipeline over it."""

    def __init__(self, store: Store, *, outlets: str | None = None) -> None:
        self.store = store
        self._outlets_path = outlets or os.environ.get("NEWSWEAVE_OUTLETS")
        self._ingester: Ingester | None = None

    # -- lifecycle --------------------------------------------------------------------------------------
    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def ingester(self) -> Ingester:
        if self._ingester is None:
            self._ingester = Ingester(self.store, outlets_path=self._outlets_path)
        return self._ingester

    # -- ingest -----------------------------------------------------------------------------------------
    def ingest(
        self,
        sources: str | Path | Sequence[str | Path],
        *,
        field_map: Mapping[str, str] | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
        process: bool = True,
        fetch_urls: bool = True,
        now: datetime | None = None,
        progress: Progress | None = None,
    ) -> IngestReport:
        """Read files, folders, ``-`` (stdin), ``.gz`` files or feed/page URLs and store their reports.

        Nothing aborts the batch: unusable inputs are rejected with a reason (see ``report.rejected``) and kept
        in the store. With ``process=True`` (default) the later stages run on the new articles.
        """
        from .ingest.sources import iter_reports

        if isinstance(sources, (str, Path)):
            sources = [sources]
        items = iter_reports([str(s) for s in sources], field_map=field_map, max_bytes=max_bytes, now=now,
                             fetch_urls=fetch_urls)
        return self._ingest_items(items, process=process, now=now, progress=progress)

    def ingest_records(
        self,
        records: Iterable[Mapping[str, Any]],
        *,
        source: str = "records",
        field_map: Mapping[str, str] | None = None,
        process: bool = True,
        now: datetime | None = None,
        progress: Progress | None = None,
    ) -> IngestReport:
        """Store reports given as dicts (the JSON field names of ``docs/input-formats.md``)."""
        from .ingest.structured import records_to_reports

        items = records_to_reports(records, source=source, field_map=field_map)
        return self._ingest_items(items, process=process, now=now, progress=progress)

    def ingest_texts(self, texts: Iterable[str], *, source: str = "text", process: bool = True) -> IngestReport:
        """Store plain texts (no date, no outlet) — mostly for quick experiments."""
        items = (RawReport(text=t, source=source, line=i) for i, t in enumerate(texts, start=1))
        return self._ingest_items(items, process=process, now=None, progress=None)

    def _ingest_items(
        self,
        items: Iterable[RawReport | Rejection],
        *,
        process: bool,
        now: datetime | None,
        progress: Progress | None,
    ) -> IngestReport:
        done = 0

        def tick(_: IngestOutcome) -> None:
            nonlocal done
            done += 1
            if progress:
                progress("ingest", done, None)

        report = self.ingester.ingest(items, now=now, progress=tick)
        if process and report.added_ids:
            report.process = self.process(progress=progress)  # type: ignore[attr-defined]
        return report

    # -- later stages -----------------------------------------------------------------------------------
    def process(self, *, progress: Progress | None = None, workers: int | None = None) -> ProcessReport:
        """Run every pipeline stage on what is new or stale: analysis, story grouping, reconciliation."""
        from . import stages

        return stages.run_all(self.store, progress=progress, workers=workers)

    # -- reading ----------------------------------------------------------------------------------------
    def article(self, article_id: str) -> Article:
        return self.store.get_article(article_id)

    def articles(
        self,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        outlet: str | None = None,
        text: str | None = None,
        limit: int | None = 50,
        offset: int = 0,
    ) -> list[Article]:
        return self.store.articles(since=since, until=until, outlet=outlet, text=text, limit=limit, offset=offset)

    def search(self, query: str, *, limit: int = 20, offset: int = 0):
        return self.store.search(query, limit=limit, offset=offset)

    def stats(self) -> dict[str, Any]:
        return self.store.stats()

    def rejections(self, *, limit: int = 100) -> list[Rejection]:
        return self.store.rejections(limit=limit)

    def analysis(self, article_id: str) -> dict[str, Any] | None:
        return self.store.get_analysis(self.store.get_article(article_id).id)

    def stories(self, **options: Any) -> list[dict[str, Any]]:
        return self.store.stories(**options)

    def story(self, story_id: str) -> dict[str, Any]:
        """A story with its members (articles, copy marks) — the listing behind ``newsweave story ID``."""
        sid = self.store.resolve_story(story_id)
        story = self.store.get_story(sid)
        members = self.store.story_members(sid)
        articles = {a.id: a for a in self.store.get_articles([m.article_id for m in members])}
        return {
            "story": story,
            "requested_id": story_id,
            "members": [(m, articles[m.article_id]) for m in members if m.article_id in articles],
            "events": self.store.story_events(sid),
        }

    def dossier(self, story_id: str, *, rebuild: bool = False) -> dict[str, Any]:
        """The reconciled account of a story (``docs/dossier-schema.md``), built now if missing or stale."""
        from . import stages

        sid = self.store.resolve_story(story_id)
        return stages.dossier_for(self.store, sid, rebuild=rebuild)

    # -- corrections ------------------------------------------------------------------------------------
    def move_article(self, article_id: str, story_id: str | None) -> str:
        from . import stages

        return stages.move_article(self.store, self.store.get_article(article_id).id, story_id)

    def merge_stories(self, story_id: str, into: str) -> str:
        from . import stages

        return stages.merge_stories(self.store, story_id, into)

    def split_story(self, story_id: str, article_ids: Sequence[str]) -> str:
        from . import stages

        ids = [self.store.get_article(a).id for a in article_ids]
        return stages.split_story(self.store, self.store.resolve_story(story_id), ids)

    # -- export -----------------------------------------------------------------------------------------
    def iter_export(self, **filters: Any) -> Iterator[dict[str, Any]]:
        for article in self.store.articles(limit=None, **filters):
            yield article_record(article)

    def export(self, out: IO[str], *, format: str = "jsonl", **filters: Any) -> int:
        """Write stored articles as JSONL or CSV (the JSON field names re-ingest losslessly)."""
        n = 0
        if format == "jsonl":
            for rec in self.iter_export(**filters):
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
        elif format == "csv":
            writer = csv.DictWriter(out, fieldnames=EXPORT_FIELDS, extrasaction="ignore")
            writer.writeheader()
            for rec in self.iter_export(**filters):
                writer.writerow(rec)
                n += 1
        else:
            raise InputError(f"unknown export format {format!r}; use jsonl or csv", reason="usage")
        return n


EXPORT_FIELDS = [
    "id", "published", "date_precision", "date_origin", "date_confidence", "title", "outlet", "outlet_id", "url",
    "author", "language", "copy_of", "copy_similarity", "external_id", "ingested_from", "ingested", "text",
]


def format_published(value: datetime | None, precision: str) -> str | None:
    """The publication time at its own precision: a day stays ``YYYY-MM-DD`` (no invented midnight)."""
    if value is None:
        return None
    if precision == "day":
        return value.date().isoformat()
    if precision == "minute":
        return value.isoformat(timespec="minutes")
    return value.isoformat()


def article_record(article: Article) -> dict[str, Any]:
    """An article as a JSON record in the ingest field names: exporting and re-ingesting loses nothing."""
    p = article.published
    return {
        "id": article.id,
        "published": format_published(p.value, p.precision),
        "date_precision": p.precision,
        "date_origin": p.origin,
        "date_confidence": p.confidence,
        "title": article.title,
        "outlet": article.outlet_name,
        "outlet_id": article.outlet,
        "url": article.url,
        "author": article.author,
        "language": article.language,
        "copy_of": article.copy_of,
        "copy_similarity": article.copy_similarity,
        "external_id": article.external_id,
        "ingested_from": article.source,
        "ingested": article.ingested.isoformat() if article.ingested else None,
        "text": article.text,
    }
