"""Table-driven checks of the reported-speech frames added for recall: pro-forms ("said so"), coordinated
cues inside a content, long speaker phrases after a quote, headline and mid-paragraph colon quotes, and
subjects the parser failed to attach. Each case names the content we expect (or must not get)."""

from __future__ import annotations

import pytest

# (text, expected content, expected speaker (substring) or None when no speaker is expected)
FOUND = [
    ("Half of the voters said so.", "so", "Half of the voters"),
    ("About 75 percent of the farmers said yes.", "yes", "75 percent of the farmers"),
    ("A third said the same of the governor.", "the same of the governor", "A third"),
    ("Most residents say the opposite about the council.", "the opposite about the council", "residents"),
    # a second cue the parser hung inside the first one's content is its own statement, same speaker
    ("The mayor says he respects the council and calls its members hard-working people.",
     "he respects the council", "The mayor"),
    ("The mayor says he respects the council and calls its members hard-working people.",
     "its members hard-working people", "The mayor"),
    # a comma-ended quotation belongs to the verb after it even when the parser gives the verb another clause
    (("“We are going to tax those imports when they come,” the senator said in May of a maker whose parent "
     "company moved 1,400 jobs abroad."), "We are going to tax those imports when they come", "the senator"),
    # … and even when a long apposition separates the quotation from the verb
    (("“A very good plan, a very good plan this one,” Jane Roe, the long-serving chair of the regional "
     "transport committee and a former mayor of the city, said on Monday."),
     "A very good plan, a very good plan this one", "Jane Roe"),
    # the clause after "“…,” she said," is a statement as well
    ("“We wrote two dozen songs in the spring,” the singer said, adding that the album is nearly finished.",
     "We wrote two dozen songs in the spring", "the singer"),
    # a headline: "Speaker (to audience): what they said"
    ("Governor Roe to farmers: tariffs will be lifted next year\n\nThe governor spoke on Monday.",
     "tariffs will be lifted next year", "Roe"),
    # a quotation opened by a colon after a name in the middle of a paragraph
    (("The timing does not surprise pollster Jane Roe: “Lesser-known candidates usually see the biggest "
     "boost after early wins.”"), "Lesser-known candidates usually see the biggest boost after early wins",
     "Jane Roe"),
    # a phrase between the cue and its message: the parser takes the message for an adverbial clause
    ("Trump said after the convention he would not accept the endorsement if it were offered.",
     "he would not accept the endorsement if it were offered", "Trump"),
    # "were more likely to say": the subject of the adjective is the speaker
    ("Rural voters were more likely to say that the economy is improving.", "the economy is improving",
     "Rural voters"),
]

NOT_FOUND = [
    ("The fans said nothing.", "nothing"),  # a bare pronoun is no message
    ("She was so tired that she slept.", "so"),  # "so" without a speech verb
    ("She went to the store and bought the same bread.", "the same bread"),
    ("The senator visited Paris: “the city of lights” again.", "the city of lights"),  # no name before the colon
    ("Update: the council will meet again on Monday\n\nText.", "the council will meet again on Monday"),
    # a page's date stamp is no transcript line
    (("Riot in Brooklyn\nPUBLISHED: 02:31 GMT, 12 March 2013 | UPDATED: 22:19 GMT, 12 March 2013\nPolice said "
      "the crowd was dispersed."), "12 March 2013"),
    ("The rally drew the same crowd as last year.", "the same crowd as last year"),
]


@pytest.mark.parametrize(("text", "content", "speaker"), FOUND)
def test_statement_found(extract, with_content, text, content, speaker):
    hits = with_content(text, content)
    assert hits, f"no statement with content {content!r} in {extract(text)}"
    if speaker is not None:
        assert any(g[0] and speaker in g[0] for g in hits), f"speaker {speaker!r} not in {hits}"


@pytest.mark.parametrize(("text", "content"), NOT_FOUND)
def test_statement_not_found(extract, text, content):
    got = extract(text)
    assert not any(content in g[2] for g in got), f"unexpected statement about {content!r}: {got}"


def test_coordinated_cue_cuts_first_content(extract):
    text = "The mayor says he respects the council and calls its members hard-working people."
    contents = [g[2] for g in extract(text)]
    assert "he respects the council" in contents
    assert not any("calls" in c for c in contents), contents


def test_coordinated_cue_keeps_channel_of_first_cue():
    from newsweave.analyze.pipeline import get_pipeline
    from newsweave.analyze.statements import extract_statements

    text = "The minister announced on Twitter that he was well and urged everyone to stay calm."
    sts = extract_statements(get_pipeline()(text), article_id="t")
    urged = [s for s in sts if text[s.content.start : s.content.end].startswith("everyone")]
    assert urged, [text[s.content.start : s.content.end] for s in sts]
    assert urged[0].channel == "social media post"
    assert urged[0].speaker_text == "The minister"
