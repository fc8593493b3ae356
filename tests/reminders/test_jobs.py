"""The worker's reminder jobs, driven by a clock the test moves (nothing sleeps)."""

from __future__ import annotations

import datetime as dt
import os
import smtplib
import subprocess
import sys
from collections.abc import Iterator

import pytest
from django.core import mail as django_mail
from django.db import OperationalError
from django.test import override_settings

from pursuit.accounts.models import Seeker
from pursuit.accounts.services import add_blackout
from pursuit.campaigns import services, trash
from pursuit.campaigns.models import Action, Campaign
from pursuit.method.vocab import ActionStatus, Outcome, PermissionAnswer, Reply
from pursuit.reminders import jobs as jobs_module
from pursuit.reminders.jobs import MAX_ATTEMPTS, ReminderJobs, backoff
from pursuit.reminders.mail import OutboxBackend
from pursuit.reminders.models import OutboxMessage, Reminder
from pursuit.reminders.services import settings_for, unsubscribe, update_settings

from .conftest import Clock, campaign_for, ny

pytestmark = pytest.mark.django_db

OUTBOX = {"default": {"BACKEND": "pursuit.reminders.mail.OutboxBackend"}}


@pytest.fixture
def outbox() -> Iterator[None]:
    with override_settings(MAILERS=OUTBOX):
        yield


def run(jobs: ReminderJobs) -> None:
    """Rounds until nothing is left to do, as `pursuit worker --until-idle` runs them."""
    for _ in range(50):
        if not any([job() for job in jobs.jobs()]):
            return
    raise AssertionError("the jobs never ran out of work")


def subjects() -> list[str]:
    return list(OutboxMessage.objects.order_by("id").values_list("subject", flat=True))


def without_digest(seeker: Seeker) -> None:
    prefs = settings_for(seeker)
    prefs.digest_enabled = False
    prefs.save()


@pytest.mark.usefixtures("outbox")
def test_it_sends_the_reminder_fifteen_minutes_before_the_call_once(
    call: Action, clock: Clock
) -> None:
    without_digest(call.seeker)
    jobs = ReminderJobs(clock=clock)
    clock.set("2026-12-01T08:44")
    run(jobs)
    assert subjects() == []

    clock.set("2026-12-01T08:45")
    run(jobs)
    clock.advance(minutes=5)
    run(jobs)
    assert subjects() == ["In 15 min: Call Ms. Jones — Acme Tools"]
    row = Reminder.objects.get(kind="before_step")
    assert row.status == "sent"
    assert row.outbox.body_html


@pytest.mark.usefixtures("outbox")
def test_a_moved_call_is_reminded_at_its_new_time_only(call: Action, clock: Clock) -> None:
    without_digest(call.seeker)
    jobs = ReminderJobs(clock=clock)
    clock.set("2026-12-01T08:30")
    run(jobs)  # the 08:45 reminder is planned, not yet due
    services.move_action(action=call, due_at=ny("2026-12-01T12:15"), confirm=True, now=clock.now)

    clock.set("2026-12-01T08:50")
    run(jobs)
    assert subjects() == []
    assert Reminder.objects.get(step_due_at=ny("2026-12-01T09:00")).status == "obsolete"

    clock.set("2026-12-01T12:00")
    run(jobs)
    assert subjects() == ["In 15 min: Call Ms. Jones — Acme Tools"]


@pytest.mark.usefixtures("outbox")
def test_a_step_done_early_sends_no_reminder(call: Action, clock: Clock) -> None:
    without_digest(call.seeker)
    jobs = ReminderJobs(clock=clock)
    clock.set("2026-12-01T08:00")
    run(jobs)
    services.log_outcome(action=call, outcome=Outcome.REACHED_PENDING, at=clock.now, now=clock.now)
    clock.set("2026-12-01T08:46")
    run(jobs)
    assert subjects() == []


@pytest.mark.usefixtures("outbox")
def test_a_late_worker_still_sends_what_fell_due_while_it_was_down(
    call: Action, clock: Clock
) -> None:
    without_digest(call.seeker)
    clock.set("2026-12-01T09:20")
    run(ReminderJobs(clock=clock))
    assert subjects() == ["Overdue: Call Ms. Jones — Acme Tools"]


