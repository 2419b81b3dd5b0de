"""Benchmark: newsweave's statement extractor against textacy's direct-quotation triples on PolNeAR dev.

    python bench/analyze_attributions.py [--split dev|train] [--limit N] [--errors /tmp/attr_errors.txt]
                                         [--no-baseline] [--cache /tmp/newsweave_parses]
    python bench/analyze_attributions.py --induce-frames src/newsweave/analyze/statements/frames.py


Reads PolNeAR from ../shared/data (or $NEWSWEAVE_DATA) and never copies it (development-only data). Both
systems read the same spaCy parses; the table gives source/cue/content × exact/overlap P/R/F1 (matching as
defined in :mod:`newsweave.eval.attributions`), the baseline row and the ratio of F1s, then throughput:
extraction alone and parse + extraction. ``--errors`` writes missed/spurious attributions to a scratch
file (keep it outside the repository: it contains PolNeAR text). ``--cache DIR`` keeps the spaCy parses in
``DIR`` (a DocBin per split and limit, outside the repository) so that later runs skip parsing, the slow part;
parse timings are then not measured. Delete the directory when the pipeline changes.

``--induce-frames PATH`` regenerates the cue-frame table (``statements/frames.py``) from the PolNeAR training
split: for each (lemma, frame) it counts how often the frame's phrase lies inside an annotated content whose
cue contains the word (occurrences inside quotations of >= 6 words are skipped: the extractor drops nested
cues), and keeps frames marked often enough (thresholds below) — for verbs, nouns and predicative adjectives
("is critical of"). Only lemmas and frame names are written.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from newsweave.analyze.statements import extract_statements
from newsweave.eval.attributions import ROLES, format_table, load_gold, pair_attributions, score_attributions

FILES = {"dev": "polnear_dev.jsonl", "train": "polnear_train.jsonl.gz"}


def data_dir() -> Path:
    env = os.environ.get("NEWSWEAVE_DATA")
    return Path(env) if env else Path(__file__).resolve().parents[1].parent / "shared" / "data"


def _span(start: int, end: int) -> dict:
    return {"start": start, "end": end}


def run_ours(gold: list[dict], docs: list) -> tuple[list[dict], float, float]:
    out = []
    t0, c0 = time.perf_counter(), time.process_time()
    for g, doc in zip(gold, docs):
        sts = extract_statements(doc, article_id=g["id"])
        out.append({"id": g["id"], "statements": [
            {"speaker": _span(s.speaker.start, s.speaker.end) if s.speaker else None,
             "cue": _span(s.cue.start, s.cue.end) if s.cue else None,
             "content": _span(s.content.start, s.content.end),
             "cue_verb": s.cue_verb} for s in sts]})
    return out, time.perf_counter() - t0, time.process_time() - c0


def run_textacy(gold: list[dict], docs: list) -> tuple[list[dict], float, float]:
    from textacy.extract.triples import direct_quotations

    out = []
    t0, c0 = time.perf_counter(), time.process_time()
    for g, doc in zip(gold, docs):
        sts = []
        try:
            triples = list(direct_quotations(doc))
        except (ValueError, IndexError, KeyError):  # textacy fails on some unbalanced quotes
            triples = []
        for tr in triples:
            sp = _span(min(t.idx for t in tr.speaker), max(t.idx + len(t.text) for t in tr.speaker)) \
                if tr.speaker else None
            cue = _span(min(t.idx for t in tr.cue), max(t.idx + len(t.text) for t in tr.cue)) if tr.cue else None
            sts.append({"speaker": sp, "cue": cue, "content": _span(tr.content.start_char, tr.content.end_char)})
        out.append({"id": g["id"], "statements": sts})
    return out, time.perf_counter() - t0, time.process_time() - c0


def ratio_row(ours: dict, base: dict) -> str:
    cells = ["ratio (F1 ours / baseline)"]
    for role in ROLES:
        for m in ("exact", "overlap"):
            a, b = ours[role][m]["f1"], base[role][m]["f1"]
            cells.append(f"{a / b:.1f}×" if b else "∞" if a else "–")
    return "| " + " | ".join(cells) + " |"


def write_errors(path: Path, gold: list[dict], preds: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for g, p in zip(gold, preds):
            text = g["text"]
            pairs = pair_attributions(g["attributions"], p["statements"])
            seen_g = {a for a, _ in pairs}
            seen_p = {b for _, b in pairs}

            def show(span, text=text):
                return repr(text[span["start"] : span["end"]][:160]) if span else "-"

            for i, a in enumerate(g["attributions"]):
                if i not in seen_g:
                    fh.write(f"FN {g['id']} S={show(a['source'])} C={show(a['cue'])} X={show(a['content'])}\n")
            for i, s in enumerate(p["statements"]):
                if i not in seen_p:
                    fh.write(f"FP {g['id']} S={show(s['speaker'])} C={show(s['cue'])} X={show(s['content'])}\n")
            for gi, pi in pairs:
                a, s = g["attributions"][gi], p["statements"][pi]
                if a["source"] and s["speaker"] and a["source"] != s["speaker"]:
                    fh.write(f"SRC {g['id']} gold={show(a['source'])} pred={show(s['speaker'])}\n")


# frame induction thresholds (chosen on train docs 0-199 with frames counted on docs 200-839)
FRAME_MIN_RATE = 0.2  # object/infinitive/prepositional frames of verbs
CCOMP_DROP_RATE = 0.35  # a listed speech verb loses its clause frame below this rate (with >= 8 occurrences)
NOUN_MIN_RATE = 0.25  # nouns: "the claim that …", "endorsement of …" (0.4 until the outer revision)
ADJ_MIN_RATE = 0.3  # predicative adjectives: "is critical of", "are confident that"
FRAME_MIN_COUNT = 2
QUOTE_MIN_WORDS = 6  # occurrences inside quotations this long are not counted (nested cues are dropped)


def _frames_of_token(tok) -> list[tuple[str, object]]:
    out = []
    for c in tok.children:
        if c.dep_ in ("ccomp", "xcomp", "dobj") or (c.dep_ == "acl" and tok.pos_ == "NOUN"):
            out.append((c.dep_, c))
        elif c.dep_ == "prep":
            out.extend(("prep_" + c.lower_, g) for g in c.children if g.dep_ in ("pobj", "pcomp"))
    return out


def induce_frames(gold: list[dict], docs: list) -> str:
    """Source of ``frames.py`` from frame statistics of annotated documents."""
    import textwrap
    from collections import Counter

    from newsweave.analyze.statements.cues import PARENTHETICAL_VERBS, SPEECH_VERBS
    from newsweave.analyze.statements.direct import find_quotes

    marked: Counter = Counter()
    total: Counter = Counter()
    for g, doc in zip(gold, docs):
        pairs = [(a["content"], a["cue"]) for a in g["attributions"] if a["content"] and a["cue"]]
        # cues inside someone's quotation are dropped by the extractor: they do not count for or against a frame
        quoted = [(q.inner_start, q.inner_end) for q in find_quotes(doc.text)
                  if len(doc.text[q.inner_start : q.inner_end].split()) >= QUOTE_MIN_WORDS]
        for tok in doc:
            if tok.pos_ == "ADJ" and tok.dep_ != "acomp":
                continue  # adjectives are cues only as predicates: "is critical of", "are confident that"
            if tok.pos_ not in ("VERB", "AUX", "NOUN", "ADJ") or any(a <= tok.idx < b for a, b in quoted):
                continue
            key = {"NOUN": "n:", "ADJ": "j:"}.get(tok.pos_, "") + tok.lemma_.lower()
            for frame, child in _frames_of_token(tok):
                lo, hi = child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text)
                total[key, frame] += 1
                if any(q["start"] <= tok.idx < q["end"] and min(hi, c["end"]) - max(lo, c["start"]) > 0.5 * (hi - lo)
                       for c, q in pairs):
                    marked[key, frame] += 1
    verbs: dict[str, set[str]] = {}
    nouns: dict[str, set[str]] = {}
    adjectives: dict[str, set[str]] = {}
    for (key, frame), n in total.items():
        k = marked[key, frame]
        if k < FRAME_MIN_COUNT:
            continue
        rate = k / n
        if key.startswith("j:"):
            if rate >= ADJ_MIN_RATE and frame != "dobj":
                adjectives.setdefault(key[2:], set()).add(frame)
            continue
        if key.startswith("n:"):
            if rate >= NOUN_MIN_RATE:
                nouns.setdefault(key[2:], set()).add(frame)
            continue
        frames = verbs.setdefault(key, set())
        if frame == "ccomp":
            keep = (key in SPEECH_VERBS and not (n >= 8 and rate < CCOMP_DROP_RATE)) or (
                k >= FRAME_MIN_COUNT and rate >= max(CCOMP_DROP_RATE, 0.35))
        else:
            keep = frame != "acl" and rate >= FRAME_MIN_RATE
        if keep:
            frames.add(frame)
    seen_ccomp = {key for key, frame in total if frame == "ccomp" and marked[key, frame] >= FRAME_MIN_COUNT}
    for lemma in SPEECH_VERBS - seen_ccomp:
        verbs.setdefault(lemma, set()).add("ccomp")
    for lemma, frames in verbs.items():
        if "ccomp" in frames and lemma in PARENTHETICAL_VERBS:
            frames.add("inverted")

    def table(name: str, lexicon: dict[str, set[str]]) -> str:
        by_frame: dict[str, list[str]] = {}
        for lemma, frames in lexicon.items():
            for frame in frames or {"none"}:
                by_frame.setdefault(frame, []).append(lemma)
        lines = [f"_{name}_BY_FRAME: dict[str, str] = {{"]
        for frame in sorted(by_frame):
            lines.append(f'    "{frame}": (')
            lines += [f'        "{w} "' for w in textwrap.wrap(" ".join(sorted(by_frame[frame])), 96)]
            lines.append("    ),")
        return "\n".join([*lines, "}"])

    from importlib import resources

    current = resources.files("newsweave.analyze.statements").joinpath("frames.py").read_text(encoding="utf-8")
    head = current[: current.index("_CUE_BY_FRAME")]
    tail = current[current.index("\n\n\ndef _invert") :]
    return head + table("CUE", verbs) + "\n\n" + table("NOUN", nouns) + "\n\n" + table("ADJ", adjectives) + tail


def parse_documents(nlp, gold: list[dict], cache: Path | None) -> tuple[list, float | None, float | None]:
    """Parses of the gold documents, read from ``cache`` when it exists (then without timings), else parsed
    now and written there."""
    from spacy.tokens import DocBin

    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if len(docs) == len(gold) and all(d.text == g["text"] for d, g in zip(docs, gold)):
            return docs, None, None
        print(f"cache {cache} does not match the documents; parsing again", file=sys.stderr)
    t0, c0 = time.perf_counter(), time.process_time()
    docs = list(nlp.pipe([g["text"] for g in gold], batch_size=16))
    parse_s, parse_cpu = time.perf_counter() - t0, time.process_time() - c0
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        db = DocBin(store_user_data=True)
        for doc in docs:
            db.add(doc)
        db.to_disk(cache)
    return docs, parse_s, parse_cpu


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=sorted(FILES), default="dev")
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents")
    ap.add_argument("--errors", type=Path, help="write FN/FP/source errors to this scratch file")
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--cache", type=Path, metavar="DIR",
                    help="keep spaCy parses in DIR (outside the repository) and reuse them on later runs")
    ap.add_argument("--induce-frames", type=Path, metavar="PATH",
                    help="regenerate the cue-frame table from the training split into PATH, then stop")
    args = ap.parse_args(argv)

    if args.induce_frames:
        args.split = "train"
    path = data_dir() / FILES[args.split]
    if not path.exists():
        print(f"PolNeAR not found at {path}; set NEWSWEAVE_DATA to the shared data directory. Skipping.")
        return 0
    try:
        import torch

        torch.set_num_threads(1)
    except ImportError:  # pragma: no cover
        pass
    from newsweave.analyze.pipeline import get_pipeline

    gold = load_gold(path)
    if args.limit:
        gold = gold[: args.limit]
    nlp = get_pipeline()
    cache = args.cache / f"polnear_{args.split}_{args.limit or 'all'}.spacy" if args.cache else None
    docs, parse_s, parse_cpu = parse_documents(nlp, gold, cache)
    if args.induce_frames:
        args.induce_frames.write_text(induce_frames(gold, docs), encoding="utf-8")
        print(f"cue frames induced from {len(gold)} documents written to {args.induce_frames}")
        return 0

    ours, ours_s, ours_cpu = run_ours(gold, docs)
    rows = [("newsweave", score_attributions(gold, ours))]
    timings = [("newsweave", ours_s, ours_cpu)]
    if not args.no_baseline:
        base, base_s, base_cpu = run_textacy(gold, docs)
        rows.append(("textacy direct_quotations", score_attributions(gold, base)))
        timings.append(("textacy direct_quotations", base_s, base_cpu))
    n = len(gold)
    n_gold = sum(len(g["attributions"]) for g in gold)
    print(f"PolNeAR {args.split}: {n} documents, {n_gold} gold attributions\n")
    print(format_table(rows, digits=3))
    if len(rows) == 2:
        print(ratio_row(rows[0][1], rows[1][1]))
    print()
    print("| system | extraction docs/s (wall) | extraction ms/doc (CPU) | parse + extraction docs/s (CPU) |")
    print("|---|---|---|---|")
    for name, wall, cpu in timings:
        both = f"{n / (parse_cpu + cpu):.1f}" if parse_cpu is not None else "n/a (cached parses)"
        print(f"| {name} | {n / wall:.0f} | {1000 * cpu / n:.1f} | {both} |")
    if parse_s is not None:
        print(f"\n(spaCy parse alone: {n / parse_s:.1f} docs/s wall, {1000 * parse_cpu / n:.0f} ms/doc CPU; "
              f"{sum(len(g['text']) for g in gold) / n:.0f} characters/doc)")
    if args.errors:
        write_errors(args.errors, gold, ours)
        print(f"errors written to {args.errors}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
