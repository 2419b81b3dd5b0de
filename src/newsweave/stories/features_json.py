"""Grouping features as JSON, so the analysis pass can compute them once (on its parse) and the grouping
stage can read them back later, even after a restart."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any

import numpy as np

from .features import ArticleFeatures

__all__ = ["FEATURES_VERSION", "features_from_json", "features_to_json"]

#: Bump when :func:`~newsweave.stories.features.features_from_doc` changes what it computes.
FEATURES_VERSION = "1"


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"$dt": value.isoformat()}
    if isinstance(value, np.ndarray):
        return {"$nd": value.astype(float).tolist()}
    if isinstance(value, tuple):
        return [_encode(v) for v in value]
    return value


def features_to_json(features: ArticleFeatures) -> dict[str, Any]:
    return {f.name: _encode(getattr(features, f.name)) for f in dataclasses.fields(features)}


def _decode(value: Any) -> Any:
    if isinstance(value, dict) and "$dt" in value:
        return datetime.fromisoformat(value["$dt"])
    if isinstance(value, dict) and "$nd" in value:
        return np.asarray(value["$nd"], dtype=np.float32)
    if isinstance(value, list):
        return tuple(_decode(v) for v in value)
    return value


def features_from_json(data: dict[str, Any]) -> ArticleFeatures:
    names = {f.name for f in dataclasses.fields(ArticleFeatures)}
    return ArticleFeatures(**{k: _decode(v) for k, v in data.items() if k in names})
