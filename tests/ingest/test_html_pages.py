"""HTML pages: main text, metadata, and where the publication date came from."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newsweave.ingest.html import find_published, html_to_text, read_html
from newsweave.ingest.records import RawReport
from newsweave.ingest.sources import iter_reports
from newsweave.model import Rejection

INPUTS = Path(__file__).resolve().parents[1] / "data" / "inputs"
P2 = "the head of the service said in a written statement"


def _page(name: str) -> RawReport:
    (report,) = list(iter_reports([str(INPUTS / name)]))
    assert isinstance(report, RawReport), report
    assert report.format == "html"
    return report


def test_json_ld_page() -> None:
    report = _page("page_jsonld.html")
    published = report.published
    assert (published.origin, published.confidence, published.precision) == ("json-ld", 0.95, "minute")
    assert published.value == datetime(2021, 11, 8, 8, 30, tzinfo=UTC)
    assert published.value.utcoffset() == timedelta(hours=1)
    assert report.title == "Earthquake strikes Veloria"
    assert report.author == "Jane Roe" and report.outlet_name == "Example Daily" and report.language == "en"
    assert report.text.startswith("A magnitude 5.9 earthquake")  # the repeated headline is not part of the body
    assert P2 in report.text
    assert "Home" not in report.text and "Copyright" not in report.text


def test_meta_tag_page() -> None:
    report = _page("page_meta.html")
    assert (report.published.origin, report.published.confidence) == ("meta", 0.9)
    assert report.published.value == datetime(2021, 11, 8, 10, 45, tzinfo=UTC)
    assert report.outlet_name == "The Guardian" and report.author == "John Doe"
    assert report.url == "https://www.theguardian.com/world/veloria-quake"


def test_url_date_page() -> None:
    report = _page("page_url_date.html")
    assert (report.published.origin, report.published.confidence) == ("url", 0.7)
    assert report.published.value == datetime(2021, 11, 8, tzinfo=UTC) and report.published.precision == "day"
    assert report.url.startswith("https://edition.cnn.com/2021/11/08/")
    assert report.outlet_name == "edition.cnn.com"  # no site name: the host; the outlet directory maps it


def test_text_date_page() -> None:
    report = _page("page_text_date.html")
    assert (report.published.origin, report.published.confidence) == ("text", 0.5)
    assert report.published.value == datetime(2021, 11, 8, tzinfo=UTC)


def test_page_without_article_text_is_rejected() -> None:
    (rejection,) = list(iter_reports([str(INPUTS / "page_no_text.html")]))
    assert isinstance(rejection, Rejection) and rejection.reason == "no-text"
    assert "page_no_text.html" in rejection.message


def test_page_without_any_date_has_unknown_date() -> None:
    page = "<html><body><article>" + "<p>Plenty of words in this article body for the extractor.</p>" * 5
    report = read_html(page + "</article></body></html>", source="p.html")
    assert isinstance(report, RawReport)
    assert report.published.value is None and report.published.origin == "none"


def test_url_given_by_caller_is_used_for_date() -> None:
    page = "<html><body><article>" + "<p>Plenty of words in this article body for the extractor.</p>" * 5
    report = read_html(page + "</article></body></html>", source="p.html", url="https://x.org/news/20211107/a")
    assert isinstance(report, RawReport)
    assert report.published.origin == "url" and report.published.value == datetime(2021, 11, 7, tzinfo=UTC)


def test_date_sources_in_priority_order() -> None:
    json_ld = [{"@type": "NewsArticle", "datePublished": "2021-11-06"}]
    meta = {"article:published_time": "2021-11-07T10:00:00Z"}
    url = "https://x.org/2021/11/05/story"
    assert find_published(json_ld=json_ld, meta=meta, url=url, text="8 November 2021").origin == "json-ld"
    assert find_published(json_ld=[], meta=meta, url=url, text="8 November 2021").origin == "meta"
    assert find_published(json_ld=[], meta={}, url=url, text="8 November 2021").origin == "url"
    hit = find_published(json_ld=[], meta={}, url="https://x.org/story", text="Posted Nov. 8, 2021 by staff")
    assert hit.origin == "text" and hit.value == datetime(2021, 11, 8, tzinfo=UTC)
    assert find_published(json_ld=[], meta={"date": "not a date"}, url=None, text="nothing").value is None


@pytest.mark.parametrize("fragment,expected", [
    ("<p>One.</p><p>Two &amp; three.</p>", "One.\n\nTwo & three."),
    ("Line<br>break", "Line\n\nbreak"),
    ("<div>Text <script>var x = 1;</script>after</div>", "Text after"),
    ("no markup at all ", "no markup at all"),
])
def test_html_to_text(fragment: str, expected: str) -> None:
    assert html_to_text(fragment) == expected


def test_xhtml_with_xml_declaration_and_paragraphs() -> None:
    from newsweave.ingest.sources import parse_bytes

    page = (
        b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"><head>'
        b'<title>T</title><meta name="DC.date.issued" content="2021-11-08"/></head><body><article>'
        b"<p>Many words are written here to make up a proper article body for the test.</p>"
        b"<p>And a second paragraph with more words follows it here.</p></article></body></html>"
    )
    (report,) = list(parse_bytes(page, source="x.xhtml", name="x.xhtml"))
    assert isinstance(report, RawReport)
    assert report.published.origin == "meta" and report.published.value == datetime(2021, 11, 8, tzinfo=UTC)
    assert report.text == (
        "Many words are written here to make up a proper article body for the test.\n\n"
        "And a second paragraph with more words follows it here."
    )
