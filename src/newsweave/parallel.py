"""Batches of reports on worker processes, results in input order (shared by analysis and batch grouping).

Workers start with ``forkserver`` where available (``spawn`` elsewhere): the modules named in ``preload`` are
imported once in the fork server and every worker inherits them, so spaCy and torch are not imported once per
worker. At most ``2 × workers`` batches are in flight, so a long input stream is never read ahead into memory.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice
from typing import Any, TypeVar

from .errors import WorkerError

__all__ = ["batches", "head_and_rest", "run_batches"]

T = TypeVar("T")


def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last one shorter)."""
    if size < 1:
        raise ValueError(f"batch_size must be at least 1 (got {size})")
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def run_batches(
    work: Callable[..., list[Any]],
    items: Iterable[list[T]],
    *,
    args: tuple = (),
    workers: int,
    initializer: Callable[[], None] | None = None,
    preload: Sequence[str] = (),
    progress: Callable[[int], None] | None = None,
) -> Iterator[Any]:
    """``work(batch, *args)`` for every batch on ``workers`` processes, yielding the results' items in input
    order; ``progress`` is called with the size of each finished result. ``work`` and ``initializer`` must be
    module-level functions (they are pickled by name)."""
    if workers < 1:
        raise ValueError(f"workers must be at least 1 (got {workers})")
    if "forkserver" in multiprocessing.get_all_start_methods() and os.name == "posix":
        ctx = multiprocessing.get_context("forkserver")
        # the fork server starts once per process, so the modules named by the first parallel run are preloaded
        ctx.set_forkserver_preload(list(preload))
    else:  # pragma: no cover - platform dependent
        ctx = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=initializer)
    pending: deque[Future] = deque()
    try:
        for batch in items:
            pending.append(pool.submit(work, batch, *args))
            while len(pending) >= 2 * workers:
                yield from _collect(pending.popleft(), progress)
        while pending:
            yield from _collect(pending.popleft(), progress)
    except BrokenProcessPool as exc:
        raise WorkerError(
            "a worker process stopped before finishing its batch (its own error, if it had one, is printed above): "
            "it failed to start, ran out of memory or was killed, or the "
            "script that called newsweave runs its code at import time (worker processes import the main script: "
            "put the script's code under `if __name__ == \"__main__\":`); use workers=1 (--workers 1) to work in "
            "this process instead"
        ) from exc
    finally:
        pool.shutdown(wait=True, cancel_futures=True)  # (a consumer that stops early leaves no batch running)


def _collect(result: Future, progress: Callable[[int], None] | None) -> list[Any]:
    out = result.result()
    if progress:
        progress(len(out))
    return out


def head_and_rest(items: Iterator[T], n: int) -> tuple[list[T], Iterator[T]]:
    """The first ``n`` items as a list, and an iterator over all items (those first ``n`` included)."""
    head = list(islice(items, n))
    return head, chain(head, items)
