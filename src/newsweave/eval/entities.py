"""Scoring canonical entities against a gold set of entity mentions: within a report and across a story.

Gold (``tests/data/entities_heldout.jsonl``, docs/benchmarks.md): one report per line, ``{"id", "story", "text",
"mentions": [{"start", "end", "text", "kind", "label", "entity"}]}`` where ``kind`` is ``name``, ``role`` or
``pronoun`` and ``entity`` a key shared by every mention of one real-world entity in the story's reports.
Mentions whose key starts with ``unnamed:`` or ``unclear:`` (a pronoun of someone the report never names) are
not scored as mentions to find; a system that links one anyway has a mention the gold does not have.

Predictions: ``newsweave analyze --jsonl`` records (``entities`` = mentions with ``entity_id``), matched to the
gold by ``external_id`` (the input's id) or ``id``. For the story level a predicted mention may carry
``story_entity``; otherwise the entities of newsweave analysis records are merged story by story with newsweave's
own :func:`~newsweave.analyze.canonical.merge_story_entities` (the story being the gold's), and other output keeps
its report-level ``entity_id`` as the story-level one.

Scores, each P / R / F1:

* **mentions** — a predicted mention is found when its span equals a gold mention's (a leading "the", a
  possessive "'s" and a final full stop aside); recall is also given per kind;
* **within reports** — MUC, B³ and CEAF-e over the mentions of each report (a mention the other side does not
  have counts against it, as in the CoNLL-2012 scorer), and their mean (CoNLL F1); singletons are kept: a place
  named once is an entity too;
* **across a story** — the same three over the mentions of all the story's reports;
* **pronouns** — of the gold pronouns of named people, how many the system links to the right entity (the gold
  entity most of the predicted entity's other found mentions have), and how many to a wrong one.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from ..errors import InputError
from .records import json_records, require_list

__all__ = ["format_table", "load_gold", "mention_span", "score_entities"]

_UNSCORED = ("unnamed:", "unclear:")
Key = tuple[str, int, int]  # (report id, start, end) of a mention


def load_gold(path: str | Path) -> list[dict]:
    """Read the gold reports (the header line, an object with ``_about``, is skipped)."""
    docs = []
    for line, rec in json_records(path):
        if "_about" in rec:
            continue
        if "id" not in rec or "text" not in rec:
            raise InputError("each report needs 'id' and 'text'", source=str(path), line=line)
        require_list(rec, "mentions", ("start", "end", "entity"), source=str(path), line=line)
        docs.append(rec)
    return docs


def mention_span(text: str, start: int, end: int) -> tuple[int, int]:
    """A mention span without a leading "the ", a possessive or a final full stop (annotators differ on these)."""
    if text[start:end].lower().startswith("the ") and end - start > 4:
        start += 4
    for tail in ("'s", "’s"):
        if text[start:end].endswith(tail) and end - start > 2:
            end -= 2
    if text[start:end].endswith(".") and end - start > 2:
        end -= 1  # "Church Ave." / "Church Ave": an abbreviation's full stop, or the sentence's
    return start, end


def _clusters(assign: Mapping[Key, str]) -> list[set[Key]]:
    groups: dict[str, set[Key]] = defaultdict(set)
    for key, entity in assign.items():
        groups[entity].add(key)
    return list(groups.values())


def _muc(key: list[set[Key]], response: list[set[Key]]) -> tuple[float, float]:
    """(numerator, denominator) of MUC recall of ``response`` against ``key`` (swap the sides for precision)."""
    where = {m: i for i, c in enumerate(response) for m in c}
    num = den = 0
    for c in key:
        parts = {where.get(m, ("alone", m)) for m in c}
        num += len(c) - len(parts)
        den += len(c) - 1
    return num, den


def _b3(key: list[set[Key]], response: list[set[Key]]) -> tuple[float, float]:
    where = {m: c for c in response for m in c}
    num = sum(len(c & where[m]) / len(c) for c in key for m in c if m in where)
    return num, sum(len(c) for c in key)


def _ceafe(key: list[set[Key]], response: list[set[Key]]) -> tuple[float, int, int]:
    """(total similarity of the best one-to-one alignment, number of key entities, of response entities)."""
    if not key or not response:
        return 0.0, len(key), len(response)
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    sim = np.array([[2 * len(k & r) / (len(k) + len(r)) for r in response] for k in key])
    rows, cols = linear_sum_assignment(-sim)
    return float(sim[rows, cols].sum()), len(key), len(response)


def _prf(p_num: float, p_den: float, r_num: float, r_den: float) -> dict[str, float]:
    p = p_num / p_den if p_den else 0.0
    r = r_num / r_den if r_den else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


class _Tally:
    """Sums of the three coreference metrics over many (key, response) partitions."""

    def __init__(self) -> None:
        self.sums: Counter[str] = Counter()

    def add(self, key: list[set[Key]], response: list[set[Key]]) -> None:
        for name, fn in (("muc", _muc), ("b3", _b3)):
            r = fn(key, response)
            p = fn(response, key)
            self.sums[f"{name}_rn"] += r[0]
            self.sums[f"{name}_rd"] += r[1]
            self.sums[f"{name}_pn"] += p[0]
            self.sums[f"{name}_pd"] += p[1]
        total, nk, nr = _ceafe(key, response)
        self.sums["ceafe_n"] += total
        self.sums["ceafe_k"] += nk
        self.sums["ceafe_r"] += nr

    def scores(self) -> dict[str, dict[str, float]]:
        s = self.sums
        out = {name: _prf(s[f"{name}_pn"], s[f"{name}_pd"], s[f"{name}_rn"], s[f"{name}_rd"])
               for name in ("muc", "b3")}
        out["ceafe"] = _prf(s["ceafe_n"], s["ceafe_r"], s["ceafe_n"], s["ceafe_k"])
        out["conll"] = {"f1": sum(out[m]["f1"] for m in ("muc", "b3", "ceafe")) / 3}
        return out


def _predicted(rec: Mapping, doc_id: str, text: str) -> dict[Key, dict]:
    out: dict[Key, dict] = {}
    for m in rec.get("entities", []):
        if m.get("entity_id") is None and m.get("story_entity") is None:
            continue
        s, e = mention_span(text, int(m["start"]), int(m["end"]))
        out[(doc_id, s, e)] = m
    return out


def _story_ids(records: Sequence[Mapping]) -> dict[tuple[str, str], str]:
    """(report id, report entity id) → story entity id, merged by newsweave's story-level canonicalisation."""
    from ..analyze.canonical import merge_story_entities
    from ..analyze.jsonl import analysis_from_record

    per_article = {}
    for rec in records:
        analysis = analysis_from_record(dict(rec))
        per_article[analysis.article_id] = (list(analysis.mentions), list(analysis.entities))
    to_story, _ = merge_story_entities(per_article)
    return {(rec["id"], eid): to_story.get(eid, eid) for rec in records
            for eid in {m.get("entity_id") for m in rec.get("entities", [])} if eid}


