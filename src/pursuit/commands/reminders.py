"""Never missing a step from the command line: the plan as a calendar file, and one screen that
says whether the worker, the database, email and the feed are working."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from pursuit.commands import REFUSED, DataDir, Json, User, acting_seeker, emit, now, open_db

calendar_app = typer.Typer(help="Your plan as a calendar (.ics) file.", no_args_is_help=True)


@calendar_app.command("export")
def calendar_export(
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            metavar="FILE",
            help="Write the calendar to FILE (default: standard output).",
            show_default=False,
        ),
    ] = None,
    data_dir: DataDir = None,
    user: User = None,
) -> None:
    """Every planned step as an event with its script and an alarm, to import anywhere."""
    open_db(data_dir)
    seeker = acting_seeker(user)
    from pursuit.reminders.feed import feed_steps, render_feed
    from pursuit.reminders.services import settings_for

    body = render_feed(seeker, settings_for(seeker))
    if output is None:
        sys.stdout.buffer.write(body)
        sys.stdout.flush()
        return
    output.write_bytes(body)
    count = len(feed_steps(seeker))
    typer.echo(f"Wrote {count} planned step{'s' if count != 1 else ''} to {output}")


def doctor(
    offline: Annotated[
        bool, typer.Option("--offline", help="Do not connect to the SMTP server.")
    ] = False,
    data_dir: DataDir = None,
    user: User = None,
    as_json: Json = False,
) -> None:
    """Check the worker, the database, email and the calendar feed on one screen; exits 1 when
    something would keep a reminder from reaching you."""
    open_db(data_dir)
    from pursuit.accounts.models import Seeker
    from pursuit.reminders import health

    seeker: Seeker | None
    if user:
        seeker = acting_seeker(user)
    else:
        # The owner's feed, or nobody's on a data dir that has no account yet: the other
        # checks still run.
        owners = Seeker.objects.select_related("user").order_by("-user__is_superuser", "pk")
        seeker = owners.first()
    checks = health.all_checks(seeker, now(), connect=not offline)
    data = {"ok": all(c.ok for c in checks), "checks": [c.as_dict() for c in checks]}
    emit(data, as_json, table=_screen)
    if not data["ok"]:
        raise typer.Exit(REFUSED)


def _screen(data: dict[str, Any]) -> str:
    lines = []
    for check in data["checks"]:
        mark = "ok     " if check["ok"] else "PROBLEM"
        lines.append(f"{mark} {check['name']:<10} {check['summary']}")
        lines += [f"{'':18} {detail}" for detail in check["details"]]
    lines.append("")
    lines.append("All good." if data["ok"] else "Fix the problems above: reminders depend on them.")
    return "\n".join(lines)
