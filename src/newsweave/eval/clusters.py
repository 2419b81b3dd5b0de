"""Scoring a story grouping against gold stories.

* Pairwise precision/recall/F1 exactly as Miranda et al. (2018), "Multilingual Clustering of Streaming News":
  with ``n_ij`` the contingency table of gold stories × predicted stories,
  ``tp = Σ_ij C(n_ij, 2)``, precision ``= tp / Σ_j C(|pred_j|, 2)``, recall ``= tp / Σ_i C(|gold_i|, 2)``.
* BCubed precision/recall/F1 (Bagga & Baldwin 1998; Amigó et al. 2009): per item, the share of its predicted
  cluster that shares its gold label (precision) and of its gold cluster that shares its predicted label
  (recall), averaged over items.
* The number of gold and predicted stories, and split/merge counts: ``splits`` = Σ over gold stories of
  (number of predicted stories it is spread over − 1); ``merges`` = Σ over predicted stories of (number of
  gold stories it mixes − 1).

Only items present in both ``gold`` and ``pred`` are scored; the counts of missing items are reported.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Mapping, Sequence
from pathlib import Path

from ..errors import InputError
from .records import json_records

__all__ = ["format_table", "read_labels", "score_clusters", "score_files"]


def _c2(n: int) -> int:
    return n * (n - 1) // 2


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def score_clusters(gold: Mapping[str, Hashable], pred: Mapping[str, Hashable]) -> dict:
    """Pairwise and BCubed scores of ``pred`` (item → predicted label) against ``gold`` (item → gold label).

    Pairwise precision (recall) is 1.0 by convention when the prediction (gold) has no pair at all.
    """
    items = [i for i in gold if i in pred]
    cells: Counter = Counter((gold[i], pred[i]) for i in items)
    gold_sizes: Counter = Counter(gold[i] for i in items)
    pred_sizes: Counter = Counter(pred[i] for i in items)
    tp = sum(_c2(n) for n in cells.values())
    pred_pairs = sum(_c2(n) for n in pred_sizes.values())
    gold_pairs = sum(_c2(n) for n in gold_sizes.values())
    p_pair = tp / pred_pairs if pred_pairs else 1.0
    r_pair = tp / gold_pairs if gold_pairs else 1.0
    b_p = b_r = 0.0
    for i in items:
        n = cells[(gold[i], pred[i])]
        b_p += n / pred_sizes[pred[i]]
        b_r += n / gold_sizes[gold[i]]
    b_p = b_p / len(items) if items else 0.0
    b_r = b_r / len(items) if items else 0.0
    gold_spread: defaultdict = defaultdict(set)
    pred_mix: defaultdict = defaultdict(set)
    for g, p in cells:
        gold_spread[g].add(p)
        pred_mix[p].add(g)
    return {
        "items": len(items),
        "missing_in_pred": sum(1 for i in gold if i not in pred),
        "extra_in_pred": sum(1 for i in pred if i not in gold),
        "pairwise_precision": p_pair,
        "pairwise_recall": r_pair,
        "pairwise_f1": _f1(p_pair, r_pair),
        "bcubed_precision": b_p,
        "bcubed_recall": b_r,
        "bcubed_f1": _f1(b_p, b_r),
        "gold_stories": len(gold_sizes),
        "predicted_stories": len(pred_sizes),
        "splits": sum(len(s) - 1 for s in gold_spread.values()),
        "merges": sum(len(s) - 1 for s in pred_mix.values()),
        "true_pairs": tp,
    }


_COLUMNS = (
    ("pairwise_precision", "pair P"),
    ("pairwise_recall", "pair R"),
    ("pairwise_f1", "pair F1"),
    ("bcubed_precision", "B³ P"),
    ("bcubed_recall", "B³ R"),
    ("bcubed_f1", "B³ F1"),
    ("predicted_stories", "stories"),
    ("splits", "splits"),
    ("merges", "merges"),
)


def format_table(rows: Sequence[tuple[str, Mapping]] | Mapping[str, Mapping], *, ratio: bool = False) -> str:
    """A markdown table with one row per ``(name, scores)`` pair (or name → scores); with ``ratio`` a last row
    first/second."""
    rows = list(rows.items()) if isinstance(rows, Mapping) else list(rows)
    head = "| system | " + " | ".join(label for _, label in _COLUMNS) + " |"
    lines = [head, "|" + "---|" * (len(_COLUMNS) + 1)]
    for name, scores in rows:
        cells = []
        for key, _ in _COLUMNS:
            value = scores.get(key)
            cells.append(f"{value:.3f}" if isinstance(value, float) else str(value))
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    if ratio and len(rows) >= 2:
        (name_a, a), (name_b, b) = rows[0], rows[1]
        cells = []
        for key, _ in _COLUMNS:
            x, y = a.get(key), b.get(key)
            cells.append(f"{x / y:.2f}×" if isinstance(x, (int, float)) and y else "–")
        lines.append(f"| ratio {name_a} / {name_b} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def read_labels(path: str | Path, *, label_field: str = "story") -> dict[str, str]:
    """Read ``{"id": ..., "story": ...}`` JSON lines into ``id → story``."""
    labels: dict[str, str] = {}
    for n, record in json_records(path):
        if "id" not in record or label_field not in record:
            raise InputError(f"expected a JSON object with 'id' and {label_field!r} fields", source=str(path), line=n)
        labels[str(record["id"])] = str(record[label_field])
    return labels


def score_files(gold_path: str | Path, pred_path: str | Path) -> dict:
    """``newsweave eval clusters GOLD.jsonl PRED.jsonl``: scores of the predicted against the gold stories."""
    return score_clusters(read_labels(gold_path), read_labels(pred_path))
