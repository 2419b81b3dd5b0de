"""Schema migrations: from an empty file, from every earlier version, atomic on failure, refuse newer schemas."""

from __future__ import annotations

import sqlite3

import pytest

from newsweave.errors import SchemaError, StoreError
from newsweave.store import SQLiteStore
from newsweave.store import migrate as migrate_mod
from newsweave.store.migrate import migrate, migrations, schema_version

LATEST = migrations()[-1].number


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}


def test_migrations_are_numbered_without_gaps():
    numbers = [m.number for m in migrations()]
    assert numbers == list(range(1, len(numbers) + 1))
    assert LATEST >= 3


def test_empty_file_is_migrated_to_latest(tmp_path):
    store = SQLiteStore(tmp_path / "new.db")
    assert store.schema_version == LATEST
    conn = sqlite3.connect(tmp_path / "new.db")
    assert {"articles", "articles_fts", "rejections", "sentences", "timexes", "statements", "stories",
            "story_members", "dossiers", "claims", "conflicts"} <= _tables(conn)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()


@pytest.mark.parametrize("start", range(1, LATEST))
def test_upgrade_from_each_earlier_version_keeps_data(tmp_path, start):
    path = tmp_path / f"v{start}.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target=start)
    assert schema_version(conn) == start
    conn.execute(
        "INSERT INTO articles(id, content_hash, text, ingested) VALUES ('a1', 'h', 'Old text about a flood.', "
        "'2020-01-01T00:00:00+00:00')"
    )
    conn.close()
    store = SQLiteStore(path)
    assert store.schema_version == LATEST
    assert store.get_article("a1").text == "Old text about a flood."
    assert [h.article_id for h in store.search("flood")] == ["a1"]
    store.close()


def test_failed_migration_rolls_back_and_says_so(tmp_path, monkeypatch):
    good = migrations()
    broken = migrate_mod.Migration(LATEST + 1, "broken", "CREATE TABLE half_done (x INTEGER);\nTHIS IS NOT SQL;")
    monkeypatch.setattr(migrate_mod, "migrations", lambda: [*good, broken])
    conn = sqlite3.connect(tmp_path / "b.db", isolation_level=None)
    with pytest.raises(SchemaError, match="rolled back"):
        migrate(conn)
    assert schema_version(conn) == LATEST  # the good ones applied, the broken one not at all
    assert "half_done" not in _tables(conn)


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST + 5}")
    conn.close()
    with pytest.raises(SchemaError, match="newer"):
        SQLiteStore(path)


def test_not_a_database_is_a_store_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        SQLiteStore(path)


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        SQLiteStore(tmp_path / "nope" / "x.db")
