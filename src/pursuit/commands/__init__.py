"""Shared plumbing for the `pursuit` commands that act on a seeker's data.

The commands are a thin layer over the services (campaigns/services.py): they read options, call
one service, and print the result. A command built on this module looks like this:

    import typer
    from pursuit.commands import DataDir, Json, User, acting_seeker, emit, fail, open_db, refusals

    app = typer.Typer()

    @app.command()
    def frobnicate(data_dir: DataDir = None, user: User = None, as_json: Json = False) -> None:
        \"\"\"One line for --help.\"\"\"
        open_db(data_dir)           # data dir, secret key, django.setup(), migrations if needed
        seeker = acting_seeker(user)  # the local owner, or --user EMAIL
        from pursuit.campaigns import services  # Django and models: inside the body, after open_db

        with refusals():            # ServiceError -> its message on stderr, exit 1
            result = services.something(seeker=seeker, now=now())
        emit({"id": result.pk}, as_json, table=lambda data: f"Done: {data['id']}")

Rules every command follows (docs/cli.md states them for users):

- `--json` prints exactly one JSON document on stdout; without it, a table or lines for people.
- Exit 0 when it worked, 1 when the rules refused it (a `ServiceError`, someone else's id),
  2 for bad usage (a missing option, a malformed time, an unknown choice). Errors are one line on
  stderr, and a refused command has changed nothing (the services write in one transaction).
- Import Django, the models and Rich inside command bodies: a cold `pursuit agenda` pays only for
  what it uses (bench/cli_api.py measures it).
- `now()` is the only clock of the command layer; services take `now=now()`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

if TYPE_CHECKING:
    from pursuit.accounts.models import Seeker
    from pursuit.campaigns.history import Actor

#: Exit codes: it worked; the rules refused it; the command was given wrongly.
OK, REFUSED, USAGE = 0, 1, 2

#: The hidden clock for tests and demos (docs/cli.md): an ISO 8601 time with a UTC offset.
NOW_VARIABLE = "PURSUIT_NOW"

DataDir = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        envvar="PURSUIT_DATA_DIR",
        help="Where the database and the secret key live (default: the per-user data dir).",
        show_default=False,
    ),
]
User = Annotated[
    str | None,
    typer.Option(
        "--user",
        metavar="EMAIL",
        help="Act as this user (default: the owner made by `pursuit init`).",
        show_default=False,
    ),
]
Json = Annotated[bool, typer.Option("--json", help="Print one JSON document instead of a table.")]


def run(app: typer.Typer, args: list[str] | None = None) -> int:
    """Run the command line and return its exit code; a usage error (a missing option, an unknown
    choice) is one line on stderr, `pursuit campaign add: Missing option '--company'.`, exit 2."""
    command = typer.main.get_command(app)
    try:
        result = command.main(args=args, prog_name="pursuit", standalone_mode=False)
    except typer.TyperException as error:  # Click's usage and parameter errors
        # Typer keeps its Click inside; this one error is the help for `pursuit campaign` alone.
        from typer._click.exceptions import NoArgsIsHelpError

        if isinstance(error, NoArgsIsHelpError):
            error.show()
            return error.exit_code
        context = getattr(error, "ctx", None)
        where = context.command_path if context is not None else "pursuit"
        typer.echo(one_line(f"{where}: {error.format_message()}"), err=True)
        return error.exit_code
    except typer.Abort:
        typer.echo("aborted", err=True)
        return REFUSED
    except OSError as error:
        # A path given on the command line that cannot be read or written: too long, a folder,
        # no permission. The path is in the error.
        where = f": {error.filename}" if error.filename else ""
        typer.echo(one_line(f"pursuit: {error.strerror or error}{where}"), err=True)
        return REFUSED
    return result if isinstance(result, int) else OK


#: An error line is cut here: it may quote what was typed, which can be a whole file's worth.
LONGEST_ERROR = 300


def one_line(message: str) -> str:
    """`message` on one line, cut to a length a terminal shows whole."""
    text = " ".join(str(message).split())
    return text if len(text) <= LONGEST_ERROR else text[: LONGEST_ERROR - 1] + "…"


def fail(message: str, code: int = REFUSED) -> NoReturn:
    """Print `message` as one line on stderr and exit with `code` (REFUSED or USAGE)."""
    typer.echo(one_line(message), err=True)
    raise typer.Exit(code)


@contextmanager
def refusals(asked: str = "") -> Iterator[None]:
    """Turn a service's refusal (`ServiceError`) into its message on stderr and exit 1; a
    question (`NeedsConfirmation`) is followed by `asked`, how to answer it on the command line;
    an edit refused because the row changed meanwhile also prints the value it has now."""
    from pursuit.errors import NeedsConfirmation, ServiceError

    try:
        yield
    except NeedsConfirmation as error:
        fail(f"{error.message} {asked}".strip(), REFUSED)
    except ServiceError as error:
        current: dict[str, Any] = getattr(error, "current", None) or {}
        now_is = ", ".join(f"{k}={v!r}" for k, v in current.items() if k != "id")
        fail(f"{error.message}. Now: {now_is}" if now_is else error.message, REFUSED)


def cli_actor(seeker: Seeker) -> Actor:
    """Who a command writes as, for the campaign's history."""
    from pursuit.campaigns.history import Actor

    return Actor.seeker(seeker, "cli")


