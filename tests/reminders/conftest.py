"""A seeker with a planned call, and a clock the tests move by hand (nothing here sleeps)."""

from __future__ import annotations

import datetime as dt
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