def score_entities(gold_docs: Iterable[Mapping], pred_docs: Iterable[Mapping]) -> dict:
    """Mention, within-report, story-level and pronoun scores (see the module docstring)."""
    preds: dict[str, Mapping] = {}
    for rec in pred_docs:
        for key in (rec.get("external_id"), rec.get("id")):
            if key is not None:
                preds.setdefault(str(key), rec)
    within, across = _Tally(), _Tally()
    found = gold_n = pred_n = 0
    by_kind: Counter[str] = Counter()
    found_kind: Counter[str] = Counter()
    pronouns = Counter()
    stories: dict[str, list[tuple[Mapping, Mapping]]] = defaultdict(list)
    for g in gold_docs:
        doc_id, text = str(g["id"]), g["text"]
        rec = preds.get(doc_id, {})
        stories[str(g.get("story") or doc_id)].append((g, rec))
        gold = {(doc_id, *mention_span(text, int(m["start"]), int(m["end"]))): m for m in g["mentions"]
                if not str(m["entity"]).startswith(_UNSCORED)}
        pred = _predicted(rec, doc_id, text)
        gold_n += len(gold)
        pred_n += len(pred)
        found += len(gold.keys() & pred.keys())
        for k, m in gold.items():
            by_kind[m.get("kind", "name")] += 1
            found_kind[m.get("kind", "name")] += k in pred
        key = _clusters({k: str(m["entity"]) for k, m in gold.items()})
        response = _clusters({k: str(m.get("entity_id")) for k, m in pred.items()})
        within.add(key, response)
        pronouns.update(_pronoun_outcomes(gold, pred))
    for members in stories.values():
        gold_all: dict[Key, str] = {}
        pred_all: dict[Key, str] = {}
        have_story = all("story_entity" in m for _g, rec in members for m in rec.get("entities", []))
        records = [rec for _g, rec in members if rec]
        # newsweave analysis records are merged by newsweave; other output without story ids keeps its own ids
        merged = {} if have_story or not all(r.get("schema") for r in records) else _story_ids(records)
        for g, rec in members:
            doc_id, text = str(g["id"]), g["text"]
            gold_all.update({(doc_id, *mention_span(text, int(m["start"]), int(m["end"]))): str(m["entity"])
                             for m in g["mentions"] if not str(m["entity"]).startswith(_UNSCORED)})
            for k, m in _predicted(rec, doc_id, text).items():
                pred_all[k] = str(m["story_entity"] if have_story else
                                  merged.get((rec.get("id"), m.get("entity_id")), m.get("entity_id")))
        across.add(_clusters(gold_all), _clusters(pred_all))
    mention = _prf(found, pred_n, found, gold_n)
    mention.update({"gold": gold_n, "pred": pred_n, "found": found,
                    "recall_by_kind": {k: found_kind[k] / n for k, n in sorted(by_kind.items())}})
    total_pronouns = pronouns["right"] + pronouns["wrong"] + pronouns["missing"]
    return {
        "mentions": mention,
        "within": within.scores(),
        "across": across.scores(),
        "pronouns": {"right": pronouns["right"], "wrong": pronouns["wrong"], "missing": pronouns["missing"],
                     "gold": total_pronouns,
                     "accuracy": pronouns["right"] / total_pronouns if total_pronouns else 0.0},
    }