def open_db(data_dir: Path | None) -> Path:
    """Make the database usable: the data dir, its secret key, Django's setup and any pending
    migrations (the `pursuit serve` start sequence without the server). Returns the data dir.

    With `DATABASE_URL` set the database is that one; the data dir still holds the secret key.
    """
    from pursuit import bootstrap
    from pursuit.bootstrap import StartupError

    try:
        path = bootstrap.ensure_data_dir(bootstrap.data_dir_from(data_dir))
        bootstrap.remember_holidays(path)
        secret = bootstrap.ensure_secret_key(path)
        bootstrap.setup_django(data_dir=path, secret_key=secret)
        bootstrap.migrate_if_needed()
    except StartupError as error:
        fail(str(error), USAGE)
    return path


def acting_seeker(user_email: str | None) -> Seeker:
    """The seeker a command acts for: `--user EMAIL`, else the local owner (`pursuit init`)."""
    from pursuit.accounts.models import Seeker

    seekers = Seeker.objects.select_related("user")
    if user_email:
        from pursuit.errors import ServiceError
        from pursuit.validation import one_line

        try:
            # Checked before the lookup: PostgreSQL cannot even be asked about a NUL.
            email = one_line(user_email, field="--user", max_length=254).lower()
        except ServiceError as error:
            fail(error.message, USAGE)
        seeker = seekers.filter(user__email=email).first()
        if seeker is None:
            fail(f"no user {email} here: check --user", USAGE)
        return seeker
    seeker = seekers.filter(user__is_superuser=True).order_by("user_id").first()
    if seeker is None:
        fail("nobody owns this data dir yet: run `pursuit init --email you@example.com`", USAGE)
    return seeker


def fetch_owned[M](model: type[M], seeker: Seeker, pk: Any, *related: str) -> M:
    """One of the seeker's rows by id, with `related` rows joined; anyone else's, or none, is
    refused (exit 1) by name: "no such campaign: 42"."""
    from django.http import Http404

    from pursuit.campaigns.access import get_owned, owned

    rows = owned(model, seeker.user)  # type: ignore[type-var]
    if related:
        rows = rows.select_related(*related)
    try:
        return get_owned(model, seeker.user, pk, rows)  # type: ignore[type-var]
    except Http404:
        name = model._meta.verbose_name  # type: ignore[attr-defined]
        if name in FIRST_STEP and not rows.exists():
            fail(f"no {name} yet: {FIRST_STEP[name]}", REFUSED)
        fail(f"no such {name}: {pk}", REFUSED)


#: What to run first when a command names a row of a kind the seeker has none of.
FIRST_STEP = {
    "campaign": "start one with `pursuit company add NAME`, then "
    "`pursuit campaign add --company NAME --role TITLE`",
    "company": "add one with `pursuit company add NAME`",
}


def now() -> dt.datetime:
    """The current moment, aware. `PURSUIT_NOW` (ISO 8601 with an offset) replaces the real
    clock, so a test can run a campaign through dates such as Thanksgiving week."""
    fixed = os.environ.get(NOW_VARIABLE, "").strip()
    if not fixed:
        return dt.datetime.now(dt.UTC)
    try:
        moment = dt.datetime.fromisoformat(fixed)
    except ValueError:
        fail(f"{NOW_VARIABLE}={fixed!r}: use ISO 8601 such as 2026-11-23T08:00-05:00", USAGE)
    if moment.tzinfo is None:
        fail(f"{NOW_VARIABLE}={fixed!r}: add a UTC offset such as -05:00", USAGE)
    return moment


def parse_time(value: str, option: str) -> dt.datetime:
    """A date and time as typed: `2026-12-01T09:00`, `2026-12-01 09:00`, with or without an
    offset. Without one it is returned naive, and the services read it in the company's zone."""
    from pursuit.errors import ServiceError
    from pursuit.validation import moment

    text = value.strip()
    try:
        # A bare date would parse as midnight; no step is meant then, so the time is required.
        if len(text) > len("2026-12-01"):
            return moment(dt.datetime.fromisoformat(text), field=option)
    except ValueError:
        pass
    except ServiceError as error:
        fail(error.message, USAGE)
    fail(f"{option} {value!r}: give a date and time such as 2026-12-01T09:00", USAGE)


def parse_date(value: str, option: str) -> dt.date:
    from pursuit.errors import ServiceError
    from pursuit.validation import day

    try:
        return day(dt.date.fromisoformat(value.strip()), field=option)
    except ValueError:
        fail(f"{option} {value!r}: give a date such as 2026-12-01", USAGE)
    except ServiceError as error:
        fail(error.message, USAGE)


def iso(moment: dt.datetime | None, zone: Any) -> str | None:
    """A stored (UTC) time as ISO 8601 in `zone`, the company's: its offset travels with it."""
    if moment is None:
        return None
    return moment.astimezone(zone).isoformat()


def emit(
    data: Any,
    as_json: bool,
    *,
    table: Callable[[Any], Any] | None = None,
) -> None:
    """Print a command's result: with `--json` exactly one JSON document; otherwise what
    `table(data)` returns (a Rich renderable or a string), or the data as plain lines."""
    if as_json:
        # Indented for a person at a terminal; compact (and quicker) into a pipe or a file.
        indent = 2 if sys.stdout.isatty() else None
        text = json.dumps(data, indent=indent, ensure_ascii=False, default=_jsonable)
        sys.stdout.write(text + "\n")
        return
    shown = table(data) if table is not None else _plain(data)
    if isinstance(shown, str):
        typer.echo(shown)
        return
    from rich.console import Console

    Console(soft_wrap=False).print(shown)


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def _plain(data: Any) -> str:
    if isinstance(data, dict):
        return "\n".join(f"{key}: {value}" for key, value in data.items())
    if isinstance(data, list):
        return "\n".join(str(item) for item in data)
    return str(data)