@pytest.mark.usefixtures("outbox")
def test_the_digest_goes_at_the_seekers_time_on_business_days_with_the_days_scripts(
    call: Action, clock: Clock
) -> None:
    jobs = ReminderJobs(clock=clock)
    clock.set("2026-12-01T07:29")
    run(jobs)
    assert not Reminder.objects.filter(kind="digest", status="sent").exists()

    clock.set("2026-12-01T07:30")
    run(jobs)
    (digest,) = OutboxMessage.objects.filter(subject__startswith="Today")
    assert digest.subject == "Today: 1 step, first Call Ms. Jones — Acme Tools"
    assert "Ms. Jones asked me to call today at 9:00 AM" in digest.body_text
    assert "Stop these emails: http://127.0.0.1:8000/reminders/unsubscribe/" in digest.body_text
    assert "Still open from before" in digest.body_text  # the thank-you note of Nov 25


@pytest.mark.usefixtures("outbox")
def test_no_digest_on_a_weekend_a_holiday_or_a_day_off(alice: Seeker, clock: Clock) -> None:
    add_blackout(seeker=alice, start=dt.date(2026, 12, 2), end=dt.date(2026, 12, 2))
    jobs = ReminderJobs(clock=clock)
    for day in ("2026-11-28", "2026-11-26", "2026-12-02"):  # Saturday, Thanksgiving, day off
        clock.set(f"{day}T08:00")
        run(jobs)
    assert not Reminder.objects.filter(kind="digest").exists()


@pytest.mark.usefixtures("outbox")
def test_a_day_with_nothing_planned_sends_no_digest(alice: Seeker, clock: Clock) -> None:
    clock.set("2026-12-01T08:00")
    run(ReminderJobs(clock=clock))
    assert Reminder.objects.get(kind="digest").status == "skipped"
    assert subjects() == []


@pytest.mark.usefixtures("outbox")
def test_the_digest_time_is_the_seekers_own_zone(call: Action, clock: Clock) -> None:
    seeker = call.seeker
    seeker.zone = "America/Los_Angeles"
    seeker.save()
    clock.set("2026-12-01T07:30")  # New York: 04:30 in Los Angeles
    run(ReminderJobs(clock=clock))
    assert not Reminder.objects.filter(kind="digest").exclude(status="pending").exists()
    clock.set("2026-12-01T10:30")
    run(ReminderJobs(clock=clock))
    assert Reminder.objects.get(kind="digest").status == "sent"


@pytest.mark.usefixtures("outbox")
def test_a_missed_promise_is_noticed_the_morning_after(acme: Campaign, clock: Clock) -> None:
    without_digest(acme.seeker)
    services.log_interview(
        campaign=acme,
        at=ny("2026-11-30T10:00"),
        promise_text="we'll let you know by Wednesday",
        now=ny("2026-11-30T12:00"),
    )
    jobs = ReminderJobs(clock=clock)
    clock.set("2026-12-02T18:00")
    run(jobs)
    assert subjects() == []
    clock.set("2026-12-03T07:30")
    run(jobs)
    assert subjects() == ["No word from Acme Tools — your follow-up is ready"]
    body = OutboxMessage.objects.get().body_text
    assert "we'll let you know by Wednesday" in body or "by Wednesday" in body
    assert "Call Ms. Jones — Acme Tools" in body


@pytest.mark.usefixtures("outbox")
def test_no_missed_promise_notice_when_no_date_was_said(acme: Campaign, clock: Clock) -> None:
    # "we'll be in touch" is no promise of a day: its default wait passing breaks no word.
    without_digest(acme.seeker)
    services.log_interview(
        campaign=acme,
        at=ny("2026-11-30T10:00"),
        promise_text="we'll be in touch",
        now=ny("2026-11-30T12:00"),
    )
    jobs = ReminderJobs(clock=clock)
    for day in ("2026-12-08T07:30", "2026-12-09T07:30"):
        clock.set(day)
        run(jobs)
    assert not [s for s in subjects() if s.startswith("No word")]


@pytest.mark.usefixtures("outbox")
def test_no_missed_promise_notice_when_they_called_first(acme: Campaign, clock: Clock) -> None:
    without_digest(acme.seeker)
    services.log_interview(
        campaign=acme,
        at=ny("2026-11-30T10:00"),
        promise_text="by Wednesday",
        now=ny("2026-11-30T12:00"),
    )
    services.log_inbound(
        campaign=acme,
        reply=Reply.INTERVIEW,
        at=ny("2026-12-02T11:00"),
        interview_at=ny("2026-12-08T10:00"),
        now=ny("2026-12-02T11:00"),
    )
    clock.set("2026-12-03T08:00")
    run(ReminderJobs(clock=clock))
    assert not [s for s in subjects() if s.startswith("No word")]


