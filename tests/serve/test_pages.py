"""The HTML pages in-process: content, citations, escaping of hostile reports, security headers."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from fastapi.testclient import TestClient

from newsweave.serve import pages
from newsweave.serve.security import CSP

from .conftest import EVIL_OUTLET, EVIL_TITLE, TagCollector, assert_inert

CITE_LINK = re.compile(r'href="(/articles/[^"#?]+\?start=\d+&amp;end=\d+#cite)"')


def html_of(client: TestClient, url: str, status: int = 200) -> str:
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.text[:300])
    assert r.headers["content-type"].startswith("text/html")
    return r.text


def test_every_page_sends_the_security_headers(client: TestClient, story_ids: list[str]) -> None:
    for url in ("/", f"/stories/{story_ids[0]}", "/api/docs", "/api/stats", "/static/newsweave.css", "/nope"):
        h = client.get(url).headers
        assert h["content-security-policy"] == CSP, url
        assert "default-src 'self'" in CSP and "frame-ancestors 'none'" in CSP and "'unsafe-inline'" not in CSP
        assert h["x-content-type-options"] == "nosniff"
        assert h["referrer-policy"] == "no-referrer"
        assert h["x-frame-options"] == "DENY"


def test_pages_load_nothing_from_elsewhere(client: TestClient, story_ids: list[str]) -> None:
    for url in ("/", f"/stories/{story_ids[0]}", "/api/docs"):
        parser = TagCollector()
        parser.feed(html_of(client, url))
        for tag, attrs in parser.tags:
            if tag in ("script", "link", "img"):
                ref = attrs.get("src") or attrs.get("href") or ""
                assert ref.startswith("/"), (url, tag, ref)
            assert "style" not in attrs, (url, tag)  # style-src 'self' forbids inline styles
    for asset in ("/static/newsweave.css", "/static/newsweave.js", "/static/favicon.svg"):
        r = client.get(asset)
        assert r.status_code == 200 and "http" not in r.text.replace("http://www.w3.org", ""), asset


def test_stories_page_lists_stories_with_their_counts(client: TestClient) -> None:
    rows = client.get("/api/stories?limit=50").json()["stories"]
    html = html_of(client, "/")
    for row in rows:
        assert f'href="/stories/{row["id"]}"' in html
    assert html.count('class="story-row') == len(rows)
    with_conflicts = sum(1 for r in rows if r["contradictions"])
    assert html.count('class="story-row has-conflict"') == with_conflicts


def test_sort_toggle_orders_by_size(client: TestClient) -> None:
    html = html_of(client, "/?order=biggest")
    assert '<strong aria-current="true">Biggest</strong>' in html
    ids = re.findall(r'<a href="/stories/([^"]+)">', html)
    expected = [s["id"] for s in client.get("/api/stories?order=biggest&limit=50").json()["stories"]]
    assert ids == expected


def test_search_shows_matching_reports_with_highlights(client: TestClient) -> None:
    html = html_of(client, "/?q=earthquake")
    assert "Matching reports" in html
    marks = re.findall(r"<mark>([^<]+)</mark>", html)
    assert marks and all("earthquake" in m.lower() for m in marks)


def test_bad_filters_are_explained_not_500(client: TestClient) -> None:
    html = html_of(client, "/?since=yesterday&until=2021-99-01&order=sideways")
    assert "is not a date" in html and "unknown order" in html


def test_future_filter_shows_an_empty_list(client: TestClient) -> None:
    assert "No story matches these filters." in html_of(client, "/?since=2999-01-01")
    assert "No more stories." in html_of(client, "/?page=999")


def test_story_page_sections_and_citations(client: TestClient, conflict_story: tuple[str, dict]) -> None:
    sid, dossier = conflict_story
    html = html_of(client, f"/stories/{sid}")
    for section in ("summary", "contradictions", "timeline", "who", "facts", "reports"):
        assert f'id="{section}"' in html
    for article in dossier["articles"]:
        assert f'href="/articles/{article["id"]}"' in html
    links = CITE_LINK.findall(html)
    assert len(links) >= len(dossier["summary"])
    contradiction = next(c for c in dossier["conflicts"] if c["verdict"] == "contradiction")
    for side in contradiction["sides"]:
        assert side["evidence"]["text"].strip()[:40] in unescape(html)
    assert html.count('class="side side-a"') >= 1 and html.count('class="side side-b"') >= 1


def test_who_said_what_shows_the_cue_and_marks_only_quotations(client: TestClient,
                                                               conflict_story: tuple[str, dict]) -> None:
    sid, dossier = conflict_story
    html = unescape(html_of(client, f"/stories/{sid}"))
    who = html[html.index('id="who"'):html.index('id="facts"')]
    reported = [s for s in dossier["statements"] if not s["direct"] and s.get("cue")]
    assert reported
    for s in reported:  # "said" before the message, and no quotation marks around reported speech
        assert f'<span class="said-cue">{s["cue"]["text"]}</span>' in who
        assert f'<q>{s["content"]["text"]}</q>' not in who


def test_a_statement_other_reports_carried_is_shown_once(client: TestClient, story_ids: list[str]) -> None:
    for sid in story_ids:
        dossier = client.get(f"/api/stories/{sid}").json()
        firsts = [s for s in dossier["statements"] if s["repeated_in"]]
        if firsts:
            break
    else:
        pytest.skip("no story of the sample corpus repeats a statement")
    html = unescape(html_of(client, f"/stories/{sid}"))
    who = html[html.index('id="who"'):html.index('id="facts"')]
    assert who.count("also in ") == len(firsts)
    for s in firsts:
        for repeat in s["repeated_in"]:
            assert f'/articles/{repeat["article_id"]}?start={repeat["start"]}&end={repeat["end"]}#cite' in who


def test_citations_lead_to_the_highlighted_sentence(client: TestClient, conflict_story: tuple[str, dict]) -> None:
    sid, _ = conflict_story
    links = sorted(set(CITE_LINK.findall(html_of(client, f"/stories/{sid}"))))[:6]
    assert links
    for link in links:
        url = unescape(link)
        parsed = urlparse(url)
        q = parse_qs(parsed.query)
        start, end = int(q["start"][0]), int(q["end"][0])
        aid = parsed.path.rsplit("/", 1)[1]
        text = client.get(f"/api/articles/{aid}").json()["article"]["text"]
        html = html_of(client, url.split("#")[0])
        assert html.count('id="cite"') == 1
        highlighted = "".join(re.findall(r'<mark class="cite"(?: id="cite")?>(.*?)</mark>', html, re.DOTALL))
        plain = unescape(re.sub(r"<[^>]+>", "", highlighted))
        assert plain == text[start:end]


def test_article_page_shows_the_analysis_in_place(client: TestClient, conflict_story: tuple[str, dict]) -> None:
    aid = conflict_story[1]["articles"][0]["id"]
    body = client.get(f"/api/articles/{aid}").json()
    html = html_of(client, f"/articles/{aid}")
    analysis = body["analysis"]
    assert html.count('class="ent ') >= len({(m["start"], m["end"]) for m in analysis["entities"]})
    for t in analysis["timexes"]:
        assert f"{t['type']} {t['value']}" in unescape(html)
    if analysis["statements"]:
        assert 'id="st-0"' in html and 'href="#st-0"' in html
    # the text is all there, in order, once the markup is removed
    shown = re.search(r'<div class="report-text"[^>]*>(.*?)</div>', html, re.DOTALL).group(1)
    assert unescape(re.sub(r"<[^>]+>", "", shown)) == body["article"]["text"]
    assert f'href="/stories/{conflict_story[0]}"' in html


def test_out_of_range_citation_is_explained(client: TestClient, conflict_story: tuple[str, dict]) -> None:
    aid = conflict_story[1]["articles"][0]["id"]
    html = html_of(client, f"/articles/{aid}?start=5&end=99999999")
    assert 'id="cite"' not in html and "is not inside this report" in html
    html_of(client, f"/articles/{aid}?start=x&end=3", status=422)


def test_unknown_ids_give_html_404_pages(client: TestClient) -> None:
    for url in ("/stories/no-such-story", "/articles/no-such-article", "/no/such/page"):
        html = html_of(client, url, status=404)
        assert "404" in html and "Back to the stories" in html


def test_api_docs_page_lists_the_endpoints_without_a_cdn(client: TestClient) -> None:
    html = html_of(client, "/api/docs")
    for path in ("/api/stories", "/api/stories/{story_id}", "/api/articles/{article_id}", "/api/search"):
        assert f"<code>{path}</code>" in html
    assert "/api/openapi.json" in html and "cdn" not in html.lower()


# -- hostile input -------------------------------------------------------------------------------------------


def _evil_ids(client: TestClient) -> list[str]:
    hits = client.get("/api/search", params={"q": "harbour fire"}).json()["articles"]
    ids = [h["article_id"] for h in hits]
    assert len(ids) == 2
    return ids


def test_hostile_reports_come_out_inert_on_every_page(client: TestClient) -> None:
    ids = _evil_ids(client)
    urls = ["/", "/?q=harbour", "/?q=%3Cscript%3E", "/?outlet=" + EVIL_OUTLET]
    urls += [f"/articles/{aid}" for aid in ids] + [f"/articles/{aid}?start=0&end=40" for aid in ids]
    story_ids = {client.get(f"/api/articles/{aid}").json()["story_id"] for aid in ids} - {None}
    urls += [f"/stories/{sid}" for sid in story_ids]
    for url in urls:
        html = html_of(client, url)
        assert_inert(html)
        assert "<script>alert" not in html and "<img" not in html and "<svg" not in html
    article = html_of(client, f"/articles/{ids[0]}")
    # shown as text, escaped
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in article
    assert "&lt;svg onload=alert(4)&gt;" in article
    assert 'href="javascript:' not in article


def test_hostile_title_is_escaped_in_the_title_and_heading(client: TestClient) -> None:
    aid = next(a for a in _evil_ids(client)
               if client.get(f"/api/articles/{a}").json()["article"]["title"] == EVIL_TITLE)
    html = html_of(client, f"/articles/{aid}")
    title = re.search(r"<title>(.*?)</title>", html, re.DOTALL).group(1)
    assert unescape(title).startswith(EVIL_TITLE)
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&#34;&gt;&lt;img" in html or "&quot;&gt;&lt;img" in html


def test_hostile_dossier_strings_are_escaped(client: TestClient, monkeypatch: pytest.MonkeyPatch,
                                             conflict_story: tuple[str, dict]) -> None:
    """Whatever the reconcile stage puts into a dossier (labels, reasons, speakers ...) is escaped."""
    sid, dossier = conflict_story
    evil = '"><img src=x onerror=alert(9)><script>alert(10)</script>'
    aid = dossier["articles"][0]["id"]
    span = {"article_id": aid, "start": 0, "end": 10, "text": evil}
    side = {"article_id": aid, "outlet": evil, "published": evil, "evidence": span, "hedge": evil,
            "statement": {"speaker": evil, "channel": evil}}
    forged = {
        "schema": "newsweave.dossier/1",
        "story": {"id": sid, "title": evil, "first_seen": evil, "last_seen": None},
        "articles": [{"id": aid, "title": evil, "outlet_name": evil, "url": "javascript:alert(11)",
                      "published": evil, "copy_of": None}],
        "summary": [{"text": evil, "citations": [span]}],
        "timeline": [{"label": evil, "earliest": evil, "latest": None, "value": evil, "background": True,
                      "alternative_datings": [evil], "evidence": [span]}],
        "statements": [{"speaker": evil, "channel": evil, "relays": [evil], "content": span}],
        "facts": [{"label": evil, "independent_sources": 2, "supporting_articles": [aid],
                   "sources": [{"origin": evil, "relaying_articles": []}], "claims": [{"evidence": span}]}],
        "conflicts": [{"kind": evil, "verdict": "contradiction", "reason": evil, "sides": [side, side]},
                      {"kind": evil, "verdict": "precision", "reason": evil, "side_a": side, "side_b": side}],
        "disputes": [{"fact": evil, "kind": evil, "pairs": [{"a": 0, "b": 1, "reason": evil}, "junk"],
                      "positions": [{"value": evil, "claims": [side]}, {"value": evil, "claims": [side, 7]}, 3]},
                     "junk"],
        "publication_times": [{"article_id": aid, "outlet": evil, "title": evil, "published": evil}],
    }
    monkeypatch.setattr(pages, "load_dossier", lambda nw, story_id, tolerant=False: (forged, evil))
    html = html_of(client, f"/stories/{sid}")
    assert_inert(html)
    assert html.count("&lt;script&gt;alert(10)&lt;/script&gt;") >= 10


def test_story_page_degrades_when_the_dossier_cannot_be_built(client: TestClient, monkeypatch: pytest.MonkeyPatch,
                                                              conflict_story: tuple[str, dict]) -> None:
    sid, dossier = conflict_story

    def broken(*args, **kwargs):
        raise RuntimeError("reconcile exploded")

    monkeypatch.setattr(pages.load_dossier.__globals__["Newsweave"], "dossier", broken)
    html = html_of(client, f"/stories/{sid}")
    assert "could not be built" in html and "reconcile exploded" not in html
    for article in dossier["articles"]:
        assert f'href="/articles/{article["id"]}"' in html


def test_static_files_exist(client: TestClient) -> None:
    root = Path(pages.__file__).parent / "static"
    for name in ("newsweave.css", "newsweave.js", "favicon.svg"):
        assert (root / name).exists()
    assert client.get("/favicon.ico").status_code == 200


def test_story_page_lists_who_and_where(client: TestClient, conflict_story: tuple[str, dict]) -> None:
    sid, dossier = conflict_story
    assert dossier["entities"], "the example reports name people and places"
    html = unescape(html_of(client, f"/stories/{sid}"))
    section = html[html.index('id="entities"'):html.index('id="facts"')]
    for e in dossier["entities"][:5]:
        assert e["name"] in section
    assert all(any(ch.isupper() for ch in e["name"]) and e["name"] != "GMT" for e in dossier["entities"])


def test_minor_timeline_entries_are_folded_apart(client: TestClient, story_ids: list[str]) -> None:
    """Dated mentions of one report (not a kind of event the story is about) sit in a fold after the events."""
    seen = 0
    for sid in story_ids:
        dossier = client.get(f"/api/stories/{sid}").json()
        minor = [e for e in dossier.get("timeline") or [] if e.get("minor")]
        if not minor:
            continue
        html = unescape(html_of(client, f"/stories/{sid}"))
        fold = html.split('<details class="minor-events"', 1)
        assert len(fold) == 2, "the minor entries have their fold"
        inside = fold[1].split("</details>", 1)[0]
        assert all(e["label"] in inside for e in minor)
        assert not any(e["label"] in inside for e in dossier["timeline"] if not e.get("minor") and len(e["label"]) > 12)
        seen += 1
    assert seen, "the sample corpus has a story with minor timeline entries"
