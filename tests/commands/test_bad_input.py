"""Every command, given an over-long value, a NUL or a date out of range in any of its options,
answers with one line on stderr and exit 1 or 2: never a traceback, never a stored row.

The commands are read from the Typer app itself, so a new command or option is covered the day
it is added. Each bad value goes into one parameter at a time; the others get a plausible value.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import typer

from pursuit.accounts.models import Seeker
from pursuit.campaigns.models import Action, Company
from pursuit.cli import app

from .conftest import Ran
from .test_commands import campaign_of, interviewed

Cli = Callable[..., Ran]

#: Long-running commands, and parameters that say where rather than what.
NOT_HERE = {("serve",), ("worker",)}
NOT_VALUES = {"data_dir", "json"}

LONG = "x" * 100_000
NUL = "Acme\x00Tools"
FAR_DAY = "9999-12-31"
FAR_TIME = "9999-12-31T09:00"
#: Options that take a date, or a date and time.
DAYS = {"start", "end"}
TIMES = {"at", "said_at", "callback_at", "interview_at", "call_at"}


def commands() -> Iterator[tuple[tuple[str, ...], Any]]:
    def walk(command: Any, path: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], Any]]:
        subs = getattr(command, "commands", None)
        if subs:
            for name, sub in subs.items():
                yield from walk(sub, (*path, name))
        elif path not in NOT_HERE:
            yield path, command

    yield from walk(typer.main.get_command(app), ())


COMMANDS = dict(commands())


def valued(command: Any) -> list[Any]:
    return [
        p
        for p in command.params
        if p.name not in NOT_VALUES and not getattr(p, "is_flag", False) and p.expose_value
    ]


def argv(param: Any, value: str) -> list[str]:
    return (
        [value] if not param.opts or not param.opts[0].startswith("-") else [param.opts[0], value]
    )


@pytest.fixture
def plausible(owner: Seeker, tmp_path: Path) -> dict[str, str]:
    """A value that works for each parameter name, in this account."""
    from pypdf import PdfWriter

    from pursuit.documents import services as documents

    campaign = campaign_of(owner)
    interviewed(campaign)
    step = Action.objects.filter(campaign=campaign, status="planned").first()
    assert step is not None
    blank = io.BytesIO()
    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    writer.write(blank)
    pdf = tmp_path / "cv.pdf"
    pdf.write_bytes(blank.getvalue())
    resume = documents.add_resume(seeker=owner, upload=io.BytesIO(blank.getvalue()))
    csv = tmp_path / "tracker.csv"
    csv.write_text("Company,Position,Status\nGlobex,Planner,interviewing\n")
    return {
        "action_id": str(step.pk),
        "campaign_id": str(campaign.pk),
        "campaign": str(campaign.pk),
        "company_id": str(campaign.company_id),
        "contact_id": str(campaign.contact_id),
        "interview_id": str(campaign.interviews.get().pk),
        "kind": "campaign",
        "item_id": str(campaign.pk),
        "resume_id": str(resume.pk),
        "token_id": "1",
        "result": "no-answer",
        "name": "Initech",
        "company": "Acme Tools",
        "role": "Planner",
        "email": "new@example.com",
        "text": "we'll call you by Friday",
        "at": "2026-11-20T10:00",
        "start": "2026-11-01",
        "end": "2026-11-30",
        "on": "2026-11-30",
        "o": str(tmp_path / "out.bin"),
        "output": str(tmp_path / "out.bin"),
        "file": str(pdf),
    }


def cases() -> Iterator[Any]:
    for path, command in COMMANDS.items():
        for param in valued(command):
            bad = [LONG, NUL]
            if param.name in DAYS:
                bad.append(FAR_DAY)
            if param.name in TIMES:
                bad.append(FAR_TIME)
            for value in bad:
                kind = {LONG: "long", NUL: "nul"}.get(value, "far")
                yield pytest.param(
                    path, param.name, value, id=f"{' '.join(path)}-{param.name}-{kind}"
                )


def test_every_command_and_option_is_covered() -> None:
    assert {" ".join(p) for p in COMMANDS} >= {"company add", "campaign add", "agenda", "outcome"}
    assert sum(1 for _ in cases()) > 100


@pytest.mark.parametrize(("path", "name", "value"), list(cases()))
def test_a_bad_value_is_one_line_and_exit_1_or_2(
    cli: Cli, plausible: dict[str, str], path: tuple[str, ...], name: str, value: str
) -> None:
    command = COMMANDS[path]
    args: list[str] = []
    for param in valued(command):
        if param.name == name:
            args += argv(param, value)
        elif param.required:
            given = plausible.get(param.name)
            if given is None and path == ("import",):
                given = plausible["file"].replace("cv.pdf", "tracker.csv")
            assert given is not None, f"no plausible value for {param.name}"
            args += argv(param, given)
    if path == ("import",) and name != "file":
        args = [a.replace("cv.pdf", "tracker.csv") for a in args]
    companies = Company.objects.count()

    ran = cli(*path, *args)

    assert ran.code in (1, 2), (ran.code, ran.out[:300], ran.err[:300])
    lines = ran.err.strip().splitlines()
    assert len(lines) == 1, ran.err[:2000]
    assert "Traceback" not in ran.err
    assert len(lines[0]) < 1000, lines[0][:300]
    assert Company.objects.count() == companies


def test_agenda_for_ninety_nine_million_days_is_refused(cli: Cli, owner: Seeker) -> None:
    ran = cli("agenda", "--days", "99999999")
    assert ran.code == 2
    assert "2100-12-31" in ran.err
    assert len(ran.err.strip().splitlines()) == 1
