"""The JSON API in-process: listings, dossiers, articles, search, stats, ingest, tokens, limits, error shape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import newsweave
from newsweave.model import Story
from newsweave.serve.app import create_app

from .conftest import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}
RECORD = {"title": "Bridge reopens after repairs", "date": "2024-05-02", "outlet": "Valley Herald",
          "text": "The Elm Street bridge reopened on Thursday after six weeks of repairs, the city said. "
                  "Traffic was light in the morning, according to the transport department."}


def assert_error(response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    err = body["error"]
    assert set(err) == {"status", "code", "message"}
    assert err["status"] == status
    assert isinstance(err["message"], str) and len(err["message"]) > 10
    if code is not None:
        assert err["code"] == code, err
    return err


# -- reading -------------------------------------------------------------------------------------------------


def test_stories_listing_has_counts_and_orders(client: TestClient, story_ids: list[str]) -> None:
    newest = client.get("/api/stories", params={"limit": 500}).json()
    assert newest["order"] == "newest"
    rows = newest["stories"]
    assert rows, "the sample corpus should give at least one story"
    for row in rows:
        assert {"id", "title", "first_seen", "last_seen", "size", "outlets", "independent_sources",
                "contradictions"} <= set(row)
        assert row["size"] >= 1 and row["independent_sources"] <= row["size"]
    last_seen = [r["last_seen"] for r in rows if r["last_seen"]]
    assert last_seen == sorted(last_seen, reverse=True)
    biggest = client.get("/api/stories", params={"order": "biggest", "limit": 500}).json()["stories"]
    sizes = [r["size"] for r in biggest]
    assert sizes == sorted(sizes, reverse=True)
    assert {r["id"] for r in biggest} == set(story_ids)


def test_stories_paging_and_filters(client: TestClient, story_ids: list[str]) -> None:
    if len(story_ids) < 2:
        pytest.skip("needs two stories")
    first = client.get("/api/stories", params={"limit": 1}).json()["stories"]
    second = client.get("/api/stories", params={"limit": 1, "offset": 1}).json()["stories"]
    assert len(first) == len(second) == 1 and first[0]["id"] != second[0]["id"]
    none = client.get("/api/stories", params={"since": "2999-01-01"}).json()["stories"]
    assert none == []
    unknown_outlet = client.get("/api/stories", params={"outlet": "No Such Outlet Anywhere"}).json()["stories"]
    assert unknown_outlet == []


def test_story_dossier_carries_offsets(client: TestClient, conflict_story: tuple[str, dict]) -> None:
    sid, dossier = conflict_story
    assert dossier["schema"].startswith("newsweave.dossier/")
    assert dossier["story"]["id"] == sid
    article_ids = {a["id"] for a in dossier["articles"]}
    texts = {aid: client.get(f"/api/articles/{aid}").json()["article"]["text"] for aid in article_ids}
    spans = [c for s in dossier["summary"] for c in s["citations"]]
    spans += [e for t in dossier["timeline"] for e in t["evidence"]]
    spans += [side["evidence"] for c in dossier["conflicts"] for side in c["sides"]]
    assert spans
    for span in spans:
        assert span["article_id"] in article_ids
        assert 0 <= span["start"] < span["end"] <= len(texts[span["article_id"]])
        if "text" in span:
            assert texts[span["article_id"]][span["start"]:span["end"]] == span["text"]


def test_merged_story_redirects_to_the_live_one(client: TestClient, sample_db: Path, story_ids: list[str]) -> None:
    live = story_ids[0]
    with newsweave.open(sample_db) as nw:
        nw.store.save_story(Story("merged-away-story", title="old", merged_into=live))
    r = client.get("/api/stories/merged-away-story", follow_redirects=False)
    assert r.status_code == 307 and r.headers["location"] == f"/api/stories/{live}"
    page = client.get("/stories/merged-away-story", follow_redirects=False)
    assert page.status_code == 307 and page.headers["location"] == f"/stories/{live}"
    assert "merged-away-story" not in [s["id"] for s in client.get("/api/stories?limit=500").json()["stories"]]


def test_article_with_analysis(client: TestClient, conflict_story: tuple[str, dict]) -> None:
    _, dossier = conflict_story
    aid = dossier["articles"][0]["id"]
    body = client.get(f"/api/articles/{aid}").json()
    assert body["article"]["id"] == aid and body["article"]["text"]
    assert body["story_id"] == conflict_story[0]
    analysis = body["analysis"]
    assert analysis is not None
    text = body["article"]["text"]
    for key in ("sentences", "entities", "timexes", "statements"):
        assert isinstance(analysis[key], list)
    for m in analysis["entities"]:
        assert text[m["start"]:m["end"]] == m["text"]


def test_article_listing_omits_text(client: TestClient) -> None:
    rows = client.get("/api/articles", params={"limit": 5}).json()["articles"]
    assert len(rows) == 5
    assert all("text" not in r and r["length"] > 0 for r in rows)


def test_search_finds_reports_and_their_stories(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "earthquake"}).json()
    assert body["articles"], "the ECB+ sample has earthquake reports"
    for hit in body["articles"]:
        assert "[" in hit["snippet"] and "]" in hit["snippet"]
        text = client.get(f"/api/articles/{hit['article_id']}").json()["article"]["text"]
        assert "earthquake" in text.lower() or "earthquake" in (hit["title"] or "").lower()
    hit_stories = [h["story_id"] for h in body["articles"] if h["story_id"]]
    assert [s["id"] for s in body["stories"]] == list(dict.fromkeys(hit_stories))
    for story in body["stories"]:
        assert story["matching_reports"] == hit_stories.count(story["id"])
    assert client.get("/api/search", params={"q": "zzqxv-nothing"}).json()["articles"] == []
    # FTS syntax in user input is neutralised, not an error
    assert client.get("/api/search", params={"q": 'AND OR "unbalanced NEAR( *'}).status_code == 200


def test_stats_hide_the_database_path(client: TestClient) -> None:
    stats = client.get("/api/stats").json()
    assert stats["articles"] >= 100 and "database" not in stats


def test_openapi_describes_the_endpoints(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    for path in ("/api/stories", "/api/stories/{story_id}", "/api/articles", "/api/articles/{article_id}",
                 "/api/search", "/api/stats"):
        assert path in spec["paths"], path
    assert "post" in spec["paths"]["/api/articles"]
    assert not any(p == "/" or p.startswith("/stories") for p in spec["paths"])


# -- errors --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("url", "status", "code"), [
    ("/api/stories/no-such-story", 404, "not_found"),
    ("/api/articles/no-such-article", 404, "not_found"),
    ("/api/nothing-here", 404, "not_found"),
    ("/api/stories?order=sideways", 422, "invalid_request"),
    ("/api/stories?limit=0", 422, "invalid_request"),
    ("/api/stories?since=2021-13-45", 422, "invalid_request"),
    ("/api/search", 422, "invalid_request"),
    ("/api/search?q=", 422, "invalid_request"),
])
def test_error_shape(client: TestClient, url: str, status: int, code: str) -> None:
    assert_error(client.get(url), status, code)


def test_method_not_allowed_has_the_error_shape(client: TestClient) -> None:
    assert_error(client.delete("/api/stats"), 405)


def test_unexpected_failure_is_a_json_500_with_headers(sample_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = create_app(str(sample_db))

    def boom() -> dict:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(app.state.nw, "stats", boom)
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.get("/api/stats")
    err = assert_error(r, 500, "internal_error")
    assert "disk on fire" not in err["message"]  # no internals leak
    assert "content-security-policy" in r.headers


# -- writing -------------------------------------------------------------------------------------------------


def test_writes_refused_without_a_configured_token(write_db: Path) -> None:
    with TestClient(create_app(str(write_db))) as c:
        r = c.post("/api/articles?process=false", json=RECORD, headers=AUTH)
    err = assert_error(r, 403, "writes_disabled")
    assert "NEWSWEAVE_TOKEN" in err["message"]
    assert newsweave.open(write_db).store.count_articles() == 0


@pytest.mark.parametrize(("headers", "status", "code"), [
    ({}, 401, "token_required"),
    ({"Authorization": "Basic dXNlcjpwYXNz"}, 401, "token_required"),
    ({"Authorization": "Bearer "}, 401, "token_required"),
    ({"Authorization": "Bearer wrong-token"}, 403, "token_invalid"),
    ({"Authorization": f"Bearer {TOKEN}x"}, 403, "token_invalid"),
])
def test_bad_tokens_are_refused(write_db: Path, headers: dict, status: int, code: str) -> None:
    with TestClient(create_app(str(write_db), token=TOKEN)) as c:
        r = c.post("/api/articles?process=false", json=RECORD, headers=headers)
    assert_error(r, status, code)
    if status == 401:
        assert r.headers["www-authenticate"].startswith("Bearer")
    assert newsweave.open(write_db).store.count_articles() == 0


def test_ingest_one_record_then_a_duplicate(write_db: Path) -> None:
    with TestClient(create_app(str(write_db), token=TOKEN)) as c:
        r = c.post("/api/articles?process=false", json=RECORD, headers=AUTH)
        assert r.status_code == 201, r.text
        body = r.json()
        assert body["counts"]["added"] == 1
        (outcome,) = body["outcomes"]
        assert outcome["status"] == "added" and outcome["title"] == RECORD["title"]
        aid = outcome["article_id"]
        stored = c.get(f"/api/articles/{aid}").json()["article"]
        assert stored["text"] == RECORD["text"] and stored["published"].startswith("2024-05-02")
        again = c.post("/api/articles?process=false", json=RECORD, headers=AUTH)
        assert again.status_code == 200
        assert again.json()["outcomes"][0]["status"] == "duplicate"


def test_ingest_many_records_in_each_json_form_and_jsonl(write_db: Path) -> None:
    records = [dict(RECORD, text=RECORD["text"] + f" Update number {i} of the day.", title=f"Bridge {i}")
               for i in range(6)]
    with TestClient(create_app(str(write_db), token=TOKEN)) as c:
        as_list = c.post("/api/articles?process=false", json=records[:2], headers=AUTH).json()
        wrapped = c.post("/api/articles?process=false", json={"records": records[2:4]}, headers=AUTH).json()
        jsonl = "\n".join(json.dumps(r) for r in records[4:]) + "\n"
        lines = c.post("/api/articles?process=false", content=jsonl.encode(),
                       headers={**AUTH, "Content-Type": "application/x-ndjson"}).json()
    for body in (as_list, wrapped, lines):
        assert len(body["outcomes"]) == 2
        assert body["counts"]["added"] + body["counts"]["near-duplicate"] == 2
    assert newsweave.open(write_db).store.count_articles() == 6


def test_ingest_plain_text_with_a_date_prefix(write_db: Path) -> None:
    text = " date 2023-02-01 Heavy snow closed the mountain pass on Tuesday, police said."
    with TestClient(create_app(str(write_db), token=TOKEN)) as c:
        r = c.post("/api/articles?process=false", content=text.encode(),
                   headers={**AUTH, "Content-Type": "text/plain; charset=utf-8"})
        assert r.status_code == 201, r.text
        aid = r.json()["outcomes"][0]["article_id"]
        article = c.get(f"/api/articles/{aid}").json()["article"]
    assert article["published"].startswith("2023-02-01")
    assert article["text"].startswith("Heavy snow")


def test_ingest_reports_rejected_items_per_item(write_db: Path) -> None:
    with TestClient(create_app(str(write_db), token=TOKEN)) as c:
        r = c.post("/api/articles?process=false", headers=AUTH,
                   json=[RECORD, {"title": "no text here"}, dict(RECORD, date="not a date", text="Other text.")])
    body = r.json()
    statuses = [o["status"] for o in body["outcomes"]]
    assert statuses == ["added", "rejected", "rejected"]
    reasons = [o.get("reason") for o in body["outcomes"][1:]]
    assert reasons == ["no-text", "bad-date"]
    assert all(o["message"] for o in body["outcomes"][1:])


@pytest.mark.parametrize(("content", "ctype", "status", "code"), [
    (b"{not json", "application/json", 400, "malformed_json"),
    (b'"just a string"', "application/json", 400, "malformed_json"),
    (b"[]", "application/json", 400, "empty_body"),
    (b"   ", "application/json", 400, "empty_body"),
    (b"\x00\x01binary", "image/png", 415, "unsupported_media_type"),
])
def test_malformed_bodies_are_4xx(write_db: Path, content: bytes, ctype: str, status: int, code: str) -> None:
    with TestClient(create_app(str(write_db), token=TOKEN), raise_server_exceptions=True) as c:
        r = c.post("/api/articles?process=false", content=content, headers={**AUTH, "Content-Type": ctype})
    assert_error(r, status, code)


def test_bodies_over_the_limit_get_413(write_db: Path) -> None:
    app = create_app(str(write_db), token=TOKEN, max_body_bytes=2_000)
    big = dict(RECORD, text="word " * 1_000)
    with TestClient(app) as c:
        declared = c.post("/api/articles?process=false", json=big, headers=AUTH)
        assert_error(declared, 413, "payload_too_large")

        def chunks():  # no Content-Length: the limit is enforced while reading
            for _ in range(10):
                yield b"x" * 500

        streamed = c.post("/api/articles?process=false", content=chunks(),
                          headers={**AUTH, "Content-Type": "text/plain"})
        assert_error(streamed, 413, "payload_too_large")
        small = c.post("/api/articles?process=false", json=RECORD, headers=AUTH)
        assert small.status_code == 201
    assert newsweave.open(write_db).store.count_articles() == 1


def test_size_limit_applies_before_the_token_check(write_db: Path) -> None:
    with TestClient(create_app(str(write_db), max_body_bytes=100)) as c:
        r = c.post("/api/articles", content=b"x" * 1000, headers={"Content-Type": "text/plain"})
    assert_error(r, 413)


def test_ingest_processes_by_default(write_db: Path) -> None:
    with TestClient(create_app(str(write_db), token=TOKEN)) as c:
        r = c.post("/api/articles", json=RECORD, headers=AUTH)
        assert r.status_code == 201, r.text
        body = r.json()
        aid = body["outcomes"][0]["article_id"]
        process = body["process"]
        if "error" in process:  # the pipeline stages are not importable yet
            assert "not available" in process["error"]
            return
        assert process["analyzed"] == 1
        article = c.get(f"/api/articles/{aid}").json()
        assert article["analysis"] is not None and article["story_id"]
        assert c.get(f"/stories/{article['story_id']}").status_code == 200


def test_stories_count_disputed_facts_not_pairs(client: TestClient, story_ids: list[str]) -> None:
    """A story's "contradictions" count is its number of disputed facts: three reports giving three tolls are
    one dispute, not three pairwise contradictions."""
    rows = {r["id"]: r for r in client.get("/api/stories", params={"limit": 500}).json()["stories"]}
    checked = 0
    for sid in story_ids:
        dossier = client.get(f"/api/stories/{sid}").json()
        stored = [d for d in dossier["disputes"] if d["kind"] != "attribution"]  # (quotations have no stored claims)
        pairs = [c for c in dossier["conflicts"] if c["verdict"] == "contradiction" and c["kind"] != "attribution"]
        assert (rows[sid]["contradictions"] or 0) == len(stored), sid
        checked += len(pairs) > len(stored)
    assert checked, "the sample corpus should have a story whose disputes gather several contradictions"
