"""The ingest stage: raw reports in, articles stored exactly once, every problem recorded.

Readers (``sources.iter_reports``) turn files into :class:`RawReport` or :class:`Rejection`; this module
checks each report, gives it its content-hash id, recognises its outlet, links near-duplicates and earlier
versions of the same URL, and writes it — in small transactions, so that a crash loses at most the batch in
flight and re-running the same command completes the work without duplicates.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from ..model import Article, Outlet, Rejection
from ..store.base import Store
from .records import RawReport

__all__ = ["OUTCOMES", "IngestOutcome", "IngestReport", "Ingester", "guess_language", "raw_to_article"]

log = logging.getLogger(__name__)

OUTCOMES = ("added", "updated", "duplicate", "near-duplicate", "rejected")
NEAR_DUPLICATE_THRESHOLD = 0.8

_EN_STOPWORDS = frozenset(
    ["the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "was", "with", "as", "by", "at", "it", "from", "he", "said", "his", "are", "be", "has", "have", "were", "an", "but", "not", "this", "which", "their", "they", "had", "its", "who", "been", "will", "would", "after", "more", "also"]
)


@dataclass(frozen=True, slots=True)
class IngestOutcome:
    """What happened to one input record."""

    status: str  # one of OUTCOMES
    source: str
    line: int | None = None
    article_id: str | None = None
    reason: str | None = None
    message: str | None = None
    copy_of: str | None = None
    similarity: float | None = None
    title: str | None = None
    url: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {k: getattr(self, k) for k in self.__slots__ if getattr(self, k) is not None}


@dataclass
class IngestReport:
    outcomes: list[IngestOutcome] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        c = Counter(o.status for o in self.outcomes)
        return {k: c.get(k, 0) for k in OUTCOMES}

    @property
    def rejected(self) -> list[IngestOutcome]:
        return [o for o in self.outcomes if o.status == "rejected"]

    @property
    def added_ids(self) -> list[str]:
        return [o.article_id for o in self.outcomes if o.status in ("added", "updated", "near-duplicate")
                and o.article_id]

    def rejection_reasons(self) -> dict[str, int]:
        return dict(Counter(o.reason or "unknown" for o in self.rejected))

    def to_dict(self) -> dict[str, object]:
        return {
            "counts": self.counts,
            "rejection_reasons": self.rejection_reasons(),
            "outcomes": [o.to_dict() for o in self.outcomes],
        }


def guess_language(text: str) -> str | None:
    """``"en"`` when the text reads as English (stop-word share), else ``None`` (unknown — never guessed)."""
    words = re.findall(r"[a-z]+", text[:2000].lower())
    if len(words) < 5:
        return None
    share = sum(w in _EN_STOPWORDS for w in words) / len(words)
    return "en" if share >= 0.12 else None


class Ingester:
    """Stores raw reports into a :class:`Store`. Keeps the near-duplicate index warm between calls."""

    def __init__(self, store: Store, *, outlets_path: str | None = None, batch_size: int = 64) -> None:
        from .dedup import NearDuplicateIndex, signature_from_bytes
        from .outlets import load_outlets

        self.store = store
        self.outlets = load_outlets(outlets_path)
        self.batch_size = batch_size
        store.upsert_outlets(list(self.outlets))
        # Signatures only (no shingle sets): the same similarity estimate whether the index was just built
        # or restored from the store, and small memory at 100k articles.
        self.index = NearDuplicateIndex(keep_shingles=False)
        self.index.add_signatures((article_id, signature_from_bytes(sig)) for article_id, sig in store.iter_signatures())

    def ingest(
        self,
        items: Iterable[RawReport | Rejection],
        *,
        now: datetime | None = None,
        progress: Callable[[IngestOutcome], None] | None = None,
    ) -> IngestReport:
        from .sources import check_report

        now = now or datetime.now(UTC)
        report = IngestReport()
        batch: list[tuple[IngestOutcome, Callable[[], None]]] = []

        def flush() -> None:
            if not batch:
                return
            with self.store.transaction():
                for _, write in batch:
                    write()
            for outcome, _ in batch:
                report.outcomes.append(outcome)
                if progress:
                    progress(outcome)
            batch.clear()

        for item in items:
            if isinstance(item, Rejection):
                rejection = item
            else:
                rejection = check_report(item, now=now)
            if rejection is not None:
                outcome = IngestOutcome("rejected", rejection.source, rejection.line, reason=rejection.reason,
                                        message=rejection.message)
                stamped = rejection if rejection.at else _with_time(rejection, now)
                batch.append((outcome, lambda r=stamped: self.store.add_rejection(r)))
            else:
                assert isinstance(item, RawReport)
                batch.append(self._prepare(item, now, pending=batch))
            if len(batch) >= self.batch_size:
                flush()
        flush()
        return report

    def _prepare(
        self, raw: RawReport, now: datetime, *, pending: list[tuple[IngestOutcome, Callable[[], None]]]
    ) -> tuple[IngestOutcome, Callable[[], None]]:
        from .dedup import content_hash, signature_to_bytes

        digest = content_hash(raw.text)
        article_id = digest[:16]
        in_batch = {o.article_id for o, _ in pending}
        if article_id in in_batch or self.store.has_article(article_id):
            return IngestOutcome("duplicate", raw.source, raw.line, article_id=article_id, title=raw.title), _noop

        outlet = self.outlets.match(name=raw.outlet_name, url=raw.url)
        previous = self.store.latest_by_url(raw.url) if raw.url else None
        if previous is None and raw.url:
            previous = next((o.article_id for o, _ in reversed(pending)
                             if o.status in ("added", "updated", "near-duplicate") and _url_of(o) == raw.url), None)
        signature = self.index.signature(raw.text)
        copy_of, similarity = None, None
        for candidate, sim in self.index.query_signature(signature, NEAR_DUPLICATE_THRESHOLD):
            if candidate != article_id and candidate != previous:
                copy_of, similarity = candidate, float(sim)
                break
        self.index.add_signature(article_id, signature)

        article = replace(
            raw_to_article(raw, outlet=outlet, now=now, article_id=article_id),
            copy_of=copy_of, copy_similarity=similarity,
        )
        status = "updated" if previous else ("near-duplicate" if copy_of else "added")
        outcome = IngestOutcome(status, raw.source, raw.line, article_id=article_id, copy_of=copy_of or previous,
                                similarity=similarity, title=raw.title, url=raw.url)
        sig_bytes = signature_to_bytes(signature)

        def write() -> None:
            self.store.add_article(article, content_hash=digest, signature=sig_bytes, previous_version=previous)

        return outcome, write


def raw_to_article(
    raw: RawReport, *, outlet: Outlet | None = None, now: datetime | None = None, article_id: str | None = None
) -> Article:
    """The :class:`Article` a raw report becomes (id = first 16 hex digits of its content hash). A report
    without a publication time takes the one its dateline states, if any (:mod:`.datelines`)."""
    from .datelines import dateline_time
    from .dedup import content_hash

    return Article(
        id=article_id or content_hash(raw.text)[:16],
        text=raw.text,
        title=raw.title,
        url=raw.url,
        outlet=outlet.id if outlet else None,
        outlet_name=raw.outlet_name or (outlet.name if outlet else None),
        author=raw.author,
        language=raw.language or guess_language(raw.text),
        published=raw.published if raw.published.known else (
            dateline_time(raw.title, raw.text, now=now) or raw.published),
        ingested=now,
        source=raw.source if raw.line is None else f"{raw.source}:{raw.line}",
        external_id=raw.external_id,
    )


def _noop() -> None:
    return None


def _url_of(outcome: IngestOutcome) -> str | None:
    return outcome.url


def _with_time(rejection: Rejection, now: datetime) -> Rejection:
    return replace(rejection, at=now)
