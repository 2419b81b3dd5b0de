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
