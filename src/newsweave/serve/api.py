"""The JSON API: ``/api/stories``, ``/api/stories/{id}``, ``/api/articles``, ``/api/search``, ``/api/stats``.

Every error answers ``{"error": {"status", "code", "message"}}`` (see :mod:`newsweave.serve.errors`).
"""

from __future__ import annotations

import json
import logging
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from ..ingest.sources import parse_bytes
from .errors import ApiError
from .security import require_token
from .views import article_view, list_stories, load_dossier, parse_day

__all__ = ["ingest_body", "router"]

log = logging.getLogger(__name__)

router = APIRouter(prefix="/api", tags=["api"])

Order = Literal["newest", "biggest", "oldest"]
_ERROR = {"description": "Error", "content": {"application/json": {"example": {
    "error": {"status": 404, "code": "not_found", "message": "no story with id 'x'"}}}}}
_JSON_TYPES = ("application/json", "text/json")
_JSONL_TYPES = ("application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/json-seq")


def _nw(request: Request):
    return request.app.state.nw


@router.get("/stories", summary="List stories", responses={422: _ERROR})
def api_stories(
    request: Request,
    q: Annotated[str | None, Query(max_length=500, description="Full-text search over reports and story titles")] = None,
    since: Annotated[date | None, Query(description="Stories still running on or after this day")] = None,
    until: Annotated[date | None, Query(description="Stories begun on or before this day")] = None,
    outlet: Annotated[str | None, Query(max_length=200, description="Only stories with a report by this outlet")] = None,
    order: Annotated[Order, Query(description="newest (last report first), biggest, oldest")] = "newest",
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    """Live stories with their counts: reports, outlets, independent sources, contradictions."""
    rows = list_stories(_nw(request), q=q, since=parse_day(since, name="since"),
                        until=parse_day(until, name="until", end=True), outlet=outlet, order=order,
                        limit=limit, offset=offset)
    return {"stories": rows, "order": order, "limit": limit, "offset": offset}


@router.get("/stories/{story_id}", summary="A story dossier", responses={404: _ERROR, 307: {"description": "The story was merged"}})
def api_story(request: Request, story_id: str) -> Any:
    """The story dossier (schema ``newsweave.dossier/1``: summary, timeline, statements, facts, conflicts,
    articles — every item with article ids and character offsets). A merged story redirects to the live one."""
    nw = _nw(request)
    live = nw.store.resolve_story(story_id)
    if live != story_id:
        return RedirectResponse(f"/api/stories/{live}", status_code=307)
    dossier, notice = load_dossier(nw, live)
    if notice:
        dossier = {**dossier, "notice": notice}
    return dossier


@router.get("/articles", summary="List reports", responses={422: _ERROR})
def api_articles(
    request: Request,
    since: Annotated[date | None, Query()] = None,
    until: Annotated[date | None, Query()] = None,
    outlet: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    """Stored reports, newest first (without their text; fetch one for text and analysis)."""
    from ..api import article_record

    arts = _nw(request).store.articles(since=parse_day(since, name="since"),
                                       until=parse_day(until, name="until", end=True), outlet=outlet,
                                       limit=limit, offset=offset)
    rows = []
    for a in arts:
        rec = article_record(a)
        rec.pop("text", None)
        rec["length"] = len(a.text)
        rows.append(rec)
    return {"articles": rows, "limit": limit, "offset": offset}


@router.get("/articles/{article_id}", summary="A report with its analysis", responses={404: _ERROR})
def api_article(request: Request, article_id: str) -> dict[str, Any]:
    """One report: its fields and text, its analysis (sentences, entities, time expressions, statements —
    see docs/analysis-schema.md), its story, near-duplicates and versions."""
    return article_view(_nw(request), article_id)


@router.get("/search", summary="Full-text search", responses={422: _ERROR})
def api_search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=500, description="Words (AND-ed), \"phrases\", prefix*")],
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    """Full-text search (FTS5, BM25): matching reports with snippets (hits between ``[`` and ``]``) and the
    stories those reports belong to (in order of their best report). For all stories matching a query, with
    their counts, use ``/api/stories?q=``."""
    nw = _nw(request)
    hits = nw.store.search(q, limit=limit, offset=offset)
    articles = [{
        "article_id": h.article_id, "title": h.title, "outlet": h.outlet,
        "published": h.published.isoformat() if h.published else None,
        "score": round(h.score, 4), "snippet": h.snippet, "highlights": [list(x) for x in h.highlights],
        "story_id": nw.store.story_of(h.article_id),
    } for h in hits]
    stories = []
    for sid in dict.fromkeys(a["story_id"] for a in articles if a["story_id"]):
        story = nw.store.get_story(sid)
        stories.append({"id": story.id, "title": story.title,
                        "first_seen": story.first_seen.isoformat() if story.first_seen else None,
                        "last_seen": story.last_seen.isoformat() if story.last_seen else None,
                        "matching_reports": sum(1 for a in articles if a["story_id"] == sid)})
    return {
        "query": q,
        "articles": articles,
        "stories": stories,
        "limit": limit,
        "offset": offset,
    }


