"""Regenerate docs/cli.md and the README's CLI reference from the commands' own --help.

Run after changing a command: `python scripts/gen_cli_docs.py`. tests/cli/test_docs.py fails when the
committed reference differs from what `--help` prints, so the documentation cannot drift.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BEGIN, END = "<!-- cli-reference:begin -->", "<!-- cli-reference:end -->"


def help_text(args: list[str]) -> str:
    from typer.testing import CliRunner

    from newsweave.cli import app

    result = CliRunner().invoke(app, [*args, "--help"], env={"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"},
                                prog_name="newsweave")
    return re.sub(r"[ \t]+$", "", result.output, flags=re.MULTILINE).strip()


def command_names(group: list[str]) -> list[str]:
    from typer.main import get_command

    from newsweave.cli import app

    cmd = get_command(app)
    for name in group:
        cmd = cmd.commands[name]  # type: ignore[attr-defined]
    return list(cmd.commands)  # type: ignore[attr-defined]


def reference() -> str:
    parts = ["```text", help_text([]), "```"]
    for name in command_names([]):
        sub = [name]
        parts += [f"\n### `newsweave {name}`\n", "```text", help_text(sub), "```"]
        if name == "eval":
            for inner in command_names(["eval"]):
                parts += [f"\n#### `newsweave eval {inner}`\n", "```text", help_text([name, inner]), "```"]
    return "\n".join(parts) + "\n"


def render_cli_md() -> str:
    from newsweave.cli.common import EXIT_CODES

    codes = "\n".join(f"| {code} | {meaning} |" for code, meaning in EXIT_CODES.items())
    return (
        "# Command-line reference\n\nGenerated from `newsweave --help` by `scripts/gen_cli_docs.py`; do not edit by "
        "hand.\n\nEvery command takes `--db FILE` (default: `$NEWSWEAVE_DB`, else `./newsweave.db`) and most take "
        "`--json` for scripts.\n\n## Exit codes\n\n| code | meaning |\n|---|---|\n" + codes + "\n\n## Commands\n\n"
        + reference()
    )


def main() -> int:
    (ROOT / "docs" / "cli.md").write_text(render_cli_md(), encoding="utf-8")
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        _, tail = rest.split(END, 1)
        block = "\n```text\n" + help_text([]) + "\n```\n\nEvery command's options: [docs/cli.md](docs/cli.md).\n"
        readme.write_text(head + BEGIN + block + END + tail, encoding="utf-8")
    print("docs/cli.md and README.md CLI reference updated", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
