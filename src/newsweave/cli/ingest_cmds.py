"""``newsweave ingest``, ``process`` and ``rejections``."""

from __future__ import annotations

from typing import Annotated, Self

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from ..errors import InputError
from .common import DbOption, JsonOption, console, emit_json, err_console, handle_errors, open_db

STAGE_LABELS = {
    "ingest": "reading reports",
    "analyze": "analysing",
    "group": "grouping into stories",
    "reconcile": "reconciling stories",
}


class StageProgress:
    """A rich progress display with one bar per pipeline stage (silent when stderr is not a terminal)."""

    def __init__(self, enabled: bool) -> None:
        self.progress = Progress(
            SpinnerColumn(), TextColumn("{task.description:<24}"), BarColumn(), MofNCompleteColumn(),
            TimeElapsedColumn(), console=err_console, transient=False, disable=not enabled,
        )
        self.tasks: dict[str, int] = {}

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        if stage not in self.tasks:
            self.tasks[stage] = self.progress.add_task(STAGE_LABELS.get(stage, stage), total=total)
        self.progress.update(self.tasks[stage], completed=done, total=total)

    def __enter__(self) -> Self:
        self.progress.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.__exit__(*exc)


def parse_field_map(pairs: list[str] | None) -> dict[str, str] | None:
    if not pairs:
        return None
    mapping = {}
    for pair in pairs:
        if "=" not in pair:
            raise InputError(f"--map {pair!r}: expected OUR_FIELD=THEIR_FIELD, e.g. --map text=story_body",
                             reason="usage")
        ours, theirs = pair.split("=", 1)
        mapping[ours.strip()] = theirs.strip()
    return mapping


def print_ingest_summary(report, *, verbose: bool) -> None:
    counts = report.counts
    table = Table(title="ingest", show_header=True, header_style="bold")
    table.add_column("outcome")
    table.add_column("reports", justify="right")
    for key, value in counts.items():
        table.add_row(key, str(value))
    console.print(table)
    rejected = report.rejected
    if rejected:
        rt = Table(title=f"rejected inputs ({len(rejected)}) — kept in the store: `newsweave rejections`",
                   header_style="bold")
        rt.add_column("where")
        rt.add_column("reason")
        rt.add_column("message", overflow="fold")
        for o in rejected[: None if verbose else 20]:
            where = o.source if o.line is None else f"{o.source}:{o.line}"
            rt.add_row(where, o.reason or "", o.message or "")
        if len(rejected) > 20 and not verbose:
            rt.add_row("…", "", f"{len(rejected) - 20} more (use --verbose)")
        console.print(rt)
    proc = getattr(report, "process", None)
    if proc is not None:
        console.print(
            f"analysed {proc.analyzed} · grouped {proc.grouped} into stories ({proc.new_stories} new) · "
            f"{proc.dossiers} dossiers updated"
            + (f" · skipped: {', '.join(proc.skipped_stages)}" if proc.skipped_stages else "")
        )


def register(app: typer.Typer) -> None:
    @app.command()
    @handle_errors
    def ingest(
        paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive), '-' for stdin, .gz files, "
                                                         "or http(s) URLs of pages and feeds.")],
        db: DbOption = None,
        map_: Annotated[list[str] | None, typer.Option("--map", help="Field name mapping for JSON/CSV input, "
                                                        "OUR=THEIRS, repeatable (e.g. --map text=story_body).")] = None,
        max_bytes: Annotated[int, typer.Option(help="Reject inputs larger than this many bytes.")] = 20_000_000,
        no_process: Annotated[bool, typer.Option("--no-process", help="Only store the reports; skip analysis, "
                                                  "grouping and reconciliation (run `newsweave process` later).")] = False,
        offline: Annotated[bool, typer.Option("--offline", help="Refuse URLs instead of fetching them.")] = False,
        strict: Annotated[bool, typer.Option(help="Exit with code 6 when any input was rejected.")] = False,
        verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List every rejected input.")] = False,
        json_: JsonOption = False,
    ) -> None:
        """Read news reports and store each one exactly once; then analyse, group and reconcile them.

        Formats: dated text (' date YYYY-MM-DD' then the article), plain .txt, JSON / JSONL / CSV, HTML pages,
        RSS/Atom feeds. Bad input never stops the batch: each rejected file or record is reported with its reason
        and kept in the store.
        """
        field_map = parse_field_map(map_)
        with open_db(db) as nw, StageProgress(enabled=not json_ and err_console.is_terminal) as progress:
            report = nw.ingest(paths, field_map=field_map, max_bytes=max_bytes, process=not no_process,
                               fetch_urls=not offline, progress=progress)
        if json_:
            data = report.to_dict()
            proc = getattr(report, "process", None)
            data["process"] = proc.to_dict() if proc else None
            emit_json(data)
        else:
            print_ingest_summary(report, verbose=verbose)
        if strict and report.rejected:
            raise typer.Exit(6)

    @app.command()
    @handle_errors
    def process(
        db: DbOption = None,
        workers: Annotated[int | None, typer.Option(help="Processes for analysis [default: 2].")] = None,
        json_: JsonOption = False,
    ) -> None:
        """Run the pipeline stages (analysis, grouping, reconciliation) on whatever is new or stale."""
        with open_db(db) as nw, StageProgress(enabled=not json_ and err_console.is_terminal) as progress:
            result = nw.process(progress=progress, workers=workers)
        if json_:
            emit_json(result.to_dict())
        else:
            console.print(f"analysed {result.analyzed} · grouped {result.grouped} ({result.new_stories} new "
                          f"stories) · {result.dossiers} dossiers updated")

    @app.command()
    @handle_errors
    def rejections(
        db: DbOption = None,
        limit: Annotated[int, typer.Option(help="Show at most this many.")] = 100,
        json_: JsonOption = False,
    ) -> None:
        """List the inputs that were rejected, newest first, with the reason and what to do about it."""
        with open_db(db) as nw:
            items = nw.rejections(limit=limit)
        if json_:
            emit_json([{"source": r.source, "line": r.line, "reason": r.reason, "message": r.message,
                        "excerpt": r.excerpt, "at": r.at} for r in items])
            return
        table = Table(header_style="bold")
        for col in ("where", "reason", "message"):
            table.add_column(col, overflow="fold")
        for r in items:
            table.add_row(r.source if r.line is None else f"{r.source}:{r.line}", r.reason, r.message)
        console.print(table if items else "no rejected inputs")
