"""newsweave: many news reports in, one reconciled account per story out.

>>> import newsweave
>>> nw = newsweave.open("news.db")
>>> report = nw.ingest(["reports/"])          # files, folders, "-", .gz, feed URLs
>>> for story in nw.stories(): ...
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Claim",
    "Conflict",
    "InputError",
    "ModelError",
    "Newsweave",
    "NewsweaveError",
    "NotFound",
    "Outlet",
    "PublishedTime",
    "SchemaError",
    "Span",
    "Statement",
    "StoreError",
    "Story",
    "TimeExpression",
    "__version__",
    "open",
]

from .errors import InputError, ModelError, NewsweaveError, NotFound, SchemaError, StoreError
from .model import Article, Claim, Conflict, Outlet, PublishedTime, Span, Statement, Story, TimeExpression

if TYPE_CHECKING:  # pragma: no cover
    from .api import Newsweave


def open(path: Any = None, **options: Any) -> Newsweave:
    """Open (create and migrate if needed) a newsweave SQLite database. See :func:`newsweave.api.open`."""
    from .api import open as _open

    return _open(path, **options)


def __getattr__(name: str) -> Any:
    if name == "Newsweave":
        from .api import Newsweave

        return Newsweave
    raise AttributeError(f"module 'newsweave' has no attribute {name!r}")
