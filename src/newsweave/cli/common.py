"""Shared CLI plumbing: the --db/--json options, opening the store, printing, and error → exit code."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from functools import wraps
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console

from ..errors import InputError, NewsweaveError

__all__ = [
    "EXIT_CODES",
    "DbOption",
    "JsonOption",
    "console",
    "emit_json",
    "err_console",
    "handle_errors",
    "open_db",
    "parse_when",
]

console = Console(highlight=False, soft_wrap=False)
err_console = Console(stderr=True, highlight=False)

EXIT_CODES = {
    0: "success (rejected inputs, if any, are reported and kept in the store; see --strict)",
    1: "unexpected error (a bug: please report it with the message)",
    2: "bad input or usage: unreadable file, unknown option value, malformed query",
    3: "store error: the database cannot be opened, read or written",
    4: "not found: no article or story with that id",
    5: "model error: a bundled language model is missing or damaged",
    6: "ingest finished but some inputs were rejected (only with --strict)",
    7: "a worker process stopped before finishing its work (out of memory, killed); try --workers 1",
}

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="SQLite database file [default: $NEWSWEAVE_DB or ./newsweave.db].",
                 envvar="NEWSWEAVE_DB", show_default=False),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON instead of tables.")]

F = TypeVar("F", bound=Callable[..., Any])


def handle_errors(func: F) -> F:
    """Turn newsweave errors into one-line messages on stderr and documented exit codes."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except NewsweaveError as exc:
            err_console.print(f"[bold red]error:[/] {exc}", markup=True, highlight=False)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            err_console.print("interrupted: everything committed so far is kept; run the same command again to "
                              "finish the work")
            raise typer.Exit(130) from None
        except BrokenPipeError:
            raise typer.Exit(0) from None

    return wrapper  # type: ignore[return-value]


@contextmanager
def open_db(db: str | None, *, readonly: bool = False) -> Iterator[Any]:
    from ..api import open as open_store

    nw = open_store(db, readonly=readonly)
    try:
        yield nw
    finally:
        nw.close()


def _default(obj: Any) -> Any:
    if isinstance(obj, (datetime, date)):
        return obj.isoformat()
    if hasattr(obj, "__dataclass_fields__"):
        from dataclasses import asdict

        return asdict(obj)
    if isinstance(obj, (set, frozenset, tuple)):
        return list(obj)
    return str(obj)


def emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, default=_default, indent=None) + "\n")


def parse_when(value: str | None, option: str) -> datetime | None:
    """Parse a --since/--until value (YYYY-MM-DD or ISO 8601) into an aware datetime."""
    if value is None:
        return None
    try:
        dt = datetime.fromisoformat(value)
    except ValueError:
        raise InputError(f"{option} {value!r} is not a date; use YYYY-MM-DD or an ISO 8601 time",
                         reason="usage") from None
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)
