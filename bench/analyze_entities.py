"""Benchmark: canonical entities on newsweave's own blind set — mentions, coreference within a report and across
the reports of a story, pronoun links.

    python bench/analyze_entities.py [--errors FILE]

Two sets (tests/data/, READMEs beside them), ECB+ reports drawn at random, every name, role noun and he/she of a
person annotated without running newsweave: ``entities_heldout.jsonl`` (12 reports, 3 stories) is kept **blind** —
its errors are never printed or read; ``entities_dev.jsonl`` and ``entities_dev2.jsonl`` to ``entities_dev4.jsonl``
(16 reports and 4 stories each) are the development sets whose errors ``--errors`` writes out. Scoring: :mod:`newsweave.eval.entities` (MUC, B³, CEAF-e as in the CoNLL-2012 scorer, singletons kept).

Rows: newsweave's whole analysis (``newsweave analyze``: mentions with their canonical entity; the story level
merged by ``merge_story_entities``), beside a baseline on the same parse — the tagger's named entities, one
entity per distinct name (case-insensitive), in a report and across the story (what string matching over spaCy
NER gives: no surnames, acronyms, roles or pronouns).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from newsweave.analyze.jsonl import analysis_to_record
from newsweave.analyze.pipeline import analyze_doc, get_pipeline, parse_text
from newsweave.eval.entities import format_table, load_gold, score_entities
from newsweave.model import Article

SETS = {
    "held-out set, annotated blind (entities_heldout.jsonl)": REPO / "tests" / "data" / "entities_heldout.jsonl",
    "development set (entities_dev.jsonl)": REPO / "tests" / "data" / "entities_dev.jsonl",
    "second development set (entities_dev2.jsonl)": REPO / "tests" / "data" / "entities_dev2.jsonl",
    "third development set (entities_dev3.jsonl)": REPO / "tests" / "data" / "entities_dev3.jsonl",
    "fourth development set (entities_dev4.jsonl)": REPO / "tests" / "data" / "entities_dev4.jsonl",
}
_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}


def baseline_record(doc_id: str, doc) -> dict:
    mentions = []
    for ent in doc.ents:
        if ent.label_ not in _LABELS:
            continue
        key = " ".join(ent.text.lower().removeprefix("the ").removesuffix("'s").split())
        mentions.append({"start": ent.start_char, "end": ent.end_char, "text": ent.text, "label": ent.label_,
                         "entity_id": key, "story_entity": key})
    return {"id": doc_id, "entities": mentions}


def run_set(name: str, path: Path, nlp, errors: Path | None) -> None:
    gold = load_gold(path)
    ours, base = [], []
    for g in gold:
        doc = parse_text(nlp, g["text"])
        article = Article(id=g["id"], text=g["text"])
        ours.append(analysis_to_record(analyze_doc(doc, article_id=g["id"]), article))
        base.append(baseline_record(g["id"], doc))
    rows = [("newsweave analyze (canonical entities)", score_entities(gold, ours)),
            ("spaCy NER + string match", score_entities(gold, base))]
    print(f"### {name}: {len(gold)} reports, {len({g['story'] for g in gold})} stories, "
          f"{rows[0][1]['mentions']['gold']} gold mentions\n")
    print(format_table(rows))
    ours_s, base_s = rows[0][1], rows[1][1]
    print("\n| ratio newsweave / baseline | mentions F1 | within CoNLL F1 | story CoNLL F1 |\n|---|---:|---:|---:|")
    print(f"| | {ours_s['mentions']['f1'] / base_s['mentions']['f1']:.2f}× "
          f"| {ours_s['within']['conll']['f1'] / base_s['within']['conll']['f1']:.2f}× "
          f"| {ours_s['across']['conll']['f1'] / base_s['across']['conll']['f1']:.2f}× |")
    kinds = ours_s["mentions"]["recall_by_kind"]
    print("\nnewsweave mention recall by kind: " + ", ".join(f"{k} {v:.2f}" for k, v in kinds.items()) + "\n")
    if errors:
        write_errors(errors, gold, ours)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", type=Path,
                    help="write newsweave's mention and link errors on each DEVELOPMENT set to this file name, "
                         "prefixed with the set's name (the held-out set's errors are not written: it stays blind)")
    args = ap.parse_args()
    nlp = get_pipeline()
    for name, path in SETS.items():
        errors = args.errors.with_name(f"{path.stem}.{args.errors.name}") if args.errors and "dev" in path.name else None
        run_set(name, path, nlp, errors)


def write_errors(path: Path, gold: list[dict], preds: list[dict]) -> None:
    from newsweave.eval.entities import mention_span

    with path.open("w", encoding="utf-8") as out:
        for g, p in zip(gold, preds, strict=True):
            text = g["text"]
            gm = {mention_span(text, m["start"], m["end"]): m for m in g["mentions"]}
            pm = {mention_span(text, m["start"], m["end"]): m for m in p["entities"]}
            for span, m in sorted(gm.items()):
                if span not in pm and not m["entity"].startswith(("unnamed:", "unclear:")):
                    out.write(f"MISS\t{g['id']}\t{m['kind']}\t{m['text']!r}\t{m['entity']}\n")
                elif span in pm and m["entity"].startswith(("unnamed:", "unclear:")):
                    out.write(f"LINKED-UNNAMED\t{g['id']}\t{m['text']!r}\t→ {pm[span]['canonical']}\n")
                elif span in pm:
                    out.write(f"LINK\t{g['id']}\t{m['kind']}\t{m['text']!r}\tgold {m['entity']}\t"
                              f"pred {pm[span]['canonical']}\n")
            for span, m in sorted(pm.items()):
                if span not in gm:
                    out.write(f"EXTRA\t{g['id']}\t{m['text']!r}\t{m['label']}\t→ {m['canonical']}\n")


if __name__ == "__main__":
    main()
