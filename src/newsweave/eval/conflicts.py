"""Evaluating the reconcile stage's verdicts: our annotated pairs and ClaimDiff (development only).

* :func:`evaluate_gold` — ``tests/data/conflicts_gold.jsonl``: 5-way verdict accuracy, and precision/recall
  of
  contradictions overall and per kind.
* :func:`evaluate_claimdiff` — ClaimDiff train from the shared data directory (never copied into the repo):
  the ``weaken`` label is the positive class; a pair is predicted positive when ``compare_texts`` says
  ``contradict``. Reports precision/recall/F1 and the confusion of our verdicts with the three labels.
* :func:`naive_verdict` — the baseline: "numbers differ or negation differs ⇒ contradict".
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "GOLD_PATH",
    "PRF",
    "ClaimDiffResult",
    "GoldResult",
    "data_dir",
    "evaluate_claimdiff",
    "evaluate_gold",
    "load_jsonl",
    "naive_verdict",
    "ours_verdict",
]

GOLD_PATH = Path(__file__).resolve().parents[3] / "tests" / "data" / "conflicts_gold.jsonl"
Predict = Callable[[dict], tuple[str, str | None]]  # pair → (verdict, kind)


def data_dir() -> Path:
    """The shared development data: ``$NEWSWEAVE_DATA`` or ``../shared/data`` beside the repository."""
    env = os.environ.get("NEWSWEAVE_DATA")
    return Path(env) if env else Path(__file__).resolve().parents[3].parent / "shared" / "data"


def load_jsonl(path: Path, *, limit: int | None = None) -> list[dict]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                out.append(json.loads(line))
                if limit is not None and len(out) >= limit:
                    break
    return out


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


_NUM = re.compile(
    r"\b(\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
    r"thirty|forty|fifty|hundred|thousand|several|dozens|many)\b",
    re.IGNORECASE,
)
_NEG = re.compile(r"\b(not|no|never|none|nobody|n't|no-one|without)\b|n't\b", re.IGNORECASE)


def naive_verdict(pair: dict) -> tuple[str, str | None]:
    """Baseline: contradict when the passages' numbers differ or only one of them is negated, else agree."""
    na = {m.lower() for m in _NUM.findall(pair["a"])}
    nb = {m.lower() for m in _NUM.findall(pair["b"])}
    if na and nb and na != nb:
        return "contradict", "number"
    if bool(_NEG.search(pair["a"])) != bool(_NEG.search(pair["b"])):
        return "contradict", "polarity"
    return "agree", None


def ours_verdict(*, nlp=None, embedder=None) -> Predict:
    from ..reconcile.compare import compare_texts, overall_verdict

    def predict(pair: dict) -> tuple[str, str | None]:
        verdicts = compare_texts(
            pair["a"],
            pair["b"],
            outlet_a=pair.get("outlet_a"),
            date_a=pair.get("date_a"),
            outlet_b=pair.get("outlet_b"),
            date_b=pair.get("date_b"),
            nlp=nlp,
            embedder=embedder,
        )
        top = overall_verdict(verdicts)
        kind = next((v.kind for v in verdicts if v.verdict == top), None)
        return top, kind

    return predict


@dataclass
class GoldResult:
    n: int
    accuracy: float
    contradictions: PRF
    per_kind: dict[str, PRF]
    confusion: Counter = field(default_factory=Counter)  # (gold, predicted) → count
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # id, gold, predicted


def evaluate_gold(pairs: Sequence[dict], predict: Predict) -> GoldResult:
    overall = PRF()
    per_kind: dict[str, PRF] = {}
    confusion: Counter = Counter()
    correct = 0
    errors = []
    for p in pairs:
        verdict, kind = predict(p)
        gold, gold_kind = p["label"], p.get("kind")
        confusion[(gold, verdict)] += 1
        correct += verdict == gold
        if verdict != gold:
            errors.append((p.get("id", "?"), gold, verdict))
        if gold == "contradict" and verdict == "contradict":
            overall.tp += 1
        elif verdict == "contradict":
            overall.fp += 1
        elif gold == "contradict":
            overall.fn += 1
        for k in {gold_kind if gold == "contradict" else None, kind if verdict == "contradict" else None} - {
            None
        }:
            prf = per_kind.setdefault(k, PRF())
            hit_gold = gold == "contradict" and gold_kind == k
            hit_pred = verdict == "contradict" and kind == k
            if hit_gold and hit_pred:
                prf.tp += 1
            elif hit_pred:
                prf.fp += 1
            elif hit_gold:
                prf.fn += 1
    return GoldResult(
        len(pairs), correct / len(pairs) if pairs else 0.0, overall, per_kind, confusion, errors
    )


@dataclass
class ClaimDiffResult:
    n: int
    weaken: PRF
    confusion: Counter  # (gold label, predicted verdict) → count


def evaluate_claimdiff(pairs: Iterable[dict], predict: Predict) -> ClaimDiffResult:
    prf = PRF()
    confusion: Counter = Counter()
    n = 0
    for row in pairs:
        pair = {"a": row["claim_a"], "b": row["claim_b"], "date_a": row.get("date"), "date_b": None}
        verdict, _ = predict(pair)
        gold = row["label"]
        confusion[(gold, verdict)] += 1
        n += 1
        if verdict == "contradict" and gold == "weaken":
            prf.tp += 1
        elif verdict == "contradict":
            prf.fp += 1
        elif gold == "weaken":
            prf.fn += 1
    return ClaimDiffResult(n, prf, confusion)
