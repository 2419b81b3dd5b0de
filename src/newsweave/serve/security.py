"""Security settings of the web application: response headers, request body limits and the write token.

* Every response carries a strict Content-Security-Policy (only our own scripts, styles and images; no inline
  script; no framing), ``X-Content-Type-Options: nosniff``, a ``Referrer-Policy`` and friends.
* Request bodies larger than ``max_body_bytes`` are refused with 413 before the application reads them.
* Write endpoints need ``Authorization: Bearer <token>``; without a configured token they are refused (403).
"""

from __future__ import annotations

import hmac
import json
import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from fastapi import Request

from .errors import ApiError, error_body, is_api_path

__all__ = ["CSP", "SECURITY_HEADERS", "SecurityMiddleware", "check_token", "require_token"]

log = logging.getLogger(__name__)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS: dict[str, str] = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}
_BODY_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


class SecurityMiddleware:
    """ASGI middleware: adds the security headers, enforces the body size limit, and turns an unexpected
    exception into the standard error response (so even a 500 carries the headers and the error shape)."""

    def __init__(self, app: ASGIApp, *, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = [(k, v) for k, v in message.get("headers", []) if k.decode().lower() not in SECURITY_HEADERS]
                headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
                if (scope.get("path") or "").startswith("/api/"):
                    headers.append((b"cache-control", b"no-store"))
                message["headers"] = headers
            await send(message)

        if scope.get("method") in _BODY_METHODS:
            declared = _content_length(scope)
            if declared is not None and declared > self.max_body_bytes:
                await _drain_refuse(scope, send_with_headers, self.max_body_bytes, declared)
                return
            body, too_big = await _read_body(receive, self.max_body_bytes)
            if too_big:
                await _drain_refuse(scope, send_with_headers, self.max_body_bytes, None)
                return
            receive = _replay(body, receive)
        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            log.exception("unexpected error on %s %s", scope.get("method"), scope.get("path"))
            if started:
                raise
            await _send_error(scope, send_with_headers, 500, "internal_error",
                              "the server hit an unexpected error; the details are in the server log")


def _content_length(scope: Scope) -> int | None:
    for key, value in scope.get("headers", []):
        if key.lower() == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _read_body(receive: Receive, limit: int) -> tuple[bytes, bool]:
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return b"", True
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks), False


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _drain_refuse(scope: Scope, send: Send, limit: int, declared: int | None) -> None:
    size = f"{declared} bytes" if declared is not None else "more than that"
    await _send_error(
        scope, send, 413, "payload_too_large",
        f"the request body is {size}; the limit is {limit} bytes — send fewer records per request "
        "or start the server with a larger max_body_bytes",
    )


async def _send_error(scope: Scope, send: Send, status: int, code: str, message: str) -> None:
    path = scope.get("path") or ""
    if is_api_path(path):
        payload = json.dumps(error_body(status, code, message)).encode()
        ctype = b"application/json"
    else:
        from markupsafe import escape

        payload = (
            f"<!doctype html><html lang=en><meta charset=utf-8><title>{status}</title>"
            f"<h1>{status}</h1><p>{escape(message)}</p></html>"
        ).encode()
        ctype = b"text/html; charset=utf-8"
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", ctype), (b"content-length", str(len(payload)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": payload})


def check_token(configured: str | None, authorization: str | None) -> None:
    """Raise :class:`ApiError` unless ``authorization`` is ``Bearer <configured>``."""
    if not configured:
        raise ApiError(
            403, "writes_disabled",
            "writing is disabled because the server has no token; start it with NEWSWEAVE_TOKEN=<secret> "
            "newsweave serve (or --token) and send 'Authorization: Bearer <secret>'",
        )
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise ApiError(
            401, "token_required", "this endpoint needs the header 'Authorization: Bearer <token>' "
            "(the token the server was started with, NEWSWEAVE_TOKEN)",
            headers={"WWW-Authenticate": 'Bearer realm="newsweave"'},
        )
    if not hmac.compare_digest(given.strip().encode(), configured.encode()):
        raise ApiError(
            403, "token_invalid", "the bearer token does not match the server's NEWSWEAVE_TOKEN",
        )


def require_token(request: Request) -> None:
    """FastAPI dependency for write endpoints."""
    check_token(request.app.state.token, request.headers.get("authorization"))
