"""Flattening an analysis record (docs/analysis-schema.md) into the rows of the analysis tables."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

__all__ = ["AnalysisRows", "analysis_rows"]


@dataclass
class AnalysisRows:
    sentences: list[tuple] = field(default_factory=list)
    entities: list[tuple] = field(default_factory=list)
    mentions: list[tuple] = field(default_factory=list)
    timexes: list[tuple] = field(default_factory=list)
    statements: list[tuple] = field(default_factory=list)


def _span(obj: Any) -> tuple[int | None, int | None]:
    if not obj:
        return None, None
    return obj.get("start"), obj.get("end")


def analysis_rows(article_id: str, record: dict[str, Any]) -> AnalysisRows:
    rows = AnalysisRows()
    for i, s in enumerate(record.get("sentences", [])):
        rows.sentences.append((article_id, i, s["start"], s["end"]))
    for e in record.get("canonical_entities", []):
        rows.entities.append((e["id"], e["name"], e.get("label", ""), "|".join(e.get("aliases", []))))
    known = {e[0] for e in rows.entities}
    for m in record.get("entities", []):
        entity_id = m.get("entity_id")
        if entity_id and entity_id not in known:
            rows.entities.append((entity_id, m.get("canonical") or m["text"], m.get("label", ""), ""))
            known.add(entity_id)
        rows.mentions.append((article_id, m["start"], m["end"], m["text"], m.get("label", ""), entity_id))
    for t in record.get("timexes", []):
        interval = t.get("interval") or [None, None]
        rows.timexes.append(
            (article_id, t["start"], t["end"], t["text"], t["type"], t["value"], t.get("mod"),
             interval[0], interval[1], t.get("granularity"), t.get("anchor"))
        )
    for i, st in enumerate(record.get("statements", [])):
        content = _span(st.get("content"))
        cue = _span(st.get("cue"))
        speaker = _span(st.get("speaker"))
        rows.statements.append(
            (article_id, i, content[0], content[1], cue[0], cue[1], (st.get("cue") or {}).get("verb"),
             speaker[0], speaker[1], (st.get("speaker") or {}).get("text"), st.get("speaker_entity"),
             int(bool(st.get("anonymous"))), int(bool(st.get("direct"))), st.get("channel") or "unknown",
             json.dumps(st.get("relays") or []))
        )
    return rows
