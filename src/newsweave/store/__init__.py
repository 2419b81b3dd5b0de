"""Storage: the :class:`Store` interface and its SQLite implementation."""

from .base import SearchHit, Store
from .sqlite import SQLiteStore

__all__ = ["SQLiteStore", "SearchHit", "Store"]