@pytest.mark.usefixtures("outbox")
def test_switching_email_off_drops_what_is_waiting(call: Action, clock: Clock) -> None:
    jobs = ReminderJobs(clock=clock)
    clock.set("2026-12-01T07:00")
    run(jobs)
    unsubscribe(seeker=call.seeker)
    clock.set("2026-12-01T09:00")
    run(jobs)
    assert subjects() == []
    assert set(Reminder.objects.values_list("status", flat=True)) == {"obsolete"}


@pytest.mark.usefixtures("outbox")
def test_a_new_lead_time_replans_the_reminder(call: Action, clock: Clock) -> None:
    without_digest(call.seeker)
    jobs = ReminderJobs(clock=clock)
    clock.set("2026-12-01T08:00")
    run(jobs)
    update_settings(
        seeker=call.seeker,
        email_enabled=True,
        digest_enabled=False,
        digest_at=dt.time(7, 30),
        lead_minutes=30,
        alarm_minutes=15,
    )
    clock.set("2026-12-01T08:30")
    run(jobs)
    clock.set("2026-12-01T08:50")
    run(jobs)
    assert subjects() == ["In 30 min: Call Ms. Jones — Acme Tools"]


@pytest.mark.usefixtures("outbox")
def test_planning_twice_writes_each_reminder_once(call: Action, clock: Clock) -> None:
    clock.set("2026-12-01T08:00")
    a, b = ReminderJobs(clock=clock, ident="a:1"), ReminderJobs(clock=clock, ident="b:2")
    a.plan(), b.plan(), a.plan()
    assert Reminder.objects.count() == 2  # the digest and the call's heads-up


@pytest.mark.usefixtures("outbox")
def test_two_workers_never_claim_the_same_reminder(call: Action, clock: Clock) -> None:
    clock.set("2026-12-01T08:50")
    a, b = ReminderJobs(clock=clock, ident="h:1"), ReminderJobs(clock=clock, ident="h:2")
    a.plan()
    token_a, ids_a, _ = a.claim(clock.now)
    _, ids_b, due = b.claim(clock.now)
    assert ids_a and not ids_b and not due
    assert set(Reminder.objects.values_list("claimed_by", flat=True)) == {token_a}


@pytest.mark.usefixtures("outbox")
def test_a_claim_from_a_dead_process_is_taken_back_at_start(call: Action, clock: Clock) -> None:
    without_digest(call.seeker)
    clock.set("2026-12-01T08:50")
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    host = ReminderJobs().host
    killed = ReminderJobs(clock=clock, ident=f"{host}:{dead.stdout.strip()}")
    killed.plan()
    killed.claim(clock.now)  # ...and the process dies before sending

    run(ReminderJobs(clock=clock))
    assert subjects() == ["In 10 min: Call Ms. Jones — Acme Tools"]


@pytest.mark.usefixtures("outbox")
def test_a_claim_from_another_host_waits_for_its_lease(call: Action, clock: Clock) -> None:
    without_digest(call.seeker)
    clock.set("2026-12-01T08:46")
    other = ReminderJobs(clock=clock, ident=f"elsewhere:{os.getpid()}")
    other.plan()
    other.claim(clock.now)
    run(ReminderJobs(clock=clock))
    assert subjects() == []
    clock.advance(minutes=6)
    run(ReminderJobs(clock=clock))
    assert len(subjects()) == 1


class RefusingSMTP:
    """An SMTP backend whose server refuses everything, counting the tries."""

    tries = 0

    def __init__(self, **_: object) -> None:
        pass

    def open(self) -> None:
        pass

    def close(self) -> None:
        pass

    def send_messages(self, messages: list[object]) -> int:
        type(self).tries += 1
        raise smtplib.SMTPDataError(451, b"try again later")


