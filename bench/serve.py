"""Benchmark: server time of the web UI and API with 100,000 stored reports.

    python bench/serve.py [--reports 100000] [--requests 200] [--cache /tmp/newsweave-bench/serve-100k.db]

The database is built once and reused from the cache path: the bundled sample corpus is ingested and
processed normally (analysis, stories, dossiers), then its texts (ECB+, MEANTIME, the two example reports) are
**replayed through the store directly** — new ids, publication dates shifted by whole days, grouped into one
story per replay and topic — until the store holds ``--reports`` articles. Replayed stories have no dossier;
the story page is timed on the sample's reconciled stories (dossier cached in the store, as after ingest).

Server time is measured inside the application (an ASGI wrapper around the app: request in → last body byte
out), driven by an in-process client. The baseline row of each endpoint is the library call underneath it
(``Newsweave.dossier`` via ``serve.views.load_dossier`` / ``store.search`` / ``store.stories``) — the ratio is what HTTP, rendering and the rest of the page add.
Target: p95 < 100 ms for the story page and the search endpoint.
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import statistics
import sys
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import newsweave
from newsweave.model import PublishedTime, Story, StoryMember

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "src" / "newsweave" / "data" / "sample"
DEFAULT_CACHE = Path("/tmp/newsweave-bench/serve-100k.db")
QUERIES = ["earthquake", "police", "said", "prime minister", "fire*", '"drone attack"', "oscar nominations",
           "killed", "zzqx-nothing", "bank robbery"]
log = logging.getLogger("bench.serve")


def build(path: Path, reports: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with newsweave.open(path) as nw:
        if nw.store.count_articles() >= reports:
            return
        if nw.store.count_articles() == 0:
            print(f"ingesting and processing the sample corpus into {path} …", file=sys.stderr)
            nw.ingest([SAMPLE])
        originals = nw.store.articles(limit=None, order="ingested")
        store = nw.store
        have = store.count_articles()
        replay = 0
        print(f"replaying {len(originals)} sample texts to {reports} reports …", file=sys.stderr)
        while have < reports:
            replay += 1
            stories: dict[str, list[str]] = {}
            with store.transaction():
                for a in originals:
                    if have >= reports:
                        break
                    new_id = hashlib.sha256(f"replay{replay}:{a.id}".encode()).hexdigest()[:16]
                    value = a.published.value
                    published = (replace(a.published, value=value - timedelta(days=replay))
                                 if value else PublishedTime(None))
                    copy = replace(a, id=new_id, published=published, ingested=None, copy_of=None,
                                   copy_similarity=None, external_id=None, source=f"bench-replay-{replay}")
                    if store.add_article(copy, content_hash=new_id):
                        have += 1
                        topic = (a.external_id or a.id).split("_")[0]
                        stories.setdefault(topic, []).append(new_id)
                for topic, ids in stories.items():
                    sid = f"replay-{replay}-{topic}"
                    arts = store.get_articles(ids)
                    dates = [x.published.value for x in arts if x.published.value]
                    store.save_story(Story(sid, title=arts[0].title, first_seen=min(dates, default=None),
                                           last_seen=max(dates, default=None)))
                    for aid in ids:
                        store.set_member(StoryMember(sid, aid))
            if replay % 50 == 0:
                print(f"  {have} reports", file=sys.stderr)


class ServerTimer:
    """ASGI wrapper recording the time from request start to the last byte of the response body."""

    def __init__(self, app) -> None:
        self.app = app
        self.times: list[float] = []

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()

        async def timed_send(message) -> None:
            await send(message)
            if message["type"] == "http.response.body" and not message.get("more_body", False):
                self.times.append(time.perf_counter() - start)

        await self.app(scope, receive, timed_send)


def stats_ms(times: list[float]) -> tuple[float, float]:
    ms = sorted(t * 1000 for t in times)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    return statistics.median(ms), p95


def time_calls(fn, n: int) -> list[float]:
    out = []
    for i in range(n):
        t = time.perf_counter()
        fn(i)
        out.append(time.perf_counter() - t)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200, help="requests per endpoint")
    parser.add_argument("--slow-requests", type=int, default=20, help="requests for the stories listing")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)
    cache = args.cache if args.reports == 100_000 else args.cache.with_name(f"serve-{args.reports}.db")
    t0 = time.perf_counter()
    build(cache, args.reports)
    print(f"database ready in {time.perf_counter() - t0:.0f} s: {cache}", file=sys.stderr)

    from fastapi.testclient import TestClient

    from newsweave.serve.app import create_app
    from newsweave.serve.views import load_dossier

    app = create_app(str(cache))
    timer = ServerTimer(app)
    nw = app.state.nw
    n_articles = nw.store.count_articles()
    reconciled = [s["id"] for s in nw.store.stories(limit=None) if nw.store.get_dossier(s["id"]) is not None]
    if not reconciled:
        sys.exit("no reconciled story in the benchmark database")
    analysed = [m.article_id for sid in reconciled for m in nw.store.story_members(sid)]
    article_ids = analysed + [a.id for a in nw.store.articles(limit=max(1, len(analysed)))]  # half not analysed
    n = args.requests
    rows = []
    with TestClient(timer) as client:
        def run(label: str, url_of, lib, n: int = n) -> None:
            for i in range(3):  # warm-up
                assert client.get(url_of(i)).status_code == 200, url_of(i)
            timer.times.clear()
            for i in range(n):
                r = client.get(url_of(i))
                assert r.status_code == 200, (url_of(i), r.status_code, r.text[:200])
            med, p95 = stats_ms(timer.times)
            base = stats_ms(time_calls(lib, n)) if lib else (None, None)
            rows.append((label, n, med, p95, *base))

        run("story page `/stories/{id}`", lambda i: f"/stories/{reconciled[i % len(reconciled)]}",
            lambda i: load_dossier(nw, reconciled[i % len(reconciled)]))
        run("story JSON `/api/stories/{id}`", lambda i: f"/api/stories/{reconciled[i % len(reconciled)]}",
            lambda i: load_dossier(nw, reconciled[i % len(reconciled)]))
        run("search `/api/search?q=`", lambda i: f"/api/search?q={QUERIES[i % len(QUERIES)]}",
            lambda i: nw.store.search(QUERIES[i % len(QUERIES)], limit=20))
        run("stories page `/`", lambda i: "/" if i % 2 else "/?order=biggest",
            lambda i: nw.store.stories(limit=51, order="size" if i % 2 == 0 else "last_seen"), n=args.slow_requests)
        run("article page `/articles/{id}`", lambda i: f"/articles/{article_ids[i % len(article_ids)]}", None)

    print(f"\n### Web server time, {n_articles:,} stored reports\n")
    print("| endpoint | requests | median ms | p95 ms | library call p95 ms (baseline) | ratio p95 | p95 < 100 ms |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for label, count, med, p95, _bmed, bp95 in rows:
        ratio = f"{p95 / bp95:.1f}×" if bp95 else "—"
        base = f"{bp95:.1f}" if bp95 is not None else "—"
        target = "yes" if p95 < 100 else "no"
        print(f"| {label} | {count} | {med:.1f} | {p95:.1f} | {base} | {ratio} | {target} |")


if __name__ == "__main__":
    main()
