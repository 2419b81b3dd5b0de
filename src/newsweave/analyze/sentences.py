"""Sentences of a report, with exact character offsets into the text as stored.

spaCy's parser finds sentence boundaries well inside running prose but knows nothing about the layout of a
news report: paragraphs separated by blank lines, headlines and cross-heads without final punctuation,
datelines and captions on lines of their own. Two things fix that:

* :func:`add_paragraph_boundaries` adds a small pipeline component (before the parser) that starts a new
  sentence after every line break, so the parse itself never crosses a paragraph or a headline;
* :func:`split_sentences` post-processes ``doc.sents`` the same way (so it is also right for docs parsed
  without the component), re-attaches fragments the parser cut off (a closing quote, a lower-case
  continuation such as ``"…?" he asked``, a split after a title abbreviation such as ``Gen.``), and trims
  whitespace from the spans without touching the text.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..model import Sentence, Span

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["PARAGRAPH_COMPONENT", "add_paragraph_boundaries", "paragraph_spans", "split_sentences"]

log = logging.getLogger(__name__)

PARAGRAPH_COMPONENT = "newsweave_paragraphs"

# Abbreviations that precede a name and (almost) never end a sentence. "U.S." and "Inc." are not here: they
# often do end one.
_TITLE_ABBREVIATIONS = frozenset(
    [
        "mr.",
        "mrs.",
        "ms.",
        "dr.",
        "prof.",
        "gen.",
        "lt.",
        "col.",
        "maj.",
        "capt.",
        "cmdr.",
        "adm.",
        "sgt.",
        "cpl.",
        "pvt.",
        "sen.",
        "rep.",
        "gov.",
        "pres.",
        "rev.",
        "fr.",
        "sr.",
        "st.",
        "hon.",
        "amb.",
        "supt.",
        "insp.",
        "det.",
        "no.",
        "vs.",
        "v.",
        "messrs.",
        "mme.",
        "mlle.",
        "brig.",
        "gov't.",
    ]
)
_CONTINUATION_START = re.compile(r"[,;:)\]}%’”»]|[a-z]")
_LINE_BREAK = re.compile(r"\n")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")


def _paragraph_boundaries(doc: Doc) -> Doc:
    """Pipeline component: a token that follows a line break starts a sentence; nothing else is decided."""
    after_break = False
    for token in doc:
        if token.is_space and "\n" in token.text:
            after_break = True
            continue
        if after_break and token.i > 0:
            token.is_sent_start = True
        after_break = "\n" in token.whitespace_
    return doc


def add_paragraph_boundaries(nlp: Language) -> Language:
    """Add the line-break sentence-boundary component before the parser (idempotent); return ``nlp``."""
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPH_COMPONENT):
        Language.component(PARAGRAPH_COMPONENT, func=_paragraph_boundaries)
    if PARAGRAPH_COMPONENT in nlp.pipe_names:
        return nlp
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    elif "senter" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="senter")
    else:
        nlp.add_pipe(PARAGRAPH_COMPONENT, first=True)
    return nlp


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every paragraph (text between blank lines), whitespace excluded."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.extend(_trimmed(text, pos, match.start()))
        pos = match.end()
    spans.extend(_trimmed(text, pos, len(text)))
    return spans


def _trimmed(text: str, start: int, end: int) -> list[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [(start, end)] if end > start else []


def _split_at_lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    pos = start
    for match in _LINE_BREAK.finditer(text, start, end):
        yield from _trimmed(text, pos, match.start())
        pos = match.end()
    yield from _trimmed(text, pos, end)


def _ends_with_title_abbreviation(text: str, end: int) -> bool:
    head = text[max(0, end - 12) : end]
    word = head.rsplit(None, 1)[-1] if head.strip() else ""
    return word.lower() in _TITLE_ABBREVIATIONS


def _join_fragments(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out:
            prev_start, prev_end = out[-1]
            gap = text[prev_end:start]
            if "\n" not in gap and (
                _CONTINUATION_START.match(text, start) or _ends_with_title_abbreviation(text, prev_end)
            ):
                out[-1] = (prev_start, end)
                continue
        out.append((start, end))
    return out


def split_sentences(doc: Doc, *, article_id: str) -> list[Sentence]:
    """The sentences of ``doc`` as :class:`Sentence` records indexing ``doc.text`` exactly.

    Boundaries never cross a line break; spans exclude leading and trailing whitespace; whitespace-only
    stretches produce no sentence. Works with docs that have no sentence boundaries at all (one sentence
    per line then).
    """
    text = doc.text
    if doc.has_annotation("SENT_START") and len(doc):
        starts = [t.idx for t in doc if t.is_sent_start or t.i == 0]
        raw = list(zip(starts, [*starts[1:], len(text)], strict=True))
    else:
        raw = [(0, len(text))]
    pieces: list[tuple[int, int]] = []
    for start, end in raw:
        pieces.extend(_split_at_lines(text, start, end))
    joined = _join_fragments(text, pieces)
    return [Sentence(Span(article_id, start, end), index) for index, (start, end) in enumerate(joined)]
