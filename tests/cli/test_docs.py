"""The CLI reference in README.md and docs/cli.md is generated from --help and must match it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _gen():
    spec = importlib.util.spec_from_file_location("gen_cli_docs", ROOT / "scripts" / "gen_cli_docs.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_docs_cli_md_is_current():
    gen = _gen()
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == gen.render_cli_md(), (
        "docs/cli.md is out of date: run `python scripts/gen_cli_docs.py`")


def test_readme_cli_reference_is_current():
    gen = _gen()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert gen.help_text([]) in readme, "README's CLI reference is out of date: run `python scripts/gen_cli_docs.py`"


def test_version_option():
    from typer.testing import CliRunner

    from newsweave import __version__
    from newsweave.cli import app

    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and __version__ in result.stdout
