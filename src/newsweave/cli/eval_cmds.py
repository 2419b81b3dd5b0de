"""``newsweave eval clusters|timex|attributions|entities``: score system output against gold files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import InputError
from .common import JsonOption, emit_json, handle_errors

app = typer.Typer(help="Score newsweave output (or any tool's, in the same JSONL shape) against gold data.",
                  no_args_is_help=True, rich_markup_mode=None)

Gold = Annotated[Path, typer.Argument(help="Gold JSONL file.")]
Pred = Annotated[Path, typer.Argument(help="Predicted JSONL file (e.g. from `newsweave group` / `analyze`).")]


def read_predictions(path: Path, key: str, fields: tuple[str, ...]) -> list[dict]:
    """System output: one ``{"id", key: [...]}`` object per line, each item with ``fields``."""
    from ..eval.records import json_records, require_list

    rows = []
    for n, record in json_records(path):
        if "id" not in record or key not in record:
            raise InputError(f"record needs 'id' and {key!r} (the shape `newsweave analyze --jsonl` writes)",
                             source=str(path), line=n)
        require_list(record, key, fields, source=str(path), line=n)
        rows.append(record)
    return rows


def _report(result: dict, format_table, *, json_: bool) -> None:
    """Print one system's scores: JSON, or the scorer's markdown table (unwrapped, to paste)."""
    if json_:
        emit_json(result)
    else:
        typer.echo(format_table({"newsweave": result}))


@app.command()
@handle_errors
def clusters(
    gold: Gold,
    pred: Pred,
    gold_key: Annotated[str, typer.Option(help="Field holding the gold story label.")] = "story",
    json_: JsonOption = False,
) -> None:
    """Pairwise P/R/F1 (Miranda et al. 2018), BCubed P/R/F1, number of stories, splits and merges."""
    from ..eval.clusters import format_table, read_labels, score_clusters

    result = score_clusters(read_labels(gold, label_field=gold_key), read_labels(pred))
    _report(result, format_table, json_=json_)


@app.command()
@handle_errors
def timex(gold: Gold, pred: Pred, json_: JsonOption = False) -> None:
    """TempEval-3 scores: strict and relaxed span F1, type accuracy, value F1 (TimeBank/AQUAINT/MEANTIME JSONL)."""
    from ..eval.timex import format_table, load_gold, score_timex

    result = score_timex(load_gold(gold), read_predictions(pred, "timexes", ("start", "end")))
    _report(result, format_table, json_=json_)


@app.command()
@handle_errors
def attributions(gold: Gold, pred: Pred, json_: JsonOption = False) -> None:
    """Source / cue / content span F1, exact and overlap (PolNeAR JSONL) against `newsweave analyze` output."""
    from ..eval.attributions import format_table, load_gold, score_attributions

    result = score_attributions(load_gold(gold), read_predictions(pred, "statements", ("content",)))
    _report(result, format_table, json_=json_)


@app.command()
@handle_errors
def entities(gold: Gold, pred: Pred, json_: JsonOption = False) -> None:
    """Entity mentions, within-report and story-level coreference (MUC, B³, CEAF-e, CoNLL F1), pronoun links."""
    from ..eval.entities import format_table, load_gold, score_entities

    result = score_entities(load_gold(gold), read_predictions(pred, "entities", ("start", "end")))
    _report(result, format_table, json_=json_)
