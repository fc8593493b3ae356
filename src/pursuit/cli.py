"""The `pursuit` command line.

Commands import what they use inside their bodies: `pursuit promise` must answer without loading
Django, and every command pays only for its own imports.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

if TYPE_CHECKING:
    from pursuit.reminders.worker import Worker

app = typer.Typer(
    name="pursuit",
    help="Follow up after a job interview: a scheduled, scripted, polite and persistent campaign.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _print_version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"pursuit {version('pursuit')}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_print_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    pass


def _fail(error: Exception) -> NoReturn:
    typer.echo(str(error), err=True)
    raise typer.Exit(2)


DataDirOption = Annotated[
    Path | None,
    typer.Option(
        envvar="PURSUIT_DATA_DIR",
        help="Where the database and the secret key live (default: the per-user data dir).",
        show_default=False,
    ),
]


@app.command()
def promise(
    text: Annotated[str | None, typer.Argument(help="What the interviewer said.")] = None,
) -> None:
    """Read the date out of an interviewer's promise ("we'll call you by Wednesday")."""
    raise NotImplementedError


@app.command()
def serve(
    host: Annotated[str, typer.Option(envvar="PURSUIT_HOST", help="Address to listen on.")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(envvar="PURSUIT_PORT", help="Port to listen on.")] = 8000,
    data_dir: DataDirOption = None,
    worker: Annotated[
        bool,
        typer.Option(
            "--worker/--no-worker",
            help="Run the background worker in this process; --no-worker when `pursuit worker` "
            "runs it elsewhere.",
        ),
    ] = True,
    processes: Annotated[
        int,
        typer.Option(envvar="PURSUIT_PROCESSES", min=1, help="Server processes; 1 for one seeker."),
    ] = 1,
) -> None:
    """Start Pursuit: data dir, secret, setup, migrations, worker, server; prints the URL."""
    from pursuit import bootstrap, server
    from pursuit.bootstrap import StartupError

    try:
        server.check_port_free(host, port)
        data = bootstrap.ensure_data_dir(bootstrap.data_dir_from(data_dir))
        secret = bootstrap.ensure_secret_key(data)
        bootstrap.setup_django(data_dir=data, secret_key=secret)
        bootstrap.migrate_if_needed()
    except StartupError as error:
        _fail(error)
    background = _start_worker() if worker else None
    typer.echo(f"Pursuit is running at {server.url_for(host, port)}")
    typer.echo(f"Data: {data}")
    typer.echo("Press Ctrl-C to stop.")
    server.serve(host, port, processes=processes)
    if background:
        background.stop.set()


def _start_worker() -> Worker:
    from pursuit.reminders.worker import Worker

    background = Worker()
    background.start_thread()
    return background


@app.command()
def worker(data_dir: DataDirOption = None) -> None:
    """Run the background worker in the foreground, for a server started with --no-worker."""
    from pursuit import bootstrap
    from pursuit.bootstrap import StartupError

    try:
        data = bootstrap.ensure_data_dir(bootstrap.data_dir_from(data_dir))
        secret = bootstrap.ensure_secret_key(data)
        bootstrap.setup_django(data_dir=data, secret_key=secret)
        bootstrap.migrate_if_needed()
    except StartupError as error:
        _fail(error)

    from pursuit.reminders.worker import Worker

    typer.echo(f"Worker running on {data}; press Ctrl-C to stop.")
    with contextlib.suppress(KeyboardInterrupt):
        Worker().run_forever()


def main() -> None:
    app()
