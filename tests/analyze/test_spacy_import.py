"""spaCy is imported without torch (thinc would import it, ~3 s per process), and torch stays importable."""

from __future__ import annotations

import subprocess
import sys

import pytest


def _run(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=False)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_pipeline_loads_and_parses_without_importing_torch():
    code = (
        "import sys\n"
        "from newsweave.analyze.nlp import load_pipeline\n"
        "nlp = load_pipeline()\n"
        "doc = nlp('The mayor said the bridge would reopen on Monday.')\n"
        "print('torch' in sys.modules, [t.dep_ for t in doc][:3])\n"
    )
    assert _run(code) == "False ['det', 'nsubj', 'ROOT']"


def test_torch_can_still_be_imported_afterwards():
    pytest.importorskip("torch")
    code = (
        "from newsweave.analyze.nlp import import_spacy\n"
        "import_spacy()\n"
        "import torch\n"
        "print(torch.tensor([1, 2]).sum().item())\n"
    )
    assert _run(code) == "3"


def test_an_already_imported_torch_is_left_alone():
    pytest.importorskip("torch")
    code = (
        "import torch, sys\n"
        "from newsweave.analyze.nlp import import_spacy\n"
        "import_spacy()\n"
        "import thinc.compat\n"
        "print(sys.modules['torch'] is torch, thinc.compat.has_torch)\n"
    )
    assert _run(code) == "True True"
