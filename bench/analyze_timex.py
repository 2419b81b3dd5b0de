"""Benchmark: newsweave's time-expression tagger against a dateparser baseline on TimeBank, AQUAINT, MEANTIME.

    python bench/analyze_timex.py [--limit N] [--errors /tmp/timex_errors.txt] [--no-baseline] [--doc]

Reads the development data from ../shared/data (or $NEWSWEAVE_DATA), never copies it. Prints a markdown
table per set (strict/relaxed span P/R/F1, type accuracy, value F1) with the baseline row and the ratio,
then throughput. ``--doc`` also passes a spaCy Doc (the ingest path); ``--errors`` writes FN/FP/value
errors to a scratch file for error analysis.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from datetime import date, datetime
from pathlib import Path

from newsweave.analyze.timex import find_timexes
from newsweave.eval.timex import format_table, load_gold, match_timexes, score_timex

SETS = {
    "TimeBank": "tempeval3_timebank.jsonl",
    "AQUAINT": "tempeval3_aquaint.jsonl",
    "MEANTIME": "meantime_en.jsonl",
}


def data_dir() -> Path:
    env = os.environ.get("NEWSWEAVE_DATA")
    return Path(env) if env else Path(__file__).resolve().parents[1].parent / "shared" / "data"


def parse_dct(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value[:10]).date()
    except ValueError:
        return None


def run_ours(docs: list[dict], nlp=None) -> tuple[list[dict], float]:
    """Tag every document; returns the predictions and the CPU seconds spent in find_timexes."""
    out = []
    spent = 0.0
    for d in docs:
        doc = nlp(d["text"]) if nlp is not None else None
        t0 = time.process_time()
        tx = find_timexes(d["text"], article_id=d["id"], dct=parse_dct(d["dct"]), doc=doc)
        out.append(
            {
                "id": d["id"],
                "timexes": [
                    {
                        "start": t.span.start,
                        "end": t.span.end,
                        "text": t.text,
                        "type": t.type,
                        "value": t.value,
                        "mod": t.mod,
                    }
                    for t in tx
                ],
            }
        )
        spent += time.process_time() - t0
    return out, spent


def _baseline_value(dt: datetime, matched: str) -> tuple[str, str]:
    low = matched.lower()
    if any(w in low for w in ("year", "month", "week", "day", "hour", "minute")) and not any(
        w in low for w in ("ago", "yesterday", "today", "tomorrow", "last", "next", "this")
    ):
        return "DURATION", "PXX"
    if any(ch.isdigit() for ch in low) and ":" in low:
        return "TIME", dt.strftime("%Y-%m-%dT%H:%M")
    if re.fullmatch(r"(?:in\s+)?\d{4}", low):
        return "DATE", f"{dt.year:04d}"
    if not re.search(r"\d|day|yesterday|today|tomorrow|ago", low):
        return "DATE", f"{dt.year:04d}-{dt.month:02d}"  # a bare month name
    return "DATE", dt.date().isoformat()


def run_baseline(docs: list[dict]) -> tuple[list[dict], float]:
    from dateparser.search import search_dates

    out = []
    t0 = time.perf_counter()
    for d in docs:
        dct = parse_dct(d["dct"])
        settings = {"RELATIVE_BASE": datetime.combine(dct, datetime.min.time())} if dct else {}
        found = search_dates(d["text"], languages=["en"], settings=settings) or []
        timexes = []
        pos = 0
        for matched, dt in found:
            start = d["text"].find(matched, pos)
            if start < 0:
                start = d["text"].find(matched)
            if start < 0:
                continue
            pos = start + len(matched)
            kind, value = _baseline_value(dt, matched)
            timexes.append(
                {"start": start, "end": start + len(matched), "text": matched, "type": kind, "value": value}
            )
        out.append({"id": d["id"], "timexes": timexes})
    return out, time.perf_counter() - t0


def notation_key(value: str) -> str:
    """A TIMEX3 value with notational variants folded: ``2000-W7`` = ``2000-W07``, ``1949-XX`` = ``1949``,
    ``199X`` = ``199`` (decade), ``T17`` = ``T17:00``. For the diagnostic line only; the score is exact."""
    v = str(value).upper()
    v = re.sub(r"-W(\d)(?!\d)", r"-W0\1", v)
    v = re.sub(r"(?:-XX)+$", "", v)
    v = re.sub(r"^(\d{3})X$", r"\1", v)
    v = re.sub(r"^(\d{2})XX$", r"\1", v)
    return re.sub(r"T(\d\d)$", r"T\1:00", v)


def notation_only(gold_docs: list[dict], pred_docs: list[dict]) -> int:
    """How many relaxed matches have a wrong value that differs from the gold only in notation."""
    by_id = {p["id"]: p for p in pred_docs}
    count = 0
    for g in gold_docs:
        cut = g.get("annotated_char_end")
        pred = [t for t in by_id[g["id"]]["timexes"] if cut is None or t["start"] < cut]
        for a, b in match_timexes(g["timexes"], pred):
            va, vb = str(a["value"]).upper(), str(b["value"]).upper()
            count += va != vb and notation_key(va) == notation_key(vb)
    return count


def write_errors(path: Path, name: str, gold_docs: list[dict], pred_docs: list[dict]) -> None:
    by_id = {p["id"]: p for p in pred_docs}
    with open(path, "a", encoding="utf-8") as fh:
        for g in gold_docs:
            cut = g.get("annotated_char_end")
            pred = [t for t in by_id[g["id"]]["timexes"] if cut is None or t["start"] < cut]
            pairs = match_timexes(g["timexes"], pred)
            mg = {id(a) for a, _ in pairs}
            mp = {id(b) for _, b in pairs}
            text = g["text"]

            def ctx(t: dict, text: str = text) -> str:
                return text[max(0, t["start"] - 50) : t["end"] + 30].replace("\n", " ")

            for t in g["timexes"]:
                if id(t) not in mg:
                    fh.write(
                        f"{name}\tFN\t{g['id']}\t{g['dct']}\t{t['text']!r}\t{t['type']}\t{t['value']}\t{ctx(t)}\n"
                    )
            for t in pred:
                if id(t) not in mp:
                    fh.write(
                        f"{name}\tFP\t{g['id']}\t{g['dct']}\t{t['text']!r}\t{t['type']}\t{t['value']}\t{ctx(t)}\n"
                    )
            for a, b in pairs:
                if str(a["value"]).upper() != str(b["value"]).upper():
                    fh.write(
                        f"{name}\tVAL\t{g['id']}\t{g['dct']}\t{a['text']!r}|{b['text']!r}\t{a['type']}|{b['type']}"
                        f"\t{a['value']}|{b['value']}\t{ctx(a)}\n"
                    )
                elif (a["start"], a["end"]) != (b["start"], b["end"]):
                    fh.write(
                        f"{name}\tSPAN\t{g['id']}\t{g['dct']}\t{a['text']!r}|{b['text']!r}\t\t\t{ctx(a)}\n"
                    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents of each set")
    ap.add_argument("--errors", type=Path, help="write FN/FP/value errors to this scratch file")
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--doc", action="store_true", help="also pass a spaCy Doc (slower; the ingest path)")
    args = ap.parse_args(argv)
    root = data_dir()
    if not root.is_dir():
        print(f"skipped: no development data at {root} (set NEWSWEAVE_DATA)")
        return 0
    nlp = None
    if args.doc:
        import torch

        torch.set_num_threads(1)
        from newsweave.analyze.nlp import load_pipeline

        nlp = load_pipeline()
    if args.errors:
        args.errors.write_text("", encoding="utf-8")
    total_docs = total_chars = 0
    total_time = 0.0
    summary: dict[str, dict] = {}
    for name, fname in SETS.items():
        path = root / fname
        if not path.exists():
            print(f"skipped {name}: {path} missing")
            continue
        gold = load_gold(path)
        if args.limit:
            gold = gold[: args.limit]
        pred, secs = run_ours(gold, nlp)
        ours = score_timex(gold, pred)
        summary[name] = ours
        total_docs += len(gold)
        total_chars += sum(len(d["text"]) for d in gold)
        total_time += secs
        rows = {"newsweave": ours}
        if not args.no_baseline:
            base_pred, _ = run_baseline(gold)
            base = score_timex(gold, base_pred)
            rows["dateparser.search baseline"] = base
            rows["ratio ours / baseline (×)"] = {
                k: (ours[k] / base[k] / 100 if base.get(k) else 0.0)
                for k in ours
                if isinstance(ours[k], float)
            }
        print(f"\n### {name} ({len(gold)} docs)\n")
        print(format_table(rows))
        print(
            f"\nvalue errors that differ from the gold only in notation (2000-W7 for 2000-W07, 1949-XX for "
            f"1949, 199X for 199, T17 for T17:00; scored as errors): {notation_only(gold, pred)}"
        )
        if args.errors:
            write_errors(args.errors, name, gold, pred)
    if summary:
        n = len(summary)
        print("\n### Macro average over the sets\n")
        avg = {
            k: sum(s[k] for s in summary.values()) / n
            for k in next(iter(summary.values()))
            if isinstance(next(iter(summary.values()))[k], float)
        }
        print(format_table({"newsweave": avg}))
    if total_time:
        print(
            f"\nthroughput of find_timexes (CPU time, one core{', given a spaCy Doc' if nlp else ''}): "
            f"{total_docs / total_time:.0f} docs/s, {total_chars / total_time:,.0f} chars/s, "
            f"{1000 * total_time / total_docs:.2f} ms/doc ({total_docs} docs, "
            f"{total_chars / total_docs:,.0f} chars/doc on average)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
