"""The HTML pages: stories (``/``), one story (``/stories/{id}``), one article (``/articles/{id}``) and the
API reference (``/api/docs``). Server-rendered, readable without JavaScript."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response

from ..errors import InputError
from ..ingest.datelines import headline
from .annotate import annotate_html, annotations_of
from .views import ORDERS, article_view, list_stories, load_dossier, parse_day, story_view

__all__ = ["router"]

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 50


def _render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, name, context, status_code=status)


@router.get("/", response_class=HTMLResponse)
def stories_page(
    request: Request,
    q: Annotated[str, Query(max_length=500)] = "",
    since: Annotated[str, Query(max_length=40)] = "",
    until: Annotated[str, Query(max_length=40)] = "",
    outlet: Annotated[str, Query(max_length=200)] = "",
    order: Annotated[str, Query(max_length=20)] = "newest",
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    nw = request.app.state.nw
    problems: list[str] = []
    try:
        since_dt = parse_day(since, name="from")
    except InputError as exc:
        problems.append(exc.detail)
        since_dt = None
    try:
        until_dt = parse_day(until, name="to", end=True)
    except InputError as exc:
        problems.append(exc.detail)
        until_dt = None
    if order not in ORDERS:
        problems.append(f"unknown order {order!r}; showing newest first")
        order = "newest"
    rows = list_stories(nw, q=q, since=since_dt, until=until_dt, outlet=outlet, order=order,
                        limit=PAGE_SIZE + 1, offset=(page - 1) * PAGE_SIZE)
    more = len(rows) > PAGE_SIZE
    hits = nw.store.search(q, limit=20) if q.strip() and page == 1 else []
    hit_rows = [{"hit": h, "story_id": nw.store.story_of(h.article_id)} for h in hits]
    filters = {"q": q, "since": since, "until": until, "outlet": outlet, "order": order}
    return _render(request, "stories.html", {
        "rows": rows[:PAGE_SIZE], "more": more, "page": page, "filters": filters, "hits": hit_rows,
        "problems": problems, "filtered": any([q.strip(), since, until, outlet.strip()]),
        "total_articles": nw.store.count_articles() if not rows else None,
    })


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str) -> Response:
    nw = request.app.state.nw
    live = nw.store.resolve_story(story_id)
    if live != story_id:
        return RedirectResponse(f"/stories/{live}", status_code=307)
    dossier, notice = load_dossier(nw, live, tolerant=True)
    view = story_view(nw, dossier)
    return _render(request, "story.html", {"v": view, "notice": notice})


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(
    request: Request,
    article_id: str,
    start: Annotated[int | None, Query(ge=0)] = None,
    end: Annotated[int | None, Query(ge=0)] = None,
) -> Response:
    nw = request.app.state.nw
    view = article_view(nw, article_id)
    art = view["article"]
    if art["id"] != article_id:  # reached by an id prefix
        query = f"?start={start}&end={end}#cite" if start is not None and end is not None else ""
        return RedirectResponse(f"/articles/{art['id']}{query}", status_code=307)
    text = art["text"]
    cite = None
    notice = None
    if start is not None and end is not None:
        if start < end <= len(text):
            cite = (start, end)
        else:
            notice = f"the cited range {start}–{end} is not inside this report ({len(text)} characters)"
    analysis = view["analysis"]
    body = annotate_html(text, annotations_of(text, analysis, cite=cite))
    statements = []
    for i, st in enumerate((analysis or {}).get("statements") or []):
        if isinstance(st, dict) and isinstance(st.get("content"), dict):
            statements.append({"index": i, **st})
    copies = nw.store.get_articles([c["id"] for c in view["copies"]]) if view["copies"] else []
    story = None
    if view["story_id"]:
        try:
            story = nw.store.get_story(view["story_id"])
        except Exception:  # noqa: BLE001 - a dangling membership should not break the page
            story = None
    copy_of = None
    if art.get("copy_of"):
        try:
            copy_of = nw.store.get_article(art["copy_of"])
        except Exception:  # noqa: BLE001
            copy_of = None
    cited_text = text[cite[0]:cite[1]] if cite else None
    heading = headline(art["title"], text, limit=90)
    return _render(request, "article.html", {
        "v": view, "a": art, "heading": heading, "body": body, "statements": statements, "cite": cite,
        "cited_text": cited_text,
        "notice": notice, "copies": list(zip(copies, view["copies"], strict=False)), "story": story,
        "copy_of": copy_of, "entities": _entity_summary(analysis),
        "timexes": [t for t in (analysis or {}).get("timexes") or [] if isinstance(t, dict)],
    })


def _entity_summary(analysis: dict[str, Any] | None) -> list[dict[str, Any]]:
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    for m in (analysis or {}).get("entities") or []:
        if not isinstance(m, dict):
            continue
        name = str(m.get("canonical") or m.get("text") or "")
        key = (name, str(m.get("label") or ""))
        g = groups.setdefault(key, {"name": name, "label": key[1], "count": 0, "first": m.get("start")})
        g["count"] += 1
    return sorted(groups.values(), key=lambda g: (-g["count"], g["name"].lower()))[:40]


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """A readable API reference built from the OpenAPI description (no CDN, no JavaScript)."""
    spec = request.app.openapi()
    endpoints = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [{"name": p.get("name"), "in": p.get("in"), "required": p.get("required", False),
                       "description": p.get("description") or "",
                       "schema": _schema_text(p.get("schema") or {})} for p in op.get("parameters", [])]
            body = (op.get("requestBody") or {}).get("content", {})
            endpoints.append({"method": method.upper(), "path": path, "summary": op.get("summary") or "",
                              "description": op.get("description") or "", "params": params,
                              "body_types": list(body), "responses": sorted(op.get("responses", {}))})
    return _render(request, "apidocs.html", {"endpoints": endpoints, "title": spec.get("info", {}).get("title")})


def _schema_text(schema: dict[str, Any]) -> str:
    if "anyOf" in schema:
        return " | ".join(_schema_text(s) for s in schema["anyOf"] if s.get("type") != "null")
    if "enum" in schema:
        return " | ".join(str(e) for e in schema["enum"])
    text = str(schema.get("type") or schema.get("format") or "")
    if schema.get("format"):
        text = f"{text} ({schema['format']})"
    bounds = [f"{k.replace('imum', '')} {schema[k]}" for k in ("minimum", "maximum") if k in schema]
    if bounds:
        text += " [" + ", ".join(bounds) + "]"
    if "default" in schema:
        text += f" = {schema['default']}"
    return text


@router.get("/favicon.ico", include_in_schema=False)
def favicon(request: Request) -> FileResponse:
    from .app import STATIC_DIR

    return FileResponse(STATIC_DIR / "favicon.svg", media_type="image/svg+xml")
