"""Report-to-report linkage: the signals of two single reports, and what they change in the grouper."""

from __future__ import annotations

import numpy as np
import pytest

from newsweave.stories import GroupingConfig, StoryGrouper
from newsweave.stories.features import ArticleFeatures
from newsweave.stories.linkage import LINK_SIGNALS, LINK_WEIGHTS, BoundedCache, link_signals, report_view
from newsweave.stories.scoring import Vocabulary

from .helpers import report

TEAM_WORDS = "arrest suspicion drunk driving highway patrol booked jail team practice"
TEAM = ("ORG:harbor city sharks", "LOC:harbor city", "ORG:highway patrol")


def view(f: ArticleFeatures, vocab: Vocabulary):
    ids = [vocab.id(t) for t, _ in f.terms]
    vocab.count(ids)
    return report_view(
        np.array(ids), np.array([v for _, v in f.terms]),
        np.array([vocab.id(k) for k, _, _ in f.entities]), np.array([n for _, n, _ in f.entities]),
        np.array([s for _, _, s in f.entities]), f.dates, f.embedding, vocab)


def arrest(article_id: str, player: str, *, others: tuple[tuple[str, int], ...] = (), date: str | None = None,
           dates: tuple[str, ...] = ()) -> ArticleFeatures:
    """A report on a player's arrest: the player is named often, team mates now and then."""
    base = report(article_id, topic=7, words=TEAM_WORDS, entities=TEAM, noise=0.05, date=date, dates=dates)
    entities = tuple(sorted(base.entities + ((f"PER:{player}", 6, True),)
                            + tuple((f"PER:{p}", n, False) for p, n in others)))
    terms = tuple(sorted(dict(base.terms, **{f"PER:{player}": 2.8}).items()))
    return ArticleFeatures(article_id=article_id, published=base.published, terms=terms, entities=entities,
                           dates=dates, embedding=base.embedding, signature=base.signature)


def signal(values: np.ndarray, name: str) -> float:
    return float(values[LINK_SIGNALS.index(name)])


def test_weights_match_the_signals():
    assert len(LINK_WEIGHTS) == len(LINK_SIGNALS) + 1


def test_link_signals_are_symmetric_and_bounded():
    vocab = Vocabulary()
    a = view(arrest("a", "jensen", others=(("okoro", 2),), dates=("2009-01-13",)), vocab)
    b = view(arrest("b", "okoro", others=(("jensen", 2),), dates=("2009-02-01",)), vocab)
    ab, ba = link_signals(a, b, vocab), link_signals(b, a, vocab)
    assert np.allclose(ab, ba)
    assert ((ab >= -1e-9) & (ab <= 1 + 1e-9)).all()


@pytest.mark.parametrize(("first", "second", "conflict", "same"), [
    (("jensen", ()), ("jensen", ()), 0.0, 1.0),  # the same person leads both reports
    (("jensen", ()), ("okoro", ()), 1.0, 0.0),  # different people lead
    (("jensen", ()), ("okoro", (("jensen", 2),)), 1.0, 0.0),  # naming the other player in passing changes nothing
])
def test_leading_person(first, second, conflict, same):
    vocab = Vocabulary()
    a = view(arrest("a", first[0], others=first[1]), vocab)
    b = view(arrest("b", second[0], others=second[1]), vocab)
    values = link_signals(a, b, vocab)
    assert signal(values, "lead_person_conflict") == conflict
    assert signal(values, "lead_person_same") == same


def test_no_leading_person_when_two_people_share_the_report():
    vocab = Vocabulary()
    shared = view(arrest("a", "jensen", others=(("okoro", 6),)), vocab)
    assert shared.lead_person is None


def test_years_come_from_the_text_not_the_publication_date():
    vocab = Vocabulary()
    a = view(arrest("a", "jensen", date="2009-01-14", dates=("2009-01-12",)), vocab)
    b = view(arrest("b", "jensen", dates=("2009-01-13",)), vocab)
    c = view(arrest("c", "jensen", dates=("2013-05-02",)), vocab)
    assert signal(link_signals(a, b, vocab), "year_same") == 1.0
    assert signal(link_signals(a, c, vocab), "year_conflict") == 1.0
    assert signal(link_signals(a, c, vocab), "year_same") == 0.0
    # published the same day, naming no year: the publication year is no evidence (every report of a year has it)
    d = view(arrest("d", "jensen", date="2009-01-14"), vocab)
    e = view(arrest("e", "okoro", date="2009-01-14"), vocab)
    assert signal(link_signals(d, e, vocab), "year_same") == 0.0


@pytest.mark.parametrize("linkage", [0.0, 0.5, 1.0])
def test_reports_of_one_arrest_form_one_story_with_or_without_linkage(linkage):
    g = StoryGrouper(GroupingConfig(linkage=linkage))
    ids = {g.add(arrest(f"j{i}", "jensen", others=(("okoro", 1),) if i % 2 else ())).story_id for i in range(4)}
    assert len(ids) == 1


def test_linkage_score_of_two_reports_of_one_event_is_near_certain():
    one = StoryGrouper(GroupingConfig(linkage=1.0))
    sid = one.add(arrest("j0", "jensen")).story_id
    joined = one.add(arrest("j1", "jensen"))
    assert joined.story_id == sid and joined.score > 0.99


def test_bounded_cache_is_bounded_and_keeps_recent_views():
    cache = BoundedCache(size=2)
    built = []

    def build(key):
        def make():
            built.append(key)
            return key
        return make

    for key in ("a", "b", "a", "c", "a", "b"):
        cache.get(key, build(key))
    assert built == ["a", "b", "c", "b"]  # "b" fell out when "c" came in; "a" stayed because it was used

