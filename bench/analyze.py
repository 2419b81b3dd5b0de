"""Speed of the whole per-report analysis (sentences, entities, time expressions, statements), and entity
canonicalisation sanity numbers.

Texts: the bundled example reports plus ECB+ train+dev from ../shared/data (or $NEWSWEAVE_DATA) when present.
Rows (reports/second, higher is better):

* baseline — spaCy's pipeline as shipped (``nlp.pipe``, one process): the parse every analyser shares;
* newsweave's pipeline (compiled attribute ruler + memoising lemmatizer, identical annotations);
* newsweave ``analyze_many`` with workers=1 and workers=2 (target: >= 25 reports/s on 2 cores).

Then: the CPU time per report of each spaCy component (as shipped vs newsweave's) and of each newsweave
analyser; the whole per-report product path of ``newsweave process`` (parse, analysers, claims + grouping
features, sentence embedding, result pickling) with the reports/s it allows on 2 free cores; the effect of
``nlp.pipe`` batch sizes; and on ECB+ (gold stories) how entities are linked within and across reports.
Other processes on a shared machine distort wall-clock rows; the CPU-time columns are the steady measure.

    python bench/analyze.py [--sample N] [--skip-parallel] [--skip-entities]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("NEWSWEAVE_DATA", ROOT.parent / "shared" / "data"))
sys.path.insert(0, str(ROOT / "src"))

from newsweave.model import Article

PRONOUNS = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}


def load_texts(sample: int | None) -> tuple[list[Article], dict[str, str]]:
    """Articles to analyse and, for ECB+ ones, their gold story."""
    articles: list[Article] = []
    stories: dict[str, str] = {}
    for path in sorted((ROOT / "src" / "newsweave" / "data" / "sample").glob("0*.txt")):
        raw = path.read_text(encoding="utf-8")
        m = re.match(r"\s*date \d{4}-\d{2}-\d{2}\s+", raw)
        articles.append(Article(id=path.stem, text=raw[m.end() :] if m else raw))
    for name in ("ecbplus_train.jsonl", "ecbplus_dev.jsonl"):
        path = DATA / name
        if not path.exists():
            print(f"(note: {path} not found; ECB+ rows skipped)", file=sys.stderr)
            continue
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                articles.append(Article(id=r["id"], text=r["text"]))
                stories[r["id"]] = r["story"]
    if sample:
        articles = articles[:sample]
    return articles, stories


def timed(fn):
    """(result, wall seconds, CPU seconds of this process)."""
    w0, c0 = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - w0, time.process_time() - c0


def shipped_pipeline():
    """spaCy's pipeline exactly as the model package ships it (no newsweave speed-ups)."""
    import spacy

    from newsweave.analyze.nlp import verify_model_files

    return spacy.load(verify_model_files())


def speed_rows(articles: list[Article], skip_parallel: bool) -> list[tuple[str, float, float, float | None]]:
    """(name, wall seconds, reports/s wall, reports per CPU-second or None)."""
    from newsweave.analyze.pipeline import analyze_many, get_pipeline

    n = len(articles)
    rows = []
    for name, nlp in (("baseline: spaCy as shipped, nlp.pipe only (parse, 1 process)", shipped_pipeline()),
                      ("newsweave's spaCy pipeline, nlp.pipe only (parse, 1 process)", get_pipeline())):
        list(nlp.pipe(a.text for a in articles[:20]))  # warm-up
        _, wall, cpu = timed(lambda nlp=nlp: list(nlp.pipe((a.text for a in articles), batch_size=32)))
        rows.append((name, wall, n / wall, n / cpu))
    _, wall, cpu = timed(lambda: list(analyze_many(articles, workers=1, batch_size=32)))
    rows.append(("newsweave analyze_many, workers=1", wall, n / wall, n / cpu))
    if not skip_parallel:
        _, wall, _cpu = timed(lambda: list(analyze_many(articles, workers=2, batch_size=32)))
        rows.append(("newsweave analyze_many, workers=2 (incl. worker start-up)", wall, n / wall, None))
    return rows


