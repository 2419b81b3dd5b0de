"""Ingest into the store: exactly once, versions by URL, near-duplicates linked, bad input kept as rejections."""

from __future__ import annotations

import gzip
import json

import pytest

import newsweave

REPORT = (
    "Firefighters battled a blaze at a timber warehouse in the port district on Tuesday evening, officials said. "
    "Nobody was hurt, according to the fire brigade, but smoke forced the closure of two nearby roads for several "
    "hours. The cause of the fire is under investigation, and the owner said the stock was insured."
)
OTHER = (
    "The city council approved a new budget on Thursday that raises spending on public transport by twelve percent. "
    "Council members debated for more than six hours before the vote, which passed narrowly, the mayor's office said."
)


@pytest.fixture
def nw(tmp_path):
    with newsweave.open(tmp_path / "t.db") as store:
        yield store


def _write(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_same_content_is_stored_once(nw, tmp_path):
    f = _write(tmp_path / "a.jsonl", [{"id": "x1", "date": "2024-05-01", "title": "Fire", "text": REPORT,
                                       "source": "reuters.com"}])
    first = nw.ingest([f], process=False)
    assert first.counts["added"] == 1
    again = nw.ingest([f], process=False)
    assert again.counts == {"added": 0, "updated": 0, "duplicate": 1, "near-duplicate": 0, "rejected": 0}
    # whitespace-only differences are the same content
    g = tmp_path / "b.txt"
    g.write_text(REPORT.replace(". ", ".  \n"), encoding="utf-8")
    assert nw.ingest([g], process=False).counts["duplicate"] == 1
    assert nw.stats()["articles"] == 1


def test_same_url_with_changed_text_keeps_both_versions(nw, tmp_path):
    url = "https://www.example-news.com/2024/05/01/fire"
    v1 = _write(tmp_path / "v1.jsonl", [{"url": url, "date": "2024-05-01", "text": REPORT}])
    v2 = _write(tmp_path / "v2.jsonl", [{"url": url, "date": "2024-05-01", "text": REPORT + " Update: a man was "
                                          "arrested on suspicion of arson on Wednesday morning, police said."}])
    a = nw.ingest([v1], process=False).outcomes[0]
    b = nw.ingest([v2], process=False).outcomes[0]
    assert a.status == "added" and b.status == "updated"
    assert a.article_id != b.article_id
    assert nw.store.article_meta(b.article_id)["previous_version"] == a.article_id
    assert nw.stats()["articles"] == 2


def test_wire_copy_is_linked_to_its_original(nw, tmp_path):
    original = _write(tmp_path / "o.jsonl", [{"date": "2024-05-01", "text": REPORT, "source": "Reuters"}])
    copy = _write(tmp_path / "c.jsonl", [{"date": "2024-05-01", "source": "Some Daily", "text": REPORT.replace(
        "Tuesday evening", "Tuesday night") + " (With inputs from agencies)"}])
    unrelated = _write(tmp_path / "u.jsonl", [{"date": "2024-05-02", "text": OTHER}])
    (orig,) = nw.ingest([original], process=False).outcomes
    (cp,) = nw.ingest([copy], process=False).outcomes
    (un,) = nw.ingest([unrelated], process=False).outcomes
    assert cp.status == "near-duplicate" and cp.copy_of == orig.article_id and cp.similarity >= 0.8
    assert un.status == "added" and un.copy_of is None
    stored = nw.article(cp.article_id)
    assert stored.copy_of == orig.article_id and stored.copy_similarity == pytest.approx(cp.similarity)


def test_bad_inputs_are_rejected_kept_and_do_not_stop_the_batch(nw, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "good.txt").write_text(" date 2024-05-01 " + REPORT, encoding="utf-8")
    (folder / "feed.jsonl").write_text(
        json.dumps({"date": "2024-05-02", "text": OTHER}) + "\n{not json\n" + json.dumps({"title": "no body"}) + "\n",
        encoding="utf-8")
    with gzip.open(folder / "old.txt.gz", "wt", encoding="latin-1") as fh:
        fh.write(" date 2023-01-09 Caf\xe9 owners in the old town said on Monday that a water main burst overnight "
                 "flooded cellars along three streets, and the utility promised repairs within two days.")
    (folder / "big.txt").write_text("word " * 50_000, encoding="utf-8")
    report = nw.ingest([folder], process=False, max_bytes=100_000)
    reasons = sorted(o.reason for o in report.rejected)
    assert report.counts["added"] == 3
    assert reasons == sorted(["empty", "binary", "malformed", "no-text", "too-large"]), reasons
    for o in report.rejected:
        assert o.source and o.message
    stored = {(r.source.rsplit("/", 1)[-1], r.line, r.reason) for r in nw.rejections()}
    assert ("feed.jsonl", 2, "malformed") in stored
    cafe = [a for a in nw.articles(limit=None) if a.text.startswith("Caf")]
    assert cafe and cafe[0].text.startswith("Café") and cafe[0].published.value.year == 2023
    # rejections are idempotent too: running again does not add rows
    nw.ingest([folder], process=False, max_bytes=100_000)
    assert len(nw.rejections()) == 5


def test_dateless_text_is_never_given_an_invented_date(nw, tmp_path):
    f = tmp_path / "plain.txt"
    f.write_text(REPORT, encoding="utf-8")
    (o,) = nw.ingest([f], process=False).outcomes
    a = nw.article(o.article_id)
    assert a.published.value is None and a.published.precision == "unknown" and a.published.origin == "none"


def test_future_dated_reports_are_rejected_with_reason(nw, tmp_path):
    f = _write(tmp_path / "f.jsonl", [{"date": "2031-06-01", "text": REPORT}])
    (o,) = nw.ingest([f], process=False).outcomes
    assert o.status == "rejected" and o.reason == "future-date"


def test_outlets_are_recognised_from_domains_and_names(nw, tmp_path):
    f = _write(tmp_path / "o.jsonl", [
        {"date": "2024-05-01", "text": REPORT, "url": "https://www.reuters.com/world/fire-2024-05-01/"},
        {"date": "2024-05-02", "text": OTHER, "source": "The Associated Press"},
    ])
    outcomes = nw.ingest([f], process=False).outcomes
    a, b = (nw.article(o.article_id) for o in outcomes)
    ra, rb = nw.store.get_outlet(a.outlet), nw.store.get_outlet(b.outlet)
    assert ra is not None and ra.kind == "wire agency" and "reuters.com" in ra.domains
    assert rb is not None and rb.kind == "wire agency"
