"""Benchmark: statements with channel, relays and speakers on newsweave's own annotated sets.

    python bench/analyze_statements.py

Two sets, both in the repository (tests/data/):

* ``statements_gold.jsonl`` — the development set (the example reports and Wikinews articles), written while the
  channel and relay rules were built: it shows that they do what they were meant to, not how well they carry;
* ``statements_heldout.jsonl`` — 16 ECB+ news articles drawn at random and annotated **blind** (nobody looked at
  the extractor's output on them before scoring): the honest number.

For each set, newsweave twice — the extractor alone (names as written) and the whole analysis (``newsweave
analyze``: speakers are the report's canonical entities, read back as names) — beside a baseline, textacy's ``direct_quotations`` on the same parse (it finds direct
quotes with speaker and cue; as a channel/relay system it says "unknown" and no relays, every quote direct and
nobody anonymous). Scoring: :mod:`newsweave.eval.statements`. PolNeAR spans are in
``bench/analyze_attributions.py``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from newsweave.analyze.jsonl import statement_record
from newsweave.analyze.pipeline import analyze_doc, get_pipeline
from newsweave.analyze.statements import extract_statements
from newsweave.eval.statements import format_table, load_statement_set, score_statement_set

SETS = {
    "development set (statements_gold.jsonl)": REPO / "tests" / "data" / "statements_gold.jsonl",
    "held-out set, annotated blind (statements_heldout.jsonl)": REPO / "tests" / "data" / "statements_heldout.jsonl",
}


def newsweave_statements(doc_id: str, doc) -> list[dict]:
    return [statement_record(s, doc.text) for s in extract_statements(doc, article_id=doc_id)]


def pipeline_statements(doc_id: str, doc) -> list[dict]:
    """The statements of the whole analysis (``newsweave analyze``): speakers resolved through the report's
    canonical entities and pronoun links; their entity ids are read back as the entities' names."""
    analysis = analyze_doc(doc, article_id=doc_id)
    names = {e.id: e.name for e in analysis.entities}
    out = []
    for s in analysis.statements:
        rec = statement_record(s, doc.text, names=names)
        rec["speaker_entity"] = rec["speaker_name"]  # the scorer compares names
        out.append(rec)
    return out


def sayings_statements(doc_id: str, doc) -> list[dict]:
    """The statements the dossier lists under "who said what" (``reconcile.sayings.in_who_said_what``): the
    analysis also keeps PolNeAR-style attributions (what people saw, wanted, planned), which these sets, like a
    reader, do not count as statements."""
    from newsweave.reconcile.sayings import in_who_said_what

    analysis = analyze_doc(doc, article_id=doc_id)
    names = {e.id: e.name for e in analysis.entities}
    out = []
    for s in analysis.statements:
        if not in_who_said_what(s, doc.text[s.content.start : s.content.end]):
            continue
        rec = statement_record(s, doc.text, names=names)
        rec["speaker_entity"] = rec["speaker_name"]
        out.append(rec)
    return out


def textacy_statements(doc) -> list[dict]:
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(doc))
    except (ValueError, IndexError, KeyError):  # textacy fails on some unbalanced quotes
        triples = []
    out = []
    for t in triples:
        speaker = {"start": min(w.idx for w in t.speaker), "end": max(w.idx + len(w) for w in t.speaker)} \
            if t.speaker else None
        out.append({"speaker": speaker, "content": {"start": t.content.start_char, "end": t.content.end_char},
                    "direct": True, "anonymous": False, "channel": "unknown", "relays": [],
                    "speaker_entity": " ".join(w.text for w in t.speaker) if t.speaker else None})
    return out


def main() -> None:
    argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter).parse_args()
    nlp = get_pipeline()
    try:
        import textacy
    except ImportError:
        textacy = None
    for title, path in SETS.items():
        docs = load_statement_set(path)
        parsed = {d["id"]: nlp(d["text"]) for d in docs}
        rows = [("newsweave extractor", score_statement_set(
                    docs, {i: newsweave_statements(i, p) for i, p in parsed.items()})),
                ("newsweave analyze (with canonical entities)", score_statement_set(
                    docs, {i: pipeline_statements(i, p) for i, p in parsed.items()})),
                ("newsweave who said what (sayings only)", score_statement_set(
                    docs, {i: sayings_statements(i, p) for i, p in parsed.items()}))]
        if textacy is not None:
            rows.append(("textacy direct_quotations",
                         score_statement_set(docs, {i: textacy_statements(p) for i, p in parsed.items()})))
        print(f"### {title}: {len(docs)} documents, {rows[0][1]['gold']} statements\n")
        print(format_table(rows))
        print()
    if textacy is None:
        print("(textacy is not installed: no baseline row)")


if __name__ == "__main__":
    main()
