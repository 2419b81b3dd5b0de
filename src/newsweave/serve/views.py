"""What the pages and the API show, read from the store: story rows, dossiers (normalised defensively) and
articles with their analysis. No HTML here — templates render these plain dicts."""

from __future__ import annotations

import logging
from collections import OrderedDict
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from ..api import Newsweave, article_record
from ..errors import InputError
from ..ingest.datelines import headline

__all__ = [
    "ORDERS",
    "article_view",
    "fallback_dossier",
    "list_stories",
    "load_dossier",
    "parse_day",
    "story_view",
]

log = logging.getLogger(__name__)

_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "his", "her", "their", "this", "that"}
ORDERS = {"newest": "last_seen", "biggest": "size", "oldest": "first_seen"}


def parse_day(value: str | date | None, *, name: str, end: bool = False) -> datetime | None:
    """A ``YYYY-MM-DD`` (or full ISO) filter value as a UTC datetime; ``end=True`` gives the next midnight."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, date):
        d = value
    else:
        text = value.strip()
        try:
            if len(text) > 10:
                dt = datetime.fromisoformat(text)
                return dt if dt.tzinfo else dt.replace(tzinfo=UTC)
            d = date.fromisoformat(text)
        except ValueError as exc:
            raise InputError(f"{name}={text[:40]!r} is not a date; write it as YYYY-MM-DD", reason="bad_date") from exc
    start = datetime.combine(d, time(0), tzinfo=UTC)
    return start + timedelta(days=1) if end else start


def list_stories(
    nw: Newsweave, *, q: str | None = None, since: datetime | None = None, until: datetime | None = None,
    outlet: str | None = None, order: str = "newest", limit: int = 50, offset: int = 0,
) -> list[dict[str, Any]]:
    if order not in ORDERS:
        raise InputError(f"order={order!r} is not known; use one of {', '.join(ORDERS)}", reason="bad_order")
    return nw.store.stories(
        limit=limit, offset=offset, order=ORDERS[order], query=(q or "").strip() or None, since=since,
        until=until, outlet=(outlet or "").strip() or None,
    )


def fallback_dossier(nw: Newsweave, story_id: str) -> dict[str, Any]:
    """The members of a story in dossier form, for when no reconciled dossier can be had."""
    story = nw.store.get_story(story_id)
    members = nw.store.story_members(story.id)
    articles = nw.store.get_articles([m.article_id for m in members])
    iso = lambda d: d.isoformat() if d else None
    return {
        "schema": "newsweave.dossier/1",
        "story": {"id": story.id, "title": story.title, "first_seen": iso(story.first_seen),
                  "last_seen": iso(story.last_seen), "merged_into": story.merged_into},
        "articles": [{
            "id": a.id, "title": a.title, "headline": headline(a.title, a.text), "url": a.url, "outlet": a.outlet, "outlet_name": a.outlet_name,
            "published": iso(a.published.value), "published_precision": a.published.precision,
            "published_origin": a.published.origin, "copy_of": a.copy_of, "length": len(a.text),
        } for a in articles],
        "summary": [], "timeline": [], "statements": [], "facts": [], "conflicts": [],
    }


def load_dossier(nw: Newsweave, story_id: str, *, tolerant: bool = False) -> tuple[dict[str, Any], str | None]:
    """The dossier JSON of a live story id and a notice (``None`` when the dossier is complete).

    Without the reconcile stage installed, the stored dossier (or the member list) is used. With
    ``tolerant=True`` (pages) a failure to build the dossier also falls back, with a notice, instead of raising.
    """
    try:
        return nw.dossier(story_id), None
    except ImportError as exc:
        log.warning("reconcile stage unavailable (%s); showing the stored dossier", exc)
        stored = nw.store.get_dossier(story_id)
        if stored is not None:
            return stored[2], None
        return fallback_dossier(nw, story_id), "this story has not been reconciled yet; only its reports are listed"
    except Exception as exc:
        if not tolerant:
            raise
        log.exception("dossier of story %s could not be built", story_id)
        return fallback_dossier(nw, story_id), (
            f"the reconciled account could not be built ({type(exc).__name__}); only the reports are listed — "
            "see the server log"
        )


# ---------------------------------------------------------------------------------------------- story


def _span(obj: Any) -> dict[str, Any] | None:
    if isinstance(obj, dict) and obj.get("article_id") and isinstance(obj.get("start"), int) \
            and isinstance(obj.get("end"), int):
        return obj
    return None


def _side(raw: Any, outlets: dict[str, dict]) -> dict[str, Any]:
    raw = raw if isinstance(raw, dict) else {}
    ev = _span(raw.get("evidence")) or _span(raw)
    aid = (ev or {}).get("article_id") or raw.get("article_id")
    art = outlets.get(aid or "", {})
    return {
        "article_id": aid,
        "report": art.get("number"),
        "outlet": art.get("short_label") or raw.get("outlet"),
        "published": raw.get("published") or art.get("published"),
        "hedge": raw.get("hedge"),
        "certainty": raw.get("certainty"),
        "text": (ev or {}).get("text") or raw.get("text") or raw.get("sentence"),
        "evidence": ev,
        "statement": raw.get("statement") if isinstance(raw.get("statement"), dict) else None,
    }


def _outlet_label(a: dict[str, Any]) -> str:
    return a.get("outlet_name") or a.get("outlet") or "unknown outlet"


_MAX_ENTITIES = 24
_ENTITY_KINDS = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place",
                 "NORP": "group"}


def story_view(nw: Newsweave, dossier: dict[str, Any]) -> dict[str, Any]:
    """The dossier arranged for the story page; tolerant of missing sections and fields."""
    articles = [dict(a) for a in dossier.get("articles") or [] if isinstance(a, dict)]
    registry: dict[str, Any] = {}
    for a in articles:
        a["outlet_label"] = _outlet_label(a)
        oid = a.get("outlet")
        if oid and oid not in registry:
            registry[oid] = nw.store.get_outlet(oid)
        o = registry.get(oid) if oid else None
        a["outlet_kind"] = getattr(o, "kind", None) if o else None
        a["outlet_country"] = getattr(o, "country", None) if o else None
        if o:
            a["outlet_label"] = a.get("outlet_name") or o.name
    by_id = {a["id"]: a for a in articles if a.get("id")}
    for n, a in enumerate(articles, start=1):
        a["number"] = n
        a["short_label"] = a["outlet_label"] if a["outlet_label"] != "unknown outlet" else f"report {n}"

    def numbered(span: dict[str, Any]) -> dict[str, Any]:
        art = by_id.get(span["article_id"], {})
        return {**span, "report": art.get("number"), "outlet": art.get("outlet_label"), "title": art.get("title"),
                "label": art.get("short_label") or "report"}

    summary = []
    for s in dossier.get("summary") or []:
        if isinstance(s, dict):
            cites = [numbered(c) for c in (_span(c) for c in s.get("citations") or []) if c]
            summary.append({"text": s.get("text") or "", "citations": cites})

    timeline = []
    for e in dossier.get("timeline") or []:
        if isinstance(e, dict):
            timeline.append({**e, "minor": bool(e.get("minor")),
                             "evidence": [numbered(c) for c in (_span(c) for c in e.get("evidence") or []) if c]})

    groups: OrderedDict[str, dict[str, Any]] = OrderedDict()
    for st in dossier.get("statements") or []:
        if not isinstance(st, dict) or st.get("repeat_of") is not None:
            continue  # a repeat is cited on the statement it repeats
        name = st.get("speaker_name") or st.get("speaker")
        if isinstance(name, dict):
            name = name.get("text")
        if not name and isinstance(st.get("speaker_span"), dict):
            name = st["speaker_span"].get("text")
        name = str(name or ("an anonymous source" if st.get("anonymous") else "unattributed"))
        key = str(st.get("story_entity") or st.get("speaker_entity") or name).lower()  # one speaker across reports
        content = _span(st.get("content"))
        art = by_id.get((content or {}).get("article_id", ""), {})
        g = groups.setdefault(key, {"names": [], "items": []})
        g["names"].append(name)
        repeats = [numbered(sp) for sp in (_span(x) for x in st.get("repeated_in") or []) if sp]
        g["items"].append({**st, "content": content, "speaker_name": name, "outlet": art.get("outlet_label"),
                           "report": art.get("number"), "repeats": repeats})
    who = []
    for g in groups.values():
        named = [n for n in g["names"] if n.lower() not in _PRONOUNS] or g["names"]
        who.append((max(named, key=lambda n: (n[:1].isupper() and not n.lower().startswith("the "), len(n))),
                    g["items"]))
    who.sort(key=lambda kv: (kv[0].lower() in _PRONOUNS, -len(kv[1]), kv[0].lower()))

    facts = []
    for f in dossier.get("facts") or []:
        if not isinstance(f, dict):
            continue
        evidence = []
        for c in f.get("claims") or []:
            ev = _span((c or {}).get("evidence")) if isinstance(c, dict) else None
            if ev:
                evidence.append({**numbered(ev), "hedge": c.get("hedge")})
        facts.append({**f, "evidence": evidence})
    facts.sort(key=lambda f: -(f.get("independent_sources") or 0))

    differences = []
    for c in dossier.get("conflicts") or []:
        if not isinstance(c, dict) or (c.get("verdict") or "contradiction") == "contradiction":
            continue
        sides = c.get("sides") if isinstance(c.get("sides"), list) else [c.get("side_a"), c.get("side_b")]
        sides = [_side(s, by_id) for s in sides[:2]]
        while len(sides) < 2:
            sides.append(_side(None, by_id))
        differences.append({"kind": c.get("kind"), "verdict": c.get("verdict"), "reason": c.get("reason"),
                            "sides": sides})
    from ..reconcile.render import dispute_reason, empty_timeline_note, raw_disputes

    contradictions = []  # disputes: each disputed fact once, with every value and the reports giving it
    for d in raw_disputes(dossier):
        if not isinstance(d, dict) or not isinstance(d.get("positions"), list):
            continue
        positions = []
        for p in d["positions"]:
            if isinstance(p, dict):
                sides = [_side(c, by_id) for c in p.get("claims") or [] if isinstance(c, dict)]
                positions.append({"value": p.get("value") or "", "sides": sides,
                                  "reports": len({s["article_id"] for s in sides})})
        contradictions.append({"fact": d.get("fact"), "kind": d.get("kind"), "reason": dispute_reason(d),
                               "positions": [p for p in positions if p["sides"]]})

    story = dossier.get("story") or {}
    return {
        "story": story,
        "articles": articles,
        "publication_times": dossier.get("publication_times") or [],
        "timeline_note": empty_timeline_note(dossier),
        "summary": summary,
        "timeline": timeline,
        "who": who,
        "entities": [{**e, "kind": _ENTITY_KINDS.get(str(e.get("label")), "")}
                     for e in dossier.get("entities") or [] if isinstance(e, dict) and e.get("name")][:_MAX_ENTITIES],
        "facts": facts,
        "contradictions": contradictions,
        "differences": differences,
        "outlets": sorted({a["outlet_label"] for a in articles if a["outlet_label"] != "unknown outlet"}),
    }


# -------------------------------------------------------------------------------------------- article


def article_view(nw: Newsweave, article_id: str) -> dict[str, Any]:
    """An article with its analysis, story, near-duplicates and versions (JSON-ready)."""
    article = nw.store.get_article(article_id)
    meta = nw.store.article_meta(article.id)
    outlet = nw.store.get_outlet(article.outlet) if article.outlet else None
    return {
        "article": article_record(article),
        "outlet": {"id": outlet.id, "name": outlet.name, "kind": outlet.kind, "country": outlet.country,
                   "domains": list(outlet.domains)} if outlet else None,
        "story_id": nw.store.story_of(article.id),
        "copies": meta.get("copies", []),
        "previous_version": meta.get("previous_version"),
        "next_versions": meta.get("next_versions", []),
        "analysis": nw.store.get_analysis(article.id),
    }
