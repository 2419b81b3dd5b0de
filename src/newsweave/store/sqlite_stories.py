"""The SQLite store's tables after analysis: per-article products, stories, grouper state, dossiers.

A mixin of :class:`~newsweave.store.sqlite.SQLiteStore` (split out to keep each module readable); it uses the
store's ``_q`` (read), ``_w``/``_wmany`` (write) and ``transaction``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from ..errors import NotFound
from ..model import Story, StoryMember
from .rows import iso, parse_iso

__all__ = ["StoryTables"]


def _now() -> str:
    return datetime.now(UTC).isoformat()


def _fts_query(query: str) -> str:
    from .sqlite import _fts_query as fts

    return fts(query)


class StoryTables:
    """Story, product and dossier methods of the SQLite store."""

    # -- per-article products (claims, grouping features) ---------------------------------------------
    def save_product(self, article_id: str, kind: str, version: str, data: str) -> None:
        self._w(
            "INSERT INTO article_products(article_id, kind, version, data) VALUES (?,?,?,?) "
            "ON CONFLICT(article_id, kind) DO UPDATE SET version=excluded.version, data=excluded.data",
            (article_id, kind, version, data),
        )

    def get_products(self, article_ids: Sequence[str], kind: str) -> dict[str, tuple[str, str]]:
        """``{article_id: (version, data)}`` for those of ``article_ids`` that have a product of ``kind``."""
        out: dict[str, tuple[str, str]] = {}
        ids = list(article_ids)
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            rows = self._q(
                f"SELECT article_id, version, data FROM article_products WHERE kind = ? AND article_id IN "
                f"({','.join('?' * len(chunk))})", [kind, *chunk],
            )
            out.update({r[0]: (r[1], r[2]) for r in rows})
        return out

    def save_claims(self, rows: Sequence[tuple]) -> None:
        """Claims rows ``(id, article_id, start, end, subject, predicate, arguments_json, polarity, hedge,
        certainty)``; story_id is filled when the story's dossier is built."""
        self._wmany(
            "INSERT INTO claims(id, article_id, start, end, subject, predicate, arguments, polarity, hedge, certainty) "
            "VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET start=excluded.start, end=excluded.end, "
            "subject=excluded.subject, predicate=excluded.predicate, arguments=excluded.arguments, "
            "polarity=excluded.polarity, hedge=excluded.hedge, certainty=excluded.certainty",
            rows,
        )

    # -- stories --------------------------------------------------------------------------------------
    def articles_needing_grouping(self) -> list[str]:
        rows = self._q(
            "SELECT a.id FROM articles a LEFT JOIN story_members m ON m.article_id = a.id "
            "WHERE m.article_id IS NULL ORDER BY a.published IS NULL, a.published, a.rowid"
        )
        return [r[0] for r in rows]

    def save_story(self, story: Story) -> None:
        self._w(
            "INSERT INTO stories(id, title, first_seen, last_seen, created, merged_into) VALUES (?,?,?,?,?,?) "
            "ON CONFLICT(id) DO UPDATE SET title=excluded.title, first_seen=excluded.first_seen, "
            "last_seen=excluded.last_seen, merged_into=excluded.merged_into",
            (story.id, story.title, iso(story.first_seen), iso(story.last_seen), _now(), story.merged_into),
        )

    def set_member(self, member: StoryMember, *, reason: str | None = None) -> None:
        self._w(
            "INSERT INTO story_members(article_id, story_id, score, copy_of, pinned, reason, assigned) "
            "VALUES (?,?,?,?,?,?,?) ON CONFLICT(article_id) DO UPDATE SET story_id=excluded.story_id, "
            "score=excluded.score, copy_of=excluded.copy_of, pinned=excluded.pinned, reason=excluded.reason, "
            "assigned=excluded.assigned",
            (member.article_id, member.story_id, member.score, member.copy_of, int(member.pinned), reason, _now()),
        )

    def log_story_event(
        self, kind: str, *, manual: bool, story_id: str | None = None, other_id: str | None = None,
        article_id: str | None = None, detail: str | None = None,
    ) -> None:
        self._w(
            "INSERT INTO story_events(at, kind, manual, story_id, other_id, article_id, detail) VALUES (?,?,?,?,?,?,?)",
            (_now(), kind, int(manual), story_id, other_id, article_id, detail),
        )

    def story_events(self, story_id: str | None = None) -> list[dict[str, Any]]:
        if story_id is None:
            rows = self._q("SELECT * FROM story_events ORDER BY id")
        else:
            rows = self._q(
                "SELECT * FROM story_events WHERE story_id = ? OR other_id = ? ORDER BY id", (story_id, story_id)
            )
        return [dict(r) for r in rows]

    def resolve_story(self, story_id: str) -> str:
        """Follow merges: the id of the live story that ``story_id`` now belongs to."""
        seen = set()
        current = story_id
        while True:
            rows = self._q("SELECT id, merged_into FROM stories WHERE id = ?", (current,))
            if not rows:
                rows = self._q("SELECT id, merged_into FROM stories WHERE id LIKE ? LIMIT 2", (current + "%",))
                if len(rows) != 1 or len(current) < 4:
                    raise NotFound(f"no story with id {story_id!r}; list stories with `newsweave stories`")
            current_id, merged = rows[0]["id"], rows[0]["merged_into"]
            if merged is None or merged in seen:
                return current_id
            seen.add(current_id)
            current = merged

    def get_story(self, story_id: str) -> Story:
        rows = self._q("SELECT * FROM stories WHERE id = ?", (self.resolve_story(story_id),))
        r = rows[0]
        return Story(r["id"], r["title"], parse_iso(r["first_seen"]), parse_iso(r["last_seen"]), r["merged_into"])

    def story_members(self, story_id: str) -> list[StoryMember]:
        rows = self._q(
            "SELECT m.* FROM story_members m JOIN articles a ON a.id = m.article_id WHERE m.story_id = ? "
            "ORDER BY a.published IS NULL, a.published, a.rowid",
            (story_id,),
        )
        return [StoryMember(r["story_id"], r["article_id"], r["score"], r["copy_of"], bool(r["pinned"])) for r in rows]

    def story_of(self, article_id: str) -> str | None:
        rows = self._q("SELECT story_id FROM story_members WHERE article_id = ?", (article_id,))
        return rows[0][0] if rows else None

    def stories(
        self, *, limit: int | None = 50, offset: int = 0, order: str = "last_seen", query: str | None = None,
        since: datetime | None = None, until: datetime | None = None, outlet: str | None = None,
    ) -> list[dict[str, Any]]:
        """Live stories with their counts: size, outlets, independent sources (copies counted once)."""
        where = ["s.merged_into IS NULL"]
        params: list[Any] = []
        if since is not None:
            where.append("coalesce(s.last_seen, s.first_seen) >= ?")
            params.append(iso(since))
        if until is not None:
            where.append("coalesce(s.first_seen, s.last_seen) < ?")
            params.append(iso(until))
        if outlet:
            where.append(
                "EXISTS (SELECT 1 FROM story_members m2 JOIN articles a2 ON a2.id = m2.article_id "
                "WHERE m2.story_id = s.id AND (a2.outlet_id = ? OR lower(a2.outlet_name) = lower(?)))"
            )
            params += [outlet, outlet]
        if query:
            fts = _fts_query(query)
            if fts:
                where.append(
                    "(s.id IN (SELECT m3.story_id FROM articles_fts JOIN articles a3 ON a3.rowid = articles_fts.rowid "
                    "JOIN story_members m3 ON m3.article_id = a3.id WHERE articles_fts MATCH ?) "
                    "OR instr(lower(coalesce(s.title,'')), lower(?)) > 0)"
                )
                params += [fts, query]
        # 1. the page's story ids, ordered cheaply; 2. the counts for those stories only
        if order == "size":
            page_sql = (
                "SELECT s.id FROM stories s JOIN (SELECT story_id, count(*) AS n FROM story_members GROUP BY story_id) "
                f"c ON c.story_id = s.id WHERE {' AND '.join(where)} ORDER BY c.n DESC, s.last_seen DESC, s.id"
            )
        else:
            order_sql = {
                "last_seen": "s.last_seen IS NULL, s.last_seen DESC, s.id",
                "first_seen": "s.first_seen IS NULL, s.first_seen, s.id",
            }[order]
            page_sql = (
                f"SELECT s.id FROM stories s WHERE {' AND '.join(where)} AND EXISTS "
                f"(SELECT 1 FROM story_members m0 WHERE m0.story_id = s.id) ORDER BY {order_sql}"
            )
        if limit is not None:
            page_sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        page = [r[0] for r in self._q(page_sql, params)]
        if not page:
            return []
        marks = ",".join("?" * len(page))
        rows = {
            r["id"]: r
            for r in self._q(
                "SELECT s.id, s.title, s.first_seen, s.last_seen, count(m.article_id) AS size, "
                "count(DISTINCT coalesce(a.outlet_id, a.outlet_name)) AS outlets, "
                "sum(CASE WHEN m.copy_of IS NULL AND a.copy_of IS NULL THEN 1 ELSE 0 END) AS originals, "
                "sum(CASE WHEN a.published IS NULL THEN 0 ELSE 1 END) AS dated, "
                "(SELECT count(DISTINCT coalesce(c.dispute, -c.id)) FROM conflicts c "  # disputed facts
                "WHERE c.story_id = s.id AND c.verdict = 'contradiction') "
                "AS contradictions FROM stories s JOIN story_members m ON m.story_id = s.id "
                f"JOIN articles a ON a.id = m.article_id WHERE s.id IN ({marks}) GROUP BY s.id",
                page,
            )
        }
        return [
            {
                "id": r["id"], "title": r["title"], "first_seen": r["first_seen"], "last_seen": r["last_seen"],
                "size": r["size"], "outlets": r["outlets"], "independent_sources": r["originals"],
                "contradictions": r["contradictions"], "dated_reports": r["dated"],
            }
            for r in (rows[sid] for sid in page if sid in rows)
        ]

    def count_stories(self) -> int:
        return int(self._q("SELECT count(*) FROM stories WHERE merged_into IS NULL")[0][0])

    def save_grouper_state(self, version: str, state: bytes) -> None:
        self._w(
            "INSERT INTO grouper_state(id, version, saved, state) VALUES (1,?,?,?) ON CONFLICT(id) DO UPDATE SET "
            "version=excluded.version, saved=excluded.saved, state=excluded.state",
            (version, _now(), state),
        )

    def load_grouper_state(self) -> tuple[str, bytes] | None:
        rows = self._q("SELECT version, state FROM grouper_state WHERE id = 1")
        return (rows[0]["version"], bytes(rows[0]["state"])) if rows else None

    # -- dossiers -------------------------------------------------------------------------------------
    def save_dossier(
        self, story_id: str, version: str, article_ids: Sequence[str], dossier: dict[str, Any],
        *, conflicts: Sequence[tuple[str, str, str, str, str] | tuple[str, str, str, str, str, int | None]] = (),
    ) -> None:
        with self.transaction():
            self._conn.execute(
                "INSERT INTO dossiers(story_id, version, built, articles, dossier) VALUES (?,?,?,?,?) "
                "ON CONFLICT(story_id) DO UPDATE SET version=excluded.version, built=excluded.built, "
                "articles=excluded.articles, dossier=excluded.dossier",
                (story_id, version, _now(), json.dumps(list(article_ids)), json.dumps(dossier, ensure_ascii=False)),
            )
            self._conn.execute("DELETE FROM conflicts WHERE story_id = ?", (story_id,))
            self._conn.executemany(
                "UPDATE claims SET story_id = ? WHERE article_id = ?", [(story_id, a) for a in article_ids]
            )
            self._conn.executemany(
                "INSERT INTO conflicts(story_id, kind, verdict, claim_a, claim_b, reason, dispute) "
                "SELECT ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM claims WHERE id = ?) "
                "AND EXISTS (SELECT 1 FROM claims WHERE id = ?)",
                [(story_id, *c[:5], c[5] if len(c) > 5 else None, c[2], c[3]) for c in conflicts],
            )

    def get_dossier(self, story_id: str) -> tuple[str, list[str], dict[str, Any]] | None:
        rows = self._q("SELECT version, articles, dossier FROM dossiers WHERE story_id = ?", (story_id,))
        if not rows:
            return None
        return rows[0]["version"], json.loads(rows[0]["articles"]), json.loads(rows[0]["dossier"])

    def stale_dossiers(self, version: str) -> list[str]:
        rows = self._q(
            "SELECT s.id FROM stories s LEFT JOIN dossiers d ON d.story_id = s.id WHERE s.merged_into IS NULL AND "
            "(d.story_id IS NULL OR d.version != ? OR d.articles != (SELECT json_group_array(article_id) FROM "
            "(SELECT m.article_id FROM story_members m JOIN articles a ON a.id = m.article_id WHERE m.story_id = s.id "
            "ORDER BY a.published IS NULL, a.published, a.rowid)))",
            (version,),
        )
        return [r[0] for r in rows]

