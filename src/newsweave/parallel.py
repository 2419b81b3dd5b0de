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
from itertools import chain, islice
from typing import Any, TypeVar

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
    with ctx.Pool(processes=workers, initializer=initializer) as pool:
        pending: deque = deque()
        for batch in items:
            pending.append(pool.apply_async(work, (batch, *args)))
            while len(pending) >= 2 * workers:
                yield from _collect(pending.popleft(), progress)
        while pending:
            yield from _collect(pending.popleft(), progress)


def _collect(result, progress: Callable[[int], None] | None) -> list[Any]:
    out = result.get()
    if progress:
        progress(len(out))
    return out


def head_and_rest(items: Iterator[T], n: int) -> tuple[list[T], Iterator[T]]:
    """The first ``n`` items as a list, and an iterator over all items (those first ``n`` included)."""
    head = list(islice(items, n))
    return head, chain(head, items)
