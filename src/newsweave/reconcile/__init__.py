"""Reconciling the reports of a story: claims, aligned facts, independent sources, typed conflicts, a
timeline, a cited summary and the story dossier. See ``docs/reconcile.md``.

Public entry points (imported lazily by submodule to keep ``import newsweave`` cheap):

- :func:`newsweave.reconcile.claims.extract_claims`
- :func:`newsweave.reconcile.align.align_claims`
- :func:`newsweave.reconcile.conflicts.compare_claims`, :func:`~newsweave.reconcile.conflicts.find_conflicts`
- :func:`newsweave.reconcile.timeline.build_timeline`
- :func:`newsweave.reconcile.summary.summarize`
- :func:`newsweave.reconcile.dossier.build_dossier`, :func:`~newsweave.reconcile.dossier.dossier_to_json`
- :func:`newsweave.reconcile.render.to_markdown`, :func:`~newsweave.reconcile.render.to_html`,
  :func:`~newsweave.reconcile.render.render_terminal`
- :func:`newsweave.reconcile.compare.compare_texts`, :func:`~newsweave.reconcile.compare.compare_jsonl`
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = [
    "align_claims",
    "build_dossier",
    "build_timeline",
    "compare_claims",
    "compare_jsonl",
    "compare_texts",
    "dossier_to_json",
    "extract_claims",
    "find_conflicts",
    "render_terminal",
    "summarize",
    "to_html",
    "to_markdown",
]

_WHERE = {
    "extract_claims": "claims",
    "align_claims": "align",
    "compare_claims": "conflicts",
    "find_conflicts": "conflicts",
    "build_timeline": "timeline",
    "summarize": "summary",
    "build_dossier": "dossier",
    "dossier_to_json": "dossier",
    "to_markdown": "render",
    "to_html": "render",
    "render_terminal": "render",
    "compare_texts": "compare",
    "compare_jsonl": "compare",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
