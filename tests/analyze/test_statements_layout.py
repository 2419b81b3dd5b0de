"""Table-driven checks of quotations laid out without a speech verb next to them, as web pages leave them after
extraction: a quotation signed with a dash on its line ("“…” ― Jane Roe", the dash glued to the mark or after a
no-break space), a closing mark typed where the opening one belongs ("”Fear. …”"), quotations nesting balanced
curly marks ("“I’d rather live in what he calls “hell” than …”"), and a block quotation in the paragraph after
"The governor added:". Own invented texts; each case names the content and speaker we expect, or a content we
must not get."""

from __future__ import annotations

import pytest

# (text, expected content, expected speaker phrase)
FOUND = [
    ("“The bridge must be rebuilt before winter.”― Jane Roe\n“We need it.” ― John Doe\n",
     "The bridge must be rebuilt before winter", "Jane Roe"),
    ("“The bridge must be rebuilt before winter.”\u00a0― Jane Roe\u00a0\nMore comments followed.",
     "The bridge must be rebuilt before winter", "Jane Roe"),
    ("”Fear. I am truly afraid the bridge will not be rebuilt.” ― Jane Roe\n",
     "Fear. I am truly afraid the bridge will not be rebuilt", "Jane Roe"),
    ("“I’d rather cross what he calls “the death trap” than wait for a new bridge.” ― Jane Roe\n",
     "I’d rather cross what he calls “the death trap” than wait for a new bridge", "Jane Roe"),
    (("The mayor spoke on the radio on Monday.\n\nThe governor\u00a0added:\n\nIt is typical of the council. It "
      "knows nothing about bridges.\n\nThe vote is on Friday."),
     "It is typical of the council. It knows nothing about bridges", "The governor"),
    ("In a speech last July, he said:\n\nLet no one be mistaken about this bridge.",
     "Let no one be mistaken about this bridge", "he"),
]

# (text, content that must not be a statement's)
NOT_FOUND = [
    # a colon that introduces a list or a section is no speech cue
    ("Here is what you need to know:\n\nThe storm is coming and the roads are closed.",
     "The storm is coming and the roads are closed"),
    ("The mayor has the following tasks ahead of her:\n\nSell the plan to the council before the vote.",
     "Sell the plan to the council before the vote"),
    # an embedded post after the colon is markup, not the speaker's words
    ("One resident tweeted:\n\n<tweet>The bridge is closed again today</tweet>",
     "<tweet>The bridge is closed again today</tweet>"),
    # the dash must be followed by a name that ends its line
    ("“The bridge is closed until the end of the month.” ― 2024 archive photo\n",
     "The bridge is closed until the end of the month"),
]


@pytest.mark.parametrize(("text", "content", "speaker"), FOUND)
def test_statement_found(with_content, extract, text: str, content: str, speaker: str) -> None:
    hits = with_content(text, content)
    assert hits, f"no statement with content {content!r} in {extract(text)}"
    assert any(sp == speaker for sp, _, _ in hits), f"speaker {speaker!r} not among {hits}"


@pytest.mark.parametrize(("text", "content"), NOT_FOUND)
def test_statement_not_found(with_content, text: str, content: str) -> None:
    assert not with_content(text, content)


def test_nested_quotation_is_one_statement(extract) -> None:
    text = "“I’d rather cross what he calls “the death trap” than wait for a new bridge.” ― Jane Roe\n"
    assert [sp for sp, _, _ in extract(text)].count("Jane Roe") == 1
