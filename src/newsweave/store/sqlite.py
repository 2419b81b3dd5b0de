"""The embedded store: one SQLite file in WAL mode, one writer, numbered migrations, FTS5 search."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Self

from ..errors import NotFound, StoreError
from ..model import Article, Outlet, Rejection
from .base import SearchHit, marked_snippet
from .migrate import migrate, schema_version
from .rows import (
    ARTICLE_COLUMNS,
    article_from_row,
    article_to_row,
    iso,
    outlet_from_row,
    outlet_to_row,
    parse_iso,
    rejection_from_row,
)
from .sqlite_stories import StoryTables

__all__ = ["SQLiteStore"]

_ARTICLE_SELECT = "SELECT " + ", ".join(c for c in ARTICLE_COLUMNS if c != "signature") + " FROM articles"


#: Search ranks (BM25) the most recently stored matches up to this many; older matches beyond it are not ranked.
RANK_WINDOW = 5000


def _now() -> str:
    return datetime.now(UTC).isoformat()


class SQLiteStore(StoryTables):
    """newsweave's default store. Thread-safe: one connection, writes serialised by a lock.

    Open with :func:`newsweave.open` or ``SQLiteStore(path)``; ``":memory:"`` works for experiments.
    """

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            parent = Path(self.path).expanduser().resolve().parent
            if not parent.exists():
                raise StoreError(f"{self.path}: the folder {parent} does not exist; create it or choose another --db")
        try:
            if readonly:
                uri = Path(self.path).resolve().as_uri() + "?mode=ro"
                self._conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            else:
                self._conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=30)
            self._conn.row_factory = sqlite3.Row
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._conn.execute("PRAGMA busy_timeout = 30000")
            if not readonly:
                if self.path != ":memory:":
                    self._conn.execute("PRAGMA journal_mode = WAL")
                self._conn.execute("PRAGMA synchronous = NORMAL")
                migrate(self._conn)
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"{self.path}: cannot open as a newsweave database ({exc}). Is it a SQLite file? "
                "Choose another path with --db."
            ) from exc
        self._lock = threading.RLock()
        self._depth = 0

    # -- plumbing -------------------------------------------------------------------------------------
    @property
    def schema_version(self) -> int:
        return schema_version(self._conn)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside happen atomically; nested calls join the outer transaction."""
        with self._lock:
            if self._depth == 0:
                self._conn.execute("BEGIN IMMEDIATE")
            self._depth += 1
            try:
                yield
            except BaseException:
                self._depth -= 1
                if self._depth == 0:
                    self._conn.execute("ROLLBACK")
                raise
            else:
                self._depth -= 1
                if self._depth == 0:
                    self._conn.execute("COMMIT")

    def _q(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    def _w(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        with self.transaction():
            return self._conn.execute(sql, params)

    def _wmany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        with self.transaction():
            self._conn.executemany(sql, rows)

    # -- outlets --------------------------------------------------------------------------------------
    def upsert_outlets(self, outlets: Iterable[Outlet]) -> None:
        self._wmany(
            "INSERT INTO outlets(id, name, domains, country, kind, aliases) VALUES (?,?,?,?,?,?) "
            "ON CONFLICT(id) DO UPDATE SET name=excluded.name, domains=excluded.domains, "
            "country=excluded.country, kind=excluded.kind, aliases=excluded.aliases",
            (outlet_to_row(o) for o in outlets),
        )

    def outlets(self) -> list[Outlet]:
        return [outlet_from_row(r) for r in self._q("SELECT * FROM outlets ORDER BY name")]

    def get_outlet(self, outlet_id: str) -> Outlet | None:
        rows = self._q("SELECT * FROM outlets WHERE id = ?", (outlet_id,))
        return outlet_from_row(rows[0]) if rows else None

    # -- articles -------------------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return bool(self._q("SELECT 1 FROM articles WHERE id = ?", (article_id,)))

    def latest_by_url(self, url: str) -> str | None:
        rows = self._q("SELECT id FROM articles WHERE url = ? ORDER BY ingested DESC, rowid DESC LIMIT 1", (url,))
        return rows[0]["id"] if rows else None

    def add_article(
        self,
        article: Article,
        *,
        content_hash: str,
        signature: bytes | None = None,
        previous_version: str | None = None,
    ) -> bool:
        """Insert an article; returns False (and changes nothing) when its id is already stored."""
        if article.outlet is not None and not self._q("SELECT 1 FROM outlets WHERE id = ?", (article.outlet,)):
            article = replace(article, outlet=None)
        if article.ingested is None:
            article = replace(article, ingested=datetime.now(UTC))
        placeholders = ",".join("?" * len(ARTICLE_COLUMNS))
        cur = self._w(
            f"INSERT INTO articles({', '.join(ARTICLE_COLUMNS)}) VALUES ({placeholders}) "
            "ON CONFLICT(id) DO NOTHING",
            article_to_row(article, content_hash=content_hash, signature=signature, previous_version=previous_version),
        )
        return cur.rowcount == 1

    def get_article(self, article_id: str) -> Article:
        rows = self._q(_ARTICLE_SELECT + " WHERE id = ?", (article_id,))
        if not rows:
            rows = self._q(_ARTICLE_SELECT + " WHERE id LIKE ? LIMIT 2", (article_id + "%",)) if len(article_id) >= 6 else []
            if len(rows) != 1:
                raise NotFound(f"no article with id {article_id!r}; list ids with `newsweave articles`")
        return article_from_row(rows[0])

    def get_articles(self, article_ids: Sequence[str]) -> list[Article]:
        out: list[Article] = []
        for i in range(0, len(article_ids), 500):
            chunk = list(article_ids[i : i + 500])
            rows = self._q(_ARTICLE_SELECT + f" WHERE id IN ({','.join('?' * len(chunk))})", chunk)
            by_id = {r["id"]: article_from_row(r) for r in rows}
            out.extend(by_id[a] for a in chunk if a in by_id)
        return out

    def article_meta(self, article_id: str) -> dict[str, Any]:
        rows = self._q("SELECT previous_version, content_hash FROM articles WHERE id = ?", (article_id,))
        if not rows:
            raise NotFound(f"no article with id {article_id!r}")
        later = self._q("SELECT id FROM articles WHERE previous_version = ?", (article_id,))  # indexed (0005)
        copies = self._q(
            "SELECT id, copy_similarity FROM articles WHERE copy_of = ? ORDER BY copy_similarity DESC", (article_id,)
        )
        return {
            "previous_version": rows[0]["previous_version"],
            "next_versions": [r["id"] for r in later],
            "copies": [{"id": r["id"], "similarity": r["copy_similarity"]} for r in copies],
        }

    def articles(
        self,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        outlet: str | None = None,
        text: str | None = None,
        limit: int | None = 50,
        offset: int = 0,
        order: str = "published",
    ) -> list[Article]:
        where, params = self._article_filters(since=since, until=until, outlet=outlet, text=text)
        order_sql = {
            "published": "published IS NULL, published DESC, rowid DESC",
            "ingested": "rowid ASC",
        }[order]
        sql = _ARTICLE_SELECT + (" WHERE " + " AND ".join(where) if where else "") + f" ORDER BY {order_sql}"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        return [article_from_row(r) for r in self._q(sql, params)]

    def count_articles(self, **filters: Any) -> int:
        where, params = self._article_filters(**filters)
        sql = "SELECT count(*) FROM articles" + (" WHERE " + " AND ".join(where) if where else "")
        return int(self._q(sql, params)[0][0])

    @staticmethod
    def _article_filters(
        *, since: datetime | None = None, until: datetime | None = None, outlet: str | None = None, text: str | None = None
    ) -> tuple[list[str], list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        if since is not None:
            where.append("published >= ?")
            params.append(iso(since))
        if until is not None:
            where.append("published < ?")
            params.append(iso(until))
        if outlet:
            where.append("(outlet_id = ? OR lower(outlet_name) = lower(?))")
            params += [outlet, outlet]
        if text:
            where.append("(instr(lower(text), lower(?)) > 0 OR instr(lower(coalesce(title, '')), lower(?)) > 0)")
            params += [text, text]
        return where, params

    def iter_article_ids(self, *, order: str = "ingested") -> list[str]:
        order_sql = "rowid" if order == "ingested" else "published IS NULL, published, rowid"
        return [r[0] for r in self._q(f"SELECT id FROM articles ORDER BY {order_sql}")]

    def iter_signatures(self) -> Iterator[tuple[str, bytes]]:
        for row in self._q("SELECT id, signature FROM articles WHERE signature IS NOT NULL ORDER BY rowid"):
            yield row["id"], row["signature"]

    def search(self, query: str, *, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        """Full-text search (FTS5, BM25 ranking with the title weighted x5, among the newest ``RANK_WINDOW``
        matches) with highlighted snippets."""
        fts_query = _fts_query(query)
        if not fts_query:
            return []
        try:
            # News search favours recent reports, and BM25 over every match of a common word costs ~100 ms at
            # 100k reports: rank the newest RANK_WINDOW matches only, then build snippets for the page alone.
            floor = self._q(
                "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
                (fts_query, RANK_WINDOW - 1),
            )
            ranked = self._q(
                "SELECT rowid, bm25(articles_fts, 5.0, 1.0) AS rank FROM articles_fts WHERE articles_fts MATCH ? "
                "AND rowid >= ? ORDER BY rank LIMIT ? OFFSET ?",
                (fts_query, floor[0][0] if floor else 0, limit, offset),
            )
            if not ranked:
                return []
            ids = [r[0] for r in ranked]
            detail = {
                r["rowid"]: r
                for r in self._q(
                    "SELECT articles_fts.rowid AS rowid, a.id, a.title, a.outlet_name, a.published, "
                    "snippet(articles_fts, 1, char(2), char(3), ' … ', 12) AS snippet FROM articles_fts "
                    "JOIN articles a ON a.rowid = articles_fts.rowid "
                    f"WHERE articles_fts MATCH ? AND articles_fts.rowid IN ({','.join('?' * len(ids))})",
                    (fts_query, *ids),
                )
            }
        except sqlite3.OperationalError as exc:
            raise StoreError(f"search query {query!r} could not be run: {exc}") from exc
        rows = [dict(detail[r[0]], rank=r[1]) for r in ranked if r[0] in detail]
        return [
            SearchHit(
                article_id=r["id"], title=r["title"], outlet=r["outlet_name"], published=parse_iso(r["published"]),
                score=-float(r["rank"]), snippet=snippet, highlights=highlights,
            )
            for r in rows
            for snippet, highlights in [marked_snippet(r["snippet"] or "")]
        ]

    # -- rejections -----------------------------------------------------------------------------------
    def add_rejection(self, rejection: Rejection) -> None:
        at = iso(rejection.at) or _now()
        self._w(
            "INSERT INTO rejections(source, line, reason, message, excerpt, first_at, last_at) "
            "VALUES (?,?,?,?,?,?,?) ON CONFLICT(source, line, reason) DO UPDATE SET "
            "message=excluded.message, excerpt=excluded.excerpt, last_at=excluded.last_at, seen=seen+1",
            (rejection.source, rejection.line or 0, rejection.reason, rejection.message,
             (rejection.excerpt or "")[:500] or None, at, at),
        )

    def rejections(self, *, limit: int = 100) -> list[Rejection]:
        return [rejection_from_row(r) for r in self._q("SELECT * FROM rejections ORDER BY id DESC LIMIT ?", (limit,))]

    # -- analysis -------------------------------------------------------------------------------------
    def articles_needing_analysis(self, version: str) -> list[str]:
        rows = self._q(
            "SELECT a.id FROM articles a LEFT JOIN analyses n ON n.article_id = a.id "
            "WHERE n.article_id IS NULL OR n.version != ? ORDER BY a.rowid",
            (version,),
        )
        return [r[0] for r in rows]

    def save_analysis(self, article_id: str, version: str, record: dict[str, Any]) -> None:
        """Store one article's analysis record and its rows (sentences, mentions, timexes, statements)."""
        from .analysis_rows import analysis_rows

        rows = analysis_rows(article_id, record)
        with self.transaction():
            for table in ("sentences", "mentions", "timexes", "statements"):
                self._conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
            self._conn.executemany(
                "INSERT INTO entities(id, name, label, aliases) VALUES (?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
                "aliases = CASE WHEN length(excluded.aliases) > length(aliases) THEN excluded.aliases ELSE aliases END",
                rows.entities,
            )
            self._conn.executemany("INSERT INTO sentences VALUES (?,?,?,?)", rows.sentences)
            self._conn.executemany("INSERT INTO mentions VALUES (?,?,?,?,?,?) ON CONFLICT DO NOTHING", rows.mentions)
            self._conn.executemany("INSERT INTO timexes VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING", rows.timexes)
            self._conn.executemany(
                "INSERT INTO statements VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows.statements
            )
            self._conn.execute(
                "INSERT INTO analyses(article_id, version, analyzed_at, record) VALUES (?,?,?,?) "
                "ON CONFLICT(article_id) DO UPDATE SET version=excluded.version, analyzed_at=excluded.analyzed_at, "
                "record=excluded.record",
                (article_id, version, _now(), json.dumps(record, ensure_ascii=False)),
            )

    def get_analysis(self, article_id: str) -> dict[str, Any] | None:
        rows = self._q("SELECT record FROM analyses WHERE article_id = ?", (article_id,))
        return json.loads(rows[0][0]) if rows else None

    # -- overview -------------------------------------------------------------------------------------
    def stats(self) -> dict[str, Any]:
        one = lambda sql: self._q(sql)[0][0]
        by_origin = {r[0]: r[1] for r in self._q("SELECT published_origin, count(*) FROM articles GROUP BY 1")}
        by_reason = {r[0]: r[1] for r in self._q("SELECT reason, count(*) FROM rejections GROUP BY 1")}
        top_outlets = [
            {"outlet": r[0], "articles": r[1]}
            for r in self._q(
                "SELECT coalesce(o.name, a.outlet_name, '(unknown)'), count(*) FROM articles a "
                "LEFT JOIN outlets o ON o.id = a.outlet_id GROUP BY 1 ORDER BY 2 DESC LIMIT 10"
            )
        ]
        return {
            "database": self.path,
            "schema_version": self.schema_version,
            "articles": one("SELECT count(*) FROM articles"),
            "near_duplicates": one("SELECT count(*) FROM articles WHERE copy_of IS NOT NULL"),
            "updated_versions": one("SELECT count(*) FROM articles WHERE previous_version IS NOT NULL"),
            "dateless": one("SELECT count(*) FROM articles WHERE published IS NULL"),
            "first_published": one("SELECT min(published) FROM articles"),
            "last_published": one("SELECT max(published) FROM articles"),
            "outlets_seen": one("SELECT count(DISTINCT coalesce(outlet_id, outlet_name)) FROM articles"),
            "analyzed": one("SELECT count(*) FROM analyses"),
            "stories": one("SELECT count(*) FROM stories WHERE merged_into IS NULL"),
            "merged_stories": one("SELECT count(*) FROM stories WHERE merged_into IS NOT NULL"),
            "dossiers": one("SELECT count(*) FROM dossiers"),
            "rejections": one("SELECT count(*) FROM rejections"),
            "rejections_by_reason": by_reason,
            "published_origin": by_origin,
            "top_outlets": top_outlets,
        }

    def integrity_check(self) -> str:
        return str(self._q("PRAGMA integrity_check")[0][0])


def _fts_query(query: str) -> str:
    """Turn user text into a safe FTS5 query: words AND-ed, quoted phrases kept, prefix with trailing *."""
    import re

    parts = re.findall(r'"([^"]+)"|(\S+)', query)
    terms = []
    for phrase, word in parts:
        if phrase:
            cleaned = " ".join(re.findall(r"\w+", phrase))
            if cleaned:
                terms.append(f'"{cleaned}"')
        else:
            prefix = word.endswith("*")
            for token in re.findall(r"\w+", word):
                terms.append(f'"{token}"' + ("*" if prefix else ""))
    return " AND ".join(terms)
