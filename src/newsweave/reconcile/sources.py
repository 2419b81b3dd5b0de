"""Independence of sources: copies, relays of the same wire and the same statement count once.

Each supporting claim gets an *origin*: the speaker of the statement it was taken from (everyone quoting the
same person's statement repeats one source), else the wire agency or outlet the report credits for it
("according to Al Arabiya", "reported by The Associated Press"), else the report itself — where copies
(``Article.copy_of``) and reports of the same outlet share one origin. Independent sources = distinct origins.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from ..analyze.names import speaker_name
from ..model import Article, Claim
from .lexicons import normalise_key

__all__ = [
    "Origin",
    "SourceGroup",
    "copy_root",
    "credited_wires",
    "group_sources",
    "origin_of",
    "outlet_label",
    "speaker_name",
]

WIRE_NAMES = {
    "reuters": "Reuters",
    "associated press": "The Associated Press",
    "ap": "The Associated Press",
    "afp": "AFP",
    "agence france presse": "AFP",
    "agence france-presse": "AFP",
    "dpa": "dpa",
    "xinhua": "Xinhua",
    "tass": "TASS",
    "ani": "ANI",
    "pti": "PTI",
    "ians": "IANS",
    "efe": "EFE",
    "ansa": "ANSA",
    "kyodo": "Kyodo",
    "yonhap": "Yonhap",
    "upi": "UPI",
    "bloomberg": "Bloomberg",
    "interfax": "Interfax",
    "anadolu": "Anadolu",
    "sputnik": "Sputnik",
    "ria novosti": "RIA Novosti",
}
_WIRE_RE = re.compile(
    r"\b(" + "|".join(sorted((re.escape(k) for k in WIRE_NAMES), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_CREDIT_CUES = re.compile(
    r"\b(reported|reports|reporting|according to|quoted by|inputs? from|told|said|says|"
    r"cited by|via|news agency|wire)\b|[—–]",
    re.IGNORECASE,
)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_VAGUE_SPEAKERS = {"it", "they", "the report", "report", "sources", "officials", "the drone"}


@dataclass(frozen=True, slots=True)
class Origin:
    key: str  # "statement:smith", "wire:reuters", "outlet:bbc", "article:<id>"
    kind: str  # statement, wire, outlet, article
    label: str  # human-readable: "Jane Smith (statement)", "Reuters (wire)"


@dataclass(frozen=True, slots=True)
class SourceGroup:
    """Reports that count as one source: who originated it and which reports only relayed it."""

    origin: Origin
    originator_article: str
    relaying_articles: tuple[str, ...]
    via: tuple[str, ...] = ()  # outlets named as relays ("quoted by Reuters")


def copy_root(article_id: str, articles: Mapping[str, Article]) -> str:
    seen = set()
    cur = article_id
    while cur in articles and articles[cur].copy_of and cur not in seen:
        seen.add(cur)
        nxt = articles[cur].copy_of
        if nxt not in articles:
            return nxt
        cur = nxt
    return cur


def outlet_label(article: Article) -> str:
    return article.outlet_name or article.outlet or f"report {article.id[:8]}"


def credited_wires(text: str) -> tuple[str, ...]:
    """Wire agencies a report credits ("(With inputs from Reuters)", "— AP", "AFP reported")."""
    found: list[str] = []
    for w in _WIRE_RE.finditer(text):
        if not w.group(1)[0].isupper():
            continue
        window = text[max(0, w.start() - 40) : w.end() + 25]
        name = WIRE_NAMES[w.group(1).lower()]
        if _CREDIT_CUES.search(window) and name not in found:
            found.append(name)
    return tuple(found)


def origin_of(
    claim: Claim,
    article: Article,
    articles: Mapping[str, Article],
    entity_names: Mapping[str, str] | None = None,
) -> Origin:
    st = claim.statement
    named = (
        st is not None
        and (st.speaker_text or "").split()[-1:] != []
        and (st.speaker_text or "").split()[-1][:1].isupper()
    )
    if (
        st is not None
        and (st.speaker_entity or st.speaker_text)
        and not st.anonymous
        and named
        and (st.speaker_text or "").lower() not in _VAGUE_SPEAKERS
    ):
        name = speaker_name(st, entity_names)
        key = normalise_key(name)
        wire = _wire_key(name)
        if wire:
            return Origin(f"wire:{wire}", "wire", f"{WIRE_NAMES.get(wire, name)} (wire)")
        if key:
            return Origin(f"statement:{key.split()[-1]}", "statement", f"{name} (statement)")
    if st is not None and st.relays:
        farthest = st.relays[-1]
        wire = _wire_key(farthest) or normalise_key(farthest)
        return Origin(f"wire:{wire}", "wire", f"{farthest} (relayed)")
    root = copy_root(article.id, articles)
    base = articles.get(root, article)
    if base.outlet or base.outlet_name:
        key = normalise_key(base.outlet or base.outlet_name or "")
        return Origin(f"outlet:{key}", "outlet", outlet_label(base))
    return Origin(f"article:{root}", "article", f"report {root[:8]}")


def _wire_key(name: str) -> str | None:
    m = _WIRE_RE.fullmatch(name.strip()) or _WIRE_RE.search(name.strip())
    if not m:
        return None
    return normalise_key(WIRE_NAMES[m.group(1).lower()])


def _published(article: Article) -> datetime:
    return article.published.value or _EPOCH


def group_sources(
    claims: Sequence[Claim], articles: Mapping[str, Article], *, entity_names: Mapping[str, str] | None = None
) -> list[SourceGroup]:
    """Group the reports behind ``claims`` by origin, earliest report first within each group."""
    by_origin: dict[str, tuple[Origin, list[str], list[str]]] = {}
    for c in claims:
        art = articles.get(c.evidence.article_id)
        if art is None:
            continue
        o = origin_of(c, art, articles, entity_names)
        entry = by_origin.setdefault(o.key, (o, [], []))
        if art.id not in entry[1]:
            entry[1].append(art.id)
        if c.statement is not None:
            for r in c.statement.relays:
                if r not in entry[2]:
                    entry[2].append(r)
    groups = []
    for o, arts, via in by_origin.values():
        arts.sort(key=lambda a: (_published(articles[a]), a))
        groups.append(SourceGroup(o, arts[0], tuple(arts[1:]), tuple(via)))
    groups.sort(key=lambda g: (_published(articles[g.originator_article]), g.origin.key))
    return groups
