"""One statement carried by several reports: who said it once, and every outlet that passed it on.

Outlets relay the same statement ("the epicenter was in the waters of the Persian Gulf", Iran's seismological
centre said — in three reports), so a story's who-said-what would list it three times. Statements of one speaker
whose messages share most of their words are one statement: the first report's is kept, the others are marked
as its repeats (``repeat_of``, the index of the first) and listed on it (``repeated_in``, with their spans).
"""

from __future__ import annotations

import re

__all__ = ["mark_repeats"]

_WORD = re.compile(r"\w+")
_MIN_WORDS = 4
_SHARED = 0.6  # share of the shorter message's words the longer one contains


def _words(statement: dict) -> set[str]:
    return set(_WORD.findall(((statement.get("content") or {}).get("text") or "").lower()))


def _numbers(words: set[str]) -> set[str]:
    return {w for w in words if any(ch.isdigit() for ch in w)}


def _speaker_key(statement: dict) -> str:
    return str(statement.get("story_entity") or statement.get("speaker_name") or "").lower()


def mark_repeats(statements: list[dict]) -> None:
    """Mark, in place, statements that repeat an earlier one of another report: same speaker (story entity or
    name), the same numbers, and at least 60 % of the shorter message's words in the other."""
    firsts: list[tuple[int, str, set[str]]] = []
    for i, st in enumerate(statements):
        st.setdefault("repeat_of", None)
        st.setdefault("repeated_in", [])
        speaker, words = _speaker_key(st), _words(st)
        if not speaker or len(words) < _MIN_WORDS or st.get("anonymous"):
            continue
        aid = (st.get("content") or {}).get("article_id")
        for j, key, first_words in firsts:
            if key != speaker or (statements[j].get("content") or {}).get("article_id") == aid:
                continue
            if _numbers(words) != _numbers(first_words):
                continue  # "it was 6.1" does not repeat "it was 6.0": the numbers are what was said
            if len(words & first_words) >= _SHARED * min(len(words), len(first_words)):
                st["repeat_of"] = j
                statements[j]["repeated_in"].append(st["content"])
                break
        else:
            firsts.append((i, speaker, words))
