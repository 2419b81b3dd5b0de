"""Sentence splitting: exact offsets, paragraph and headline boundaries, abbreviations, quotes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsweave.analyze.sentences import (
    PARAGRAPH_COMPONENT,
    add_paragraph_boundaries,
    paragraph_spans,
    split_sentences,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def example_texts(example_articles) -> list[tuple[str, str]]:
    """The example reports as (publication date, body)."""
    return [(a.published.value.date().isoformat(), a.text) for a in example_articles]


@pytest.fixture(scope="module")
def nlp():
    from newsweave.analyze.pipeline import get_pipeline

    return get_pipeline()


def sentence_texts(nlp, text: str) -> list[str]:
    doc = nlp(text)
    sentences = split_sentences(doc, article_id="t")
    assert [s.index for s in sentences] == list(range(len(sentences)))
    for s in sentences:
        piece = text[s.span.start : s.span.end]
        assert piece and piece == piece.strip(), f"span {s.span} is empty or not trimmed: {piece!r}"
        assert "\n" not in piece, f"sentence crosses a line break: {piece!r}"
        assert s.span.article_id == "t"
    return [text[s.span.start : s.span.end] for s in sentences]


CASES = [
    (
        "paragraphs",
        "The talks ended on Monday\n\nBoth sides said they would meet again.",
        ["The talks ended on Monday", "Both sides said they would meet again."],
    ),
    (
        "headline without punctuation",
        "Drone hits residence in capital\nA drone struck the residence on Sunday, officials said.",
        ["Drone hits residence in capital", "A drone struck the residence on Sunday, officials said."],
    ),
    (
        "quoted cross-head between paragraphs",
        "Police arrived late.\n\n'Officials launch an inquiry'\n\nMeanwhile, officials opened an inquiry.",
        ["Police arrived late.", "'Officials launch an inquiry'", "Meanwhile, officials opened an inquiry."],
    ),
    (
        "title abbreviations do not end sentences",
        "Gen. Mark Stone met Dr. Ana Ruiz and Sen. Tom Hale in the capital on Monday.",
        ["Gen. Mark Stone met Dr. Ana Ruiz and Sen. Tom Hale in the capital on Monday."],
    ),
    (
        "U.S. inside a sentence",
        "The U.S. Army said it would respond. Officials declined to comment.",
        ["The U.S. Army said it would respond.", "Officials declined to comment."],
    ),
    (
        "question in quotes followed by lower-case cue",
        '"Why now?" he asked. Nobody answered.',
        ['"Why now?" he asked.', "Nobody answered."],
    ),
    (
        "caption and credit lines",
        "The minister spoke for an hour.\n\n(With inputs from agencies)\n\nImage: Agency/Photo",
        ["The minister spoke for an hour.", "(With inputs from agencies)", "Image: Agency/Photo"],
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_sentence_boundaries(nlp, name, text, expected):
    assert sentence_texts(nlp, text) == expected


def test_multi_sentence_quote_keeps_cue_with_quote(nlp):
    text = '"We are relieved. This was an act of terror," the spokesman said. He left.'
    got = sentence_texts(nlp, text)
    assert got[-1] == "He left."
    assert not any(s[0].islower() for s in got), got
    assert any(s.endswith("the spokesman said.") for s in got)


@pytest.mark.parametrize(
    "text",
    ["", "   ", "\n\n\n", " \t\n "],
)
def test_whitespace_only_text_has_no_sentences(nlp, text):
    assert split_sentences(nlp(text), article_id="t") == []


def test_offsets_index_untrimmed_text(nlp):
    text = "  \n\n  First line here.  \n  Second line.\n\n"
    doc = nlp(text)
    sentences = split_sentences(doc, article_id="a")
    assert doc.text == text
    assert [(s.span.start, s.span.end) for s in sentences] == [
        (text.index("First"), text.index("here.") + 5),
        (text.index("Second"), text.index("line.\n") + 5),
    ]


def test_doc_without_parser_splits_lines(nlp):
    doc = nlp.make_doc("One line\nAnother line. Still the same line.")
    got = [doc.text[s.span.start : s.span.end] for s in split_sentences(doc, article_id="x")]
    assert got == ["One line", "Another line. Still the same line."]


def test_component_added_once_before_parser(nlp):
    add_paragraph_boundaries(nlp)
    add_paragraph_boundaries(nlp)
    names = nlp.pipe_names
    assert names.count(PARAGRAPH_COMPONENT) == 1
    assert names.index(PARAGRAPH_COMPONENT) < names.index("parser")


def test_parse_never_crosses_a_paragraph(nlp):
    doc = nlp("Officials said the talks would continue\n\nthe ministers met again on Friday.")
    second = doc.text.index("the ministers")
    assert any(t.is_sent_start and t.idx == second for t in doc)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One.\n\nTwo.", ["One.", "Two."]),
        ("  One.\nstill one.\n \n\nTwo. ", ["One.\nstill one.", "Two."]),
        ("", []),
        ("\n\n", []),
    ],
)
def test_paragraph_spans(text, expected):
    assert [text[a:b] for a, b in paragraph_spans(text)] == expected


def test_example_reports_sentences(nlp, example_texts):
    for _date, text in example_texts:
        got = sentence_texts(nlp, text)
        assert len(got) >= 10
        # no sentence starts in lower case (a fragment cut off its sentence)
        assert not [s for s in got if re.match(r"[a-z]", s)]


def _with_boundaries(nlp, text: str, starts: list[str]):
    """A doc whose sentence starts are set by hand (as a confused parser might set them)."""
    doc = nlp.make_doc(text)
    wanted = {text.index(s) for s in starts}
    for i, token in enumerate(doc):
        token.is_sent_start = i == 0 or token.idx in wanted
    return doc


@pytest.mark.parametrize(
    ("text", "bad_starts", "expected"),
    [
        (
            '"Why now?" he asked. Nobody answered.',
            ["he asked", "Nobody"],
            ['"Why now?" he asked.', "Nobody answered."],
        ),
        ("He met Gen. Stone on Friday.", ["Stone"], ["He met Gen. Stone on Friday."]),
        ('"It is over." ” Then silence.', ["”", "Then"], ['"It is over." ”', "Then silence."]),
        ("Rain fell, and wind blew.", [", and"], ["Rain fell, and wind blew."]),
        # negative cases: real boundaries stay
        (
            "They moved to the U.S. Officials welcomed them.",
            ["Officials"],
            ["They moved to the U.S.", "Officials welcomed them."],
        ),
        ("Title line\nbody starts lower case.", ["body"], ["Title line", "body starts lower case."]),
    ],
)
def test_fragments_rejoined_but_real_boundaries_kept(nlp, text, bad_starts, expected):
    doc = _with_boundaries(nlp, text, bad_starts)
    got = [text[s.span.start : s.span.end] for s in split_sentences(doc, article_id="x")]
    assert got == expected
