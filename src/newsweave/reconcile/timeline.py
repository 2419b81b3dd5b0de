"""The story timeline: events ordered by their resolved time intervals, not by when reports appeared.

Each aligned fact whose claims carry a resolved time becomes an entry. When reports date the same event
differently, the entry keeps every dating (``alternative_datings``) and its interval is the union of the
mutually compatible finest datings (so "Saturday night" and "early Sunday" give the night across midnight).
Events that end well before the story's main event are marked ``background``. Publication times of the
reports are a separate list (:func:`publication_times`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from ..ingest.datelines import headline
from ..model import Article, Fact, Span, TimelineEntry
from .align import time_gap
from .claims import claim_arg, claim_args, claim_times
from .lexicons import CROWD_PREDICATES, PREDICATE_CLASSES
from .sources import outlet_label

__all__ = ["BACKGROUND_GAP", "build_timeline", "publication_times"]

BACKGROUND_GAP = timedelta(days=2)
_FAR = datetime(9999, 1, 1, tzinfo=UTC)
_FINE = ("part-of-day", "hour", "minute", "second", "time")
_GRAIN_ORDER = {
    "second": 0,
    "minute": 1,
    "hour": 2,
    "part-of-day": 3,
    "time": 3,
    "day": 4,
    "week": 5,
    "month": 6,
    "quarter": 7,
    "season": 7,
    "year": 8,
}


def _grain(t: dict) -> int:
    g = (t.get("granularity") or "").lower()
    if g in _GRAIN_ORDER:
        return _GRAIN_ORDER[g]
    span = t["latest"] - t["earliest"]
    if span <= timedelta(hours=13):
        return 3
    if span <= timedelta(days=1, hours=1):
        return 4
    if span <= timedelta(days=32):
        return 6
    return 8


def _event_times(fact: Fact) -> list[tuple[dict, str]]:
    out = []
    for c in fact.claims:
        for t in claim_times(c):
            value = t["value"] or ""
            if t["earliest"] is None or t["latest"] is None or value.startswith(("P", "PT")):
                continue
            out.append((t, c.evidence.article_id))
    return out


def build_timeline(facts: Sequence[Fact], articles: Mapping[str, Article]) -> tuple[TimelineEntry, ...]:
    entries: list[tuple[TimelineEntry, int]] = []
    kinds: dict[int, tuple[str | None, frozenset[str]]] = {}  # id(entry) → (event class, places)
    for fact in facts:
        times = _event_times(fact)
        if not times:
            continue
        times.sort(key=lambda x: (_grain(x[0]), x[0]["earliest"]))
        finest = times[0][0]
        compatible = [t for t, _ in times if _compatible(finest, t)]
        fine = [t for t in compatible if _grain(t) <= 3]
        if fine:
            earliest = min(t["earliest"] for t in fine)
            latest = max(t["latest"] for t in fine)
        else:
            earliest = max(t["earliest"] for t in compatible)
            latest = min(t["latest"] for t in compatible)
            if latest < earliest:
                earliest, latest = finest["earliest"], finest["latest"]
        datings: list[str] = []
        for t, aid in times:
            art = articles.get(aid)
            where = outlet_label(art) if art else aid[:8]
            label = f"{t['value']} (“{t['text'] or t['value']}”, {where})"
            if label not in datings:
                datings.append(label)
        values = {t["value"] for t, _ in times}
        evidence = _evidence(fact)
        entries.append(
            (
                TimelineEntry(
                    label=_entry_label(fact),
                    earliest=earliest,
                    latest=latest,
                    value=finest["value"],
                    evidence=evidence,
                    background=False,
                    alternative_datings=tuple(datings) if len(values) > 1 else (),
                    minor=_minor(fact),
                ),
                len(fact.supporting_articles) * 100 + len(fact.claims),
            )
        )
        kinds[id(entries[-1][0])] = _event_kind(fact)
    if not entries:
        return ()
    entries = _one_event_a_day(entries, kinds)
    main = max(entries, key=lambda e: (e[1], -(e[0].earliest.timestamp() if e[0].earliest else 0)))[0]
    out = []
    for e, _ in entries:
        bg = e.latest is not None and main.earliest is not None and e.latest < main.earliest - BACKGROUND_GAP
        out.append(replace(e, background=bg))
    out.sort(key=lambda e: (e.earliest or _FAR, e.label))
    return tuple(_merge_same(out))


_AGREEING_SHARE = 0.6
# events of which a story holds one a day: two entries of one class on the same dates are one event told twice
_ONE_A_DAY = frozenset({"attack", "earthquake", "crash", "fire_disaster", "flood"})


# kinds of event a timeline is about: the lexicon's classes and gatherings ("attend", "march", "protest")
_EVENT_CLASSES = frozenset(PREDICATE_CLASSES.values()) | CROWD_PREDICATES


def _minor(fact: Fact) -> bool:
    """A dated mention rather than an event of the story: told by one report, and of no kind of event the lexicon
    knows ("That just stopped the original intention of the night", "the letter read"). Listed apart (folded
    on the story page), never dropped."""
    return len(fact.supporting_articles) < 2 and not any(claim_arg(c, "class") in _EVENT_CLASSES for c in fact.claims)


def _event_kind(fact: Fact) -> tuple[str | None, frozenset[str]]:
    classes = Counter(claim_arg(c, "class") for c in fact.claims)
    cls = classes.most_common(1)[0][0] if classes else None
    places = frozenset(v.lower() for c in fact.claims for v in claim_args(c, "place"))
    return cls, places


def _one_event_a_day(entries: list[tuple[TimelineEntry, int]], kinds) -> list[tuple[TimelineEntry, int]]:
    """Entries of one event class (a quake, an attack …) with the same dates and no clashing places are one
    event the reports told in words the alignment kept apart ("An earthquake … hit southern Iran", "Dubai
    experienced a slight tremor"): one entry, labelled by the best supported, citing all."""
    merged: dict[tuple, int] = {}
    out: list[tuple[TimelineEntry, int]] = []
    for entry, weight in sorted(entries, key=lambda e: -e[1]):
        cls, places = kinds[id(entry)]
        key = (cls, entry.earliest, entry.latest)
        at = merged.get(key) if cls in _ONE_A_DAY else None
        if at is not None and (not places or not kinds[id(out[at][0])][1] or places & kinds[id(out[at][0])][1]):
            first, w = out[at]
            evidence = tuple(dict.fromkeys(first.evidence + entry.evidence))[:8]
            alts = tuple(dict.fromkeys(first.alternative_datings + entry.alternative_datings))
            out[at] = (replace(first, evidence=evidence, alternative_datings=alts, minor=first.minor and entry.minor),
                       w + weight)
            kinds[id(out[at][0])] = (cls, kinds[id(first)][1] | places)
            continue
        if cls in _ONE_A_DAY and key not in merged:
            merged[key] = len(out)
        out.append((entry, weight))
    return out


def _entry_label(fact: Fact) -> str:
    """What the timeline says happened: the fact's label, with the count most of its dated claims give ("10
    people killed")."""
    label = fact.label
    timed = [c for c in fact.claims if claim_times(c)] or list(fact.claims)
    counts = [(claim_arg(c, "count_low"), claim_arg(c, "count_high"), claim_arg(c, "count")) for c in timed
              if claim_arg(c, "count") and claim_arg(c, "count_kind") == "exact"]
    if counts and len(counts) >= _AGREEING_SHARE * len(timed):
        top = Counter((lo, hi) for lo, hi, _ in counts).most_common(1)[0]
        shown = next(words for lo, hi, words in counts if (lo, hi) == top[0])
        if top[1] >= _AGREEING_SHARE * len(counts) and shown.lower() not in label.lower():
            return f"{shown} {label}"
    return label  # (a bare noun, "quake", is already the start of its sentence: ``align.fact_label``)


def _merge_same(entries: list[TimelineEntry]) -> list[TimelineEntry]:
    """Entries with the same interval and the same label or the same sentences are one entry."""
    out: list[TimelineEntry] = []
    for e in entries:
        prev = out[-1] if out else None
        same_time = prev is not None and prev.earliest == e.earliest and prev.latest == e.latest
        told_again = prev is not None and _label_continues(prev.label, e.label) and (
            set(prev.evidence) <= set(e.evidence) or set(e.evidence) <= set(prev.evidence))
        if (
            prev is not None
            and same_time
            and (prev.label == e.label or set(prev.evidence) == set(e.evidence) or told_again)
        ):
            # one event read twice from the same sentences ("launched air strikes" / "strikes"): keep the
            # fuller label — but a label that only runs on into the rest of its sentence ("The actress spent
            # time at the Betty Ford Center in 2010; however, …") gives way to the one it continues
            label = min((prev.label, e.label), key=len) if told_again else max((prev.label, e.label), key=len)
            ev = tuple(dict.fromkeys(prev.evidence + e.evidence))
            alts = tuple(dict.fromkeys(prev.alternative_datings + e.alternative_datings))
            out[-1] = replace(prev, label=label, evidence=ev, alternative_datings=alts, minor=prev.minor and e.minor)
        else:
            out.append(e)
    return out


def _label_continues(shorter: str, longer: str) -> bool:
    """Whether ``longer`` is ``shorter`` running on ("… Center" / "… Center in 2010; however, …")."""
    shorter, longer = sorted((shorter, longer), key=len)
    return len(shorter.split()) >= 3 and longer.startswith(shorter) and longer != shorter


def _compatible(a: dict, b: dict) -> bool:
    gap = time_gap(a, b)
    if gap is None:
        return False
    fine = _grain(a) <= 3 or _grain(b) <= 3
    return gap <= (timedelta(hours=6) if fine else timedelta(0))


def _evidence(fact: Fact) -> tuple[Span, ...]:
    spans: list[Span] = []
    timed = [c for c in fact.claims if claim_times(c)]
    for c in timed + [c for c in fact.claims if c not in timed]:
        if c.evidence not in spans:
            spans.append(c.evidence)
    return tuple(spans[:8])


def publication_times(articles: Sequence[Article]) -> list[dict]:
    """When each report appeared (separate from the event timeline), earliest first; unknown dates last."""
    rows = []
    for a in articles:
        rows.append(
            {
                "article_id": a.id,
                "outlet": outlet_label(a),
                "title": a.title,
                "headline": headline(a.title, a.text),
                "published": a.published.value.isoformat() if a.published.value else None,
                "precision": a.published.precision,
                "origin": a.published.origin,
            }
        )
    rows.sort(key=lambda r: (r["published"] is None, r["published"] or "", r["article_id"]))
    return rows
