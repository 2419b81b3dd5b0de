"""What the reconcile stage needs to know about one report: its parse and its per-article analysis.

The analysis (sentences, mentions, entities, time expressions, statements) comes from
``newsweave.analyze``; the dependency parse is the spaCy ``Doc`` of the article text. When an analysis is
not given it is computed with ``newsweave.analyze.pipeline.analyze_article``; when parts of the analysis
stage are not installed, sentences and mentions are taken from the spaCy doc, and time expressions and
statements are left empty (reconcile then works without dates and attributions).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from ..model import Article, Entity, Mention, Sentence, Span, Statement, TimeExpression

__all__ = ["Reading", "parse", "read_article"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Reading:
    """One article with its parse and analysis, as the reconcile stage uses them."""

    article: Article
    doc: Any  # spacy.tokens.Doc over article.text
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    entities: tuple[Entity, ...]
    timexes: tuple[TimeExpression, ...]
    statements: tuple[Statement, ...]


def _pipeline(nlp=None):
    try:
        from ..analyze.pipeline import add_paragraph_boundaries, get_pipeline
    except ImportError:
        from ..analyze.nlp import load_pipeline

        return nlp if nlp is not None else load_pipeline()
    return add_paragraph_boundaries(nlp) if nlp is not None else get_pipeline()


def parse(text: str, *, nlp=None):
    """The spaCy doc of ``text`` with the bundled pipeline (loaded once); ``doc.text == text``."""
    nlp = _pipeline(nlp)
    try:
        from ..analyze.pipeline import parse_text
    except ImportError:
        return nlp(text)
    return parse_text(nlp, text)


def _analyze_doc(article: Article, doc) -> Any | None:
    try:
        from ..analyze.pipeline import analyze_doc
    except ImportError:
        return None
    return analyze_doc(doc, article_id=article.id, dct=article.published.value)


def read_article(article: Article, analysis: Any | None = None, *, doc=None, nlp=None) -> Reading:
    """Bundle an article with its analysis and parse, computing whatever is missing (one parse at most)."""
    if doc is None:
        doc = parse(article.text, nlp=nlp)
    if analysis is None:
        analysis = _analyze_doc(article, doc)
    aid = article.id
    sentences = tuple(getattr(analysis, "sentences", None) or ()) or tuple(
        Sentence(Span(aid, s.start_char, s.end_char), i) for i, s in enumerate(doc.sents)
    )
    mentions = tuple(getattr(analysis, "mentions", None) or ()) or tuple(
        Mention(Span(aid, e.start_char, e.end_char), e.text, e.label_) for e in doc.ents
    )
    entities = tuple(getattr(analysis, "entities", None) or ())
    timexes = getattr(analysis, "timexes", None)
    if timexes is None:
        timexes = _find_timexes(article, doc)
    statements = getattr(analysis, "statements", None)
    if statements is None:
        statements = _find_statements(article, doc, mentions, entities)
    return Reading(article, doc, sentences, mentions, entities, tuple(timexes), tuple(statements))


def _find_timexes(article: Article, doc) -> tuple[TimeExpression, ...]:
    try:
        from ..analyze.timex import find_timexes
    except ImportError:
        log.debug("newsweave.analyze.timex is not available: claims carry no resolved times")
        return ()
    dct = article.published.value
    return tuple(find_timexes(article.text, article_id=article.id, dct=dct, doc=doc))


def _find_statements(article: Article, doc, mentions, entities) -> tuple[Statement, ...]:
    try:
        from ..analyze.statements import extract_statements
    except ImportError:
        log.debug("newsweave.analyze.statements is not available: claims carry no attribution")
        return ()
    return tuple(
        extract_statements(
            doc, article_id=article.id, mentions=mentions, entities={e.id: e for e in entities}
        )
    )
