"""The `pursuit` command line.

Commands import what they use inside their bodies: `pursuit promise` must answer without loading
Django, and every command pays only for its own imports.
"""

from __future__ import annotations

from typing import Annotated

import typer

app = typer.Typer(
    name="pursuit",
    help="Follow up after a job interview: a scheduled, scripted, polite and persistent campaign.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.command()
def promise(
    text: Annotated[str | None, typer.Argument(help="What the interviewer said.")] = None,
) -> None:
    """Read the date out of an interviewer's promise ("we'll call you by Wednesday")."""
    raise NotImplementedError


@app.command()
def serve() -> None:
    """Start Pursuit: data dir, secret, setup, migrations, worker, server; prints the URL."""
    raise NotImplementedError


def main() -> None:
    app()
