"""Short human-readable descriptions of claims and their reports, for reasons and renderings."""

from __future__ import annotations

from collections.abc import Mapping

from ..model import Article, Claim
from .sources import outlet_label

__all__ = ["describe_article", "describe_side", "quote"]


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
    if (
        st is not None
        and st.speaker_text
        and st.speaker_text.lower() not in ("he", "she", "they", "it", "i", "we")
    ):
        who += f", citing {st.speaker_text}"
    return who
