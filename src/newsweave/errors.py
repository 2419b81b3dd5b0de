"""The newsweave exception hierarchy. Every message says what happened, why, and how to fix it."""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "InputError",
    "ModelError",
    "NewsweaveError",
    "NotFound",
    "SchemaError",
    "StoreError",
    "WorkerError",
]


class NewsweaveError(Exception):
    """Base class of every error newsweave raises on purpose."""

    exit_code = 1


class InputError(NewsweaveError):
    """A user-supplied input (file, record, option) cannot be used."""

    exit_code = 2

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None, reason: str = "malformed"):
        where = source if line is None else f"{source}:{line}"
        super().__init__(f"{where}: {message}" if where else message)
        self.source = source
        self.line = line
        self.reason = reason
        self.detail = message


class ConfigError(NewsweaveError):
    exit_code = 2


class StoreError(NewsweaveError):
    """The store cannot be opened, read or written."""

    exit_code = 3


class SchemaError(StoreError):
    """The database schema is newer than this newsweave, or a migration failed."""


class NotFound(NewsweaveError):
    """No article or story with that id."""

    exit_code = 4


class ModelError(NewsweaveError):
    """A bundled language model is missing or damaged."""

    exit_code = 5


class WorkerError(NewsweaveError):
    """A worker process (analysis, grouping features) stopped before finishing its work."""

    exit_code = 7
