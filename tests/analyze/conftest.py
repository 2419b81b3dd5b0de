"""Fixtures shared by the analysis tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def statement_spans():
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
