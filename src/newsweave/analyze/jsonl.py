"""The ``newsweave analyze --jsonl`` record: one JSON object per report (schema ``newsweave.analysis/1``).

See ``docs/analysis-schema.md`` for the documented schema. Offsets index the report text exactly as it was
given. :func:`analysis_to_record` writes a record, :func:`analysis_from_record` reads one back (the text
of each span is carried in the record, so a reader does not need the report text).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ..errors import InputError
from ..model import Article, Entity, Mention, Sentence, Span, Statement, TimeExpression
from .names import speaker_name
from .pipeline import ANALYSIS_VERSION, Analysis

__all__ = ["SCHEMA", "analysis_from_record", "analysis_to_record", "from_record", "statement_record", "to_record"]

SCHEMA = "newsweave.analysis/1"


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _parse_dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _span(span: Span | None, text: str) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "text": text[span.start : span.end]}


def analysis_to_record(analysis: Analysis, article: Article) -> dict[str, Any]:
    """The JSON-ready record of one analysed report (``article`` supplies the text and metadata)."""
    if article.id != analysis.article_id:
        raise ValueError(f"analysis of {analysis.article_id} does not belong to article {article.id}")
    text = article.text
    names = {e.id: e.name for e in analysis.entities}
    return {
        "schema": SCHEMA,
        "id": article.id,
        "source": article.source,
        "external_id": article.external_id,
        "title": article.title,
        "outlet": article.outlet_name or article.outlet,
        "published": _iso(article.published.value),
        "analysis_version": analysis.version,
        "text_length": analysis.text_length,
        "text_sha256": analysis.text_sha256,
        "sentences": [{"start": s.span.start, "end": s.span.end} for s in analysis.sentences],
        "entities": [
            {
                "start": m.span.start,
                "end": m.span.end,
                "text": m.text,
                "label": m.label,
                "canonical": names.get(m.entity_id) if m.entity_id else None,
                "entity_id": m.entity_id,
            }
            for m in analysis.mentions
        ],
        "canonical_entities": [
            {"id": e.id, "name": e.name, "label": e.label, "aliases": list(e.aliases)}
            for e in analysis.entities
        ],
        "timexes": [
            {
                "start": t.span.start,
                "end": t.span.end,
                "text": t.text,
                "type": t.type,
                "value": t.value,
                "mod": t.mod,
                "interval": [_iso(t.earliest), _iso(t.latest)],
                "granularity": t.granularity,
                "anchor": t.anchor,
            }
            for t in analysis.timexes
        ],
        "statements": [statement_record(s, text, names=names) for s in analysis.statements],
    }


def statement_record(s: Statement, text: str, *, names: dict[str, str] | None = None) -> dict[str, Any]:
    """One statement as `newsweave analyze --jsonl` writes it (spans with their text; ``text`` is the report's).

    ``names`` (entity id → canonical name) gives ``speaker_name``: the name of the speaker's canonical entity
    (a pronoun resolved), else the name the extractor gave, else the words used."""
    speaker = _span(s.speaker, text)
    cue = _span(s.cue, text)
    if cue is not None:
        cue["verb"] = s.cue_verb
    return {
        "speaker": speaker,
        "speaker_entity": s.speaker_entity,
        "speaker_name": speaker_name(s, names) or None,
        "anonymous": s.anonymous,
        "cue": cue,
        "content": _span(s.content, text),
        "direct": s.direct,
        "channel": s.channel,
        "relays": list(s.relays),
    }


def _require(record: dict[str, Any], key: str) -> Any:
    if key not in record:
        raise InputError(f"analysis record has no {key!r} field; is it a {SCHEMA} line?", reason="malformed")
    return record[key]


def analysis_from_record(record: dict[str, Any]) -> Analysis:
    """Rebuild the :class:`Analysis` of a record written by :func:`analysis_to_record`."""
    schema = record.get("schema")
    if schema != SCHEMA:
        raise InputError(
            f"unsupported analysis schema {schema!r}: this newsweave reads {SCHEMA!r}; "
            "re-run newsweave analyze",
            reason="malformed",
        )
    aid = _require(record, "id")
    sentences = tuple(
        Sentence(Span(aid, s["start"], s["end"]), i) for i, s in enumerate(_require(record, "sentences"))
    )
    mentions = tuple(
        Mention(Span(aid, m["start"], m["end"]), m["text"], m["label"], m.get("entity_id"))
        for m in _require(record, "entities")
    )
    entities = tuple(
        Entity(e["id"], e["name"], e["label"], tuple(e.get("aliases", ())))
        for e in record.get("canonical_entities", ())
    )
    timexes = tuple(
        TimeExpression(
            span=Span(aid, t["start"], t["end"]),
            text=t["text"],
            type=t["type"],
            value=t["value"],
            mod=t.get("mod"),
            earliest=_parse_dt((t.get("interval") or [None, None])[0]),
            latest=_parse_dt((t.get("interval") or [None, None])[1]),
            granularity=t.get("granularity"),
            anchor=t.get("anchor", "none"),
        )
        for t in _require(record, "timexes")
    )
    statements = tuple(_statement_from(aid, s) for s in _require(record, "statements"))
    return Analysis(
        article_id=aid,
        text_length=record.get("text_length", 0),
        text_sha256=record.get("text_sha256", ""),
        sentences=sentences,
        mentions=mentions,
        entities=entities,
        timexes=timexes,
        statements=statements,
        version=record.get("analysis_version", ANALYSIS_VERSION),
    )


def _statement_from(aid: str, s: dict[str, Any]) -> Statement:
    def span(d: dict[str, Any] | None) -> Span | None:
        return Span(aid, d["start"], d["end"]) if d else None

    speaker, cue, content = s.get("speaker"), s.get("cue"), s["content"]
    return Statement(
        content=Span(aid, content["start"], content["end"]),
        cue=span(cue),
        cue_verb=cue.get("verb") if cue else None,
        speaker=span(speaker),
        speaker_text=speaker.get("text") if speaker else None,
        speaker_entity=s.get("speaker_entity"),
        anonymous=bool(s.get("anonymous", False)),
        direct=bool(s.get("direct", False)),
        channel=s.get("channel", "unknown"),
        relays=tuple(s.get("relays", ())),
    )


#: Short names.
to_record = analysis_to_record
from_record = analysis_from_record
