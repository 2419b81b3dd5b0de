"""``newsweave articles``, ``search``, ``show``, ``export`` and ``stats``."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from ..api import article_record
from ..ingest.datelines import headline
from .common import DbOption, JsonOption, console, emit_json, handle_errors, open_db, parse_when


def _date(article) -> str:
    p = article.published
    if p.value is None:
        return "unknown"
    return p.value.strftime("%Y-%m-%d %H:%M" if p.precision in ("minute", "second") else "%Y-%m-%d")


def _title(article, width: int = 80) -> str:
    return headline(article.title, article.text, limit=width)


def register(app: typer.Typer) -> None:
    @app.command()
    @handle_errors
    def articles(
        db: DbOption = None,
        since: Annotated[str | None, typer.Option(help="Published on or after (YYYY-MM-DD).")] = None,
        until: Annotated[str | None, typer.Option(help="Published before (YYYY-MM-DD).")] = None,
        outlet: Annotated[str | None, typer.Option(help="Outlet id or name.")] = None,
        text: Annotated[str | None, typer.Option(help="Substring of the title or text (case-insensitive).")] = None,
        limit: Annotated[int, typer.Option(help="At most this many.")] = 50,
        offset: Annotated[int, typer.Option(help="Skip this many.")] = 0,
        json_: JsonOption = False,
    ) -> None:
        """List stored articles, newest first (dateless last)."""
        with open_db(db) as nw:
            items = nw.articles(since=parse_when(since, "--since"), until=parse_when(until, "--until"),
                                outlet=outlet, text=text, limit=limit, offset=offset)
        if json_:
            emit_json([{k: v for k, v in article_record(a).items() if k != "text"} for a in items])
            return
        table = Table(header_style="bold")
        for col in ("id", "published", "outlet", "title"):
            table.add_column(col, overflow="fold" if col == "title" else "ellipsis", no_wrap=col != "title")
        for a in items:
            mark = " [dim](copy)[/]" if a.copy_of else ""
            table.add_row(a.id, _date(a), escape(a.outlet_name or a.outlet or "—"), escape(_title(a)) + mark)
        console.print(table if items else "no articles match")

    @app.command()
    @handle_errors
    def search(
        query: Annotated[str, typer.Argument(help='Words (all must occur), "quoted phrases", prefix*.')],
        db: DbOption = None,
        limit: Annotated[int, typer.Option(help="At most this many hits.")] = 20,
        json_: JsonOption = False,
    ) -> None:
        """Full-text search over titles and texts (SQLite FTS5, BM25 ranking, snippets)."""
        with open_db(db) as nw:
            hits = nw.search(query, limit=limit)
        if json_:
            emit_json([{"id": h.article_id, "title": h.title, "outlet": h.outlet, "published": h.published,
                        "score": round(h.score, 4), "snippet": h.snippet,
                        "highlights": [list(x) for x in h.highlights]} for h in hits])
            return
        if not hits:
            console.print("no matches")
            return
        for h in hits:
            when = h.published.date().isoformat() if h.published else "date unknown"
            console.print(f"[bold]{h.article_id}[/]  {escape(h.title or '')}  [dim]{escape(h.outlet or '')} · "
                          f"{when} · score {h.score:.2f}[/]")
            console.print(Text("   ").append(_highlighted(h.snippet, h.highlights)))

    @app.command()
    @handle_errors
    def show(
        article_id: Annotated[str, typer.Argument(help="Article id (a unique prefix of 6+ characters works).")],
        db: DbOption = None,
        json_: JsonOption = False,
    ) -> None:
        """Show one article: metadata, text, its story, near-duplicates and analysis counts."""
        with open_db(db) as nw:
            a = nw.article(article_id)
            meta = nw.store.article_meta(a.id)
            story = nw.store.story_of(a.id)
            analysis = nw.store.get_analysis(a.id)
        if json_:
            rec = article_record(a)
            rec.update(meta)
            rec["story"] = story
            rec["analysis"] = analysis
            emit_json(rec)
            return
        p = a.published
        console.print(f"[bold]{escape(a.title or '(no title)')}[/]")
        rows = [
            ("id", a.id),
            ("outlet", f"{a.outlet_name or '—'}" + (f" ({a.outlet})" if a.outlet else "")),
            ("published", (f"{p.value.isoformat() if p.value else 'unknown'} · precision {p.precision} · "
                          f"from {p.origin} (confidence {p.confidence:.2f})")),
            ("url", a.url or "—"),
            ("author", a.author or "—"),
            ("language", a.language or "unknown"),
            ("source", a.source or "—"),
            ("story", story or "—"),
        ]
        if a.copy_of:
            rows.append(("copy of", f"{a.copy_of} (similarity {a.copy_similarity:.2f})"))
        if meta["copies"]:
            rows.append(("copies", ", ".join(f"{c['id']} ({c['similarity']:.2f})" for c in meta["copies"])))
        if meta["previous_version"]:
            rows.append(("previous version", meta["previous_version"]))
        if analysis:
            rows.append(("analysis", (f"{len(analysis.get('sentences', []))} sentences · "
                                     f"{len(analysis.get('entities', []))} entity mentions · "
                                     f"{len(analysis.get('timexes', []))} time expressions · "
                                     f"{len(analysis.get('statements', []))} statements")))
        for k, v in rows:
            console.print(f"[dim]{k:>16}[/]  {escape(str(v))}")
        console.print()
        console.print(escape(a.text), soft_wrap=True)

    @app.command()
    @handle_errors
    def export(
        db: DbOption = None,
        format_: Annotated[str, typer.Option("--format", help="jsonl or csv.")] = "jsonl",
        output: Annotated[str, typer.Option("--output", "-o", help="File to write ('-' = stdout).")] = "-",
        since: Annotated[str | None, typer.Option(help="Published on or after (YYYY-MM-DD).")] = None,
        until: Annotated[str | None, typer.Option(help="Published before (YYYY-MM-DD).")] = None,
        outlet: Annotated[str | None, typer.Option(help="Outlet id or name.")] = None,
    ) -> None:
        """Export articles as JSONL or CSV; the output can be ingested again losslessly."""
        filters = {"since": parse_when(since, "--since"), "until": parse_when(until, "--until"), "outlet": outlet}
        with open_db(db) as nw:
            if output == "-":
                n = nw.export(sys.stdout, format=format_, **filters)
            else:
                with open(output, "w", encoding="utf-8", newline="") as fh:
                    n = nw.export(fh, format=format_, **filters)
        if output != "-":
            console.print(f"wrote {n} articles to {output}")

    @app.command()
    @handle_errors
    def stats(db: DbOption = None, json_: JsonOption = False) -> None:
        """Counts: articles, near-duplicates, stories, rejections by reason, date origins, top outlets."""
        with open_db(db) as nw:
            data = nw.stats()
        if json_:
            emit_json(data)
            return
        table = Table(show_header=False)
        table.add_column(style="dim")
        table.add_column()
        for key, value in data.items():
            if isinstance(value, dict):
                value = ", ".join(f"{k}: {v}" for k, v in value.items()) or "—"
            elif isinstance(value, list):
                value = ", ".join(f"{d['outlet']} ({d['articles']})" for d in value) or "—"
            table.add_row(key.replace("_", " "), escape(str(value)))
        console.print(table)


def _highlighted(snippet: str, highlights) -> Text:
    """A search snippet with its hits in bold yellow (the brackets around them dropped)."""
    out, pos = Text(), 0
    for start, end in highlights:
        out.append(snippet[pos : start - 1])
        out.append(snippet[start:end], style="bold yellow")
        pos = end + 1
    out.append(snippet[pos:])
    return out
