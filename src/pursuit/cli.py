"""The `pursuit` command line.

Commands import what they use inside their bodies: `pursuit promise` must answer without loading
Django, and every command pays only for its own imports.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from typer.core import TyperOption

from pursuit.commands import campaigns, documents, history, one_line, run, setup, steps, tokens
from pursuit.commands import edits as edit_commands
from pursuit.commands import reminders as reminder_commands

if TYPE_CHECKING:
    from pursuit.reminders.worker import Worker

_typed = TyperOption.display_type_rich


def _flags_take_no_value(option: TyperOption, ctx: typer.Context) -> str | None:
    """No type shown beside a flag: `--json` and `--help` take no value, and Typer 0.29 labels
    them `<bool>` as if they did."""
    return None if option.is_flag else _typed(option, ctx)


TyperOption.display_type_rich = _flags_take_no_value  # type: ignore[method-assign]

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
    typer.echo(one_line(str(error)), err=True)
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
    text: Annotated[
        str | None, typer.Argument(help="What the interviewer said.", show_default=False)
    ] = None,
    said_at: Annotated[
        str | None,
        typer.Option(
            "--said-at",
            help="When it was said, ISO 8601: 2026-11-19T15:00 is the company's local time, "
            "2026-11-19T15:00-08:00 any zone's. Default: now.",
            show_default=False,
        ),
    ] = None,
    tz: Annotated[str, typer.Option("--tz", help="The company's IANA time zone.")] = (
        "America/New_York"
    ),
    country: Annotated[str, typer.Option(help="The company's country code, for holidays.")] = "US",
    subdiv: Annotated[
        str | None,
        typer.Option(help="The company's state or region code, for holidays.", show_default=False),
    ] = None,
    locale: Annotated[
        str | None,
        typer.Option(
            help="How 12/3 reads: month first for en_US, day first for any other "
            "(default: the country's).",
            show_default=False,
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            help="The language of the words, en or de. Default: told from each sentence's words.",
            show_default=False,
        ),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print JSON: one object per sentence, one per line.")
    ] = False,
    file: Annotated[
        str | None,
        typer.Option(
            "--file",
            help="Read one sentence per line from this file ('-' for stdin) instead of TEXT; "
            "every line gets a reading, blank ones too, so answers line up with lines.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Read the date out of an interviewer's promise ("we'll call you by Wednesday").

    Prints the window the words give, how sure the reading is, other readings when the words are
    ambiguous, and when Pursuit would call if the company stays silent.
    """
    # Only the pure rules are imported: the command answers without loading Django.
    import json
    import sys
    from datetime import date, datetime

    from pursuit.errors import ServiceError
    from pursuit.method.calendar import BusinessCalendar, CalendarError
    from pursuit.method.language import check_language
    from pursuit.method.locales import locale_for_country
    from pursuit.method.promises import MAX_TEXT_CHARS, PromiseTextError, follow_up_at, read_promise
    from pursuit.validation import text as checked_text

    locale = locale or locale_for_country(country)

    if (text is None) == (file is None):
        _fail(ValueError("give the interviewer's words as TEXT, or --file (one of the two)"))
    try:
        language = None if lang is None else check_language(lang)
    except ValueError as error:
        _fail(ValueError(f"--lang: {error}"))
    try:
        calendar = BusinessCalendar(zone=tz, country=country, subdiv=subdiv)
    except CalendarError as error:
        _fail(error)
    try:
        moment = datetime.fromisoformat(said_at) if said_at else datetime.now(calendar.zone)
    except ValueError:
        _fail(
            ValueError(
                f"--said-at {said_at!r} is not an ISO 8601 time: write it like 2026-11-19T15:00 "
                "or 2026-11-19T15:00-05:00"
            )
        )

    def day(d: date | datetime) -> str:
        return f"{d:%a %b} {d.day} {d.year}"

    def report(sentence: str, where: str) -> None:
        try:
            sentence = checked_text(sentence, field="text", max_length=MAX_TEXT_CHARS)
            found = read_promise(sentence, moment, calendar, locale=locale, lang=language)
        except ServiceError as error:
            _fail(ValueError(f"{where}{error.message}"))
        except PromiseTextError as error:
            _fail(ValueError(f"{where}{error}"))
        call = follow_up_at(found, calendar)
        if as_json:
            answer = {
                "earliest": found.earliest.isoformat(),
                "latest": found.latest.isoformat(),
                "kind": str(found.kind),
                "confidence": found.confidence,
                "matched": found.matched,
                "explanation": found.explanation,
                "alternatives": [
                    {"earliest": a.isoformat(), "latest": b.isoformat()}
                    for a, b in found.alternatives
                ],
                "follow_up_at": call.isoformat(),
                "defaulted": found.defaulted,
                "ambiguous": found.ambiguous,
                "lang": found.lang,
            }
            typer.echo(json.dumps(answer, ensure_ascii=False))
            return
        window = day(found.latest)
        if found.earliest != found.latest:
            window = f"{day(found.earliest)} to {window}"
        if file is not None:
            typer.echo(f"{where}{sentence}")
        typer.echo(f"{window} ({found.kind}), confidence {found.confidence:.2f}")
        typer.echo(f"  {found.explanation}")
        if found.ambiguous:
            typer.echo("  Ambiguous: confirm which day they meant before planning from it.")
        if found.defaulted:
            typer.echo("  No date was said: this is only the usual wait, not their word.")
        typer.echo(f"  If they stay silent, call on {day(call)} at {call:%H:%M} {call.tzname()}.")
        if file is not None:
            typer.echo()

    if file is None:
        report(text or "", "")
        return
    try:
        lines = sys.stdin if file == "-" else open(file, encoding="utf-8")  # noqa: SIM115
    except (OSError, ValueError) as error:  # ValueError: a NUL in the path
        _fail(ValueError(f"--file {file}: {getattr(error, 'strerror', None) or error}"))
    with lines:
        try:
            for number, line in enumerate(lines, start=1):
                report(line.rstrip("\r\n"), f"line {number}: ")
        except UnicodeDecodeError:
            _fail(ValueError(f"--file {file}: not UTF-8 text"))


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
    import os

    from pursuit import bootstrap, server
    from pursuit.bootstrap import StartupError

    try:
        server.check_port_free(host, port)
        data = bootstrap.ensure_data_dir(bootstrap.data_dir_from(data_dir))
        secret = bootstrap.ensure_secret_key(data)
        if host not in ("0.0.0.0", "::", "[::]"):
            # Links in reminder emails point at this server unless PURSUIT_BASE_URL says where.
            os.environ.setdefault("PURSUIT_BASE_URL", server.url_for(host, port).rstrip("/"))
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


