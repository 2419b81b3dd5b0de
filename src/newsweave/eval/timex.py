"""TempEval-3-style scoring of time expressions.

* strict span P/R/F1: system and gold extents identical;
* relaxed span P/R/F1: extents overlap (one-to-one, greatest overlap first);
* type accuracy: share of relaxed matches whose type is right (TE3 also reports type F1 = relaxed F1 x acc.);
* value F1 (TE3 "value" attribute F1): a relaxed match with the right value counts as correct;
  P = correct / system timexes, R = correct / gold timexes.

Gold comes from the JSONL conversions of TempEval-3 (``tempeval3_*.jsonl``) and MEANTIME
(``meantime_en.jsonl``). MEANTIME annotates only the title and first sentences: system output at or after
``annotated_char_end`` is ignored. MEANTIME's dateline TIMEX3s (``functionInDocument`` = CREATION_TIME) are
kept: unlike TE3, where the DCT sits outside ``<TEXT>`` and is never scored, MEANTIME's dateline is part of
the text, so a tagger that finds it is right and one that misses it is wrong.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..errors import InputError
from .records import json_records, require_list

__all__ = ["format_table", "load_gold", "match_timexes", "score_timex"]


def load_gold(path: str | Path) -> list[dict]:
    """Read gold documents: ``[{"id", "text", "dct", "timexes": [...], "annotated_char_end"}]``."""
    docs: list[dict] = []
    for line_no, rec in json_records(path):
        doc_id = rec.get("doc_id") or rec.get("id")
        if doc_id is None:
            raise InputError("no doc_id/id field; is this a TE3 or MEANTIME JSONL file?", source=str(path),
                             line=line_no)
        if "timexes" not in rec:
            raise InputError("no 'timexes' field; is this a TE3 or MEANTIME JSONL file?", source=str(path),
                             line=line_no)
        require_list(rec, "timexes", ("start", "end"), source=str(path), line=line_no)
        timexes = [
            dict(t)
            for t in rec.get("timexes", [])
            if t.get("text") and t.get("end", 0) > t.get("start", 0)
        ]
        docs.append(
            {
                "id": str(doc_id),
                "text": rec.get("text", ""),
                "dct": rec.get("dct"),
                "timexes": timexes,
                "annotated_char_end": rec.get("annotated_char_end"),
            }
        )
    return docs


def _overlap(a: dict, b: dict) -> int:
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def match_timexes(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
    """One-to-one relaxed matching: pairs with the largest overlap first."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = _overlap(g, p)
            if ov > 0:
                pairs.append((ov, gi, pi))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _ov, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gold[gi], pred[pi]))
    return out


def _prf(correct: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = correct / n_pred if n_pred else 0.0
    r = correct / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _flat(t: dict) -> dict:
    """A predicted timex with top-level ``start``/``end`` (accepts a nested ``span`` too)."""
    out = dict(t)
    span = t.get("span")
    if "start" not in out and isinstance(span, dict):
        out["start"], out["end"] = span["start"], span["end"]
    return out


def _norm_value(v: Any) -> str:
    return str(v or "").strip().upper()


def score_timex(gold_docs: list[dict], pred_docs: list[dict]) -> dict:
    """Score predictions against gold; documents are matched by ``id``/``doc_id`` (missing = no output)."""
    by_id = {str(d.get("id") or d.get("doc_id")): d for d in pred_docs}
    n_gold = n_pred = strict = relaxed = type_ok = value_ok = 0
    for g in gold_docs:
        cut = g.get("annotated_char_end")
        pred = [_flat(t) for t in (by_id.get(str(g["id"])) or {}).get("timexes", [])]
        if cut is not None:
            pred = [t for t in pred if t["start"] < cut]
        gold = g["timexes"]
        n_gold += len(gold)
        n_pred += len(pred)
        spans = {(t["start"], t["end"]) for t in gold}
        strict += sum(1 for t in pred if (t["start"], t["end"]) in spans)
        for gt, pt in match_timexes(gold, pred):
            relaxed += 1
            type_ok += gt.get("type") == pt.get("type")
            value_ok += _norm_value(gt.get("value")) == _norm_value(pt.get("value"))
    sp, sr, sf = _prf(strict, n_pred, n_gold)
    rp, rr, rf = _prf(relaxed, n_pred, n_gold)
    vp, vr, vf = _prf(value_ok, n_pred, n_gold)
    return {
        "docs": len(gold_docs),
        "gold": n_gold,
        "pred": n_pred,
        "strict_p": sp,
        "strict_r": sr,
        "strict_f1": sf,
        "relaxed_p": rp,
        "relaxed_r": rr,
        "relaxed_f1": rf,
        "type_acc": type_ok / relaxed if relaxed else 0.0,
        "type_f1": rf * (type_ok / relaxed) if relaxed else 0.0,
        "value_acc": value_ok / relaxed if relaxed else 0.0,
        "value_p": vp,
        "value_r": vr,
        "value_f1": vf,
    }


def format_table(rows: Sequence[tuple[str, Mapping]] | Mapping[str, Mapping]) -> str:
    """A markdown table, one row per system/set (scores in percent); ``rows`` are ``(name, scores)`` pairs
    or a mapping name → scores."""
    cols = [
        ("strict_p", "strict P"),
        ("strict_r", "strict R"),
        ("strict_f1", "strict F1"),
        ("relaxed_p", "relaxed P"),
        ("relaxed_r", "relaxed R"),
        ("relaxed_f1", "relaxed F1"),
        ("type_acc", "type acc"),
        ("value_f1", "value F1"),
    ]
    head = "| system | gold | pred | " + " | ".join(c[1] for c in cols) + " |"
    sep = "|---|---:|---:|" + "---:|" * len(cols)
    lines = [head, sep]
    for name, s in (rows.items() if isinstance(rows, Mapping) else rows):
        cells = [f"{100 * s.get(k, 0.0):.1f}" for k, _ in cols]
        lines.append(f"| {name} | {s.get('gold', '')} | {s.get('pred', '')} | " + " | ".join(cells) + " |")
    return "\n".join(lines)
