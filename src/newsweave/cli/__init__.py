"""The ``newsweave`` command: a thin layer over :mod:`newsweave.api`. Run ``newsweave --help``."""

from __future__ import annotations

from typing import Annotated

import typer

from . import articles_cmds, eval_cmds, ingest_cmds, story_cmds, tools_cmds

__all__ = ["app", "main"]

app = typer.Typer(
    name="newsweave",
    help="Read many news reports and reconcile them into stories: who said what, what the sources agree on, "
    "where they contradict each other — every item linked to the sentences it came from.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"newsweave {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Read many news reports and reconcile them into stories."""


ingest_cmds.register(app)
articles_cmds.register(app)
story_cmds.register(app)
tools_cmds.register(app)
app.add_typer(eval_cmds.app, name="eval")


def main() -> None:
    app()