@router.get("/stats", summary="Store statistics")
def api_stats(request: Request) -> dict[str, Any]:
    """Counts of the store: articles, near-duplicates, stories, dossiers, rejections, top outlets."""
    stats = dict(_nw(request).stats())
    stats.pop("database", None)  # the server's file path is nobody's business
    return stats


@router.post(
    "/articles",
    summary="Ingest reports (needs the token)",
    dependencies=[Depends(require_token)],
    responses={400: _ERROR, 401: _ERROR, 403: _ERROR, 413: _ERROR, 415: _ERROR},
    openapi_extra={"requestBody": {"required": True, "content": {
        "application/json": {"schema": {"oneOf": [
            {"type": "object", "description": "one record: text, date, title, outlet, url, author, language, id"},
            {"type": "array", "items": {"type": "object"}},
            {"type": "object", "properties": {"records": {"type": "array", "items": {"type": "object"}}}},
        ]}, "example": {"records": [{"text": "…", "date": "2021-11-08", "title": "…", "outlet": "Reuters"}]}},
        "application/x-ndjson": {"schema": {"type": "string", "description": "JSON Lines, one record per line"}},
        "text/csv": {"schema": {"type": "string"}},
        "text/plain": {"schema": {"type": "string", "description": "one report; may start with ' date YYYY-MM-DD'"}},
        "text/html": {"schema": {"type": "string"}},
        "application/rss+xml": {"schema": {"type": "string"}},
    }}},
)
async def api_ingest(
    request: Request,
    process: Annotated[bool, Query(description="Run analysis, story grouping and reconciliation now")] = True,
) -> Response:
    """Ingest reports (the formats of ``newsweave ingest``, chosen by Content-Type) and return one outcome per
    input item: added, duplicate, near-duplicate, updated or rejected (with reason and message).

    Needs ``Authorization: Bearer <NEWSWEAVE_TOKEN>``."""
    body = await request.body()
    ctype = request.headers.get("content-type") or ""
    from starlette.concurrency import run_in_threadpool

    result = await run_in_threadpool(ingest_body, request.app.state.nw, body, ctype, process=process)
    status = 201 if result["counts"].get("added") else 200
    return JSONResponse(result, status_code=status)


def ingest_body(nw: Any, body: bytes, content_type: str, *, process: bool = True) -> dict[str, Any]:
    """Parse a request body by content type, ingest it, optionally process; raises :class:`ApiError` (4xx)."""
    kind = content_type.split(";")[0].strip().lower()
    if not body.strip():
        raise ApiError(400, "empty_body", "the request body is empty; send a JSON record, a list of records, "
                       "{\"records\": [...]}, JSON Lines or a text")
    if kind in _JSON_TYPES:
        try:
            data = json.loads(body)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise ApiError(400, "malformed_json", f"the body is not valid JSON ({exc}); send one record, a list "
                           "of records or {\"records\": [...]}") from exc
        if not isinstance(data, (dict, list)):
            raise ApiError(400, "malformed_json", "the JSON body must be an object (one record or "
                           "{\"records\": [...]}) or an array of records")
        if isinstance(data, list) and not data:
            raise ApiError(400, "empty_body", "the list of records is empty")
    elif kind and kind not in _JSONL_TYPES and not kind.startswith("text/") and kind not in (
            "application/xml", "application/rss+xml", "application/atom+xml", "application/xhtml+xml",
            "application/octet-stream", "application/gzip", "application/x-gzip"):
        raise ApiError(415, "unsupported_media_type",
                       f"Content-Type {kind!r} is not read here; send application/json, application/x-ndjson, "
                       "text/csv, text/plain, text/html or an RSS/Atom feed")
    items = parse_bytes(body, source="api", content_type=kind or None, max_bytes=max(len(body), 1))
    report = nw.ingester.ingest(items)
    result: dict[str, Any] = report.to_dict()
    if process and report.added_ids:
        try:
            result["process"] = nw.process().to_dict()
        except ImportError as exc:
            result["process"] = {"error": f"the processing stages are not available ({exc})"}
        except Exception as exc:
            log.exception("processing after POST /api/articles failed")
            result["process"] = {"error": f"stored, but processing failed ({type(exc).__name__}); run "
                                 "`newsweave process` and see the server log"}
    return result
