"""Names the tagger found once, found again: every place the report writes them (see :func:`repeated_names`)."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from . import names as nm
from .coref import RawMention, sentence_of, subject_flags

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

__all__ = ["NAME_SUFFIXES", "repeated_names"]

NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def repeated_names(doc: Doc, mentions: list[RawMention], bounds: list[tuple[int, int]]) -> list[RawMention]:
    """Occurrences the tagger left out of a name it found elsewhere in the report, and of the surname of the one
    person it gave that surname ("Jackman said" after "Hugh Jackman"): the small tagger misses a name now and
    then, and a report uses one name in one sense. Not one word at the start of a sentence unless tagged a proper
    noun (any word is capitalised there), not a word the report also writes in lower case ("People" the magazine, "people"), not a
    one-word name tagged only in the headline, and not next to another capitalised proper noun (part of a name
    the tagger chose not to tag)."""
    text = doc.text
    lower_words = set(re.findall(r"\b[a-z][a-z'-]+\b", text))
    forms: dict[str, str] = {}
    surnames: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.kind != "name" or len(m.text) < 3 or not m.text[0].isupper() or "\n" in m.text:
            continue
        if " " not in m.text and "\n" not in text[: m.start]:
            continue  # one capitalised word tagged in a headline ("Catching Fire") is no evidence of a name
        forms.setdefault(m.text, m.label)
        words = m.text.split()
        if m.label == "PERSON" and len(words) >= 2 and words[-1].lower() not in NAME_SUFFIXES:
            surnames[words[-1]].add(m.text)
    for m in mentions:  # a team or paper by the last word of its name: "Colts" after "Indianapolis Colts"
        words = m.text.split()
        if (m.kind == "name" and m.label == "ORG" and 2 <= len(words) <= 3 and words[-1][:1].isupper()
                and words[-1].endswith("s") and len(words[-1]) > 4 and not words[-1].isupper()):
            forms.setdefault(words[-1], "ORG")
    for surname, full in surnames.items():
        if len(full) == 1 and len(surname) >= 3 and surname[0].isupper():
            forms.setdefault(surname, "PERSON")
    wanted = {form: label for form, label in forms.items() if " " in form or form.lower() not in lower_words}
    if not wanted:
        return []
    occupied = bytearray(len(text) + 1)  # characters some mention already covers
    for m in mentions:
        occupied[m.start : m.end] = b"\x01" * (m.end - m.start)
    alternatives = "|".join(re.escape(f) for f in sorted(wanted, key=len, reverse=True))
    out: list[RawMention] = []
    for found in re.finditer(rf"(?<![\w-])(?:{alternatives})(?![\w-])", text):
        start, end = found.span()
        if any(occupied[start:end]):
            continue
        span = doc.char_span(start, end)
        if span is None or len(span) == 0:
            continue
        if len(span) == 1 and span[0].is_sent_start and span[0].pos_ != "PROPN":
            continue
        before = doc[span.start - 1] if span.start > 0 else None
        after = doc[span.end] if span.end < len(doc) else None
        glued = [(before, before.whitespace_) if before is not None else (None, ""),
                 (after, span[-1].whitespace_) if after is not None else (None, "")]
        if any(t is not None and t.pos_ == "PROPN" and t.is_title and "\n" not in gap
               and not nm.is_title_word(t.text) for t, gap in glued):
            continue
        form = found.group(0)
        mention = RawMention(start, end, form, wanted[form], "name", sentence_of(bounds, start), head=span.root.i)
        mention.subject, mention.main_subject = subject_flags(span.root)
        mention.possessive = bool(re.match(r"['’]s?\b", text[end : end + 3]))
        out.append(mention)
        occupied[start:end] = b"\x01" * (end - start)
    return out
