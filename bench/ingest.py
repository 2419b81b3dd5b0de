"""Ingest throughput and peak memory for N reports (default 10,000), newsweave beside a plain-SQLite baseline.

Real texts are replayed to reach N: every news text we may read (the bundled sample corpus, plus ECB+, PolNeAR and
TempEval-3 from ../shared/data when present) is reused with a replay marker appended and a shifted date, so each
record has a new content hash (a new id). Replays of the same text are near-duplicates of each other, so the
near-duplicate index is exercised hard (that is the realistic wire-copy case, and the slower path).

Each row runs in a fresh subprocess; peak memory is that process's max RSS.

    python bench/ingest.py [--n 10000] [--process]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("NEWSWEAVE_DATA", ROOT.parent / "shared" / "data"))


def source_texts() -> list[dict]:
    texts: list[dict] = []
    sample = ROOT / "src" / "newsweave" / "data" / "sample"
    for f in sorted(sample.glob("*.jsonl")):
        texts += [json.loads(line) for line in f.open(encoding="utf-8")]
    for name in ("ecbplus_train.jsonl", "ecbplus_dev.jsonl", "polnear_dev.jsonl", "polnear_train.jsonl.gz",
                 "tempeval3_timebank.jsonl", "tempeval3_aquaint.jsonl"):
        path = DATA / name
        if not path.exists():
            continue
        opener = gzip.open if name.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as fh:
            texts += [{"title": r.get("title"), "text": r["text"], "source": r.get("source")} for r in map(json.loads, fh)]
    return [t for t in texts if t.get("text")]


def make_input(n: int, path: Path) -> int:
    texts = source_texts()
    base = date(2020, 1, 1)
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            t = texts[i % len(texts)]
            replay = i // len(texts)
            text = t["text"] if replay == 0 else f"{t['text']}\n\n[replay {replay}]"
            out.write(json.dumps({"id": f"bench-{i}", "date": (base + timedelta(days=i % 1500)).isoformat(),
                                  "title": t.get("title"), "text": text, "source": t.get("source")}) + "\n")
    return len(texts)


def run_newsweave(src: str, db: str, process: bool) -> dict:
    import newsweave

    t0 = time.perf_counter()
    with newsweave.open(db) as nw:
        report = nw.ingest([src], process=process)
    elapsed = time.perf_counter() - t0
    return {"seconds": elapsed, "counts": report.counts}


def run_baseline(src: str, db: str) -> dict:
    """Plain SQLite: parse JSONL and insert rows; no dedup, no outlet matching, no FTS, no checks."""
    t0 = time.perf_counter()
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE a (id TEXT PRIMARY KEY, date TEXT, title TEXT, text TEXT, source TEXT)")
    with open(src, encoding="utf-8") as fh, conn:
        conn.executemany("INSERT OR IGNORE INTO a VALUES (?,?,?,?,?)",
                         ((r["id"], r["date"], r.get("title"), r["text"], r.get("source")) for r in map(json.loads, fh)))
    conn.close()
    return {"seconds": time.perf_counter() - t0, "counts": {}}


def child(kind: str, src: str, db: str, process: bool) -> None:
    result = run_baseline(src, db) if kind == "baseline" else run_newsweave(src, db, process)
    result["max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--process", action="store_true", help="also run analysis, grouping and reconciliation")
    ap.add_argument("--child", nargs=3, metavar=("KIND", "SRC", "DB"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(*args.child, process=args.process)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "replay.jsonl"
        unique = make_input(args.n, src)
        rows = {}
        for kind in ("newsweave", "baseline"):
            db = Path(tmp) / f"{kind}.db"
            cmd = [sys.executable, __file__, "--child", kind, str(src), str(db)] + (["--process"] if args.process else [])
            out = subprocess.run(cmd, capture_output=True, text=True, check=True)
            rows[kind] = json.loads(out.stdout.strip().splitlines()[-1])
    nw, base = rows["newsweave"], rows["baseline"]
    print(f"ingest of {args.n:,} reports ({unique:,} unique real texts replayed with new ids; "
          f"{'with' if args.process else 'without'} analysis/grouping/reconcile)\n")
    print("| run | seconds | reports/s | peak RSS (MB) | outcome |")
    print("|---|---:|---:|---:|---|")
    for name, r in (("newsweave ingest", nw), ("baseline: plain SQLite insert", base)):
        counts = ", ".join(f"{k} {v}" for k, v in r["counts"].items() if v) or "—"
        print(f"| {name} | {r['seconds']:.1f} | {args.n / r['seconds']:,.0f} | {r['max_rss_mb']:.0f} | {counts} |")
    print(f"\nratio newsweave / baseline: time ×{nw['seconds'] / base['seconds']:.1f}, "
          f"memory ×{nw['max_rss_mb'] / base['max_rss_mb']:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
