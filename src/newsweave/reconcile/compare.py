"""``newsweave compare``: the verdict of two passages, per aligned fact, by the dossier's own code path.

Each passage becomes a one-off :class:`~newsweave.model.Article` (outlet and date optional), is read like any
report (:func:`~newsweave.reconcile.reading.read_article` →
:func:`~newsweave.reconcile.claims.claims_from_reading`),
the claims of both are aligned with :func:`~newsweave.reconcile.align.align_claims` and every aligned pair is
compared with :func:`~newsweave.reconcile.conflicts.compare_claims` — exactly what ``build_dossier`` does.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from ..errors import InputError
from ..model import Article, Claim, Conflict, PublishedTime
from .align import ALIGN_THRESHOLD, align_claims
from .claims import claims_from_reading
from .conflicts import attribution_conflicts, compare_aligned, pair_verdict
from .reading import read_article

__all__ = ["Verdict", "compare_jsonl", "compare_texts", "overall_verdict", "verdict_to_json"]

_RANK = {"contradict": 4, "precision": 3, "certainty": 2, "agree": 1, "unrelated": 0}


@dataclass(frozen=True)
class Verdict:
    """The verdict on one aligned fact: agree, precision, certainty, contradict — or unrelated."""

    verdict: str
    reason: str
    fact: str | None = None
    kind: str | None = None
    claim_a: Claim | None = None
    claim_b: Claim | None = None
    conflicts: tuple[Conflict, ...] = ()


def _published(value: str | date | datetime | None) -> PublishedTime:
    if value is None or value == "":
        return PublishedTime(None)
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError as exc:
            raise InputError(
                f"date {value!r} is not an ISO date (YYYY-MM-DD or YYYY-MM-DDTHH:MM); fix the date "
                "or leave it out",
                reason="malformed",
            ) from exc
    if isinstance(value, datetime):
        precision = "day" if (value.hour, value.minute, value.second) == (0, 0, 0) else "minute"
        aware = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
        return PublishedTime(aware, precision, "user", 1.0)
    return PublishedTime(datetime(value.year, value.month, value.day, tzinfo=UTC), "day", "user", 1.0)


def _article(label: str, text: str, outlet: str | None, when) -> Article:
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    return Article(
        id=f"{label}-{digest}",
        text=text,
        outlet_name=outlet or f"text {label.upper()}",
        published=_published(when),
        source="compare",
    )


def compare_texts(
    a: str,
    b: str,
    *,
    outlet_a: str | None = None,
    date_a: str | date | datetime | None = None,
    outlet_b: str | None = None,
    date_b: str | date | datetime | None = None,
    nlp=None,
    embedder=None,
) -> list[Verdict]:
    """Extract and align the claims of two passages; one :class:`Verdict` per fact both of them state."""
    if not a.strip() or not b.strip():
        raise InputError("compare needs two non-empty texts", reason="empty")
    art_a, art_b = _article("a", a, outlet_a, date_a), _article("b", b, outlet_b, date_b)
    readings = [read_article(art, nlp=nlp) for art in (art_a, art_b)]
    claims = [c for r in readings for c in claims_from_reading(r)]
    articles = {art_a.id: art_a, art_b.id: art_b}
    facts = align_claims(claims, articles, embedder=embedder)
    out: list[Verdict] = []
    for fact in facts:
        side_a = [c for c in fact.claims if c.evidence.article_id == art_a.id]
        side_b = [c for c in fact.claims if c.evidence.article_id == art_b.id]
        if not side_a or not side_b:
            continue
        best: Verdict | None = None
        for ca in side_a:
            for cb in side_b:
                score, conflicts = compare_aligned(ca, cb, context=articles)
                if score < ALIGN_THRESHOLD:
                    continue  # in one fact only through a third claim: not compared directly
                v = pair_verdict(conflicts)
                reason = _reason(v, conflicts, ca, cb)
                cand = Verdict(v, reason, fact.label, _kind(conflicts), ca, cb, tuple(conflicts))
                if best is None or _RANK[cand.verdict] > _RANK[best.verdict]:
                    best = cand
        if best is not None and not any(v.verdict == best.verdict and v.reason == best.reason for v in out):
            out.append(best)  # (two predicates of one sentence, "the attack happened on …", say it once)
    for c in attribution_conflicts({r.article.id: r.statements for r in readings}, articles):
        out.append(Verdict("contradict", c.reason, "quotation", "attribution", c.side_a, c.side_b, (c,)))
    if not out:
        na = sum(1 for c in claims if c.evidence.article_id == art_a.id)
        nb = len(claims) - na
        out.append(
            Verdict(
                "unrelated",
                f"No claim of A ({na} found) aligns with a claim of B ({nb} found): they "
                "do not state the same fact.",
            )
        )
    out.sort(key=lambda v: -_RANK[v.verdict])
    return out


def _kind(conflicts) -> str | None:
    if not conflicts:
        return None
    order = {"contradiction": 0, "precision": 1, "certainty": 2}
    return min(conflicts, key=lambda c: order[c.verdict]).kind


def _reason(verdict: str, conflicts, a: Claim, b: Claim) -> str:
    if verdict == "agree":
        return (
            f"Both state the same {a.predicate} fact with no difference in numbers, status, time, place "
            "or certainty."
        )
    wanted = {"contradict": "contradiction"}.get(verdict, verdict)
    return " ".join(c.reason for c in conflicts if c.verdict == wanted)


def overall_verdict(verdicts: Iterable[Verdict]) -> str:
    vs = list(verdicts)
    return max(vs, key=lambda v: _RANK[v.verdict]).verdict if vs else "unrelated"


def _claim_json(c: Claim | None) -> dict | None:
    if c is None:
        return None
    return {
        "side": c.evidence.article_id.split("-")[0],
        "start": c.evidence.start,
        "end": c.evidence.end,
        "subject": c.subject,
        "predicate": c.predicate,
        "polarity": c.polarity,
        "hedge": c.hedge,
        "arguments": [[r, v] for r, v in c.arguments if r not in ("key", "target_key", "class")],
    }


def verdict_to_json(v: Verdict) -> dict:
    return {
        "verdict": v.verdict,
        "kind": v.kind,
        "fact": v.fact,
        "reason": v.reason,
        "a": _claim_json(v.claim_a),
        "b": _claim_json(v.claim_b),
    }


def compare_jsonl(lines: Iterable[str], *, nlp=None, embedder=None) -> Iterator[dict]:
    """For each input line ``{"a", "b", "outlet_a"?, "date_a"?, "outlet_b"?, "date_b"?, "id"?}`` one output
    record ``{"id", "verdict", "verdicts": [...]}``; a bad line gives ``{"line", "error"}`` and the run goes
    on."""
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec: Any = json.loads(line)
            if (
                not isinstance(rec, dict)
                or not isinstance(rec.get("a"), str)
                or not isinstance(rec.get("b"), str)
            ):
                raise InputError('each line must be a JSON object with string fields "a" and "b"', line=n)
            verdicts = compare_texts(
                rec["a"],
                rec["b"],
                outlet_a=rec.get("outlet_a"),
                date_a=rec.get("date_a"),
                outlet_b=rec.get("outlet_b"),
                date_b=rec.get("date_b"),
                nlp=nlp,
                embedder=embedder,
            )
        except (json.JSONDecodeError, InputError) as exc:
            yield {"line": n, "error": str(exc)}
            continue
        out = {"verdict": overall_verdict(verdicts), "verdicts": [verdict_to_json(v) for v in verdicts]}
        for key in ("id", "pair_id"):
            if key in rec:
                out = {key: rec[key], **out}
        yield out
