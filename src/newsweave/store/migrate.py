"""Numbered schema migrations for the SQLite store, each applied in its own transaction.

Migration files live beside this module as ``NNNN_name.sql``; the database records the last one applied in
``PRAGMA user_version``. A migration either applies completely or not at all.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from importlib import resources

from ..errors import SchemaError

__all__ = ["Migration", "migrate", "migrations", "schema_version"]

_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    number: int
    name: str
    sql: str


def migrations() -> list[Migration]:
    """All migrations shipped with this newsweave, in order."""
    found = []
    for entry in resources.files(__package__).joinpath("migrations").iterdir():
        m = _NAME.match(entry.name)
        if m:
            found.append(Migration(int(m.group(1)), m.group(2), entry.read_text(encoding="utf-8")))
    found.sort(key=lambda mig: mig.number)
    for expected, mig in enumerate(found, start=1):
        if mig.number != expected:  # pragma: no cover - packaging error
            raise SchemaError(f"migration {expected:04d} is missing (found {mig.number:04d}_{mig.name}.sql)")
    return found


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, *, target: int | None = None) -> list[Migration]:
    """Apply the pending migrations up to ``target`` (default: all). Returns those applied.

    ``conn`` must be in autocommit mode (``isolation_level=None``): each migration runs inside its own
    ``BEGIN IMMEDIATE … COMMIT``, and a failure rolls that migration back and raises :class:`SchemaError`.
    """
    available = migrations()
    latest = available[-1].number if available else 0
    current = schema_version(conn)
    if current > latest:
        raise SchemaError(
            f"this database has schema version {current}, newer than this newsweave knows ({latest}); "
            "upgrade newsweave (pip install -U newsweave) to open it"
        )
    target = latest if target is None else target
    applied = []
    for mig in available:
        if mig.number <= current or mig.number > target:
            continue
        try:
            conn.execute("BEGIN IMMEDIATE")
            for statement in _split_statements(mig.sql):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {mig.number:d}")
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise SchemaError(
                f"migration {mig.number:04d}_{mig.name} failed and was rolled back: {exc}. The database is "
                f"unchanged at schema version {schema_version(conn)}."
            ) from exc
        applied.append(mig)
    return applied


def _split_statements(sql: str) -> list[str]:
    """Split a migration script into statements, keeping trigger bodies (BEGIN … END;) whole."""
    statements: list[str] = []
    buf = ""
    for line in sql.splitlines(keepends=True):
        stripped = line.strip()
        if not buf and (not stripped or stripped.startswith("--")):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            statements.append(buf.strip())
            buf = ""
    if buf.strip():
        statements.append(buf.strip())
    return statements
