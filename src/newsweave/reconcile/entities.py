"""The story's people, places and organisations: the entities of its reports merged (``analyze.canonical``),
for the dossier — one speaker across reports in who said what, and the list of who and where.

A speaker a report named without an entity ("Mr Alishbandi", where the named-entity tagger missed the name) joins
the one person of the story that name fits (``analyze.names.same_person_name``), or the one story entity of that
name or alias ("TMZ", "TMZ.com" — a website's domain is dropped). Names without a capital letter
("gulf") and time zones ("GMT", which the tagger takes for an organisation) are not listed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from ..analyze.canonical import merge_story_entities
from ..analyze.names import normalize_name, same_person_name
from ..model import Entity, Statement

__all__ = ["story_entities"]

_DOMAIN = re.compile(r"\s*\.\s*(?:com|org|net|co\.uk)$", re.IGNORECASE)

_TIME_ZONES = frozenset({"GMT", "UTC", "ET", "EST", "EDT", "CT", "CST", "CDT", "PT", "PST", "PDT", "BST", "CET",
                         "CEST", "IST", "JST"})


def story_entities(
    per_article: Mapping[str, Sequence[Entity]], statements: Iterable[Statement], names: dict[str, str]
) -> tuple[dict[str, str], list[dict]]:
    """Merge the reports' entities (``per_article``) into the story's: every report entity id → its story entity
    id, with ``names`` (report entity id → name) set to the story entity's name in place, so that "Heydar
    Alishvandi" and "Heidar Alishbandi" in two reports are one speaker with one name; and the story's entities
    for the dossier (those most reports name first)."""
    report_entities = {aid: ([], list(ents)) for aid, ents in per_article.items() if ents}
    if not report_entities:
        return {}, []
    mapping, merged = merge_story_entities(report_entities)
    story_names = {e.id: e.name for e in merged}
    for eid, sid in mapping.items():
        if sid in story_names:
            names[eid] = story_names[sid]
    out = dict(mapping)
    # a speaker the report named without an entity ("Mr Alishbandi"): the one story person that name fits, or the
    # one story entity of that very name or alias ("TMZ", "TMZ.com")
    persons = [e for e in merged if e.label == "PERSON" and len(e.name.split()) >= 2]
    by_name: dict[str, set[str]] = {}
    for e in merged:
        for form in (e.name, *e.aliases):
            by_name.setdefault(_plain(form), set()).add(e.id)
    for st in statements:
        written = st.speaker_entity or ""
        if not written or written in out or written in names:
            continue
        fits = {e.id for e in persons if same_person_name(written, e.name)} or by_name.get(_plain(written), set())
        if len(fits) == 1:
            out[written] = next(iter(fits))
            names[written] = story_names[out[written]]
    reports: dict[str, list[str]] = {}
    for aid, (_, ents) in report_entities.items():
        for e in ents:
            sid = mapping.get(e.id)
            if sid is not None and aid not in reports.setdefault(sid, []):
                reports[sid].append(aid)
    listed = [{"id": e.id, "name": e.name, "label": e.label, "aliases": list(e.aliases),
               "articles": reports.get(e.id, [])} for e in merged
              if any(ch.isupper() for ch in e.name) and e.name not in _TIME_ZONES]  # not "gulf", "GMT"
    listed.sort(key=lambda e: -len(e["articles"]))  # (stable: first appearance among equals)
    return out, listed


def _plain(name: str) -> str:
    """A name to compare speakers by: normalised, a website's domain dropped ("TMZ. com" → "tmz")."""
    return normalize_name(_DOMAIN.sub("", name.strip()))
