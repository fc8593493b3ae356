"""Pauses and days off: steps inside move past them by the method's rules, none left overdue."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from pursuit.accounts.models import Seeker
from pursuit.campaigns import services
from pursuit.campaigns.models import Action, Campaign
from pursuit.errors import ServiceError
from pursuit.method.scripts import claims_permission
from pursuit.method.vocab import ActionStatus, Outcome
from pursuit.reminders.models import CampaignPause
from pursuit.reminders.services import (
    end_pause,
    move_out_of_pauses,
    pause_campaign,
    pause_everything,
)

from .conftest import campaign_for, ny

pytestmark = pytest.mark.django_db


def planned(campaign: Campaign) -> list[tuple[str, str]]:
    return [
        (a.kind, a.local_due().isoformat(timespec="minutes"))
        for a in campaign.actions.filter(status=ActionStatus.PLANNED).order_by("due_at")
    ]


def test_pausing_a_campaign_moves_its_call_to_the_first_preferred_day_after(
    call: Action,
) -> None:
    # Paused Mon Nov 30 to Wed Dec 2: the Tuesday call goes to Thursday, Tue–Thu being preferred.
    done = pause_campaign(
        campaign=call.campaign,
        start=dt.date(2026, 11, 30),
        end=dt.date(2026, 12, 2),
        now=ny("2026-11-27T10:00"),
    )
    call.refresh_from_db()
    assert [a.pk for a in done.moved] == [call.pk]
    assert call.local_due() == ny("2026-12-03T09:00")
    assert call.window == "morning"
    assert call.reason.endswith("(moved past your time off)")


def test_a_moved_agreed_call_no_longer_claims_they_asked_for_it(call: Action) -> None:
    assert claims_permission(call.script)
    pause_campaign(
        campaign=call.campaign,
        start=dt.date(2026, 12, 1),
        end=dt.date(2026, 12, 1),
        now=ny("2026-11-27T10:00"),
    )
    call.refresh_from_db()
    assert not claims_permission(call.script)
    assert "not the time you agreed on" in call.script


def test_a_moved_callback_does_not_claim_its_new_time_was_given(acme: Campaign) -> None:
    services.log_interview(
        campaign=acme,
        at=ny("2026-11-17T10:00"),
        promise_text="by Friday",
        now=ny("2026-11-17T12:00"),
    )
    call = Action.objects.get(campaign=acme, kind="call")
    services.log_outcome(
        action=call,
        outcome=Outcome.GATEKEEPER_CALLBACK,
        at=ny("2026-11-24T09:05"),
        callback_at=ny("2026-12-01T14:00"),
        now=ny("2026-11-24T09:05"),
    )
    callback = Action.objects.get(campaign=acme, kind="callback", status="planned")
    assert "suggested I call back at this time" in callback.script
    pause_campaign(
        campaign=acme,
        start=dt.date(2026, 12, 1),
        end=dt.date(2026, 12, 1),
        now=ny("2026-11-25T10:00"),
    )
    callback.refresh_from_db()
    assert callback.local_due().date() == dt.date(2026, 12, 2)
    assert "suggested I call back to reach" in callback.script


def test_other_campaigns_keep_their_steps(call: Action, alice: Seeker) -> None:
    other = campaign_for(alice, "Globex")
    services.log_interview(
        campaign=other,
        at=ny("2026-11-24T11:00"),
        promise_text="by Friday",
        now=ny("2026-11-24T12:00"),
    )
    before = planned(other)
    pause_campaign(
        campaign=call.campaign,
        start=dt.date(2026, 11, 25),
        end=dt.date(2026, 12, 4),
        now=ny("2026-11-24T13:00"),
    )
    assert planned(other) == before


def test_time_off_moves_every_campaign_and_nothing_is_overdue_on_return(
    call: Action, alice: Seeker
) -> None:
    other = campaign_for(alice, "Globex")
    services.log_interview(
        campaign=other,
        at=ny("2026-11-24T11:00"),
        promise_text="by Friday",
        now=ny("2026-11-24T12:00"),
    )
    done = pause_everything(
        seeker=alice,
        start=dt.date(2026, 11, 25),
        end=dt.date(2026, 12, 4),
        now=ny("2026-11-24T13:00"),
    )
    assert len(done.moved) == 4  # two thank-you notes, the agreed call, the promise's call
    back = ny("2026-12-07T00:00")
    steps = Action.objects.filter(seeker=alice, status=ActionStatus.PLANNED)
    assert all(a.due_at >= back for a in steps)
    dues = sorted(a.due_at for a in steps)
    assert all(b - a >= dt.timedelta(minutes=15) for a, b in itertools.pairwise(dues))
    calls = [a for a in steps if a.kind == "call"]
    assert all(a.local_due().weekday() in (1, 2, 3) for a in calls)  # Tue–Thu


def test_a_visit_and_its_note_move_together_note_the_evening_before(
    acme: Campaign,
) -> None:
    acme.company.local = True
    acme.company.save()
    services.log_interview(
        campaign=acme,
        at=ny("2026-11-02T10:00"),
        promise_text="by Wednesday",
        now=ny("2026-11-02T12:00"),
    )
    now = ny("2026-11-05T09:00")
    for _ in range(5):
        step = Action.objects.get(campaign=acme, status="planned", kind="call")
        services.log_outcome(
            action=step, outcome=Outcome.NO_ANSWER, at=step.due_at, now=step.due_at
        )
        now = step.due_at
    visit = Action.objects.get(campaign=acme, status="planned", kind="visit")
    note = Action.objects.get(campaign=acme, status="planned", kind="leave_note")
    day = visit.local_due().date()
    pause_campaign(campaign=acme, start=day, end=day, now=now)
    visit.refresh_from_db()
    note.refresh_from_db()
    assert visit.local_due().date() > day
    assert visit.local_due().weekday() in (1, 2, 3)
    assert note.local_due().date() < visit.local_due().date()
    assert note.local_due().hour == 17
    assert visit.local_due().strftime("%A") in note.script


def test_the_worker_catches_steps_the_ladder_planned_inside_a_pause(acme: Campaign) -> None:
    CampaignPause.objects.create(
        campaign=acme, start=dt.date(2026, 11, 25), end=dt.date(2026, 12, 4)
    )
    services.log_interview(
        campaign=acme,
        at=ny("2026-11-24T10:00"),
        promise_text="by Friday",
        now=ny("2026-11-24T12:00"),
    )
    assert move_out_of_pauses(seeker=acme.seeker, now=ny("2026-11-24T12:01"))
    assert all(day >= "2026-12-07" for _, day in planned(acme))
    assert move_out_of_pauses(seeker=acme.seeker, now=ny("2026-11-24T12:02")) == []


def test_a_pause_ending_before_it_starts_is_refused(acme: Campaign) -> None:
    with pytest.raises(ServiceError) as refused:
        pause_campaign(campaign=acme, start=dt.date(2026, 12, 4), end=dt.date(2026, 12, 1))
    assert refused.value.field == "end"
    assert not CampaignPause.objects.exists()


def test_ending_a_pause_early_keeps_the_moved_steps(call: Action) -> None:
    done = pause_campaign(
        campaign=call.campaign,
        start=dt.date(2026, 11, 30),
        end=dt.date(2026, 12, 4),
        now=ny("2026-11-27T10:00"),
    )
    call.refresh_from_db()
    moved_to = call.due_at
    end_pause(pause=done.pause, now=ny("2026-12-01T10:00"))  # type: ignore[arg-type]
    pause = CampaignPause.objects.get()
    assert pause.end == dt.date(2026, 11, 30)
    call.refresh_from_db()
    assert call.due_at == moved_to
