"""Grouping features on worker processes: the same features, in input order, as in one process."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from newsweave.model import Article
from newsweave.stories import StoryGrouper, article_features_batch, group_articles
from newsweave.stories.workers import features_many

SAMPLE = Path(__file__).resolve().parents[2] / "src" / "newsweave" / "data" / "sample" / "ecbplus_topics.jsonl"


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    rows = [json.loads(line) for line in SAMPLE.open(encoding="utf-8")][:12]
    return [Article(id=r["id"], text=r["text"], title=r.get("title")) for r in rows]


@pytest.fixture(scope="module")
def parallel(articles) -> list:
    # batches of 3 on 2 workers: several batches are in flight at once, and results must come back in order
    return list(features_many(articles, workers=2, batch_size=3))


def test_features_on_workers_equal_features_in_one_process(articles, parallel):
    local = article_features_batch(articles)
    assert [f.article_id for f in parallel] == [a.id for a in articles]
    for p, q in zip(parallel, local, strict=True):
        assert p.terms == q.terms
        assert p.entities == q.entities
        assert p.dates == q.dates
        assert np.array_equal(p.signature, q.signature)
        assert float(np.dot(p.embedding, q.embedding)) > 0.999


def test_progress_counts_every_report(articles):
    seen: list[int] = []
    out = list(features_many(articles[:5], workers=1, batch_size=2, progress=seen.append))
    assert len(out) == 5 and sum(seen) == 5 and seen == [2, 2, 1]


@pytest.mark.parametrize("option", [{"workers": 0}, {"batch_size": 0}])
def test_bad_options_are_refused(articles, option):
    with pytest.raises(ValueError, match="at least 1"):
        list(features_many(articles, **option))


def test_group_articles_on_workers_groups_like_one_process(articles):
    calls: list[tuple[int, int]] = []
    one, two = StoryGrouper(), StoryGrouper()
    group_articles(articles, grouper=one, workers=1)
    group_articles(articles, grouper=two, workers=2, batch_size=4, progress=lambda d, t: calls.append((d, t)))
    assert two.membership() == one.membership()
    assert calls[-1] == (len(articles), len(articles)) and len(calls) == len(articles)
