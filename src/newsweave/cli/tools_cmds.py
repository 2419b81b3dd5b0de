"""``newsweave demo``, ``analyze``, ``group``, ``compare`` and ``serve``."""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer

from ..errors import InputError
from .common import DbOption, JsonOption, console, emit_json, err_console, handle_errors, open_db
from .ingest_cmds import StageProgress, parse_field_map, print_ingest_summary
from .story_cmds import print_stories


def sample_corpus_dir() -> Path:
    return Path(str(resources.files("newsweave").joinpath("data/sample")))


def _open_out(output: str):
    return sys.stdout if output == "-" else open(output, "w", encoding="utf-8")


def register(app: typer.Typer) -> None:
    @app.command()
    @handle_errors
    def demo(
        db: DbOption = None,
        story_id: Annotated[str | None, typer.Option("--story", help="Show this story's dossier instead.")] = None,
    ) -> None:
        """Ingest the bundled sample corpus, run every stage, and show the stories and one story's dossier."""
        from ..reconcile import render

        sample = sample_corpus_dir()
        console.rule("[bold]newsweave demo")
        console.print(f"sample corpus: {sample} (sources and licences: ATTRIBUTION.md)")
        with open_db(db) as nw, StageProgress(enabled=err_console.is_terminal) as progress:
            report = nw.ingest([str(sample)], progress=progress)
        print_ingest_summary(report, verbose=False)
        with open_db(db) as nw:
            console.rule("[bold]stories (biggest first)")
            items = nw.stories(limit=None, order="size")
            print_stories(items[:15])
            if story_id is None:
                story_id = pick_showcase_story(items)
            if story_id is None:
                return
            console.rule(f"[bold]dossier of story {story_id}")
            render.render_terminal(nw.dossier(story_id), console)
        console.print(f"\n[dim]database: {nw.store.path} — try `newsweave stories --db {nw.store.path}`, "
                      f"`newsweave story ID --format html -o story.html`, `newsweave serve --db {nw.store.path}`[/]")

    @app.command()
    @handle_errors
    def analyze(
        inputs: Annotated[list[str], typer.Argument(help="Files, folders, '-' or .gz (the ingest formats).")],
        jsonl: Annotated[bool, typer.Option("--jsonl", help="Write one JSON line per article (the only format "
                                                           "for now; docs/analysis-schema.md).")] = True,
        output: Annotated[str, typer.Option("--output", "-o", help="File to write ('-' = stdout).")] = "-",
        map_: Annotated[list[str] | None, typer.Option("--map", help="Field mapping OUR=THEIRS for JSON/CSV.")] = None,
        workers: Annotated[int, typer.Option(help="Processes to use.")] = 2,
    ) -> None:
        """Analyse reports without storing them: sentences, entities, time expressions, statements (JSONL)."""
        from ..analyze.jsonl import analysis_to_record
        from ..analyze.pipeline import analyze_many
        from ..ingest.runner import raw_to_article
        from ..ingest.sources import iter_reports
        from ..model import Rejection

        articles = []
        for item in iter_reports(inputs, field_map=parse_field_map(map_)):
            if isinstance(item, Rejection):
                err_console.print(f"skipped {item.source}{':' + str(item.line) if item.line else ''}: {item.message}")
                continue
            articles.append(raw_to_article(item))
        out = _open_out(output)
        try:
            with StageProgress(enabled=err_console.is_terminal) as progress:
                for n, (article, analysis) in enumerate(
                    zip(articles, analyze_many(articles, workers=workers), strict=True), start=1
                ):
                    out.write(json.dumps(analysis_to_record(analysis, article), ensure_ascii=False) + "\n")
                    progress("analyze", n, len(articles))
        finally:
            if out is not sys.stdout:
                out.close()

    @app.command()
    @handle_errors
    def group(
        input_: Annotated[str, typer.Argument(metavar="INPUT.jsonl", help="Articles: id, date, title, text, source.")],
        output: Annotated[str, typer.Option("--output", "-o", help="File to write ('-' = stdout).")] = "-",
        db: Annotated[str | None, typer.Option("--db", help="Also ingest into this database (default: "
                                                            "touch no database).")] = None,
        workers: Annotated[int | None, typer.Option(help="Processes computing features (default: 2 for 64 "
                                                         "articles or more, else 1).")] = None,
        strict: Annotated[bool, typer.Option(help="Stop at the first bad record (exit code 2) instead of "
                                                  "skipping it with a message.")] = False,
        datelines: Annotated[bool, typer.Option(help="Date an undated record by its own dateline (a title or "
                                                     "first line that is only a date, a 'Posted:' stamp), as "
                                                     "ingest does; by default only the date field counts.")] = False,
    ) -> None:
        """Group articles into stories in date order (input order when undated), exactly as the online path does;
        write one line per article: {"id": ..., "story": ...}. Bad records (not JSON, no id or text, a bad date,
        a repeated id, not UTF-8) are skipped and named on stderr; the others are grouped."""
        from ..model import Rejection
        from ..stories.batch import group_jsonl

        if db is not None:
            with open_db(db) as nw:
                nw.ingest([input_])
        out = _open_out(output)
        try:
            rejected: list[Rejection] | None = None if strict else []
            with StageProgress(enabled=err_console.is_terminal) as progress:
                group_jsonl(sys.stdin if input_ == "-" else input_, out, workers=workers, rejected=rejected,
                            progress=lambda done, total: progress("group", done, total), datelines=datelines)
            for r in rejected or []:
                err_console.print(f"skipped {r.source}:{r.line}: {r.message}", markup=False, highlight=False)
        finally:
            if out is not sys.stdout:
                out.close()

    @app.command()
    @handle_errors
    def compare(
        text_a: Annotated[str | None, typer.Argument(help="First passage (or use --jsonl).")] = None,
        text_b: Annotated[str | None, typer.Argument(help="Second passage.")] = None,
        outlet_a: Annotated[str | None, typer.Option(help="Outlet of A.")] = None,
        outlet_b: Annotated[str | None, typer.Option(help="Outlet of B.")] = None,
        date_a: Annotated[str | None, typer.Option(help="Publication date of A (YYYY-MM-DD).")] = None,
        date_b: Annotated[str | None, typer.Option(help="Publication date of B (YYYY-MM-DD).")] = None,
        jsonl: Annotated[str | None, typer.Option("--jsonl", help="A JSONL file of pairs {a, b, outlet_a, date_a, "
                                                                  "...} ('-' = stdin); one JSON line out per pair.")] = None,
        json_: JsonOption = False,
    ) -> None:
        """Extract and align the claims of two passages; say per aligned fact whether they agree, differ in
        precision or certainty, contradict each other, or are unrelated — and why."""
        from ..reconcile.compare import compare_jsonl, compare_texts, verdict_to_json

        if jsonl is not None:
            fh = sys.stdin if jsonl == "-" else open(jsonl, encoding="utf-8")  # noqa: SIM115
            try:
                for line in compare_jsonl(fh):
                    sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
            finally:
                if fh is not sys.stdin:
                    fh.close()
            return
        if text_a is None or text_b is None:
            raise InputError("give two passages (TEXT_A TEXT_B) or --jsonl FILE", reason="usage")
        verdicts = compare_texts(text_a, text_b, outlet_a=outlet_a, outlet_b=outlet_b, date_a=date_a, date_b=date_b)
        if json_:
            emit_json([verdict_to_json(v) for v in verdicts])
            return
        if not verdicts:
            console.print("no comparable claims found")
        for v in verdicts:
            d = verdict_to_json(v)
            console.print(f"[bold]{d['verdict']}[/] ({d.get('kind') or '—'}): {d['reason']}")

    @app.command()
    @handle_errors
    def serve(
        db: DbOption = None,
        host: Annotated[str, typer.Option(help="Address to bind (default: this machine only).")] = "127.0.0.1",
        port: Annotated[int, typer.Option(help="Port.")] = 8750,
        token: Annotated[str | None, typer.Option(envvar="NEWSWEAVE_TOKEN", help="Token required by write "
                                                  "endpoints (POST /api/articles); without one they are refused.")] = None,
    ) -> None:
        """Serve the web UI and the HTTP API over the store."""
        import uvicorn

        from ..api import default_db_path
        from ..serve.app import create_app

        app_ = create_app(db or default_db_path(), token=token)
        console.print(f"newsweave at http://{host}:{port}/  (API docs: /api/docs)")
        uvicorn.run(app_, host=host, port=port, log_level="warning")


def pick_showcase_story(items: list[dict]) -> str | None:
    """The story to show first: one whose sources contradict each other, preferring dated reports (a
    timeline can be resolved), then more independent sources."""
    if not items:
        return None
    return max(items, key=lambda s: (bool(s.get("contradictions")), s.get("dated_reports", 0) > 0,
                                     s["independent_sources"], s["size"]))["id"]
