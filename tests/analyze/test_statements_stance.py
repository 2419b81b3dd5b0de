"""Table-driven checks of the precision and stance rules: cues nested in another statement's content, stances
held as adjective predicates, object messages with their reason ("criticized X for Y"), wire datelines before
the speaker, headline labels and short quoted phrases. Own invented sentences; each case names the content we
expect (or must not get)."""

from __future__ import annotations

import pytest

# (text, expected content, expected speaker (substring) or None when no speaker is expected)
FOUND = [
    # stance adjectives after "be": the holder is the subject, the message the adjective's frame
    ("The senator is critical of the new budget.", "the new budget", "The senator"),
    ("Union leaders are optimistic that the strike will end soon.", "the strike will end soon", "Union leaders"),
    ("The farmers were skeptical of the minister's promises.", "the minister's promises", "The farmers"),
    # people named by a common noun and texts hold stances too
    ("The radio host asked the senator about his statements.", "the senator about his statements", "host"),
    ("The new ad attacks the governor for raising taxes.", "the governor for raising taxes", "ad"),
    # an object message keeps the phrase that says why or as what
    ("The governor criticized the council for cutting the school budget.",
     "the council for cutting the school budget", "The governor"),
    ("The mayor described the plan as a costly mistake.", "the plan as a costly mistake", "The mayor"),
    # the outer statement is kept whole when a cue sits inside its content
    ("The mayor said that critics believe the plan is flawed.", "critics believe the plan is flawed", "The mayor"),
    # a wire dateline parsed as the subject is not the speaker
    ("LONDON (Reuters) - Jane Roe said on Monday the talks had stalled.", "the talks had stalled", "Jane Roe"),
    # "Asked whether …, she said": the one asked is not the asker; nobody holds what "appeared" to be
    ("Asked whether the plan would work, the mayor said it would.", "whether the plan would work", None),
    ("The mayor asked whether the plan would work.", "whether the plan would work", "The mayor"),
    ("The senator appeared to end her campaign.", "to end her campaign", None),
    # a parenthetical cue inside the clause it reports is not nested in its own content
    ("The vote, officials said, will be held in May.", "The vote, officials said, will be held in May", "officials"),
    # a participle after a quotation's cue takes its message after it (it is not an inverted cue)
    ('"It is the wrong plan," the senator said, citing the rising costs.', "the rising costs", "the senator"),
    ('"We need steady hands," the mayor told the crowd, referring to the governor.', "the governor", "the mayor"),
    # a poll is the source of the clause its "in" phrase qualifies
    ("The mayor leads the race by five points in the latest poll.", "The mayor leads the race by five points",
     "the latest poll"),
    ("In a new survey, most residents backed the park.", "most residents backed the park", "a new survey"),
    # a cue in an "as" clause reports the clause it modifies
    ("As the local paper reported, the senator was accused of breaking the rules.",
     "the senator was accused of breaking the rules", "the local paper"),
    ("The deficit will grow this year, as the budget office noted.", "The deficit will grow this year",
     "the budget office"),
    ("As reported by the local paper, investigators found emails on the server.",
     "investigators found emails on the server", "the local paper"),
    # a second speech cue with its own subject after "while"/"and" closes the first content
    ("Most residents said the park was too small, while the council said it was large enough.",
     "the park was too small", "Most residents"),
    ("Most residents said the park was too small, while the council said it was large enough.",
     "it was large enough", "the council"),
    # "which"/"that" as a speaker comes with the noun it stands for
    ("The group, which said the ban was unfair, will appeal.", "the ban was unfair", "The group"),
    # an inverted cue after a clause that is a statement
    ("The plan will fail, the analyst wrote.", "The plan will fail", "the analyst"),
    # a naming verb: the object with the label given to it
    ('The mayor called the plan "beyond preposterous."', 'the plan "beyond preposterous', "The mayor"),
    # a short quotation that is a clause is still a statement
    ('Maria Lopez spoke after the count. "We won," she said.', "We won", "she"),
]

