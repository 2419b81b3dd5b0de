"""Table-driven checks of the outer-statement and stance-target rules: a cue inside an object message stays part
of that message (only a participle on the object's head, "issued a statement saying …", hands the statement
over); people named by a pronoun are stance targets ("endorsed him"); a channel, place or time after
"in"/"at"/"on" is where something was said, not what, and a person after "wrote/said/spoke to" whom; nominal cues learnt at the lower noun threshold
("the claim that …", "endorsement of …"). Own invented sentences; each case names the content and speaker we
expect, or a content we must not get."""

from __future__ import annotations

import pytest

# (text, expected content, expected speaker phrase)
FOUND = [
    # (and "The crowd responded with chants of support for the mayor." → "support for the mayor", The crowd:
    # test_statements_speakers.py)
    # a cue nested in an object message (a relative clause, an infinitive) is part of the outer message
    ("The senator bemoaned the climate in which neighbors hate each other.",
     "the climate in which neighbors hate each other", "The senator"),
    ("The council rejected the mayor's offer to call off the vote.", "the mayor's offer to call off the vote",
     "The council"),
    # a participle on the object's head carries the message: the statement inside is the one to keep
    ("The mayor issued a statement saying the bridge would reopen.", "the bridge would reopen", "The mayor"),
    # people named by a pronoun are the target of a stance
    ("Most council members endorsed him.", "him", "Most council members"),
    ("The union leaders criticized them.", "them", "The union leaders"),
    # a prepositional message that is not a channel, place or time
    ("Many farmers believe in the new irrigation plan.", "the new irrigation plan", "Many farmers"),
    ("The minister commented on the budget.", "the budget", "The minister"),
    ("The mayor pointed to the new budget.", "the new budget", "The mayor"),
    # nominal cues: a clause or a prepositional object of a noun, held by its possessor
    ("The mayor's claim that the bridge is safe was disputed.", "the bridge is safe", "The mayor's"),
    ("Her endorsement of the new stadium surprised the council.", "the new stadium", "Her"),
]

# (text, content that must not be a statement's)
NOT_FOUND = [
    # the inner cue of a kept outer object message is not a statement of its own
    ("The senator bemoaned the climate in which neighbors hate each other.", "each other"),
    ("The council rejected the mayor's offer to call off the vote.", "the vote"),
    # … but the carrier of a participle's message is not the message
    ("The mayor issued a statement saying the bridge would reopen.", "a statement saying the bridge would reopen"),
    # … nor a prepositional object of the same holder's nominal cue: the noun is the stance
    ("The crowd responded with chants of support for the mayor.", "chants of support for the mayor"),
    # a bare "it"/"this" is no message
    ("The mayor said it.", "it"),
    # channels, places and times are where or when something was said
    ("The governor said in a statement.", "a statement"),
    ("The minister commented on Facebook.", "Facebook"),
    ("The governor said in 2019.", "2019"),
    ("The mayor told reporters in Ohio.", "Ohio"),
    # whom something was said to is not what was said
    ("The mayor wrote to the senator.", "the senator"),
    ("The union wrote to its members.", "its members"),
    ("The mayor wrote to Jane Roe.", "Jane Roe"),
]


@pytest.mark.parametrize(("text", "content", "speaker"), FOUND)
def test_statement_found(with_content, extract, text: str, content: str, speaker: str) -> None:
    hits = with_content(text, content)
    assert hits, f"no statement with content {content!r} in {extract(text)}"
    assert any(sp == speaker for sp, _, _ in hits), f"speaker {speaker!r} not among {hits}"


@pytest.mark.parametrize(("text", "content"), NOT_FOUND)
def test_statement_not_found(with_content, text: str, content: str) -> None:
    assert not with_content(text, content)
