"""One seeker's undeliverable reminder never holds back another's (a real SMTP server on a
loopback port): a message that cannot be built, or that the server refuses for good, fails alone,
with the reason in its seeker's outbox, and the batch goes on."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import override_settings

from pursuit.accounts.models import Seeker
from pursuit.accounts.services import create_seeker
from pursuit.campaigns.models import Action, Company
from pursuit.reminders import planning
from pursuit.reminders.jobs import ReminderJobs, backoff
from pursuit.reminders.models import OutboxMessage, Reminder
from pursuit.reminders.services import settings_for

from .conftest import Clock, Inbox, campaign_for, ny
from .test_smtp import run, smtp_to

pytestmark = pytest.mark.django_db

CALLS_AT = ny("2026-12-01T09:00")


def calls(seeker: Seeker, count: int, *, company: str = "Acme Tools") -> None:
    """`count` calls at 09:00 on Dec 1, each with its reminder due at 08:45, no digest."""
    prefs = settings_for(seeker)
    prefs.digest_enabled = False
    prefs.save()
    campaign = campaign_for(seeker, company)
    Action.objects.bulk_create(
        Action(
            seeker=seeker,
            campaign=campaign,
            kind="call",
            due_at=CALLS_AT + dt.timedelta(milliseconds=i),
            zone="America/New_York",
            basis="retry",
            script=f"Call number {i}.",
        )
        for i in range(count)
    )


def broken_first(bob: Seeker, alice: Seeker, clock: Clock) -> None:
    """Bob's one reminder is due a minute before Alice's fifty, so it heads the batch."""
    calls(bob, 1, company="Initech")
    Action.objects.filter(seeker=bob).update(due_at=CALLS_AT - dt.timedelta(minutes=1))
    calls(alice, 50)
    planning.plan(clock.set("2026-12-01T08:00"))
    assert Reminder.objects.filter(kind="before_step").count() == 51


def alice_arrived_on_time(inbox: Inbox, alice: Seeker) -> None:
    to_alice = [m for m in inbox.messages if m["To"] == alice.user.email]
    assert len(to_alice) == 50
    sent = Reminder.objects.filter(seeker=alice)
    assert set(sent.values_list("status", "attempts")) == {("sent", 1)}
    assert max(sent.values_list("sent_at", flat=True)) <= ny("2026-12-01T08:46")


def test_a_message_that_cannot_be_built_fails_alone_and_fifty_others_arrive_on_time(
    alice: Seeker, bob: Seeker, clock: Clock, smtp_server: tuple[int, Inbox]
) -> None:
    port, inbox = smtp_server
    broken_first(bob, alice, clock)
    # A name stored before line breaks were folded: the email header cannot hold it.
    Company.objects.filter(seeker=bob).update(name="Initech\r\nBcc: everyone@example.com")

    clock.set("2026-12-01T08:46")
    with override_settings(MAILERS=smtp_to(port)):
        run(ReminderJobs(clock=clock))

    alice_arrived_on_time(inbox, alice)
    assert not [m for m in inbox.messages if m["To"] == bob.user.email]
    failed = Reminder.objects.get(seeker=bob)
    assert failed.status == "failed"
    assert "line" in failed.last_error
    kept = OutboxMessage.objects.get(seeker=bob)
    assert kept.reminder == failed
    assert kept.error == failed.last_error


class Bouncing(Inbox):
    """A server that refuses some addresses for good (550) and others for now (451)."""

    def __init__(self, refuse: dict[str, str]) -> None:
        super().__init__()
        self.refuse = refuse

    async def handle_RCPT(
        self, server: object, session: object, envelope: Any, address: str, options: object
    ) -> str:
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"


@pytest.fixture
def bouncing() -> Any:
    from aiosmtpd.controller import Controller

    from .conftest import free_port

    def start(refuse: dict[str, str]) -> tuple[int, Bouncing]:
        handler = Bouncing(refuse)
        controller = Controller(handler, hostname="127.0.0.1", port=free_port())
        controller.start()
        started.append(controller)
        return controller.port, handler

    started: list[Any] = []
    yield start
    for controller in started:
        controller.stop()


def test_an_address_refused_for_good_fails_alone_and_fifty_others_arrive_on_time(
    alice: Seeker, clock: Clock, bouncing: Any
) -> None:
    gone = create_seeker(email="gone@example.com", name="Gone")
    port, inbox = bouncing({"gone@example.com": "550 5.1.1 no such mailbox"})
    broken_first(gone, alice, clock)

    clock.set("2026-12-01T08:46")
    with override_settings(MAILERS=smtp_to(port)):
        run(ReminderJobs(clock=clock))

    alice_arrived_on_time(inbox, alice)
    failed = Reminder.objects.get(seeker=gone)
    assert (failed.status, failed.attempts) == ("failed", 1)
    assert "550" in failed.last_error
    assert "550" in OutboxMessage.objects.get(seeker=gone).error


def test_an_address_refused_for_now_keeps_the_backoff_for_the_batch(
    alice: Seeker, clock: Clock, bouncing: Any
) -> None:
    busy = create_seeker(email="busy@example.com", name="Busy")
    port, inbox = bouncing({"busy@example.com": "451 4.3.0 try again later"})
    broken_first(busy, alice, clock)

    now = clock.set("2026-12-01T08:46")
    with override_settings(MAILERS=smtp_to(port)):
        run(ReminderJobs(clock=clock))

    row = Reminder.objects.get(seeker=busy)
    assert (row.status, row.attempts, row.run_at) == ("pending", 1, now + backoff(1))
    assert "451" in row.last_error
    waiting = Reminder.objects.filter(seeker=alice)
    assert set(waiting.values_list("status", "attempts", "run_at")) == {
        ("pending", 0, now + backoff(1))
    }
    assert not inbox.raw
    assert not OutboxMessage.objects.exists()
