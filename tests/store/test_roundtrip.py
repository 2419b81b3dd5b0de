"""Property tests: whatever article goes into the store comes out identical."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsweave.model import Article, PublishedTime
from newsweave.store import SQLiteStore

texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=300)
opt = lambda s: st.none() | s
zones = st.sampled_from([UTC, timezone(timedelta(hours=5, minutes=30)), timezone(timedelta(hours=-4))])
times = st.builds(
    lambda d, tz: d.replace(tzinfo=tz), st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1)),
    zones,
)
published = st.builds(
    PublishedTime, opt(times), st.sampled_from(["day", "minute", "second", "unknown"]),
    st.sampled_from(["text-prefix", "field", "json-ld", "meta", "url", "none"]), st.floats(0, 1),
)
articles = st.builds(
    Article,
    id=st.text(alphabet="0123456789abcdef", min_size=16, max_size=16),
    text=texts,
    title=opt(texts),
    url=opt(st.from_regex(r"https://[a-z]{1,10}\.com/[a-z0-9/]{0,20}", fullmatch=True)),
    outlet=st.none(),
    outlet_name=opt(texts),
    author=opt(texts),
    language=opt(st.sampled_from(["en", "fr"])),
    published=published,
    ingested=times,
    source=opt(texts),
    external_id=opt(texts),
    copy_of=st.none(),
    copy_similarity=st.none(),
)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(article=articles)
def test_article_round_trip(article):
    with SQLiteStore(":memory:") as store:
        assert store.add_article(article, content_hash="h" * 64)
        assert store.add_article(article, content_hash="h" * 64) is False  # stored once
        back = store.get_article(article.id)
    assert back == article


@settings(max_examples=30)
@given(words=st.lists(st.from_regex(r"[a-z]{3,9}", fullmatch=True), min_size=3, max_size=30))
def test_fts_finds_every_stored_word(words):
    text = " ".join(words)
    with SQLiteStore(":memory:") as store:
        store.add_article(Article(id="0123456789abcdef", text=text), content_hash="x")
        for w in set(words):
            assert [h.article_id for h in store.search(w)] == ["0123456789abcdef"]
        assert store.search("zzzzqqqq") == []
        assert store.search('"; DROP TABLE articles; --') == []
        assert store.integrity_check() == "ok"


def test_search_ranks_only_the_newest_window_of_matches(monkeypatch):
    from newsweave.store import sqlite as sqlite_mod

    monkeypatch.setattr(sqlite_mod, "RANK_WINDOW", 3)
    with SQLiteStore(":memory:") as store:
        for i in range(6):
            text = "flood " * (10 if i == 0 else 1) + f"report number {i}"
            store.add_article(Article(id=f"{i:016x}", text=text), content_hash=str(i))
        hits = [h.article_id for h in store.search("flood", limit=10)]
    assert sorted(hits) == [f"{i:016x}" for i in (3, 4, 5)]  # the oldest, best-matching one is outside the window