def spacy_component_costs(articles: list[Article]) -> list[tuple[str, float, float]]:
    """CPU ms per report of each spaCy component: (name, as shipped, newsweave's), batched like nlp.pipe.
    newsweave's pipeline is a fresh one: its memo tables start empty (they only fill up over a run)."""
    from newsweave.analyze.fast_components import accelerate
    from newsweave.analyze.sentences import add_paragraph_boundaries

    out: dict[str, list[float]] = {}
    for column, nlp in enumerate((shipped_pipeline(), add_paragraph_boundaries(accelerate(shipped_pipeline())))):
        list(nlp.pipe(a.text for a in articles[:10]))  # warm-up
        t0 = time.process_time()
        docs = [nlp.make_doc(a.text) for a in articles]
        out.setdefault("tokenizer", [0.0, 0.0])[column] = time.process_time() - t0
        for name, proc in nlp.pipeline:
            t0 = time.process_time()
            docs = list(proc.pipe(docs, batch_size=32)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
            out.setdefault(name, [0.0, 0.0])[column] = time.process_time() - t0
    n = len(articles)
    return [(name, 1000 * a / n, 1000 * b / n) for name, (a, b) in out.items()]


def product_path_costs(articles: list[Article]) -> list[tuple[str, float]]:
    """CPU ms per report of each step an analysis worker of ``newsweave process`` runs (one thread)."""
    import pickle

    from newsweave.analyze.pipeline import analyze_doc, get_pipeline
    from newsweave.stages import _embedding_key, article_products
    from newsweave.stories.embeddings import SentenceEmbedder

    nlp = get_pipeline()
    exact, default = SentenceEmbedder(threads=1, int8=False), SentenceEmbedder(threads=1)
    warm = articles[:5]
    for a, d in zip(warm, nlp.pipe(a.text for a in warm), strict=True):
        article_products(a, d, analyze_doc(d, article_id=a.id))
    exact.embed(["warm-up"])
    default.embed(["warm-up"])
    cost: Counter[str] = Counter()

    def step(name, fn):
        t0 = time.process_time()
        out = fn()
        cost[name] += time.process_time() - t0
        return out

    parse = "spaCy parse (newsweave's pipeline, nlp.pipe batch 32)"
    analysers = "analysers: sentences, entities, time expressions, statements"
    products = "products: per-report claims + grouping features"
    embed = f"sentence embedding, {default.precision or 'default'} (the default)"
    for i in range(0, len(articles), 32):
        batch = articles[i : i + 32]
        docs = step(parse, lambda batch=batch: list(nlp.pipe((a.text for a in batch), batch_size=32)))
        results = []
        for a, d in zip(batch, docs, strict=True):
            analysis = step(analysers, lambda a=a, d=d: analyze_doc(d, article_id=a.id, dct=a.published.value))
            results.append((analysis, step(products, lambda a=a, d=d, x=analysis: article_products(a, d, x))))
        texts = [_embedding_key(a)[0] for a in batch]
        step(embed, lambda texts=texts: default.embed(texts))
        step("pickling the results (worker → main process)", lambda r=results: pickle.loads(pickle.dumps(r)))
        step("(not in the total) sentence embedding, float32", lambda texts=texts: exact.embed(texts))
    n = len(articles)
    return [(name, 1000 * total / n) for name, total in cost.items()]


def component_costs(articles: list[Article]) -> list[tuple[str, float]]:
    """Milliseconds per report for each spaCy component and each newsweave analyser."""
    from newsweave.analyze.entities import extract_mentions
    from newsweave.analyze.pipeline import _statements, _timexes, get_pipeline
    from newsweave.analyze.sentences import split_sentences

    nlp = get_pipeline()
    cost: Counter[str] = Counter()
    for a in articles:
        t0 = time.process_time()
        doc = nlp.make_doc(a.text)
        cost["spaCy tokenizer"] += time.process_time() - t0
        for name, proc in nlp.pipeline:
            t0 = time.process_time()
            doc = proc(doc)
            cost[f"spaCy {name}"] += time.process_time() - t0
        t0 = time.process_time()
        sentences = split_sentences(doc, article_id=a.id)
        cost["newsweave sentences"] += time.process_time() - t0
        t0 = time.process_time()
        mentions, entities = extract_mentions(doc, article_id=a.id, sentences=sentences)
        cost["newsweave entities + pronouns"] += time.process_time() - t0
        t0 = time.process_time()
        _timexes(doc, a.id, None)
        cost["newsweave time expressions"] += time.process_time() - t0
        t0 = time.process_time()
        _statements(doc, a.id, mentions, entities)
        cost["newsweave statements"] += time.process_time() - t0
    n = len(articles)
    return [(name, 1000 * total / n) for name, total in cost.items()]


def batch_size_rows(articles: list[Article]) -> list[tuple[int, float]]:
    from newsweave.analyze.pipeline import get_pipeline

    nlp = get_pipeline()
    rows = []
    for size in (1, 8, 32, 128):
        _, _wall, cpu = timed(lambda size=size: list(nlp.pipe((a.text for a in articles), batch_size=size)))
        rows.append((size, len(articles) / cpu))
    return rows


def entity_sanity(articles: list[Article], stories: dict[str, str]) -> dict[str, float]:
    """Linking statistics on ECB+ (no gold entity annotation here: these are sanity numbers)."""
    from newsweave.analyze.canonical import merge_story_entities
    from newsweave.analyze.entities import extract_mentions
    from newsweave.analyze.pipeline import get_pipeline

    nlp = get_pipeline()
    per_story: dict[str, dict] = defaultdict(dict)
    mentions_n = entities_n = pronouns_total = pronouns_linked = nominals = surname_linked = 0
    persons = 0
    for a, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
        if a.id not in stories:
            continue
        mentions, entities = extract_mentions(doc, article_id=a.id)
        per_story[stories[a.id]][a.id] = (mentions, entities)
        mentions_n += len(mentions)
        entities_n += len(entities)
        pronouns_total += sum(1 for t in doc if t.lower_ in PRONOUNS and t.tag_ in ("PRP", "PRP$"))
        pronouns_linked += sum(1 for m in mentions if m.text.lower() in PRONOUNS)
        by_id = {e.id: e for e in entities}
        for m in mentions:
            e = by_id.get(m.entity_id)
            if e is None or e.label != "PERSON" or m.text.lower() in PRONOUNS:
                continue
            persons += 1
            if m.text != e.name and m.text in e.aliases and " " not in m.text.strip():
                surname_linked += 1
            if m.text.lower().startswith("the ") or m.text not in (e.name, *e.aliases):
                nominals += 1
    report_level = story_level = occurrences = linked_exact = linked_merged = 0
    for reports in per_story.values():
        mapping, story_entities = merge_story_entities(reports)
        report_level += len({eid for _, ents in reports.values() for eid in (e.id for e in ents)})
        story_level += len(story_entities)
        # a person of one report is "linked" when another report of the story has the same entity:
        # with identical report-level ids only (same label and normalised name) vs after merging
        by_exact: dict[str, set[str]] = defaultdict(set)
        by_story: dict[str, set[str]] = defaultdict(set)
        pairs = []
        for article_id, (_mentions, ents) in reports.items():
            for e in ents:
                if e.label == "PERSON":
                    by_exact[e.id].add(article_id)
                    by_story[mapping[e.id]].add(article_id)
                    pairs.append((article_id, e.id))
        occurrences += len(pairs)
        linked_exact += sum(1 for a, eid in pairs if by_exact[eid] - {a})
        linked_merged += sum(1 for a, eid in pairs if by_story[mapping[eid]] - {a})
    n = sum(len(r) for r in per_story.values()) or 1
    return {
        "reports": n,
        "mentions per report": mentions_n / n,
        "entities per report": entities_n / n,
        "he/she/his/her… linked to a person (share of all such pronouns)": pronouns_linked
        / max(1, pronouns_total),
        "person mentions that are surname-only names linked to a full name (share)": surname_linked
        / max(1, persons),
        "person mentions that are role nominals (share)": nominals / max(1, persons),
        "distinct report-level entity ids per story (mean)": report_level / max(1, len(per_story)),
        "story-level entities per story after merging (mean)": story_level / max(1, len(per_story)),
        "persons also found in another report of the story, identical ids only (share)": linked_exact
        / max(1, occurrences),
        "persons also found in another report of the story, after merging (share)": linked_merged
        / max(1, occurrences),
    }


def main() -> None:  # worker processes re-import this module: keep work under the __main__ guard
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sample", type=int, default=None, help="analyse only the first N texts")
    parser.add_argument("--skip-parallel", action="store_true", help="skip the workers=2 row")
    parser.add_argument("--skip-entities", action="store_true", help="skip the ECB+ entity-linking numbers")
    args = parser.parse_args()
    try:
        import torch

        torch.set_num_threads(1)
    except ImportError:  # pragma: no cover
        pass
    articles, stories = load_texts(args.sample)
    t0 = time.process_time()
    for _ in range(5):
        sum(range(10**6))
    calibration = (time.process_time() - t0) / 5 * 1000
    print(
        f"CPU calibration: sum(range(10**6)) takes {calibration:.0f} ms of CPU here "
        "(about 10-15 ms on a typical 2020s desktop core): scale the numbers below accordingly.\n"
    )
    chars = sum(len(a.text) for a in articles)
    print(
        f"## Analysis speed — {len(articles)} reports, {chars / len(articles):.0f} characters on average, "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at start\n"
    )
    rows = speed_rows(articles, args.skip_parallel)
    base, base_cpu = rows[0][2], rows[0][3]
    print(
        "| pipeline | seconds (wall) | reports/s (wall) | reports per CPU-second | wall ratio to baseline "
        "| CPU ratio to baseline |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    for name, wall, rate, per_cpu in rows:
        cpu_cell = f"{per_cpu:.1f}" if per_cpu is not None else "–"
        ratio = f"{per_cpu / base_cpu:.2f}" if per_cpu is not None else "–"
        print(f"| {name} | {wall:.1f} | {rate:.1f} | {cpu_cell} | {rate / base:.2f} | {ratio} |")
    print(
        f"\n(load average {os.getloadavg()[0]:.1f} at the end; on a shared machine the CPU-second column is "
        "the steadier measure of one process)"
    )

    sample = articles[: min(len(articles), 200)]
    print("\n## spaCy components, CPU ms per report (batched as in nlp.pipe)\n")
    print("| component | spaCy as shipped | newsweave | ratio |")
    print("|---|---:|---:|---:|")
    shipped_total = ours_total = 0.0
    for name, shipped, ours in spacy_component_costs(sample):
        shipped_total, ours_total = shipped_total + shipped, ours_total + ours
        ratio = f"{ours / shipped:.2f}" if shipped > 0 else "–"
        print(f"| {name} | {shipped:.2f} | {ours:.2f} | {ratio} |")
    print(f"| **total** | {shipped_total:.2f} | {ours_total:.2f} | {ours_total / shipped_total:.2f} |")

    print("\n## Per-report product path of `newsweave process` (CPU ms, one process, one thread)\n")
    print("| step | ms/report |")
    print("|---|---:|")
    path_total = 0.0
    for name, ms in product_path_costs(sample):
        if not name.startswith("(not in the total)"):
            path_total += ms
        print(f"| {name} | {ms:.1f} |")
    print(f"| **total** | {path_total:.1f} |")
    print(f"\nOn 2 free cores (2 workers, the main process only stores results) that allows about "
          f"{2000 / path_total:.1f} reports/s, before worker start-up (~10 s of CPU per worker: spaCy, the "
          "embedding model and its int8 check).")

    print("\n## CPU cost per report (ms), one process, one doc at a time\n")
    costs = component_costs(sample)
    total = sum(ms for _, ms in costs)
    print("| step | ms/report | share |")
    print("|---|---:|---:|")
    for name, ms in costs:
        print(f"| {name} | {ms:.2f} | {100 * ms / total:.0f}% |")
    print(f"| **total** | {total:.2f} | 100% |")

    print("\n## spaCy nlp.pipe batch size (parse only, one process)\n")
    print("| batch_size | reports per CPU-second |")
    print("|---:|---:|")
    for size, rate in batch_size_rows(sample):
        print(f"| {size} | {rate:.1f} |")

    if stories and not args.skip_entities:
        print("\n## Entity linking sanity numbers on ECB+ (gold stories; no gold entities)\n")
        print("| measure | value |")
        print("|---|---:|")
        for name, value in entity_sanity(articles, stories).items():
            print(f"| {name} | {value:.3g} |")


if __name__ == "__main__":
    main()
