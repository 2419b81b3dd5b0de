"""``newsweave eval clusters|timex|attributions``: score system output against gold files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from ..errors import InputError
from .common import JsonOption, console, emit_json, handle_errors

app = typer.Typer(help="Score newsweave output (or any tool's, in the same JSONL shape) against gold data.",
                  no_args_is_help=True, rich_markup_mode=None)

Gold = Annotated[Path, typer.Argument(help="Gold JSONL file.")]
Pred = Annotated[Path, typer.Argument(help="Predicted JSONL file (e.g. from `newsweave group` / `analyze`).")]


def read_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        raise InputError(f"{path}: no such file", source=str(path), reason="missing")
    rows = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise InputError(f"not JSON ({exc.msg}); every line must be one JSON object", source=str(path),
                                 line=n) from None
    return rows


def _labels(rows: list[dict], path: Path, key: str) -> dict[str, str]:
    out = {}
    for n, r in enumerate(rows, start=1):
        if "id" not in r or key not in r:
            raise InputError(f"record needs 'id' and {key!r}", source=str(path), line=n)
        out[str(r["id"])] = str(r[key])
    return out


@app.command()
@handle_errors
def clusters(
    gold: Gold,
    pred: Pred,
    gold_key: Annotated[str, typer.Option(help="Field holding the gold story label.")] = "story",
    json_: JsonOption = False,
) -> None:
    """Pairwise P/R/F1 (Miranda et al. 2018), BCubed P/R/F1, number of stories, splits and merges."""
    from ..eval.clusters import format_table, score_clusters

    g = _labels(read_jsonl(gold), gold, gold_key)
    p = _labels(read_jsonl(pred), pred, "story")
    result = score_clusters(g, p)
    if json_:
        emit_json(result)
    else:
        console.print(format_table({"newsweave": result}))


@app.command()
@handle_errors
def timex(gold: Gold, pred: Pred, json_: JsonOption = False) -> None:
    """TempEval-3 scores: strict and relaxed span F1, type accuracy, value F1 (TimeBank/AQUAINT/MEANTIME JSONL)."""
    from ..eval.timex import format_table, load_gold, score_timex

    result = score_timex(load_gold(gold), read_jsonl(pred))
    if json_:
        emit_json(result)
    else:
        console.print(format_table({"newsweave": result}))


@app.command()
@handle_errors
def attributions(gold: Gold, pred: Pred, json_: JsonOption = False) -> None:
    """Source / cue / content span F1, exact and overlap (PolNeAR JSONL) against `newsweave analyze` output."""
    from ..eval.attributions import format_table, load_gold, score_attributions

    result = score_attributions(load_gold(gold), read_jsonl(pred))
    if json_:
        emit_json(result)
    else:
        console.print(format_table({"newsweave": result}))