NOT_FOUND = [
    # a cue inside someone else's reported content is part of that content, not a statement of its own
    ("The mayor said that critics believe the plan is flawed.", "the plan is flawed"),
    # adjectives need a holder that can have a stance (no physical thing), and a frame of their own
    ("The truck was full of vegetables.", "vegetables"),
    ("An explosive-laden drone was quick to hit the base.", "to hit the base"),
    ("The bridge is critical to the regional economy.", "the regional economy"),
    # a quoted phrase of a word or two is a term, not a statement
    ('Critics used the term "anchor baby" to describe the children.', "anchor baby"),
    # a participle is not an inverted cue: what it cites is not the speaker of the quotation
    ('"It is the wrong plan," the senator said, citing the rising costs.', "It is the wrong plan,\" the senator said"),
    # a passive cue is not an inverted one: the clause before it is no message of the passive subject
    ("As the local paper reported, the senator was accused of breaking the rules.", "As the local paper reported"),
    # the phrase before an inverted cue must not be the cue's own modifier
    ("On Tuesday, as shares were falling, the analyst wrote.", "On Tuesday, as shares were falling"),
    ("Weighing in on the discussion, the mayor agreed.", "Weighing in on the discussion"),
    # a word or two after a colon is a label or an address, not a transcript line
    ("Contact: news@example.com\n\nThe office opens at nine.", "news@example.com"),
    # event verbs: their objects and infinitives are acts, not messages
    ("Militias fired several shells at a base near the airport.", "several shells"),
    ("Militias fired several shells at a base near the airport.", "a base near the airport"),
    ("The governor struggled to gain traction with voters.", "to gain traction with voters"),
    # a poll phrase that names a lead is not a finding
    ("His lead in the latest poll grew after the debate.", "grew after the debate"),
    # a quoted title as the object of a verb is not a message
    ('She read "War and Peace" on the train.', "War and Peace"),
]


@pytest.mark.parametrize(("text", "content", "speaker"), FOUND)
def test_statement_found(extract, with_content, text, content, speaker):
    hits = with_content(text, content)
    assert hits, f"no statement with content {content!r} in {extract(text)}"
    if speaker is None:
        assert hits[0][0] is None
    else:
        assert hits[0][0] is not None and speaker in hits[0][0], hits[0]


@pytest.mark.parametrize(("text", "content"), NOT_FOUND)
def test_statement_not_found(extract, with_content, text, content):
    assert not with_content(text, content), extract(text)


def test_dateline_is_cut_off_the_speaker(extract):
    got = extract("LONDON (Reuters) - Jane Roe said on Monday the talks had stalled.")
    speakers = [g[0] for g in got if g[0]]
    assert speakers and all("LONDON" not in s and "Reuters" not in s for s in speakers), got


def test_headline_label_is_not_a_speaker(extract):
    got = extract("The Latest: Officials warn of floods along the river\n\nRain fell all night.")
    assert all(g[0] != "Latest" for g in got), got


def test_outlet_report_keeps_the_statement_it_wraps(extract):
    text = "The Associated Press reported that a senior official said the deal was close."
    got = extract(text)
    assert any(g[0] == "a senior official" and g[2] == "the deal was close" for g in got), got


def test_as_reported_by_after_a_cue_is_a_relay(extract, nlp_statements):
    text = "The minister said the talks had stalled, as reported by Reuters."
    sts = nlp_statements(text)
    assert [text[s.content.start : s.content.end] for s in sts] == ["the talks had stalled"]
    assert sts[0].relays == ("Reuters",)
    assert text[sts[0].speaker.start : sts[0].speaker.end] == "The minister"


@pytest.fixture(scope="module")
def nlp_statements():
    from newsweave.analyze.pipeline import get_pipeline
    from newsweave.analyze.statements import extract_statements

    nlp = get_pipeline()
    return lambda text: extract_statements(nlp(text), article_id="t")
