"""PDFs made on the spot (never committed as binaries) and a campaign at its visit step."""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader, PdfWriter

from pursuit.accounts.models import Seeker
from pursuit.accounts.services import create_seeker
from pursuit.campaigns import services
from pursuit.campaigns.models import Action, Campaign
from pursuit.campaigns.services import create_campaign, create_company
from pursuit.cli import app
from pursuit.commands import run
from pursuit.method.vocab import Outcome

NY = ZoneInfo("America/New_York")


def ny(iso: str) -> dt.datetime:
    return dt.datetime.fromisoformat(iso).replace(tzinfo=NY)


def make_pdf(*pages: str) -> bytes:
    """A PDF with one page per text, laid out by WeasyPrint like any document of ours."""
    from weasyprint import HTML

    body = (
        "".join(f'<section style="break-after: page">{text}</section>' for text in pages[:-1])
        + f"<section>{pages[-1]}</section>"
    )
    return HTML(string=f"<html><body>{body}</body></html>").write_pdf()


def encrypted_pdf(text: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(text))))
    writer.encrypt("secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def page_texts(data: bytes) -> list[str]:
    return [
        " ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(data)).pages
    ]


def upload(data: bytes, name: str = "cv.pdf") -> io.BytesIO:
    """A file as a form or the command line hands it to a service."""
    file = io.BytesIO(data)
    file.name = name
    return file


def local_campaign(seeker: Seeker, name: str = "Acme Tools") -> Campaign:
    company = create_company(
        seeker=seeker, name=name, local=True, phone="+1 212 555 0100", address="1 Main St, New York"
    )
    return create_campaign(
        seeker=seeker,
        company=company,
        role="Buyer",
        contact_name="Dana Reyes",
        contact_title="Head of Purchasing",
    )


def to_visit(campaign: Campaign) -> tuple[Action, Action]:
    """Run a campaign through five unanswered calls, to its printed note and its visit."""
    services.log_interview(campaign=campaign, at=ny("2026-11-19T15:00"), now=ny("2026-11-19T18:00"))
    for _ in range(5):
        call = campaign.actions.get(status="planned", kind="call")
        moment = call.due_at + dt.timedelta(minutes=5)
        services.log_outcome(action=call, outcome=Outcome.NO_ANSWER, at=moment, now=moment)
    note = campaign.actions.get(status="planned", kind="leave_note")
    visit = campaign.actions.get(status="planned", kind="visit")
    return note, visit


@pytest.fixture
def acme(alice: Seeker) -> Campaign:
    return local_campaign(alice)


@dataclass
class Ran:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        assert self.code == 0, self.err
        return json.loads(self.out)


@pytest.fixture
def cli(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> Callable[..., Ran]:
    """`pursuit ARGS` in this process on the test database (as in tests/commands)."""
    monkeypatch.setenv("PURSUIT_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("PURSUIT_SECRET_KEY", "only-for-tests-" + "y" * 40)

    def invoke(*args: str, now: str = "2026-12-01T17:00-05:00") -> Ran:
        monkeypatch.setenv("PURSUIT_NOW", now)
        capsys.readouterr()
        code = run(app, list(args))
        captured = capsys.readouterr()
        return Ran(code, captured.out, captured.err)

    return invoke


@pytest.fixture
def owner(transactional_db: None) -> Seeker:
    return create_seeker(email="sam@example.com", name="Sam Lee", owner=True)
