"""Fact labels say what the fact is about without taking one report's side: a toll is "people killed", not the
first report's "Ten people"; a person's health is "health of the governor". Hand-built claims."""

from __future__ import annotations

import pytest

from newsweave.model import Claim, Span
from newsweave.reconcile.align import fact_label


def _harm(aid: str, subject: str, status: str, *extra) -> Claim:
    return Claim(id=aid, evidence=Span(aid, 0, 10), subject=subject, predicate="kill",
                 arguments=(("class", "harm"), ("status", status), *extra))


@pytest.mark.parametrize(
    "counted, status, label",
    [("person", "killed", "people killed"), ("guard", "injured", "guards injured"),
     ("casualty", "killed", "casualties killed"), ("bus", "damaged", "buses damaged"),
     ("child", "mildly hurt", "children mildly hurt")],
)
def test_a_toll_is_labelled_by_what_was_counted(counted, status, label):
    claims = [_harm("a", "Ten people", status, ("count", "Ten"), ("counted", counted)),
              _harm("b", "three", status, ("count", "three"), ("counted", counted))]
    assert fact_label(claims) == label


def test_the_health_of_someone_named_keeps_their_name():
    claims = [_harm("a", "he", "unharmed"), _harm("b", "the prime minister", "mildly hurt")]
    assert fact_label(claims) == "health of the prime minister"


def test_a_label_is_the_stretch_of_the_sentence_from_subject_to_target():
    from _reconcile_helpers import make_article

    text = "Actress Lindsay Lohan finally checked into court-mandated rehab at the Betty Ford Center late Thursday."
    claim = Claim(id="c", evidence=Span("a", 0, len(text)), subject="Actress Lindsay Lohan", predicate="check",
                  arguments=(("class", "check"), ("predicate_text", "checked"), ("target", "court-mandated rehab")))
    assert fact_label([claim]) == "Actress Lindsay Lohan checked court-mandated rehab"  # without the text
    assert fact_label([claim], {"a": make_article("a", text)}) == (
        "Actress Lindsay Lohan finally checked into court-mandated rehab")


def test_a_label_starts_at_the_subject_mention_nearest_the_verb():
    from _reconcile_helpers import make_article

    text = "During Lohan's stay at the clinic in 2010, Lohan was accused of attacking a staffer."
    claim = Claim(id="c", evidence=Span("a", 0, len(text)), subject="Lohan", predicate="accuse",
                  arguments=(("class", "accuse"), ("predicate_text", "was accused"), ("target", "a staffer")))
    assert fact_label([claim], {"a": make_article("a", text)}) == "Lohan was accused of attacking a staffer"


def test_the_health_of_a_pronoun_is_the_health_of_those_involved():
    assert fact_label([_harm("a", "it", "unharmed")]) == "health of those involved"


def test_a_toll_is_labelled_in_the_words_most_of_its_counts_use():
    # one report counts "two villagers slightly injured", three count people injured: the fact is the people
    claims = [_harm("a", "two villagers", "mildly hurt", ("count", "two"), ("counted", "villager")),
              _harm("b", "three people", "injured", ("count", "three"), ("counted", "person")),
              _harm("c", "five people", "injured", ("count", "five"), ("counted", "person")),
              _harm("d", "80", "injured", ("count", "80"), ("counted", "person"))]
    assert fact_label(claims) == "people injured"


def test_a_toll_told_half_one_way_half_the_other_takes_the_wider_status():
    # "several guards were mildly hurt" / "seven guards were injured": "guards injured" takes no side
    claims = [_harm("a", "several guards", "mildly hurt", ("count", "several"), ("counted", "guard")),
              _harm("b", "seven guards", "injured", ("count", "seven"), ("counted", "guard"))]
    assert fact_label(claims) == "guards injured"
    assert fact_label(claims[::-1]) == "guards injured"


def test_no_casualties_told_of_no_one_is_the_fact_of_casualties():
    assert fact_label([_harm("a", None, "no casualties"), _harm("b", "", "no casualties")]) == "casualties"
    assert fact_label([_harm("a", None, "no casualties"), _harm("b", "it", "unharmed")]) == "health of those involved"
