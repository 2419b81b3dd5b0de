"""Benchmark: near-duplicate detection during ingest (MinHash + LSH) against brute-force exact comparison.

Run: ``.venv/bin/python tests/ingest/bench_dedup.py [--articles 10000] [--baseline 2000]``
(not collected by pytest; the lead may move it to ``bench/``). Prints a markdown table.

Corpus: sentences of the ECB+ news texts (CC BY 3.0, read from ``../shared/data`` or ``$NEWSWEAVE_DATA``;
synthetic sentences when absent) recombined into N articles of 8-25 sentences; every 10th article is a planted
near-duplicate of an earlier one (a light rewrite, or the original with a new lede and an extra paragraph).
Each article is queried against the index of all earlier ones, then added — what the ingest runner does.
Rates use CPU time of this process (the machine is shared, so wall-clock time says more about the neighbours).
The baseline compares every article with every earlier one exactly (Python sets of the same shingles); it is
quadratic, so it runs on the first ``--baseline`` articles, and the MinHash row is also measured on that
prefix so that recall/precision against the exact answer can be given.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsweave.ingest.dedup import NearDuplicateIndex, shingles

THRESHOLD = 0.8


def _sentences() -> list[str]:
    data = Path(os.environ.get("NEWSWEAVE_DATA", ROOT.parent / "shared" / "data"))
    found: list[str] = []
    for name in ("ecbplus_train.jsonl", "ecbplus_dev.jsonl"):
        path = data / name
        if path.exists():
            with path.open(encoding="utf-8") as handle:
                for line in handle:
                    found.extend(s for s in json.loads(line)["text"].split("\n") if len(s.split()) >= 6)
    if found:
        return found
    rng = random.Random(1)
    words = [f"word{i}" for i in range(3000)]
    return [" ".join(rng.choices(words, k=rng.randint(8, 30))) + "." for _ in range(20000)]


def build_corpus(count: int, seed: int = 7) -> tuple[list[str], dict[int, int]]:
    """Articles, and for each planted duplicate the index of its original."""
    rng = random.Random(seed)
    pool = _sentences()
    articles: list[str] = []
    planted: dict[int, int] = {}
    for number in range(count):
        if number >= 10 and number % 10 == 0:
            original = rng.randrange(number)
            words = articles[original].split(" ")
            if rng.random() < 0.5:  # light rewrite: 3% of words changed
                for _ in range(max(1, len(words) // 33)):
                    words[rng.randrange(len(words))] = rng.choice(["said", "told", "reported", "added"])
                text = " ".join(words)
            else:  # wire copy: new lede, extra paragraph
                text = " ".join(rng.sample(pool, 2)) + "\n\n" + articles[original] + "\n\n" + rng.choice(pool)
            planted[number] = original
            articles.append(text)
        else:
            articles.append("\n\n".join(rng.sample(pool, rng.randint(8, 25))))
    return articles, planted


def run_minhash(articles: list[str]) -> tuple[float, set[tuple[int, int]]]:
    index = NearDuplicateIndex(keep_shingles=False)  # as the ingest runner uses it
    pairs: set[tuple[int, int]] = set()
    start = time.process_time()
    for number, text in enumerate(articles):
        sig = index.signature(text)
        for other, _ in index.query_signature(sig, THRESHOLD):
            pairs.add((int(other), number))
        index.add_signature(str(number), sig)
    return time.process_time() - start, pairs


def run_exact(articles: list[str]) -> tuple[float, set[tuple[int, int]]]:
    sets: list[set[int]] = []
    pairs: set[tuple[int, int]] = set()
    start = time.process_time()
    for number, text in enumerate(articles):
        mine = set(shingles(text).tolist())
        for other, theirs in enumerate(sets):
            inter = len(mine & theirs)
            if not inter:
                continue
            small, large = sorted((len(mine), len(theirs)))
            jaccard = inter / (len(mine) + len(theirs) - inter)
            score = max(jaccard, inter / small) if small / large >= 1 / 3 else jaccard
            if score >= THRESHOLD:
                pairs.add((other, number))
        sets.append(mine)
    return time.process_time() - start, pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--baseline", type=int, default=2_000)
    args = parser.parse_args()
    articles, planted = build_corpus(args.articles)
    words = sum(len(a.split()) for a in articles) / len(articles)
    prefix = articles[: args.baseline]
    exact_time, exact_pairs = run_exact(prefix)
    prefix_time, prefix_pairs = run_minhash(prefix)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    full_time, full_pairs = run_minhash(articles)
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    found_planted = sum((orig, dup) in full_pairs for dup, orig in planted.items())
    recall = len(prefix_pairs & exact_pairs) / max(1, len(exact_pairs))
    precision = len(prefix_pairs & exact_pairs) / max(1, len(prefix_pairs))
    ours_rate, base_rate = len(prefix) / prefix_time, len(prefix) / exact_time
    print(f"Near-duplicate detection, {len(articles):,} articles of {words:.0f} words on average; "
          f"{len(planted)} planted copies; threshold {THRESHOLD}.\n")
    print("| method | articles | articles/s | pairs found | recall vs exact | precision vs exact |")
    print("|---|---:|---:|---:|---:|---:|")
    print(f"| brute-force exact (baseline) | {len(prefix):,} | {base_rate:,.0f} | {len(exact_pairs)} | 1.000 | 1.000 |")
    print(f"| newsweave MinHash+LSH | {len(prefix):,} | {ours_rate:,.0f} | {len(prefix_pairs)} | {recall:.3f} | "
          f"{precision:.3f} |")
    print(f"| newsweave MinHash+LSH | {len(articles):,} | {len(articles) / full_time:,.0f} | {len(full_pairs)} | "
          f"planted found: {found_planted}/{len(planted)} | |")
    print(f"\nSpeed ratio on the first {len(prefix):,}: {ours_rate / base_rate:.1f}x the baseline. "
          f"Peak RSS {rss_after / 1024:.0f} MB (grew {max(0, rss_after - rss_before) / 1024:.0f} MB in the full run).")


if __name__ == "__main__":
    main()
