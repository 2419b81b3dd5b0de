"""Killing an ingest mid-way leaves a consistent database; running the same command again completes it."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

N = 3000


def _count(db) -> int:
    try:
        conn = sqlite3.connect(db, timeout=5)
        n = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        conn.close()
        return n
    except sqlite3.Error:
        return 0


def test_sigkill_mid_ingest_then_rerun_completes_without_duplicates(tmp_path):
    src = tmp_path / "many.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for i in range(N):
            fh.write(json.dumps({"id": f"r{i}", "date": "2024-03-01", "title": f"Report {i}",
                                 "text": f"Report number {i} says the harbour bridge {i} reopened after repairs "
                                         f"costing {i * 7} thousand euros, officials confirmed on day {i}."}) + "\n")
    db = tmp_path / "crash.db"
    cmd = [sys.executable, "-m", "newsweave", "ingest", str(src), "--db", str(db), "--no-process", "--json"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None and _count(db) < 200:
        time.sleep(0.05)
    assert proc.poll() is None, "ingest finished before it could be killed; raise N"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = _count(db)
    assert 0 < partial < N
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == partial  # FTS in sync
    conn.close()

    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    counts = json.loads(done.stdout)["counts"]
    assert counts["added"] + counts["duplicate"] == N and counts["duplicate"] >= partial
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*), count(DISTINCT external_id) FROM articles").fetchone() == (N, N)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