def _pronoun_outcomes(gold: Mapping[Key, Mapping], pred: Mapping[Key, Mapping]) -> Counter:
    """right / wrong / missing for the gold pronouns of named entities of one report."""
    votes: dict[str, Counter] = defaultdict(Counter)  # predicted entity → gold entities of its non-pronoun mentions
    for k, m in pred.items():
        if k in gold and gold[k].get("kind") != "pronoun":
            votes[str(m.get("entity_id"))][str(gold[k]["entity"])] += 1
    out: Counter = Counter()
    for k, m in gold.items():
        if m.get("kind") != "pronoun":
            continue
        if k not in pred:
            out["missing"] += 1
            continue
        v = votes.get(str(pred[k].get("entity_id")))
        out["right" if v and v.most_common(1)[0][0] == str(m["entity"]) else "wrong"] += 1
    return out


def format_table(rows: Sequence[tuple[str, Mapping]] | Mapping[str, Mapping]) -> str:
    """Markdown table: mention P/R/F1, within-report MUC/B³/CEAF-e/CoNLL F1, story-level CoNLL F1, pronouns."""
    items = list(rows.items()) if isinstance(rows, Mapping) else list(rows)
    head = ["system", "mentions P / R / F1", "within: MUC", "B³", "CEAF-e", "CoNLL F1", "story: B³", "CoNLL F1",
            "pronouns right / wrong / missed"]
    lines = ["| " + " | ".join(head) + " |", "|---|" + "---:|" * (len(head) - 1)]
    for name, s in items:
        m, w, a, p = s["mentions"], s["within"], s["across"], s["pronouns"]
        lines.append(
            f"| {name} | {m['p']:.2f} / {m['r']:.2f} / **{m['f1']:.2f}** | {w['muc']['f1']:.2f} | {w['b3']['f1']:.2f}"
            f" | {w['ceafe']['f1']:.2f} | **{w['conll']['f1']:.2f}** | {a['b3']['f1']:.2f} | **{a['conll']['f1']:.2f}**"
            f" | {p.get('right', 0)} / {p.get('wrong', 0)} / {p.get('missing', 0)} |"
        )
    return "\n".join(lines)
