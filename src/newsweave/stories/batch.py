"""Batch grouping for research: the online path run over a whole file, in date order.

``newsweave group INPUT.jsonl`` calls :func:`group_jsonl`: it reads ``{"id", "date", "title", "text", "source"}``
records (``date`` may be missing or null), groups them in date order (input order where dates are missing)
through exactly the same :class:`StoryGrouper` as ingest, and writes ``{"id": ..., "story": ...}`` lines with the
final story of every input record, in input order.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from ..errors import InputError
from ..model import Article, PublishedTime, Rejection
from .embeddings import SentenceEmbedder
from .features import ArticleFeatures, article_features_batch
from .grouper import Assignment, GroupingConfig, StoryGrouper
from .workers import features_many

__all__ = ["arrival_order", "group_articles", "group_jsonl", "read_jsonl_articles"]

log = logging.getLogger(__name__)


def arrival_order(articles: list[Article]) -> list[int]:
    """Indices of ``articles`` in processing order: by publication time; an undated report keeps its place
    after the report before it in the input (so an all-undated input keeps input order)."""
    keys = []
    last: datetime | None = None
    for i, a in enumerate(articles):
        when = a.published.value if a.published is not None else None
        if when is not None:
            when = when if when.tzinfo else when.replace(tzinfo=UTC)
            last = when
        keys.append((when or last or datetime.min.replace(tzinfo=UTC), i))
    return [i for _, i in sorted(keys)]


def group_articles(
    articles: Iterable[Article],
    *,
    config: GroupingConfig | None = None,
    grouper: StoryGrouper | None = None,
    embedder: SentenceEmbedder | None = None,
    batch_size: int = 32,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[Assignment]:
    """Group ``articles`` with the online path, in :func:`arrival_order`; assignments come back in input order.

    Features (spaCy entities and lemmas, the sentence embedding) are computed on ``workers`` processes (default:
    2 for 64 reports or more, else 1; always 1 when you pass your own ``embedder``); the reports are then added
    to the grouper one by one in arrival order, as ingest does. ``progress(done, total)`` is called as reports
    are assigned. ``Assignment.story_id`` is the story at the time of assignment; use ``grouper.resolve`` (pass
    your own ``grouper``) for the final story after later merges.
    """
    articles = list(articles)
    grouper = grouper or StoryGrouper(config)
    order = arrival_order(articles)
    if workers is None:
        workers = 2 if len(articles) >= 64 else 1
    if embedder is not None:
        workers = 1
    if workers == 1:
        feats: Iterable[ArticleFeatures] = (
            f for start in range(0, len(order), batch_size)
            for f in article_features_batch([articles[i] for i in order[start : start + batch_size]],
                                            embedder=embedder, batch_size=batch_size)
        )
    else:
        feats = features_many((articles[i] for i in order), workers=workers, batch_size=batch_size)
    result: dict[int, Assignment] = {}
    for done, (i, f) in enumerate(zip(order, feats, strict=True), start=1):
        result[i] = grouper.add(f)
        if progress:
            progress(done, len(order))
    return [result[i] for i in range(len(articles))]


def _parse_date(value, *, source: str, line: int) -> PublishedTime:
    if value in (None, ""):
        return PublishedTime(None)
    try:
        when = datetime.fromisoformat(str(value))  # Python 3.11 reads a trailing Z
    except ValueError as exc:
        raise InputError(f"date {value!r} is not an ISO date (YYYY-MM-DD or a full ISO timestamp); fix or "
                         "remove it", source=source, line=line) from exc
    precision = "day" if len(str(value)) <= 10 else "second"
    return PublishedTime(when if when.tzinfo else when.replace(tzinfo=UTC), precision, "field", 1.0)


def read_jsonl_articles(
    stream: Iterable[str], *, source: str = "-", rejected: list[Rejection] | None = None, datelines: bool = False
) -> list[Article]:
    """Articles from ``{"id", "date", "title", "text", "source"}`` lines (the ``source`` is kept, not used).

    A bad line (not JSON, no ``id`` or string ``text``, an unreadable ``date``, an ``id`` seen before) raises
    :class:`~newsweave.errors.InputError` naming the line; with a ``rejected`` list it is appended there as a
    :class:`~newsweave.model.Rejection` instead and the other lines are read. With ``datelines``, a record
    without a ``date`` takes the date its own dateline states, as ingest does (:mod:`newsweave.ingest.datelines`);
    by default dates come from the ``date`` field only."""
    from ..ingest.datelines import dateline_time

    articles: list[Article] = []
    seen: set[str] = set()
    for n, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            article = _article_from_line(line, source=source, line=n)
            if article.id in seen:
                raise InputError(f"duplicate id {article.id!r}; the first record with this id was kept",
                                 source=source, line=n)
        except InputError as exc:
            if rejected is None:
                raise
            rejected.append(Rejection(source=source, reason=exc.reason, message=exc.detail, line=n,
                                      excerpt=line.strip()[:80]))
            continue
        if datelines and not article.published.known:
            found = dateline_time(article.title, article.text)
            article = replace(article, published=found) if found is not None else article
        seen.add(article.id)
        articles.append(article)
    return articles


def _article_from_line(text: str, *, source: str, line: int) -> Article:
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"not a JSON object ({exc.msg})", source=source, line=line) from exc
    if not isinstance(record, dict) or "id" not in record or not isinstance(record.get("text"), str):
        raise InputError("each line needs an 'id' and a string 'text'", source=source, line=line)
    return Article(
        id=str(record["id"]),
        text=record["text"],
        title=record.get("title") or None,
        published=_parse_date(record.get("date"), source=source, line=line),
        source=f"{source}:{line}",
        external_id=str(record["id"]),
    )


def _decoded_lines(stream: IO[bytes], *, source: str, rejected: list[Rejection] | None) -> Iterator[str]:
    """The lines of a UTF-8 file; an undecodable line raises, or is rejected and read as a blank line."""
    for n, raw in enumerate(stream, 1):
        try:
            yield raw.decode("utf-8-sig" if n == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            error = InputError(f"line is not UTF-8 (byte {exc.start}); re-encode the file as UTF-8",
                               source=source, line=n, reason="undecodable")
            if rejected is None:
                raise error from exc
            rejected.append(Rejection(source=source, reason=error.reason, message=error.detail, line=n))
            yield "\n"


def group_jsonl(
    input_path: str | Path | IO[str],
    output: str | Path | IO[str],
    *,
    config: GroupingConfig | None = None,
    embedder: SentenceEmbedder | None = None,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    rejected: list[Rejection] | None = None,
    datelines: bool = False,
) -> dict[str, str]:
    """``newsweave group INPUT.jsonl``: group the records and write ``{"id", "story"}`` lines; returns id → story.

    A bad record raises :class:`~newsweave.errors.InputError` naming its line; with a ``rejected`` list, bad
    records are appended there and skipped, and every other record is grouped (and written). ``workers`` and
    ``progress`` are passed to :func:`group_articles`; ``datelines`` to :func:`read_jsonl_articles`."""
    if isinstance(input_path, (str, Path)):
        source = str(input_path)
        try:
            with open(input_path, "rb") as fh:
                articles = read_jsonl_articles(_decoded_lines(fh, source=source, rejected=rejected),
                                               source=source, rejected=rejected, datelines=datelines)
        except OSError as exc:
            raise InputError(f"cannot read input: {exc.strerror}; check the path", source=source) from exc
    else:
        articles = read_jsonl_articles(input_path, rejected=rejected, datelines=datelines)
    grouper = StoryGrouper(config)
    group_articles(articles, grouper=grouper, embedder=embedder, workers=workers, progress=progress)
    stories = {a.id: grouper.story_of(a.id) for a in articles}
    lines = "".join(json.dumps({"id": a.id, "story": stories[a.id]}) + "\n" for a in articles)
    if isinstance(output, (str, Path)):
        Path(output).write_text(lines, encoding="utf-8")
    else:
        output.write(lines)
    log.info("grouped %d articles into %d stories", len(articles), len(set(stories.values())))
    return stories
