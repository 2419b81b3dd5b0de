"""The story dossier: everything the reconcile stage knows about one story, with evidence offsets.

``build_dossier`` reads each report once (claims, sentences, statements), aligns claims into facts, finds
conflicts, orders the timeline and writes the cited summary. Per-report work is reused from ``previous``
(the dossier before a new report joined) or from a process cache keyed by article id and analysis version,
so adding a report to a story re-reads only that report. ``dossier_to_json`` gives the documented,
versioned JSON form (schema ``newsweave.dossier/1``, see ``docs/dossier-schema.md``).
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from ..ingest.datelines import headline
from ..model import (
    Article,
    Claim,
    Conflict,
    Dispute,
    Dossier,
    Entity,
    Fact,
    Span,
    Statement,
    Story,
    TimelineEntry,
)
from .align import align_claims
from .claims import claims_from_reading
from .conflicts import attribution_conflicts, find_conflicts
from .disputes import gather_disputes
from .echoes import mark_repeats
from .entities import story_entities
from .reading import Reading, read_article
from .sayings import in_who_said_what
from .sources import group_sources, outlet_label, speaker_name
from .summary import summarize
from .timeline import build_timeline, publication_times

__all__ = [
    "RECONCILE_VERSION",
    "SCHEMA",
    "ArticleClaims",
    "article_claims_from_json",
    "article_claims_from_reading",
    "article_claims_to_json",
    "build_dossier",
    "clear_cache",
    "dossier_to_json",
]

log = logging.getLogger(__name__)

SCHEMA = "newsweave.dossier/1"
RECONCILE_VERSION = "23"  # 2: earlier events, comparative counts and digit groups; 3: times of relative
# clauses, of "It …" after a dated sentence, months without a year placed against the story's dates, labels, and
# who said what without speaker-less stances; 4: hedges scoped to their clause; 5: bare number nouns count people;
# 6: claims of responsibility and death tolls; 7: crowd sizes, every count keeping what it counts; 8: magnitudes;
# 9: arrests counted, clock times, loose vague words; 10: attacks carried out by someone;
# 11: recovering and hospitalized are hurt and alive; 12: "no one" is no claimant and no source;
# 13: a grave condition makes an injury serious; 14: disputes (the contradictions of a fact gathered);
# 15: the summary states the main dispute; timeline labels with agreed counts, sentences for bare nouns;
# 16: the reports' entities merged into the story's (one speaker spelled two ways is one); 17: bare-noun
# fact labels as the start of their sentence, facts marked disputed, no harm to a second participle's object;
# 18: a statement other reports carried is listed once, with the reports that repeat it; 19: a place with and
# without its kind ("Qeshm Island" / "Qeshm") is one story entity, one quake (attack …) a day on the timeline;
# 20: a difference of precision in health names the finer status in the reports' words; a pronoun subject's name
# (from the analysis's coreference) in labels: "[Lindsay Lohan] was not charged"; who said what lists sayings only;
# 21: an event noun naming a kind of thing ("earthquake experts") is no event; a time of a telling does not date
# what is told, nor a sentence's time a past perfect; a question asserts nothing; 22: a toll labelled in the
# words most of its counts use; one line for a value compatible with several others; a harm told in a relative
# clause on a place is told of what the place belongs to; an event talked about or condemned does not take the
# time of the talk; a time that is a verb's object dates that verb only; "forced X to …": X does it;
# "check out" is not "check in"; a time naming which thing ("her June 2012 car accident case") dates no verb;
# 23: timeline entries told by one report and of no known kind of event are marked minor
_CACHE_SIZE = 2048
_cache: OrderedDict[tuple[str, str, int], ArticleClaims] = OrderedDict()
_cache_lock = threading.Lock()
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class ArticleClaims:
    """What the reconcile stage keeps per report: its claims, sentence spans and statements."""

    article_id: str
    version: str
    claims: tuple[Claim, ...]
    sentences: tuple[Span, ...]
    statements: tuple[Statement, ...]
    entity_names: tuple[tuple[str, str], ...] = ()  # (Entity.id, name)
    entities: tuple[Entity, ...] = ()  # the report's canonical entities, merged across the story's reports


def clear_cache() -> None:
    with _cache_lock:
        _cache.clear()


def _version(analysis: Any) -> str:
    return f"{RECONCILE_VERSION}+{getattr(analysis, 'version', None) or 'none'}"


def article_claims_from_reading(reading: Reading, analysis: Any) -> ArticleClaims:
    """The per-report reconcile work for an already parsed report (the analysis stage calls this with the
    doc it has, so the story stage never parses again)."""
    return ArticleClaims(
        article_id=reading.article.id,
        version=_version(analysis),
        claims=tuple(claims_from_reading(reading)),
        sentences=tuple(s.span for s in reading.sentences),
        statements=tuple(reading.statements),
        entity_names=tuple((e.id, e.name) for e in reading.entities),
        entities=tuple(reading.entities),
    )


def _per_article(
    article: Article, analysis: Any, previous: Mapping[str, ArticleClaims], nlp
) -> ArticleClaims:
    version = _version(analysis)
    prev = previous.get(article.id)
    if prev is not None and prev.version == version:
        return prev
    key = (article.id, version, hash(article.text))  # the text too: one id may be reused for other text
    with _cache_lock:
        hit = _cache.get(key)
        if hit is not None:
            _cache.move_to_end(key)
            return hit
    result = article_claims_from_reading(read_article(article, analysis, nlp=nlp), analysis)
    with _cache_lock:
        _cache[key] = result
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return result


def _published(a: Article) -> datetime:
    return a.published.value or _EPOCH


def build_dossier(
    story: Story,
    articles: Sequence[Article],
    analyses: Mapping[str, Any] | None = None,
    *,
    previous: Dossier | None = None,
    per_article: Mapping[str, ArticleClaims] | None = None,
    embedder=None,
    nlp=None,
    max_summary_sentences: int = 5,
) -> Dossier:
    """Reconcile the reports of one story into a :class:`~newsweave.model.Dossier`.

    ``analyses`` maps article id → the analysis of ``newsweave.analyze`` (missing ones are computed);
    ``embedder`` (anything with ``embed(texts) -> ndarray`` of normalised rows) sharpens alignment and the
    summary — without it word overlap and TF-IDF are used, which is faster and deterministic.
    ``per_article`` holds stored per-report work (:func:`article_claims_from_json`); reports whose stored
    version matches are not parsed again.
    """
    analyses = analyses or {}
    ordered = sorted(articles, key=lambda a: (_published(a), a.id))
    by_id = {a.id: a for a in ordered}
    prev_map: dict[str, ArticleClaims] = {}
    if previous is not None:
        prev_map = dict(previous.extra.get("per_article", {}))
    if per_article:
        prev_map.update(per_article)
    per = {a.id: _per_article(a, analyses.get(a.id), prev_map, nlp) for a in ordered}
    claims = [c for a in ordered for c in per[a.id].claims]
    names = {eid: name for p in per.values() for eid, name in p.entity_names}
    story_entity, entities = story_entities(  # report entity id → story entity id; ``names`` updated in place
        {aid: p.entities for aid, p in per.items()}, [st for p in per.values() for st in p.statements], names)
    facts = align_claims(claims, by_id, story_id=story.id, embedder=embedder, entity_names=names)
    conflicts = find_conflicts(facts, articles=by_id)
    conflicts += attribution_conflicts({aid: p.statements for aid, p in per.items()}, by_id)
    disputes = gather_disputes(facts, conflicts)
    timeline = build_timeline(facts, by_id)
    summary = summarize(
        ordered,
        {aid: p.sentences for aid, p in per.items()},
        facts,
        conflicts,
        embedder=embedder,
        max_sentences=max_summary_sentences,
        disputes=disputes,
    )
    statements = tuple(
        s for a in ordered for s in per[a.id].statements
        if in_who_said_what(s, a.text[s.content.start : s.content.end])
    )
    fact_sources = [group_sources(f.claims, by_id, entity_names=names) for f in facts]
    return Dossier(
        story=story,
        summary=summary,
        timeline=timeline,
        statements=statements,
        facts=tuple(facts),
        conflicts=tuple(conflicts),
        disputes=tuple(disputes),
        articles=tuple(ordered),
        schema_version="1",
        extra={
            "per_article": per,
            "fact_sources": fact_sources,
            "entity_names": names,
            "story_entities": story_entity,
            "entities": entities,
            "publication_times": publication_times(ordered),
        },
    )


# ------------------------------------------------------------------------------------------------ JSON


def _span(sp: Span | None, texts: Mapping[str, str] | None = None) -> dict | None:
    if sp is None:
        return None
    out: dict[str, Any] = {"article_id": sp.article_id, "start": sp.start, "end": sp.end}
    if texts is not None and sp.article_id in texts:
        out["text"] = texts[sp.article_id][sp.start : sp.end]
    return out


def _dt(d: datetime | None) -> str | None:
    return d.isoformat() if d is not None else None


def _statement(s: Statement, texts, names: Mapping[str, str] | None = None,
               story_entity: Mapping[str, str] | None = None) -> dict:
    return {
        "speaker": s.speaker_text,
        "speaker_span": _span(s.speaker, texts),
        "speaker_entity": s.speaker_entity,
        "story_entity": (story_entity or {}).get(s.speaker_entity or ""),
        "speaker_name": speaker_name(s, names) or None,
        "anonymous": s.anonymous,
        "cue": _span(s.cue, texts),
        "cue_verb": s.cue_verb,
        "content": _span(s.content, texts),
        "direct": s.direct,
        "channel": s.channel,
        "relays": list(s.relays),
    }


def _claim(c: Claim, texts, by_id: Mapping[str, Article]) -> dict:
    art = by_id.get(c.evidence.article_id)
    return {
        "id": c.id,
        "article_id": c.evidence.article_id,
        "outlet": outlet_label(art) if art else None,
        "published": _dt(art.published.value) if art else None,
        "evidence": _span(c.evidence, texts),
        "subject": c.subject,
        "predicate": c.predicate,
        "arguments": [[r, v] for r, v in c.arguments],
        "polarity": c.polarity,
        "hedge": c.hedge,
        "certainty": c.certainty,
        "statement": _statement(c.statement, texts) if c.statement is not None else None,
    }


def _timeline(e: TimelineEntry, texts) -> dict:
    return {
        "label": e.label,
        "earliest": _dt(e.earliest),
        "latest": _dt(e.latest),
        "value": e.value,
        "background": e.background,
        "minor": e.minor,
        "alternative_datings": list(e.alternative_datings),
        "evidence": [_span(s, texts) for s in e.evidence],
    }


def _conflict(c: Conflict, texts, by_id) -> dict:
    return {
        "kind": c.kind,
        "verdict": c.verdict,
        "reason": c.reason,
        "sides": [_claim(c.side_a, texts, by_id), _claim(c.side_b, texts, by_id)],
    }


def _dispute(d: Dispute, texts, by_id) -> dict:
    return {
        "fact": d.fact,
        "kind": d.kind,
        "positions": [{"value": p.value, "claims": [_claim(c, texts, by_id) for c in p.claims]} for p in d.positions],
        "pairs": [{"a": a, "b": b, "reason": reason} for a, b, reason in d.pairs],
    }


def _fact(f: Fact, groups, texts, by_id, disputed: frozenset[str] = frozenset()) -> dict:
    return {
        "label": f.label,
        "disputed": any(c.id in disputed for c in f.claims),
        "supporting_articles": list(f.supporting_articles),
        "independent_sources": f.independent_sources,
        "originator": f.originator,
        "earliest_article": f.earliest_article,
        "sources": [
            {
                "origin": g.origin.label,
                "kind": g.origin.kind,
                "originator_article": g.originator_article,
                "relaying_articles": list(g.relaying_articles),
                "via": list(g.via),
            }
            for g in groups
        ],
        "claims": [_claim(c, texts, by_id) for c in f.claims],
    }


def dossier_to_json(d: Dossier) -> dict:
    """The dossier as JSON-ready data (schema ``newsweave.dossier/1``); every item carries article offsets."""
    texts = {a.id: a.text for a in d.articles}
    by_id = {a.id: a for a in d.articles}
    groups = d.extra.get("fact_sources") or [group_sources(f.claims, by_id) for f in d.facts]
    disputed = frozenset(c.id for x in d.disputes for p in x.positions for c in p.claims)
    statements = [_statement(s, texts, d.extra.get("entity_names") or {}, d.extra.get("story_entities") or {})
                  for s in d.statements]
    mark_repeats(statements)
    return {
        "schema": SCHEMA,
        "story": {
            "id": d.story.id,
            "title": d.story.title,
            "first_seen": _dt(d.story.first_seen),
            "last_seen": _dt(d.story.last_seen),
            "merged_into": d.story.merged_into,
        },
        "articles": [
            {
                "id": a.id,
                "title": a.title,
                "headline": headline(a.title, a.text),
                "url": a.url,
                "outlet": a.outlet,
                "outlet_name": a.outlet_name,
                "published": _dt(a.published.value),
                "published_precision": a.published.precision,
                "published_origin": a.published.origin,
                "copy_of": a.copy_of,
                "length": len(a.text),
            }
            for a in d.articles
        ],
        "publication_times": d.extra.get("publication_times") or publication_times(d.articles),
        "summary": [{"text": text, "citations": [_span(sp) for sp in spans]} for text, spans in d.summary],
        "timeline": [_timeline(e, texts) for e in d.timeline],
        "entities": d.extra.get("entities") or [],
        "statements": statements,
        "facts": [_fact(f, g, texts, by_id, disputed) for f, g in zip(d.facts, groups, strict=False)],
        "conflicts": [_conflict(c, texts, by_id) for c in d.conflicts],
        "disputes": [_dispute(x, texts, by_id) for x in d.disputes],
    }


# ------------------------------------------------------------------------------- per-report cache (store)


def _span_json(sp: Span | None) -> list[Any] | None:
    return None if sp is None else [sp.article_id, sp.start, sp.end]


def _span_from(v) -> Span | None:
    return None if v is None else Span(v[0], int(v[1]), int(v[2]))


def _statement_json(s: Statement) -> dict:
    return {
        "content": _span_json(s.content),
        "cue": _span_json(s.cue),
        "cue_verb": s.cue_verb,
        "speaker": _span_json(s.speaker),
        "speaker_text": s.speaker_text,
        "speaker_entity": s.speaker_entity,
        "anonymous": s.anonymous,
        "direct": s.direct,
        "channel": s.channel,
        "relays": list(s.relays),
    }


def _statement_from(d: dict) -> Statement:
    return Statement(
        content=_span_from(d["content"]),
        cue=_span_from(d["cue"]),
        cue_verb=d["cue_verb"],
        speaker=_span_from(d["speaker"]),
        speaker_text=d["speaker_text"],
        speaker_entity=d["speaker_entity"],
        anonymous=d["anonymous"],
        direct=d["direct"],
        channel=d["channel"],
        relays=tuple(d["relays"]),
    )


def article_claims_to_json(ac: ArticleClaims) -> dict:
    """The per-report reconcile work as JSON, for a store to keep between runs (see ``previous``)."""
    return {
        "article_id": ac.article_id,
        "version": ac.version,
        "claims": [
            {
                "id": c.id,
                "evidence": _span_json(c.evidence),
                "subject": c.subject,
                "predicate": c.predicate,
                "arguments": [list(a) for a in c.arguments],
                "polarity": c.polarity,
                "hedge": c.hedge,
                "certainty": c.certainty,
                "statement": _statement_json(c.statement) if c.statement is not None else None,
            }
            for c in ac.claims
        ],
        "sentences": [_span_json(s) for s in ac.sentences],
        "statements": [_statement_json(s) for s in ac.statements],
        "entity_names": [list(x) for x in ac.entity_names],
        "entities": [[e.id, e.name, e.label, list(e.aliases)] for e in ac.entities],
    }


def article_claims_from_json(d: dict) -> ArticleClaims:
    claims = tuple(
        Claim(
            id=c["id"],
            evidence=_span_from(c["evidence"]),
            subject=c["subject"],
            predicate=c["predicate"],
            arguments=tuple((r, v) for r, v in c["arguments"]),
            polarity=c["polarity"],
            hedge=c["hedge"],
            certainty=c["certainty"],
            statement=_statement_from(c["statement"]) if c["statement"] else None,
        )
        for c in d["claims"]
    )
    return ArticleClaims(
        article_id=d["article_id"],
        version=d["version"],
        claims=claims,
        sentences=tuple(_span_from(s) for s in d["sentences"]),
        statements=tuple(_statement_from(s) for s in d["statements"]),
        entity_names=tuple((a, b) for a, b in d.get("entity_names", ())),
        entities=tuple(Entity(i, n, lab, tuple(al)) for i, n, lab, al in d.get("entities", ())),
    )