def test_a_refused_send_is_retried_with_backoff_then_kept_in_the_outbox(
    call: Action, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    without_digest(call.seeker)
    RefusingSMTP.tries = 0
    monkeypatch.setattr(jobs_module, "mailers", type("M", (), {"default": RefusingSMTP()}))
    jobs = ReminderJobs(clock=clock)
    clock.set("2026-12-01T08:45")
    run(jobs)
    row = Reminder.objects.get(kind="before_step")
    assert (row.status, row.attempts) == ("pending", 1)
    assert "451" in row.last_error
    assert row.run_at == clock.now + backoff(1)

    run(jobs)  # not yet: the backoff holds
    assert RefusingSMTP.tries == 1
    for _ in range(MAX_ATTEMPTS):
        clock.advance(hours=1)
        run(jobs)
    row.refresh_from_db()
    assert (row.status, row.attempts, RefusingSMTP.tries) == ("failed", MAX_ATTEMPTS, MAX_ATTEMPTS)
    kept = OutboxMessage.objects.get()
    assert kept.reminder == row
    assert "451" in kept.error


def test_backoff_doubles_up_to_an_hour() -> None:
    assert [backoff(n).total_seconds() for n in (1, 2, 3, 7, 8, 20)] == [
        60,
        120,
        240,
        3600,
        3600,
        3600,
    ]


@pytest.mark.usefixtures("outbox")
def test_steps_that_land_inside_a_day_off_are_moved_by_the_worker(
    call: Action, clock: Clock
) -> None:
    add_blackout(seeker=call.seeker, start=dt.date(2026, 12, 1), end=dt.date(2026, 12, 1))
    clock.set("2026-11-27T10:00")
    run(ReminderJobs(clock=clock))
    call.refresh_from_db()
    assert call.status == ActionStatus.PLANNED
    assert call.local_due() == ny("2026-12-02T09:00")


def test_locmem_mail_is_sent_one_by_one(call: Action, clock: Clock) -> None:
    without_digest(call.seeker)
    clock.set("2026-12-01T08:45")
    run(ReminderJobs(clock=clock))
    (message,) = django_mail.outbox
    assert message.subject == "In 15 min: Call Ms. Jones — Acme Tools"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


class SlowSMTP(RefusingSMTP):
    """A server that takes three minutes a message, by the test's clock."""

    clock: Clock
    sent: list[str] = []

    def send_messages(self, messages: list[object]) -> int:
        self.clock.advance(minutes=3)
        type(self).sent += [m.subject for m in messages]  # type: ignore[attr-defined]
        return len(messages)


def test_a_slow_server_keeps_its_batch_from_a_second_worker(
    alice: Seeker, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    without_digest(alice)
    for i, company in enumerate(("Acme Tools", "Globex", "Initech")):
        services.log_interview(
            campaign=campaign_for(alice, company),
            at=ny("2026-11-24T10:00"),
            permission=PermissionAnswer.GRANTED,
            agreed_at=ny("2026-12-01T09:45") + dt.timedelta(minutes=20 * i),
            now=ny("2026-11-24T12:00"),
        )
    SlowSMTP.sent = []
    SlowSMTP.clock = clock
    clock.set("2026-12-01T10:15")
    slow = ReminderJobs(clock=clock, ident="slow:1")
    rival = ReminderJobs(clock=clock, ident="rival:2")
    slow.plan()
    token, ids, _ = slow.claim(clock.now)
    assert len(ids) == 3

    monkeypatch.setattr(jobs_module, "mailers", type("M", (), {"default": SlowSMTP()}))
    original = jobs_module.ReminderJobs._renew

    renewals = []

    def renew_then_let_the_rival_try(self: ReminderJobs, token: str, ids: list[int]) -> set[int]:
        kept = original(self, token, ids)
        renewals.append(len(kept))
        assert rival.claim(clock.now)[1] == []
        return kept

    monkeypatch.setattr(jobs_module.ReminderJobs, "_renew", renew_then_let_the_rival_try)
    slow._by_smtp(token, ids, clock.now, jobs_module.mailers.default)
    assert renewals == [2, 1]  # after the first and the second three-minute send
    assert len(SlowSMTP.sent) == 3
    assert set(Reminder.objects.values_list("status", flat=True)) == {"sent"}


@pytest.mark.usefixtures("outbox")
def test_a_batch_that_breaks_hands_its_claims_back_unspent(
    call: Action, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    without_digest(call.seeker)
    clock.set("2026-12-01T08:45")
    jobs = ReminderJobs(clock=clock)
    jobs.plan()

    def locked(self: object, messages: object) -> int:
        raise OperationalError("database is locked")

    monkeypatch.setattr(OutboxBackend, "send_messages", locked)
    with pytest.raises(OperationalError):
        jobs.deliver()
    row = Reminder.objects.get(kind="before_step")
    assert (row.status, row.claimed_by, row.attempts) == ("pending", "", 0)
    monkeypatch.undo()
    run(jobs)
    assert subjects() == ["In 15 min: Call Ms. Jones — Acme Tools"]


def test_the_worker_empties_what_waited_thirty_days_in_the_trash(
    acme: Campaign, clock: Clock
) -> None:
    trash.trash(row=acme, now=clock.set("2026-12-01T08:00"))
    jobs = ReminderJobs(clock=clock)
    clock.set("2026-12-30T08:00")
    assert not jobs.purge_trash()
    assert Campaign.with_trash.filter(pk=acme.pk).exists()
    clock.set("2026-12-31T09:00")
    assert jobs.purge_trash()
    assert not Campaign.with_trash.filter(pk=acme.pk).exists()
    assert not jobs.purge_trash()  # once an hour
