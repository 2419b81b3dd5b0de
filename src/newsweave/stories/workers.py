"""Grouping features of many reports on several processes (the batch path of ``newsweave group``).

Each worker process loads the grouping pipeline (spaCy without the dependency parser, see
:func:`~newsweave.stories.features.article_features_batch`) and the sentence embedder once, with one torch
thread, and turns batches of reports into :class:`~newsweave.stories.features.ArticleFeatures`. Results come back
in input order, so the caller can assign reports to stories exactly as the online path would, one after another.
The features are the same as in one process: each report is parsed and embedded on its own.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from ..model import Article
from .features import ArticleFeatures, article_features_batch

__all__ = ["features_many"]

#: Modules the workers need, imported once in the fork server instead of in every worker.
_PRELOAD = ("spacy", "torch", "newsweave.stories.features", "newsweave.stories.embeddings",
            "newsweave.stories.minilm", "tokenizers", "safetensors.torch")


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while batch := list(islice(it, size)):
        yield batch


def features_many(
    articles: Iterable[Article],
    *,
    workers: int = 2,
    batch_size: int = 32,
    progress: Callable[[int], None] | None = None,
) -> Iterator[ArticleFeatures]:
    """Features of a stream of reports, in input order, computed on ``workers`` processes.

    ``workers=1`` (or an input of a single batch) runs in this process, with the process-wide embedder.
    ``progress`` is called with the number of reports just finished (an increment).
    """
    if workers < 1:
        raise ValueError(f"workers must be at least 1 (got {workers})")
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1 (got {batch_size})")
    batches = _batches(articles, batch_size)
    head = list(islice(batches, 2))
    if workers == 1 or len(head) < 2:
        for batch in (*head, *batches):
            feats = article_features_batch(batch, batch_size=batch_size)
            if progress:
                progress(len(feats))
            yield from feats
        return
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods and os.name == "posix":
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(list(_PRELOAD))
    else:  # pragma: no cover - platform dependent
        ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(processes=workers, initializer=_init_worker) as pool:
        pending: deque = deque()
        for batch in (*head, *batches):
            pending.append(pool.apply_async(_worker_batch, (batch, batch_size)))
            while len(pending) >= 2 * workers:
                yield from _collect(pending.popleft(), progress)
        while pending:
            yield from _collect(pending.popleft(), progress)


def _collect(result, progress: Callable[[int], None] | None) -> list[ArticleFeatures]:
    feats = result.get()
    if progress:
        progress(len(feats))
    return feats


def _init_worker() -> None:
    # one thread per worker: the workers are the parallelism (read by newsweave.stories.embeddings)
    os.environ["NEWSWEAVE_TORCH_THREADS"] = "1"
    import torch

    torch.set_num_threads(1)


def _worker_batch(articles: list[Article], batch_size: int) -> list[ArticleFeatures]:
    return article_features_batch(articles, batch_size=batch_size)
