"""Scoring attribution (statement) extraction against PolNeAR-style gold: source, cue and content spans.

Matching (documented in docs/statements.md):

1. **Pairing.** Within a document, gold and predicted attributions are paired one-to-one by their content
   spans: candidate pairs are those whose contents overlap; pairs are taken greedily by the largest
   character overlap (ties: earlier gold first). Spans are extents (first start to last end).
2. **Content.** *overlap*: every pair counts as a hit. *exact*: a pair whose content spans are equal after
   normalisation (surrounding whitespace, quotation marks and punctuation removed, and a leading
   complementiser "that" dropped — annotators differ on those). P = hits / predicted attributions,
   R = hits / gold attributions.
3. **Source** and **cue** are scored on the paired attributions, so a source only counts when it is the
   source of the right content (as in Pareti 2015/PolNeAR-style role evaluation, but linked). A hit is a
   pair where both sides have the role and the spans overlap (*overlap*) or are equal after normalisation
   (*exact*). P = hits / predicted attributions that have the role, R = hits / gold attributions that have
   it (gold attributions without a source are not in the source denominator).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from ..errors import InputError
from .records import json_records, require_list

__all__ = ["ROLES", "format_table", "load_gold", "score_attributions"]

ROLES = ("source", "cue", "content")
_TRIM = " \t\n\r\"'“”‘’«».,;:!?—–-()[]"


def load_gold(path: str | Path) -> list[dict]:
    """Read PolNeAR-style JSONL (``.jsonl`` or ``.jsonl.gz``): one document per line with ``attributions``.

    Returns documents as ``{"id", "text", "attributions": [{"source", "cue", "content"}]}`` with each role a
    ``{"start", "end"}`` dict or ``None``.
    """
    docs: list[dict] = []
    for line_no, rec in json_records(path):
        doc_id = rec.get("doc_id") or rec.get("id")
        if doc_id is None:
            raise InputError("no doc_id/id field; is this a PolNeAR JSONL file?", source=str(path), line=line_no)
        if "attributions" not in rec:
            raise InputError("no 'attributions' field; is this a PolNeAR JSONL file?", source=str(path),
                             line=line_no)
        atts = []
        for a in require_list(rec, "attributions", ("content",), source=str(path), line=line_no):
            try:
                atts.append({role: _as_span(a.get(role)) for role in ROLES})
            except (KeyError, TypeError, ValueError, IndexError):
                raise InputError('each role must be null, [start, end] or {"start": …, "end": …}',
                                 source=str(path), line=line_no) from None
        docs.append({"id": doc_id, "text": rec.get("text", ""), "attributions": atts})
    return docs


def _as_span(value) -> dict | None:
    if value is None:
        return None
    if isinstance(value, Mapping):
        return {"start": int(value["start"]), "end": int(value["end"])}
    start, end = value
    return {"start": int(start), "end": int(end)}


def _norm(span: Mapping | None, text: str) -> tuple[int, int] | None:
    if span is None:
        return None
    s, e = int(span["start"]), int(span["end"])
    for _ in range(2):  # trim, drop a leading "that", trim again ('that "…"')
        while s < e and text[s] in _TRIM:
            s += 1
        while e > s and text[e - 1] in _TRIM:
            e -= 1
        if text[s : s + 5].lower() == "that " and e - s > 5:
            s += 5
    return s, e


def _overlap(a: Mapping | None, b: Mapping | None) -> int:
    if a is None or b is None:
        return 0
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def pair_attributions(gold: Sequence[Mapping], pred: Sequence[Mapping]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs by largest content overlap."""
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = _overlap(g.get("content"), p.get("content"))
            if ov > 0:
                cands.append((-ov, gi, pi))
    cands.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return pairs


def _prf(hits: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = hits / n_pred if n_pred else 0.0
    r = hits / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f1": f, "hits": hits, "pred": n_pred, "gold": n_gold}


def score_attributions(gold_docs: Iterable[Mapping], pred_docs: Iterable[Mapping]) -> dict:
    """Scores per role and match type: ``{"content": {"exact": {...}, "overlap": {...}}, "source": ..., ...}``.

    ``gold_docs`` come from :func:`load_gold` (they carry the text, needed for exact-match normalisation);
    ``pred_docs`` are ``{"id", "statements": [{"speaker", "cue", "content"}]}`` as written by
    ``newsweave analyze --jsonl`` (a predicted ``speaker`` is scored against the gold ``source``).
    Documents missing from the predictions count as predicting nothing.
    """
    preds = {d["id"]: d for d in pred_docs}
    counts = {role: {"exact": 0, "overlap": 0, "pred": 0, "gold": 0} for role in ROLES}
    for gdoc in gold_docs:
        text = gdoc.get("text", "")
        gold = [dict(a) for a in gdoc["attributions"]]
        pdoc = preds.get(gdoc["id"], {"statements": []})
        pred = [
            {"source": _as_span(s.get("speaker")), "cue": _as_span(s.get("cue")), "content": _as_span(s.get("content"))}
            for s in pdoc.get("statements", [])
            if s.get("content") is not None
        ]
        for role in ROLES:
            counts[role]["gold"] += sum(1 for g in gold if g.get(role) is not None)
            counts[role]["pred"] += sum(1 for p in pred if p.get(role) is not None)
        for gi, pi in pair_attributions(gold, pred):
            g, p = gold[gi], pred[pi]
            for role in ROLES:
                if g.get(role) is None or p.get(role) is None:
                    continue
                if _overlap(g[role], p[role]) > 0:
                    counts[role]["overlap"] += 1
                    if _norm(g[role], text) == _norm(p[role], text):
                        counts[role]["exact"] += 1
    out: dict = {}
    for role in ROLES:
        c = counts[role]
        out[role] = {m: _prf(c[m], c["pred"], c["gold"]) for m in ("exact", "overlap")}
    return out


def format_table(rows: Sequence[tuple[str, Mapping]] | Mapping[str, Mapping], *, digits: int = 2) -> str:
    """Markdown table of P/R/F1 for each role × match type; ``rows`` are ``(name, scores)`` pairs."""
    items = list(rows.items()) if isinstance(rows, Mapping) else list(rows)
    head = ["system"] + [f"{role} {m} P/R/F1" for role in ROLES for m in ("exact", "overlap")]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name, scores in items:
        cells = [name]
        for role in ROLES:
            for m in ("exact", "overlap"):
                s = scores[role][m]
                cells.append(f"{s['p']:.{digits}f}/{s['r']:.{digits}f}/**{s['f1']:.{digits}f}**")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
