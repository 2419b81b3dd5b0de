"""Who said what in a dossier: statements with a speaker, and quotations even when their speaker is unknown; a
reported stance nobody is named as holding ("charged with murder", "known for partying") is left out of the list
(it stays in the report's analysis). Own invented reports."""

from __future__ import annotations

from _reconcile_helpers import make_article

from newsweave.model import Story
from newsweave.reconcile.dossier import build_dossier, dossier_to_json
from newsweave.reconcile.render import to_markdown


def test_who_said_what_lists_speakers_and_quotations_only(nlp):
    a = make_article("a", "The mayor said the bridge would reopen on Friday. The driver was charged with murder.",
                     date="2024-03-04", outlet="Outlet A")
    b = make_article("b", 'Protesters outside the court shouted: "Murderers!" Police said two men were arrested. '
                     "The judge said the same.", date="2024-03-05", outlet="Outlet B")
    dossier = build_dossier(Story(id="s-1"), [a, b], {}, nlp=nlp)
    texts = {x.id: x.text for x in (a, b)}
    listed = {texts[s.content.article_id][s.content.start : s.content.end] for s in dossier.statements}
    assert "the bridge would reopen on Friday" in listed
    assert "two men were arrested" in listed
    assert "murder" not in listed  # "was charged with murder": a stance with no one named as holding it
    assert "the same" not in listed  # "the judge said the same": a message that only points elsewhere
    assert all(s.speaker is not None or s.direct for s in dossier.statements)


def test_who_said_what_leaves_out_seeing_and_acts(nlp):
    # the analysis reads "saw" and "pitched" as attributions (PolNeAR counts perception and acts); a reader of the
    # dossier does not count them as anyone saying anything — but a condemnation is a statement
    a = make_article("a", "A neighbor saw the teenager with a gun. Protesters pitched bricks and bottles at the "
                     "police. The president condemned the attack on the residence. The mayor said the bridge "
                     "would reopen on Friday. No group has claimed responsibility for the attack.", date="2024-03-04",
                     outlet="Outlet A")
    dossier = build_dossier(Story(id="s-1"), [a], {}, nlp=nlp)
    assert not any((s.speaker_text or "").lower().startswith("no ") for s in dossier.statements)
    cues = {a.text[s.cue.start : s.cue.end] for s in dossier.statements if s.cue is not None}
    assert {"condemned", "said"} <= cues, cues
    assert not cues & {"saw", "pitched"}, cues
    md = to_markdown(dossier)
    assert "condemned: the attack on the residence" in md and "said: the bridge would reopen" in md


def test_one_speaker_spelled_two_ways_is_one_story_entity(nlp):
    """The story merges its reports' entities: the governor spelled "Heydar Alishvandi" by one outlet and
    "Heidar Alishbandi" by another is one speaker, named one way, in who said what."""
    texts = [
        "An earthquake struck the island on Sunday. Governor Heydar Alishvandi said ten people were killed.",
        "A quake hit the island on Sunday. Governor Heidar Alishbandi said rescue teams had reached the villages.",
    ]
    arts = [make_article(f"r{i}", t, date="2022-03-09", outlet=f"Outlet {i}") for i, t in enumerate(texts)]
    data = dossier_to_json(build_dossier(Story(id="s-1"), arts, {}, nlp=nlp))
    governor = [s for s in data["statements"] if "Ali" in (s["speaker"] or "")]
    assert len(governor) == 2, data["statements"]
    assert governor[0]["story_entity"] and governor[0]["story_entity"] == governor[1]["story_entity"]
    assert governor[0]["speaker_name"] == governor[1]["speaker_name"]
    (entity,) = [e for e in data["entities"] if e["id"] == governor[0]["story_entity"]]
    assert entity["label"] == "PERSON" and sorted(entity["articles"]) == ["r0", "r1"]
    assert {"Heydar Alishvandi", "Heidar Alishbandi"} <= {entity["name"], *entity["aliases"]}


def test_a_statement_carried_by_two_reports_is_listed_once_with_both(nlp):
    texts = [
        "A quake hit the island on Sunday. Governor Jane Roe said rescue teams had reached all seven villages.",
        "An earthquake shook the island. Governor Jane Roe said rescue teams had reached all seven villages.",
        "The island was shaken on Sunday. Governor Jane Roe said rescue teams had reached 7 villages by noon.",
    ]
    arts = [make_article(f"r{i}", t, date="2022-03-09", outlet=f"Outlet {i}") for i, t in enumerate(texts)]
    d = build_dossier(Story(id="s-1"), arts, {}, nlp=nlp)
    statements = [s for s in dossier_to_json(d)["statements"] if s["speaker_name"] == "Jane Roe"]
    assert [s["repeat_of"] is None for s in statements] == [True, False, True]  # "7" is another number
    assert [sp["article_id"] for sp in statements[0]["repeated_in"]] == ["r1"]
    who = to_markdown(d).split("## Who said what")[1].split("## What the sources agree on")[0]
    assert who.count("rescue teams had reached all seven villages") == 1
    assert "Outlet 0" in who and "Outlet 1" in who


def test_a_speaker_without_an_entity_joins_the_story_entity_of_its_name():
    """"TMZ" and "TMZ. com" (ECB+ spacing of "TMZ.com") written as speakers where the tagger found no entity are the
    story's TMZ; a name no story entity bears stays apart."""
    from newsweave.model import Entity, Span, Statement
    from newsweave.reconcile.entities import story_entities

    def said_by(name: str) -> Statement:
        return Statement(content=Span("r2", 10, 20), cue=Span("r2", 5, 9), cue_verb="report",
                         speaker=Span("r2", 0, 4), speaker_text=name, speaker_entity=name)

    per_article = {"r1": [Entity(id="e-tmz", name="TMZ", label="ORG")],
                   "r2": [Entity(id="e-lohan", name="Lindsay Lohan", label="PERSON")]}
    names: dict[str, str] = {}
    mapping, _ = story_entities(per_article, [said_by("TMZ"), said_by("TMZ. com"), said_by("Radar Online")], names)
    assert mapping["TMZ"] == mapping["TMZ. com"] == mapping["e-tmz"]
    assert names["TMZ. com"] == "TMZ"
    assert "Radar Online" not in mapping
