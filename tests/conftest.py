"""Shared fixtures: paths to the bundled sample corpus and the optional development data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "src" / "newsweave" / "data" / "sample"
EXAMPLES = sorted(SAMPLE.glob("0*.txt"))
SHARED_DATA = Path(os.environ.get("NEWSWEAVE_DATA", ROOT.parent / "shared" / "data"))


@pytest.fixture
def sample_dir() -> Path:
    return SAMPLE


@pytest.fixture
def example_paths() -> list[Path]:
    assert len(EXAMPLES) == 2, "the two example reports ship in src/newsweave/data/sample/"
    return EXAMPLES


def shared_data(name: str) -> Path:
    path = SHARED_DATA / name
    if not path.exists():
        pytest.skip(f"development data {name} not available (set NEWSWEAVE_DATA)")
    return path


@pytest.fixture(scope="session")
def example_articles():
    """The two example reports as Articles, read by newsweave's own dated-text reader."""
    from newsweave.ingest.dated_text import read_text_report
    from newsweave.ingest.runner import raw_to_article

    assert len(EXAMPLES) == 2, "the two example reports ship in src/newsweave/data/sample/"
    return [raw_to_article(read_text_report(p.read_text(encoding="utf-8"), source=str(p))) for p in EXAMPLES]
