"""RSS and Atom feeds: one report per entry."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from newsweave.ingest.feeds import read_feed
from newsweave.ingest.records import RawReport
from newsweave.ingest.sources import iter_reports
from newsweave.model import Rejection

INPUTS = Path(__file__).resolve().parents[1] / "data" / "inputs"


def test_rss_entries() -> None:
    results = list(iter_reports([str(INPUTS / "feed.rss")]))
    assert [(r.line, type(r).__name__) for r in results] == [(1, "RawReport"), (2, "RawReport"), (3, "Rejection")]
    first, second, headline_only = results
    assert isinstance(first, RawReport) and isinstance(second, RawReport)
    assert first.format == "feed" and first.title == "Earthquake strikes Veloria"
    assert first.url == "https://wire.example.org/2021/11/08/quake" and first.external_id == "wire-1"
    assert first.outlet_name == "Example Wire: World" and first.language == "en"
    assert (first.published.origin, first.published.value) == ("feed", datetime(2021, 11, 8, 9, 30, tzinfo=UTC))
    assert "<p>" not in first.text and "\n\nSchools in the province" in first.text
    assert second.published.value.utcoffset() == timedelta(hours=1)
    assert isinstance(headline_only, Rejection) and headline_only.reason == "no-text"
    assert "Headline only" in headline_only.message


def test_atom_entry_prefers_published_over_updated() -> None:
    (entry,) = list(iter_reports([str(INPUTS / "feed.atom")]))
    assert isinstance(entry, RawReport)
    assert entry.published.value == datetime(2021, 11, 8, 13, 0, tzinfo=UTC)
    assert entry.author == "Ann Other" and entry.url == "https://atom.example.org/quake"
    assert entry.external_id == "urn:example:1" and entry.outlet_name == "Example Atom News"
    assert '"We have teams on the ground' in entry.text and "<div>" not in entry.text


def test_garbage_feed_is_rejected() -> None:
    (rejection,) = list(read_feed("<rss><channel><item>", source="bad.rss"))
    assert isinstance(rejection, Rejection) and rejection.reason in ("malformed", "no-text")
    assert "bad.rss" in rejection.message


def test_xml_that_is_not_a_feed() -> None:
    (rejection,) = list(iter_reports([str(INPUTS / "not_a_feed.xml")]))
    assert isinstance(rejection, Rejection) and rejection.reason == "unsupported-format"


def test_feed_in_a_declared_legacy_encoding() -> None:
    from newsweave.ingest.sources import parse_bytes

    rss = (
        '<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel><title>Le Journal</title>'
        "<item><title>Café rouvert</title><description>Le café de la gare à Zürich a rouvert, a déclaré le "
        "maire.</description></item></channel></rss>"
    ).encode("latin-1")
    (entry,) = list(parse_bytes(rss, source="x.rss", name="x.rss"))
    assert isinstance(entry, RawReport)
    assert entry.title == "Café rouvert" and "à Zürich" in entry.text and entry.published.value is None


def test_entry_with_only_an_updated_time() -> None:
    atom = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><entry><title>E</title><id>e1</id>'
        "<updated>2021-11-08T12:00:00Z</updated><summary>Enough words in this summary to count.</summary>"
        "</entry></feed>"
    )
    (entry,) = list(read_feed(atom, source="f.atom"))
    assert isinstance(entry, RawReport)
    assert (entry.published.value, entry.published.confidence) == (datetime(2021, 11, 8, 12, tzinfo=UTC), 0.8)
