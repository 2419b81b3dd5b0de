"""Story grouping speed: throughput with features (spaCy + embeddings) and assignment latency as the store grows.

    python bench/group_speed.py [--throughput-n 200] [--workers 2] [--sizes 10000,100000] [--threads 2]

1. Throughput: real ECB+ texts (Cybulska & Vossen 2014, CC BY 3.0, from ../shared/data or $NEWSWEAVE_DATA) go
   through the product path of ``newsweave process`` in a temporary store: ``run_analysis`` (spaCy parse,
   analysers, claims, grouping features and the all-MiniLM-L6-v2 embedding, in ``--workers`` processes) then
   ``run_grouping`` (stored features and vectors, ``StoryGrouper.add``); then the same texts through the batch
   path of ``newsweave group`` (``group_articles``: entities, lemmas and embedding on ``--workers`` processes,
   no dependency parse, then ``StoryGrouper.add``). Rows: wall-clock reports/s of each stage with worker
   start-up, and after the first 64 reports (the steady rate of a long stream); and, steadier on a shared
   machine, the embedding's CPU ms per report (float32 vs int8, one thread). The baseline row is the embedding
   alone (the floor any embedding-based grouper pays).
2. Latency: features are computed once for the unique ECB+ texts and REPLAYED with new ids, shifted publication
   dates (one replay round every 120 days) and fresh copy signatures, until the store holds 10k / 100k reports; p50/p95
   of ``add`` are measured over the last 1,000 reports before each size. The baseline row is brute force
   (comparing a report with every stored report's embedding), which grows linearly.
3. Peak memory: maximum resident set size of the process (models included).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from newsweave.model import Article
from newsweave.stories.embeddings import SentenceEmbedder, embedding_text
from newsweave.stories.features import article_features_batch
from newsweave.stories.grouper import StoryGrouper


def load_articles() -> list[Article]:
    root = Path(os.environ.get("NEWSWEAVE_DATA") or REPO.parent / "shared" / "data")
    rows = []
    for split in ("train", "dev"):
        path = root / f"ecbplus_{split}.jsonl"
        if not path.exists():
            sys.exit(f"skipped: {path} not found (set NEWSWEAVE_DATA)")
        rows += [json.loads(line) for line in path.open(encoding="utf-8")]
    return [Article(id=r["id"], text=r["text"], title=r.get("title")) for r in rows]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


class _Clock:
    """Progress timestamps: the rate after the first ``skip`` reports is the steady rate, worker start-up excluded."""

    def __init__(self, skip: int = 64) -> None:
        self.skip, self.t0, self.marks = skip, time.perf_counter(), []

    def __call__(self, done: int, *_: object) -> None:
        self.marks.append((time.perf_counter() - self.t0, done))

    def steady(self) -> float:
        first = next((m for m in self.marks if m[1] >= self.skip), None)
        last = self.marks[-1] if self.marks else None
        if first is None or last is None or last[0] <= first[0]:
            return float("nan")
        return (last[1] - first[1]) / (last[0] - first[0])


def throughput(articles: list[Article], n: int, workers: int) -> dict[str, float]:
    """Reports/s (wall) of the analysis and grouping stages on ``n`` reports, through a temporary store, and of
    the batch grouping path; ``*_steady`` rates exclude worker start-up (after the first 64 reports)."""
    import tempfile

    import newsweave
    from newsweave.stages import run_analysis, run_grouping
    from newsweave.stories.batch import group_articles

    sample = articles[:n]
    with tempfile.TemporaryDirectory() as tmp, newsweave.open(Path(tmp) / "speed.db") as nw:
        nw.ingest_texts([a.text for a in sample], process=False)
        t0 = time.perf_counter()
        clock = _Clock()
        analysed = run_analysis(nw.store, workers=workers, progress=lambda _stage, done, _total: clock(done))
        t1 = time.perf_counter()
        grouped, _ = run_grouping(nw.store)
        t2 = time.perf_counter()
    batch_clock = _Clock()
    t3 = time.perf_counter()
    group_articles(sample, workers=workers, progress=batch_clock)
    t4 = time.perf_counter()
    return {"analysed": analysed, "analysis": analysed / (t1 - t0), "grouping": grouped / (t2 - t1),
            "both": analysed / (t2 - t0), "batch": len(sample) / (t4 - t3),
            "analysis_steady": clock.steady(), "batch_steady": batch_clock.steady()}


def embedding_costs(articles: list[Article], n: int) -> list[tuple[str, float, float]]:
    """(embedder, CPU ms per report on one thread, mean cosine to float32) on ``n`` leads."""
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    texts = [embedding_text(a.title, a.text) for a in articles[:n]]
    rows, reference = [], None
    for name, embedder in (("float32", SentenceEmbedder(threads=1, int8=False)),
                           ("default (int8 where the CPU has VNNI)", SentenceEmbedder(threads=1))):
        embedder.embed(texts[:2])
        t0 = time.process_time()
        vectors = embedder.embed(texts)
        ms = 1000 * (time.process_time() - t0) / len(texts)
        reference = vectors if reference is None else reference
        rows.append((f"{name} [{embedder.precision}]", ms, float(np.mean(np.sum(vectors * reference, axis=1)))))
    torch.set_num_threads(threads)
    return rows


def replay(feats, total: int, rng: np.random.Generator):
    base = datetime(2020, 1, 1, tzinfo=UTC)
    k = 0
    while True:
        for i, f in enumerate(feats):
            if k * len(feats) + i >= total:
                return
            when = base + timedelta(days=120 * k, minutes=10 * i)
            sig = tuple(int(x) for x in rng.integers(0, 2**32, size=64, dtype=np.uint64))
            yield replace(f, article_id=f"{f.article_id}#r{k}", published=when, signature=sig, dates=(),
                          dateline=None, copy_of=None)
        k += 1


def latency(feats, sizes: list[int]) -> list[tuple[int, float, float, float, float, int]]:
    rng = np.random.default_rng(7)
    grouper = StoryGrouper()
    times: list[float] = []
    brute: list[float] = []
    store = np.zeros((max(sizes), 384), dtype=np.float32)
    rows = []
    for n, f in enumerate(replay(feats, max(sizes), rng), 1):
        t = time.perf_counter()
        grouper.add(f)
        times.append(time.perf_counter() - t)
        if n in sizes or any(s - 1000 < n <= s for s in sizes):
            t = time.perf_counter()
            if n > 1:
                sims = store[: n - 1] @ f.embedding
                int(np.argmax(sims))
            brute.append(time.perf_counter() - t)
        store[n - 1] = f.embedding
        if n in sizes:
            window = np.array(times[-1000:]) * 1000
            b = np.array(brute[-1000:]) * 1000
            rows.append((n, float(np.percentile(window, 50)), float(np.percentile(window, 95)),
                         float(np.percentile(b, 50)), float(np.percentile(b, 95)), len(grouper.live_stories())))
    return rows


def print_throughput(articles, args) -> None:
    speed = throughput(articles, args.throughput_n, args.workers)
    costs = embedding_costs(articles, min(args.throughput_n, 150))
    floor = 1000 / costs[-1][1]
    print(f"Throughput of `newsweave process` on {speed['analysed']:.0f} real ECB+ reports (avg "
          f"{np.mean([len(a.text) for a in articles]):.0f} chars), {args.workers} analysis workers, "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} (other processes slow the wall-clock rows):\n")
    print("| system | reports/s (start-up incl.) | reports/s after the first 64 |")
    print("|---|---|---|")
    print(f"| newsweave analysis (parse, analysers, claims, features, embedding) "
          f"| {speed['analysis']:.1f} | {speed['analysis_steady']:.1f} |")
    print(f"| newsweave grouping (stored features and vectors + StoryGrouper.add) | {speed['grouping']:.1f} | |")
    print(f"| newsweave analysis + grouping (`newsweave process`) | {speed['both']:.1f} | |")
    print(f"| newsweave grouping from raw text (`newsweave group`: spaCy entities and lemmas without the "
          f"dependency parse, features, embedding on {args.workers} workers, then StoryGrouper.add) "
          f"| {speed['batch']:.1f} | {speed['batch_steady']:.1f} |")
    print(f"| embedding only, one core (floor; from the CPU time below) | {floor:.1f} | |")
    print(f"| ratio (analysis + grouping / embedding floor) | {speed['both'] / floor:.2f}× | |")
    print(f"| ratio (grouping from raw text / embedding floor) | {speed['batch'] / floor:.2f}× "
          f"| {speed['batch_steady'] / floor:.2f}× |\n")
    print("| embedding (one thread) | CPU ms/report | mean cosine to float32 |")
    print("|---|---|---|")
    for name, ms, cosine in costs:
        print(f"| {name} | {ms:.1f} | {cosine:.4f} |")
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--throughput-n", type=int, default=200)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2, help="analysis worker processes for the throughput rows")
    parser.add_argument("--features-cache", type=Path, help="features cached by bench/group.py --cache DIR")
    parser.add_argument("--skip-throughput", action="store_true")
    parser.add_argument("--skip-latency", action="store_true")
    args = parser.parse_args()
    import torch

    torch.set_num_threads(args.threads)
    articles = load_articles()
    if not args.skip_throughput:
        print_throughput(articles, args)
    if args.skip_latency:
        return
    if args.features_cache and (args.features_cache / "train.pkl").exists():
        import pickle

        all_feats = [f for split in ("train", "dev")
                     for f in pickle.loads((args.features_cache / f"{split}.pkl").read_bytes())]
    else:
        all_feats = article_features_batch(articles)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    rows = latency(all_feats, sizes)
    print(f"Assignment latency (features of {len(all_feats)} unique ECB+ texts replayed with new ids, dates shifted "
          "by 120 days per round, fresh copy signatures; last 1,000 adds before each size), in ms:\n")
    print("| stored reports | stories | newsweave p50 | newsweave p95 | brute force p50 | brute force p95 |"
          " ratio p95 |")
    print("|---|---|---|---|---|---|---|")
    for n, p50, p95, b50, b95, stories in rows:
        print(f"| {n:,} | {stories:,} | {p50:.1f} | {p95:.1f} | {b50:.1f} | {b95:.1f} | {p95 / b95:.2f}× |")
    print(f"\nPeak resident memory (models included): {rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
