"""``newsweave stories``, ``story``, and the human corrections ``move``, ``merge``, ``split``."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from ..errors import InputError
from ..ingest.datelines import headline
from .common import DbOption, JsonOption, console, emit_json, handle_errors, open_db, parse_when


def _day(value: str | None) -> str:
    return value[:10] if value else "—"


def print_stories(items: list[dict]) -> None:
    table = Table(header_style="bold", caption="reports · outlets · independent sources · "
                  "disputed facts (⚠)", caption_justify="left")
    table.add_column("story", no_wrap=True, min_width=14)
    table.add_column("title", overflow="ellipsis", no_wrap=True, max_width=max(16, console.width - 68))
    for name in ("rep", "out", "ind"):
        table.add_column(name, justify="right", no_wrap=True, min_width=3)
    table.add_column("period", no_wrap=True, min_width=16)
    table.add_column("⚠", justify="right", no_wrap=True, min_width=2)
    for s in items:
        first, last = _day(s["first_seen"]), _day(s["last_seen"])
        period = first if first == last else f"{first}…{last[5:] if last[:4] == first[:4] else last}"
        table.add_row(s["id"], escape(s["title"] or "—"), str(s["size"]), str(s["outlets"]),
                      str(s["independent_sources"]), period, str(s["contradictions"] or ""))
    console.print(table if items else "no stories yet — ingest some reports first")


def register(app: typer.Typer) -> None:
    @app.command()
    @handle_errors
    def stories(
        db: DbOption = None,
        sort: Annotated[str, typer.Option(help="last_seen, size or first_seen.")] = "last_seen",
        query: Annotated[str | None, typer.Option("--query", "-q", help="Full-text filter over the reports.")] = None,
        since: Annotated[str | None, typer.Option(help="Active on or after (YYYY-MM-DD).")] = None,
        until: Annotated[str | None, typer.Option(help="Started before (YYYY-MM-DD).")] = None,
        outlet: Annotated[str | None, typer.Option(help="Only stories with a report from this outlet.")] = None,
        limit: Annotated[int, typer.Option(help="At most this many.")] = 50,
        json_: JsonOption = False,
    ) -> None:
        """List stories: title, number of reports, outlets and independent sources, first and last report."""
        if sort not in ("last_seen", "size", "first_seen"):
            raise InputError(f"--sort {sort!r}: use last_seen, size or first_seen", reason="usage")
        with open_db(db) as nw:
            items = nw.stories(limit=limit, order=sort, query=query, since=parse_when(since, "--since"),
                               until=parse_when(until, "--until"), outlet=outlet)
        if json_:
            emit_json(items)
        else:
            print_stories(items)

    @app.command()
    @handle_errors
    def story(
        story_id: Annotated[str, typer.Argument(help="Story id (merged ids still resolve; a unique prefix works).")],
        db: DbOption = None,
        format_: Annotated[str, typer.Option("--format", help="terminal, md, json, html or members.")] = "terminal",
        output: Annotated[str, typer.Option("--output", "-o", help="File to write ('-' = stdout).")] = "-",
        rebuild: Annotated[bool, typer.Option(help="Rebuild the dossier even if it is up to date.")] = False,
        json_: JsonOption = False,
    ) -> None:
        """Show a story's dossier: summary, timeline, who said what, agreed facts, contradictions, reports."""
        from ..reconcile import render

        if json_:
            format_ = "json"
        if format_ not in ("terminal", "md", "json", "html", "members"):
            raise InputError(f"--format {format_!r}: use terminal, md, json, html or members", reason="usage")
        with open_db(db) as nw:
            if format_ == "members":
                info = nw.story(story_id)
                _print_members(info)
                return
            dossier = nw.dossier(story_id, rebuild=rebuild)
        if format_ == "terminal":
            render.render_terminal(dossier, console)
            return
        if format_ == "json":
            text = json.dumps(dossier, ensure_ascii=False, indent=2)
        else:
            text = {"md": render.to_markdown, "html": render.to_html}[format_](dossier)
        if output == "-":
            sys.stdout.write(text if text.endswith("\n") else text + "\n")
        else:
            with open(output, "w", encoding="utf-8") as fh:
                fh.write(text)
            console.print(f"wrote {output}")

    def _print_members(info: dict) -> None:
        s = info["story"]
        if info["requested_id"] != s.id:
            console.print(f"[dim]{info['requested_id']} was merged into {s.id}[/]")
        console.print(f"[bold]{escape(s.title or s.id)}[/]  [dim]{s.id}[/]")
        table = Table(header_style="bold")
        for col in ("article", "published", "outlet", "title", "note"):
            table.add_column(col, overflow="fold")
        for m, a in info["members"]:
            note = []
            if m.copy_of or a.copy_of:
                note.append(f"copy of {m.copy_of or a.copy_of}")
            if m.pinned:
                note.append("placed by hand")
            when = a.published.value.date().isoformat() if a.published.value else "unknown"
            table.add_row(a.id, when, escape(a.outlet_name or "—"), escape(headline(a.title, a.text, limit=80)), "; ".join(note))
        console.print(table)

    @app.command()
    @handle_errors
    def move(
        article_id: Annotated[str, typer.Argument(help="The article to move.")],
        story_id: Annotated[str, typer.Argument(help="Target story id, or 'new' for a story of its own.")],
        db: DbOption = None,
        json_: JsonOption = False,
    ) -> None:
        """Move an article to another story (or a new one). The system never undoes this."""
        with open_db(db) as nw:
            target = nw.move_article(article_id, None if story_id == "new" else story_id)
        emit_json({"article": article_id, "story": target}) if json_ else console.print(
            f"moved {article_id} → story {target} (pinned)")

    @app.command()
    @handle_errors
    def merge(
        story_id: Annotated[str, typer.Argument(help="The story to merge away.")],
        into: Annotated[str, typer.Argument(help="The story that absorbs it.")],
        db: DbOption = None,
        json_: JsonOption = False,
    ) -> None:
        """Merge one story into another; the old id keeps resolving to the merged story."""
        with open_db(db) as nw:
            target = nw.merge_stories(story_id, into)
        emit_json({"merged": story_id, "into": target}) if json_ else console.print(
            f"merged {story_id} into {target}")

    @app.command()
    @handle_errors
    def split(
        story_id: Annotated[str, typer.Argument(help="The story to split.")],
        article_ids: Annotated[list[str], typer.Argument(help="Articles that leave it for a new story together.")],
        db: DbOption = None,
        json_: JsonOption = False,
    ) -> None:
        """Split articles out of a story into a new story of their own (pinned there)."""
        with open_db(db) as nw:
            new_id = nw.split_story(story_id, article_ids)
        emit_json({"story": story_id, "new_story": new_id}) if json_ else console.print(
            f"split {len(article_ids)} article(s) into new story {new_id}")
