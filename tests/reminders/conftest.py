"""A seeker with a planned call, a clock the tests move by hand (nothing here sleeps), and a
real SMTP server on a loopback port."""

from __future__ import annotations

import datetime as dt
import socket
from collections.abc import Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from pursuit.accounts.models import Seeker
from pursuit.campaigns import services
from pursuit.campaigns.models import Action, Campaign
from pursuit.method.vocab import PermissionAnswer

NY = ZoneInfo("America/New_York")


def ny(iso: str) -> dt.datetime:
    return dt.datetime.fromisoformat(iso).replace(tzinfo=NY)


class Clock:
    """A controllable `now` for the worker's jobs."""

    def __init__(self, start: dt.datetime) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def set(self, iso: str) -> dt.datetime:
        self.now = ny(iso)
        return self.now

    def advance(self, **delta: float) -> dt.datetime:
        self.now += dt.timedelta(**delta)
        return self.now


def campaign_for(seeker: Seeker, company: str = "Acme Tools", **company_kw: object) -> Campaign:
    co = services.create_company(
        seeker=seeker,
        name=company,
        phone="+1 212 555 0100",
        **company_kw,  # type: ignore[arg-type]
    )
    return services.create_campaign(
        seeker=seeker,
        company=co,
        role="Buyer",
        contact_name="Ms. Jones",
        contact_phone="+1 212 555 0199",
        way_through="ask Dana at reception",
    )


@pytest.fixture
def clock() -> Clock:
    return Clock(ny("2026-11-24T12:00"))


@pytest.fixture
def acme(alice: Seeker) -> Campaign:
    return campaign_for(alice)


@pytest.fixture
def call(acme: Campaign) -> Action:
    """Ms. Jones agreed to a call on Tuesday Dec 1 at 09:00 New York time."""
    services.log_interview(
        campaign=acme,
        at=ny("2026-11-24T10:00"),
        permission=PermissionAnswer.GRANTED,
        agreed_at=ny("2026-12-01T09:00"),
        now=ny("2026-11-24T12:00"),
    )
    return Action.objects.get(campaign=acme, kind="call")


class Inbox:
    """What a real SMTP server on a loopback port received, parsed."""

    def __init__(self) -> None:
        self.raw: list[bytes] = []

    async def handle_DATA(self, server: object, session: object, envelope: Any) -> str:
        self.raw.append(envelope.content)
        return "250 Message accepted"

    @property
    def messages(self) -> list[EmailMessage]:
        return [
            message_from_bytes(raw, policy=policy.default)  # type: ignore[misc]
            for raw in list(self.raw)
        ]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture
def smtp_server() -> Iterator[tuple[int, Inbox]]:
    """An aiosmtpd server on a free loopback port for the length of one test."""
    import logging

    from aiosmtpd.controller import Controller

    # It logs every SMTP command at INFO; a thousand messages would flood the test report.
    logging.getLogger("mail.log").setLevel(logging.WARNING)
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield controller.port, inbox
    finally:
        controller.stop()
