"""One error shape for the whole web application.

API routes (``/api/...``) answer every 4xx/5xx with ``{"error": {"status": int, "code": str, "message": str}}``;
pages answer with an HTML error page saying the same thing. Library errors map to statuses here: an unknown
id is a 404, a bad input a 400, a store failure a 503 — never a bare 500 with a stack trace.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import ConfigError, InputError, NewsweaveError, NotFound, StoreError

__all__ = ["ApiError", "error_body", "error_response", "install_error_handlers", "is_api_path"]

log = logging.getLogger(__name__)


class ApiError(Exception):
    """An error a route raises on purpose: the status, a short machine-readable code and a helpful message."""

    def __init__(self, status: int, code: str, message: str, *, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers


def error_body(status: int, code: str, message: str) -> dict[str, Any]:
    return {"error": {"status": status, "code": code, "message": message}}


def is_api_path(path: str) -> bool:
    return path == "/api" or path.startswith("/api/")


def _default_code(status: int) -> str:
    try:
        return HTTPStatus(status).phrase.lower().replace(" ", "_").replace("-", "_")
    except ValueError:
        return "error"


def error_response(
    request: Request | None, status: int, code: str, message: str, *, headers: dict[str, str] | None = None
) -> Response:
    """The error as JSON for ``/api/*`` (and for raw ASGI use without a request), else as an HTML page."""
    path = request.url.path if request is not None else "/api"
    if is_api_path(path) or request is None:
        return JSONResponse(error_body(status, code, message), status_code=status, headers=headers)
    templates = getattr(request.app.state, "templates", None)
    if templates is None:  # pragma: no cover - the app always sets templates
        return HTMLResponse(f"<h1>{status}</h1>", status_code=status, headers=headers)
    return templates.TemplateResponse(
        request, "error.html", {"status": status, "code": code, "message": message,
                                "phrase": _phrase(status)},
        status_code=status, headers=headers,
    )


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        loc = [str(p) for p in err.get("loc", ()) if p not in ("body",)]
        where = ".".join(loc) if loc else "request"
        parts.append(f"{where}: {err.get('msg', 'invalid value')}")
    return "invalid request — " + "; ".join(parts) if parts else "invalid request"


def install_error_handlers(app: FastAPI) -> None:
    """Route every exception to :func:`error_response`."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        return error_response(request, exc.status, exc.code, exc.message, headers=exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        status = exc.status_code
        if status == 404 and exc.detail in (None, "Not Found"):
            message = f"nothing at {request.url.path}; see /api/docs for the API and / for the stories"
        elif status == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
        else:
            message = str(exc.detail) if exc.detail else _phrase(status)
        return error_response(request, status, _default_code(status), message,
                              headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, 422, "invalid_request", _validation_message(exc))

    @app.exception_handler(NotFound)
    async def _not_found(request: Request, exc: NotFound) -> Response:
        return error_response(request, 404, "not_found", str(exc))

    @app.exception_handler(InputError)
    async def _input_error(request: Request, exc: InputError) -> Response:
        return error_response(request, 400, exc.reason or "bad_input", str(exc))

    @app.exception_handler(ConfigError)
    async def _config_error(request: Request, exc: ConfigError) -> Response:
        return error_response(request, 400, "bad_configuration", str(exc))

    @app.exception_handler(StoreError)
    async def _store_error(request: Request, exc: StoreError) -> Response:
        log.error("store error on %s: %s", request.url.path, exc)
        return error_response(request, 503, "store_unavailable", str(exc))

    @app.exception_handler(NewsweaveError)
    async def _newsweave_error(request: Request, exc: NewsweaveError) -> Response:
        log.error("error on %s: %s", request.url.path, exc)
        return error_response(request, 500, "processing_failed", str(exc))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(
            request, 500, "internal_error",
            f"the server hit an unexpected {type(exc).__name__}; the details are in the server log",
        )
