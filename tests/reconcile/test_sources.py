"""Independence of sources: copies, the same statement and the same wire count once."""

from __future__ import annotations

from datetime import UTC, datetime

from newsweave.model import Article, Claim, PublishedTime, Span, Statement
from newsweave.reconcile.sources import credited_wires, group_sources


def art(aid, outlet, hour, copy_of=None):
    return Article(
        id=aid,
        text="x" * 100,
        outlet_name=outlet,
        copy_of=copy_of,
        published=PublishedTime(datetime(2022, 5, 1, hour, tzinfo=UTC), "minute", "user", 1.0),
    )


def claim(aid, statement=None):
    return Claim(id=f"{aid}:0", evidence=Span(aid, 0, 10), subject="s", predicate="p", statement=statement)


def said(aid, speaker, relays=()):
    return Statement(
        content=Span(aid, 0, 10),
        cue=None,
        cue_verb="say",
        speaker=None,
        speaker_text=speaker,
        relays=tuple(relays),
    )


def test_copies_count_once_and_the_original_is_the_originator():
    arts = {
        "a": art("a", "Daily One", 8),
        "b": art("b", "Daily One Mirror", 9, copy_of="a"),
        "c": art("c", "Two", 10),
    }
    groups = group_sources([claim("a"), claim("b"), claim("c")], arts)
    assert len(groups) == 2
    first = groups[0]
    assert first.originator_article == "a" and first.relaying_articles == ("b",)


def test_the_same_statement_quoted_by_several_outlets_is_one_source():
    arts = {"a": art("a", "Daily One", 8), "b": art("b", "Two", 9), "c": art("c", "Three", 10)}
    claims = [
        claim("a", said("a", "Governor Max Roe", ["Reuters"])),
        claim("b", said("b", "Max Roe")),
        claim("c"),
    ]
    groups = group_sources(claims, arts)
    assert len(groups) == 2
    statement = next(g for g in groups if g.origin.kind == "statement")
    assert statement.originator_article == "a" and statement.relaying_articles == ("b",)
    assert statement.via == ("Reuters",)


def test_relayed_wire_reports_count_once():
    arts = {"a": art("a", "Daily One", 8), "b": art("b", "Two", 9)}
    claims = [
        claim("a", said("a", "the agency", ["AFP"])),
        claim("b", said("b", "it", ["Agence France-Presse"])),
    ]
    groups = group_sources(claims, arts)
    assert [g.origin.kind for g in groups] == ["wire"]


def test_credited_wires():
    assert credited_wires("Text. (With inputs from Reuters)") == ("Reuters",)
    assert credited_wires("The quake struck, AFP reported.") == ("AFP",)
    assert credited_wires("He was fired, the company said.") == ()
