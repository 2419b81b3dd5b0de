"""Converting model dataclasses to and from database rows (shared by every Store implementation)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from ..model import Article, Outlet, PublishedTime, Rejection

__all__ = [
    "ARTICLE_COLUMNS",
    "article_from_row",
    "article_to_row",
    "iso",
    "outlet_from_row",
    "outlet_to_row",
    "parse_iso",
    "rejection_from_row",
]

ARTICLE_COLUMNS = (
    "id", "content_hash", "text", "title", "url", "outlet_id", "outlet_name", "author", "language",
    "published", "published_precision", "published_origin", "published_confidence", "ingested", "source",
    "external_id", "copy_of", "copy_similarity", "previous_version", "signature",
)


def iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.isoformat()


def parse_iso(value: str | None) -> datetime | None:
    if not value:
        return None
    dt = datetime.fromisoformat(value)
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def article_to_row(
    article: Article, *, content_hash: str, signature: bytes | None, previous_version: str | None
) -> tuple[Any, ...]:
    p = article.published
    return (
        article.id, content_hash, article.text, article.title, article.url, article.outlet,
        article.outlet_name, article.author, article.language, iso(p.value), p.precision, p.origin,
        float(p.confidence), iso(article.ingested), article.source, article.external_id, article.copy_of,
        article.copy_similarity, previous_version, signature,
    )


def article_from_row(row: Mapping[str, Any]) -> Article:
    return Article(
        id=row["id"],
        text=row["text"],
        title=row["title"],
        url=row["url"],
        outlet=row["outlet_id"],
        outlet_name=row["outlet_name"],
        author=row["author"],
        language=row["language"],
        published=PublishedTime(
            parse_iso(row["published"]),
            row["published_precision"],
            row["published_origin"],
            row["published_confidence"],
        ),
        ingested=parse_iso(row["ingested"]),
        source=row["source"],
        external_id=row["external_id"],
        copy_of=row["copy_of"],
        copy_similarity=row["copy_similarity"],
    )


def outlet_to_row(outlet: Outlet) -> tuple[Any, ...]:
    return (
        outlet.id, outlet.name, " ".join(outlet.domains), outlet.country, outlet.kind, "|".join(outlet.aliases)
    )


def outlet_from_row(row: Mapping[str, Any]) -> Outlet:
    return Outlet(
        id=row["id"],
        name=row["name"],
        domains=tuple(d for d in row["domains"].split() if d),
        country=row["country"],
        kind=row["kind"],
        aliases=tuple(a for a in row["aliases"].split("|") if a),
    )


def rejection_from_row(row: Mapping[str, Any]) -> Rejection:
    return Rejection(
        source=row["source"],
        reason=row["reason"],
        message=row["message"],
        line=row["line"] or None,
        excerpt=row["excerpt"],
        at=parse_iso(row["last_at"]),
    )