def _reminder_worker() -> Worker:
    from pursuit.reminders.jobs import ReminderJobs
    from pursuit.reminders.worker import Worker

    return Worker(jobs=ReminderJobs().jobs())


def _start_worker() -> Worker:
    background = _reminder_worker()
    background.start_thread()
    return background


@app.command()
def worker(
    data_dir: DataDirOption = None,
    until_idle: Annotated[
        bool,
        typer.Option(
            "--until-idle",
            help="Send what is due, then exit once a round finds nothing to do (for tests and "
            "schedulers).",
        ),
    ] = False,
) -> None:
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

    loop = _reminder_worker()
    if until_idle:
        rounds = loop.run_until_idle()
        typer.echo(f"Worker done after {rounds} round{'s' if rounds != 1 else ''}.")
        return
    typer.echo(f"Worker running on {data}; press Ctrl-C to stop.")
    loop.run_in_foreground()
    _leave_now()


def _leave_now() -> NoReturn:
    """Exit without the interpreter's teardown of every module Django loaded: it costs about
    0.25 s of CPU, which on a busy machine made Ctrl-C take seconds after the loop had stopped.
    Nothing is left to tear down: the connections are closed, the exit handlers run here."""
    import atexit
    import logging
    import os
    import sys

    from django.db import connections

    connections.close_all()
    atexit._run_exitfuncs()
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


# The commands that act on a seeker's campaigns: src/pursuit/commands/, documented in docs/cli.md.
app.command()(setup.init)
app.command()(setup.password)
app.add_typer(campaigns.company_app, name="company")
app.add_typer(campaigns.campaign_app, name="campaign")
app.add_typer(steps.interview_app, name="interview")
app.add_typer(edit_commands.contact_app, name="contact")
app.add_typer(edit_commands.trash_app, name="trash")
app.command()(steps.agenda)
app.command()(steps.outcome)
app.command()(steps.offer)
app.command()(steps.close)
app.command()(steps.reopen)
app.command()(steps.withdraw)
app.command()(history.move)
app.command()(history.undo)
# Never missing a step: docs/reminders.md.
app.add_typer(reminder_commands.calendar_app, name="calendar")
app.command()(reminder_commands.doctor)
# The seeker's paper: docs/documents.md.
app.command()(documents.note)
app.add_typer(documents.resume_app, name="resume")
app.add_typer(documents.log_app, name="log")
app.command("export")(documents.export)
app.command("import")(documents.import_)
app.add_typer(tokens.token_app, name="token")  # for the JSON API: docs/api.md


def main() -> None:
    from pursuit.bootstrap import keep_files_private

    keep_files_private()
    raise SystemExit(run(app))
