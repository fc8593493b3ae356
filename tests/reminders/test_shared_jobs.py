"""Jobs the worker runs for every seeker at once: one seeker's data never stops them for the
others. Rows written before dates and zones were checked stand in for whatever else may break."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

import pytest

from pursuit.accounts.models import Blackout, Seeker
from pursuit.campaigns import services
from pursuit.campaigns.models import Action
from pursuit.method.vocab import ActionStatus
from pursuit.reminders import jobs as jobs_module
from pursuit.reminders import planning
from pursuit.reminders.jobs import ReminderJobs
from pursuit.reminders.models import CampaignPause, Reminder

from .conftest import Clock, campaign_for, ny

pytestmark = pytest.mark.django_db


def day_off_on_alices_call(call: Action) -> None:
    Blackout.objects.create(
        seeker=call.seeker, start=dt.date(2026, 12, 1), end=dt.date(2026, 12, 1)
    )


def alices_call_moved(call: Action) -> None:
    call.refresh_from_db()
    assert call.status == ActionStatus.PLANNED
    assert call.local_due() == ny("2026-12-02T09:00")


def test_a_pause_ending_9999_12_31_does_not_stop_keeping_pauses_for_others(
    call: Action, bob: Seeker, clock: Clock
) -> None:
    bobs = campaign_for(bob, "Initech")
    Blackout.objects.create(seeker=bob, start=dt.date(2026, 11, 30), end=dt.date(9999, 12, 31))
    CampaignPause.objects.create(
        campaign=bobs, start=dt.date(9999, 1, 1), end=dt.date(9999, 12, 31)
    )
    day_off_on_alices_call(call)

    clock.set("2026-11-27T10:00")
    ReminderJobs(clock=clock).keep_pauses()

    alices_call_moved(call)


def test_a_seeker_whose_pauses_break_the_job_is_skipped_and_logged(
    call: Action, bob: Seeker, clock: Clock, monkeypatch: pytest.MonkeyPatch, caplog: Any
) -> None:
    campaign_for(bob, "Initech")
    services.log_interview(
        campaign=bob.campaigns.get(), at=ny("2026-11-24T10:00"), now=ny("2026-11-24T12:00")
    )
    # Days off are read in order of their first day: Bob's turn comes before Alice's.
    Blackout.objects.create(seeker=bob, start=dt.date(2026, 11, 25), end=dt.date(2026, 12, 31))
    day_off_on_alices_call(call)
    real = jobs_module.move_out_of_pauses

    def breaks_for_bob(*, seeker: Seeker, now: dt.datetime) -> list[Action]:
        if seeker.pk == bob.pk:
            raise RuntimeError("bob's rows cannot be read")
        return real(seeker=seeker, now=now)

    monkeypatch.setattr(jobs_module, "move_out_of_pauses", breaks_for_bob)

    clock.set("2026-11-27T10:00")
    with caplog.at_level(logging.ERROR, logger="pursuit.reminders.planning"):
        ReminderJobs(clock=clock).keep_pauses()

    alices_call_moved(call)
    assert f"keeping pauses: skipped seeker {bob.pk}" in caplog.text
    assert "bob's rows cannot be read" in caplog.text


def test_a_seeker_with_an_unreadable_zone_does_not_stop_missed_promise_notices(
    alice: Seeker, bob: Seeker, clock: Clock
) -> None:
    for seeker, company in ((bob, "Initech"), (alice, "Acme Tools")):
        services.log_interview(
            campaign=campaign_for(seeker, company),
            at=ny("2026-11-30T10:00"),
            promise_text="we'll let you know by Wednesday",
            now=ny("2026-11-30T12:00"),
        )
    Seeker.objects.filter(pk=bob.pk).update(zone="Mars/Olympus")

    planning.plan(clock.set("2026-12-03T07:30"))

    notices = Reminder.objects.filter(kind=Reminder.Kind.MISSED_PROMISE)
    assert list(notices.values_list("seeker_id", flat=True)) == [alice.pk]
