"""Builders shared by the reconcile tests (a uniquely named module: tests/ has no packages)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsweave.model import Article, PublishedTime

REPO = Path(__file__).resolve().parents[2]
EXAMPLE_DIRS = [REPO / "src" / "newsweave" / "data" / "sample", REPO.parent / "shared" / "examples"]


def make_article(aid: str, text: str, *, date: str | None = None, outlet: str | None = None) -> Article:
    published = PublishedTime(None)
    if date:
        published = PublishedTime(datetime.fromisoformat(date).replace(tzinfo=UTC), "day", "user", 1.0)
    return Article(id=aid, text=text, outlet_name=outlet, published=published)


def example_articles() -> list[Article]:
    """The two example reports (text after the ' date YYYY-MM-DD' prefix), or skip when they are absent."""
    for d in EXAMPLE_DIRS:
        files = sorted(d.glob("*.txt")) if d.is_dir() else []
        if len(files) >= 2:
            break
    else:
        pytest.skip("the example reports are not available")
    out = []
    for i, f in enumerate(files[:2]):
        raw = f.read_text(encoding="utf-8")
        m = re.match(r"\s*date (\d{4}-\d{2}-\d{2})\s", raw)
        assert m, f"{f} does not start with a date prefix"
        out.append(make_article(f.stem, raw[m.end() :], date=m.group(1), outlet=f"Outlet {'AB'[i]}"))
    return out
