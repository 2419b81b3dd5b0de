"""Table-driven checks of quotations laid out without a speech verb next to them, as web pages leave them after
extraction: a quotation signed with a dash on its line ("“…” ― Jane Roe", the dash glued to the mark or after a
no-break space), a closing mark typed where the opening one belongs ("”Fear. …”"), quotations nesting balanced
curly marks ("“I’d rather live in what he calls “hell” than …”"), a block quotation in the paragraph after
"The governor added:", and embedded posts signed "— Name (@handle) date". Own invented texts; each case names the content and speaker we expect, or a content we
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
    # an opening mark typed where the closing one belongs, after the last comma of the quotation
    (("“If the mayor loses the vote, that could create new and real problems for her here,“ said Jane Roe, a "
      "council member."), "If the mayor loses the vote, that could create new and real problems for her here",
     "Jane Roe, a council member"),
    # a quotation ending in a nested one ("… say, ‘Thank you,’”)
    ("“Folks walk past and I simply say, ‘Thanks for coming out,’” Roe explained.",
     "Folks walk past and I simply say, ‘Thanks for coming out,’", "Roe"),
    # digest lines ("Why it matters - Jane Roe: “…”") and a person presented with "here is"
    ("The north is different ground - Jane Roe: “A month ago, the mayor’s safest ground had been the river wards.”",
     "A month ago, the mayor’s safest ground had been the river wards", "Jane Roe"),
    ("Here’s Roe in March 1994: “Our town must rest on the new facts of trade along the river.”",
     "Our town must rest on the new facts of trade along the river", "Roe"),
    # a quotation over two lines whose second line has no opening mark (text with one sentence per line)
    (('" We are going to close the old bridge for good .\nWe are going to build a new one , " said Jane Roe at the '
      "meeting .\nThe vote is on Friday ."),
     "We are going to close the old bridge for good .\nWe are going to build a new one", "Jane Roe"),
    # … closed with a doubled apostrophe (PTB-style text: "…again,'' said Roe")
    (("\"I'm tired of coming to the shop every night to check the damages.\nYou think it's going to calm down and "
      "then it starts again,'' said Jane Roe, manager of a phone store.\nThe vote is on Friday."),
     ("I'm tired of coming to the shop every night to check the damages.\nYou think it's going to calm down and then "
     "it starts again"), "Jane Roe, manager of a phone store"),
    # … over lines without any mark between the opening and the closing one
    (("\"The council should resign.\nIt didn't handle it well.\nIf it had, we would have a bridge.\nWe will not be "
      "able to cross until Christmas,'' she told Reuters.\nThe vote is on Friday."),
     ("The council should resign.\nIt didn't handle it well.\nIf it had, we would have a bridge.\nWe will not be "
      "able to cross until Christmas"), "she"),
    # an embedded post as a page keeps it: the post, then "— Name (@handle) date"; links are left out
    (("The mayor weighed in.\nI respect the engineers, but this closure makes no sense to anyone. "
      "pic.twitter.com/Ab12Cd34 — Jane Roe (@JaneRoe) July 5, 2016\nOthers agreed."),
     "I respect the engineers, but this closure makes no sense to anyone", "Jane Roe"),
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
    # "here is" presents a thing, not a speaker
    ("Here is the schedule for Monday: “Doors open at nine and the talks start at ten.”",
     "Doors open at nine and the talks start at ten"),
    # a dash before a name without a handle signs no post
    ("Photo: the bridge is closed again today — Jane Roe (Reuters)\n", "the bridge is closed again today"),
]


def test_embedded_post_is_a_social_media_post() -> None:
    from newsweave.analyze.pipeline import get_pipeline
    from newsweave.analyze.statements import extract_statements

    text = ("<tweet id=\"1\">The fair’s guest list is out https://t.co/Ab12Cd34 — The Daily Beast "
            "(@thedailybeast) June 29, 2016</tweet>.")
    (st,) = extract_statements(get_pipeline()(text), article_id="t")
    assert text[st.content.start : st.content.end] == "The fair’s guest list is out"
    assert text[st.speaker.start : st.speaker.end] == "Daily Beast"
    assert st.channel == "social media post" and st.direct


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
