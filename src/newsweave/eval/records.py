"""Reading the JSON-lines files the scorers compare: gold sets and system output.

Every problem is an :class:`~newsweave.errors.InputError` naming the file and the line, so that
``newsweave eval …`` reports it in one line instead of a traceback.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError

__all__ = ["json_records", "require_list"]


def json_records(path: str | Path) -> Iterator[tuple[int, dict]]:
    """``(line number, object)`` for every non-blank line of a ``.jsonl`` (or ``.jsonl.gz``) file."""
    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"not JSON ({exc.msg}); every line must be one JSON object",
                                     source=str(path), line=n) from None
                if not isinstance(record, dict):
                    raise InputError(f"a JSON {type(record).__name__}, not an object; every line must be one "
                                     "JSON object", source=str(path), line=n)
                yield n, record
    except FileNotFoundError:
        raise InputError("no such file; check the path", source=str(path), reason="missing") from None
    except (OSError, EOFError) as exc:
        raise InputError(f"cannot read it ({exc}); check the path and permissions", source=str(path)) from None
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text ({exc.reason} at byte {exc.start}); save it as UTF-8",
                         source=str(path), reason="encoding") from None


def require_list(record: dict, key: str, fields: tuple[str, ...], *, source: str, line: int) -> list[dict]:
    """``record[key]`` as a list of objects that each have ``fields`` (a missing key is an empty list)."""
    items = record.get(key, [])
    if not isinstance(items, list):
        raise InputError(f"{key!r} must be a list", source=source, line=line)
    for i, item in enumerate(items):
        if not isinstance(item, dict) or any(f not in item for f in fields):
            need = ", ".join(repr(f) for f in fields)
            raise InputError(f"{key}[{i}] must be an object with {need}", source=source, line=line)
    return items
