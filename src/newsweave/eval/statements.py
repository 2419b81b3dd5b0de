"""Scoring statements against newsweave's own annotated sets (``tests/data/statements_*.jsonl``).

PolNeAR annotates spans only; our sets also annotate what newsweave adds — channel, relays, direct or
indirect, anonymity and the entity the speaker resolves to. Gold and predicted statements of a document are
paired by content overlap exactly as in :mod:`newsweave.eval.attributions`; then:

* **found**: content-overlap P/R/F1 (a pair is a hit);
* **speaker**: share of pairs whose gold speaker span overlaps the predicted one (both missing counts as right);
* **speaker name**: over pairs whose gold speaker resolves to a name (not "officials", "sources"), the share whose
  predicted name agrees, ignoring case, a leading "the" and punctuation, and allowing one name to end the other
  ("Roe" for "Jane Roe"); pronouns and descriptions ("he", "the minister") must have been resolved to it;
* **direct**, **anonymous**, **channel**: share of pairs with the same value;
* **relays**: share of pairs with the same relay list (same names in the same order, compared like names).

The attribute accuracies are conditional on the pairing: a statement that is not found does not count.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from .attributions import pair_attributions
from .records import json_records

__all__ = ["ATTRIBUTES", "format_table", "load_statement_set", "same_name", "score_statement_set"]

ATTRIBUTES = ("speaker", "speaker_name", "direct", "anonymous", "channel", "relays")


def load_statement_set(path) -> list[dict]:
    """The documents of an annotated set (the ``_about`` header line is skipped)."""
    return [rec for _, rec in json_records(path) if "_about" not in rec]


def _name(value: str | None) -> str:
    text = re.sub(r"[^\w\s]", " ", (value or "").casefold())
    return " ".join(w for i, w in enumerate(text.split()) if not (i == 0 and w == "the"))


def same_name(gold: str | None, pred: str | None) -> bool:
    a, b = _name(gold), _name(pred)
    if not a or not b:
        return a == b
    return a == b or a.endswith(" " + b) or b.endswith(" " + a)


def _overlaps(a: Mapping | None, b: Mapping | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return min(a["end"], b["end"]) > max(a["start"], b["start"])


def score_statement_set(gold_docs: Iterable[Mapping], predicted: Mapping[str, Sequence[Mapping]]) -> dict:
    """Scores of ``predicted`` (document id → statements as `newsweave analyze --jsonl` writes them, see
    :func:`newsweave.analyze.jsonl.statement_record`) against ``gold_docs``."""
    n_gold = n_pred = 0
    right = dict.fromkeys(ATTRIBUTES, 0)
    pairs = named = 0
    for doc in gold_docs:
        gold = list(doc["statements"])
        pred = list(predicted.get(doc["id"], ()))
        n_gold += len(gold)
        n_pred += len(pred)
        for gi, pi in pair_attributions(gold, pred):
            g, p = gold[gi], pred[pi]
            pairs += 1
            right["speaker"] += _overlaps(g.get("speaker"), p.get("speaker"))
            if g.get("speaker_entity"):
                named += 1
                right["speaker_name"] += same_name(g["speaker_entity"], p.get("speaker_entity"))
            for key in ("direct", "anonymous", "channel"):
                right[key] += g.get(key) == p.get(key)
            gr, pr = list(g.get("relays") or ()), list(p.get("relays") or ())
            right["relays"] += len(gr) == len(pr) and all(same_name(a, b) for a, b in zip(gr, pr, strict=True))
    precision = pairs / n_pred if n_pred else 0.0
    recall = pairs / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    out: dict = {"gold": n_gold, "pred": n_pred, "found": pairs, "found_p": precision, "found_r": recall,
                 "found_f1": f1, "named": named}
    for key in ATTRIBUTES:
        n = named if key == "speaker_name" else pairs
        out[key] = right[key] / n if n else 0.0
    return out


def format_table(rows: Sequence[tuple[str, Mapping]] | Mapping[str, Mapping]) -> str:
    """A markdown table, one row per ``(name, scores)``; attribute columns are accuracies over found statements."""
    items = list(rows.items()) if isinstance(rows, Mapping) else list(rows)
    head = ["system", "gold", "pred", "found P / R / F1", *ATTRIBUTES]
    lines = ["| " + " | ".join(head) + " |", "|---|---:|---:|---|" + "---:|" * len(ATTRIBUTES)]
    for name, s in items:
        cells = [name, str(s["gold"]), str(s["pred"]),
                 f"{s['found_p']:.2f} / {s['found_r']:.2f} / **{s['found_f1']:.2f}**"]
        cells += [f"{s[key]:.2f}" for key in ATTRIBUTES]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
