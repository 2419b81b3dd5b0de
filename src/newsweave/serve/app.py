"""The newsweave web application: server-rendered pages and a JSON API over one store.

``create_app(db_path)`` opens the store once (the SQLite store is thread-safe: one connection, a lock) and
returns a FastAPI application; ``newsweave serve`` runs it with uvicorn on 127.0.0.1. See ``docs/web.md``.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from .. import __version__ as _version
from ..api import open as open_store
from . import api, pages
from .errors import install_error_handlers
from .filters import install_filters
from .security import SecurityMiddleware

__all__ = ["STATIC_DIR", "TEMPLATE_DIR", "create_app"]

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
STATIC_DIR = HERE / "static"
TEMPLATE_DIR = HERE / "templates"


def create_app(db_path: str, *, token: str | None = None, max_body_bytes: int = 10_000_000) -> FastAPI:
    """The web UI and HTTP API over the newsweave database at ``db_path``.

    ``token``: the bearer token write endpoints require (``POST /api/articles``); with ``None`` writes are
    refused. ``max_body_bytes``: larger request bodies get 413.
    """
    if max_body_bytes <= 0:
        raise ValueError(f"max_body_bytes must be positive, got {max_body_bytes}")
    nw = open_store(db_path)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        nw.close()

    app = FastAPI(
        title="newsweave",
        version=_version,
        description="Stories reconciled from many news reports: timeline, who said what, agreed facts, "
        "contradictions and a cited summary. Errors always have the shape "
        '{"error": {"status": int, "code": str, "message": str}}.',
        openapi_url="/api/openapi.json",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.nw = nw
    app.state.token = token or None
    app.state.max_body_bytes = max_body_bytes
    env = Environment(loader=FileSystemLoader(str(TEMPLATE_DIR)), autoescape=True, trim_blocks=True,
                      lstrip_blocks=True)
    templates = Jinja2Templates(env=env)
    install_filters(templates.env)
    templates.env.globals["version"] = _version
    app.state.templates = templates

    install_error_handlers(app)
    app.add_middleware(SecurityMiddleware, max_body_bytes=max_body_bytes)
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    return app
