"""Short human-readable descriptions of claims and their reports, for reasons and renderings."""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..analyze.names import speaker_name
from ..analyze.statements.cues import ORG_NOUNS, ROLE_NOUNS
from ..model import Article, Claim
from .lexicons import NUMBER_WORDS, VAGUE_QUANTITIES
from .sources import outlet_label

__all__ = ["citing", "describe_article", "describe_side", "mid_sentence", "quote"]

_POSSESSIVE = re.compile(r"\s*[’']\s*s?$")


def quote(text: str) -> str:
    return f"“{text}”"


def describe_article(article: Article | None, article_id: str = "") -> str:
    if article is None:
        return f"report {article_id[:8]}"
    when = article.published.value
    date = f" ({when.date().isoformat()})" if when is not None else ""
    return f"{outlet_label(article)}{date}"


def describe_side(claim: Claim, context: Mapping[str, Article] | None) -> str:
    aid = claim.evidence.article_id
    art = (context or {}).get(aid)
    who = describe_article(art, aid)
    st = claim.statement
    return who + citing(speaker_name(st) if st is not None else "")


_STANDS_FOR = frozenset({"he", "she", "they", "it", "i", "we", "you", "who", "that", "which"})


def citing(name: str | None) -> str:
    """", citing officials" for a speaker known by name (the name "who" or "he" stands for, when it is known);
    "" for a bare pronoun or no speaker."""
    name = (name or "").strip()
    return f", citing {mid_sentence(name)}" if name and name.lower() not in _STANDS_FOR else ""


def mid_sentence(name: str) -> str:
    """A speaker as written at a sentence start, for use inside one: "A source" → "a source" (names keep
    their capitals: "The New York Times" stays)."""
    name = _POSSESSIVE.sub("", name)  # "Police Commissioner Raymond Kelly’s [assertion]"
    first, _, rest = name.partition(" ")
    if first in ("A", "An") or (first == "The" and rest[:1].islower()):
        return first.lower() + (" " + rest if rest else "")
    if first.lower() in ROLE_NOUNS | ORG_NOUNS and not any(w[:1].isupper() for w in rest.split()):
        return name[:1].lower() + name[1:]  # "Police said" → "citing police"
    if first.lower() in NUMBER_WORDS or first.lower() in VAGUE_QUANTITIES or first in ("Some", "Several", "Many"):
        return name[:1].lower() + name[1:]  # "Two Iraqi officials said" → "citing two Iraqi officials"
    return name
