"""Grouping features of many reports on several processes (the batch path of ``newsweave group``).

Each worker process loads the grouping pipeline (spaCy without the dependency parser, see
:func:`~newsweave.stories.features.article_features_batch`) and the sentence embedder once, with one torch
thread, and turns batches of reports into :class:`~newsweave.stories.features.ArticleFeatures`. Results come back
in input order, so the caller can assign reports to stories exactly as the online path would, one after another.
The features are the same as in one process: each report is parsed and embedded on its own.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator

from ..model import Article
from ..parallel import batches, head_and_rest, run_batches
from .features import ArticleFeatures, article_features_batch

__all__ = ["features_many"]

#: Modules the workers need, imported once in the fork server instead of in every worker.
_PRELOAD = ("spacy", "torch", "newsweave.stories.features", "newsweave.stories.embeddings",
            "newsweave.stories.minilm", "tokenizers", "safetensors.torch")


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
    head, all_batches = head_and_rest(batches(articles, batch_size), 2)
    if workers == 1 or len(head) < 2:
        for batch in all_batches:
            feats = article_features_batch(batch, batch_size=batch_size)
            if progress:
                progress(len(feats))
            yield from feats
        return
    yield from run_batches(_worker_batch, all_batches, args=(batch_size,), workers=workers,
                           initializer=_init_worker, preload=_PRELOAD, progress=progress)


def _init_worker() -> None:
    # one thread per worker: the workers are the parallelism (read by newsweave.stories.embeddings)
    os.environ["NEWSWEAVE_TORCH_THREADS"] = "1"
    import torch

    torch.set_num_threads(1)


def _worker_batch(articles: list[Article], batch_size: int) -> list[ArticleFeatures]:
    return article_features_batch(articles, batch_size=batch_size)
