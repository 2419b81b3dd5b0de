"""Fixtures shared by the analysis tests."""

from __future__ import annotations

import pytest


def content_key(content: str) -> str:
    """A content span as the statement tables write it: without quotes, edge punctuation or a leading "that"."""
    return content.strip(" \"“”,.").removeprefix("that ")


@pytest.fixture(scope="module")
def extract():
    """``run(text)`` → ``[(speaker text, cue text, content text)]`` of the statements newsweave finds."""
    from newsweave.analyze.pipeline import get_pipeline
    from newsweave.analyze.statements import extract_statements

    nlp = get_pipeline()

    def run(text: str) -> list[tuple[str | None, str | None, str]]:
        return [
            (
                text[s.speaker.start : s.speaker.end] if s.speaker else None,
                text[s.cue.start : s.cue.end] if s.cue else None,
                text[s.content.start : s.content.end],
            )
            for s in extract_statements(nlp(text), article_id="t")
        ]

    return run


@pytest.fixture(scope="module")
def with_content(extract):
    """``find(text, content)`` → the ``extract(text)`` triples whose content is ``content`` (see ``content_key``)."""

    def find(text: str, content: str) -> list[tuple[str | None, str | None, str]]:
        return [g for g in extract(text) if content_key(g[2]) == content]

    return find
