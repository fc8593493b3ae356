"""Moving any planned step: to a chosen time or the next good slot, asking first when it should."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from pursuit.campaigns import services
from pursuit.campaigns.models import Action, Campaign
from pursuit.errors import NeedsConfirmation, ServiceError
from pursuit.method.scripts import claims_permission
from pursuit.method.vocab import ActionStatus, PermissionAnswer

NY = ZoneInfo("America/New_York")
MONDAY = dt.datetime(2026, 11, 23, 10, 0, tzinfo=NY)


def ny(iso: str) -> dt.datetime:
    return dt.datetime.fromisoformat(iso).replace(tzinfo=NY)


@pytest.fixture
def only_step(acme: Campaign) -> Action:
    """An interview logged ahead with no promise: the thank-you is the campaign's only step."""
    services.log_interview(campaign=acme, at=ny("2026-11-23T09:00"), now=ny("2026-11-23T08:00"))
    Action.objects.filter(campaign=acme).exclude(kind="thank_you").delete()
    return acme.actions.get()


def test_a_campaigns_only_step_moves_to_the_next_good_slot(only_step: Action) -> None:
    assert only_step.local_due().isoformat() == "2026-11-24T09:00:00-05:00"
    moved = services.move_action(action=only_step, next_slot=True, now=MONDAY)
    assert moved.local_due().isoformat() == "2026-11-25T09:00:00-05:00"
    assert moved.window == "morning"
    assert only_step.campaign.events.first().kind == "move"  # type: ignore[union-attr]


def test_a_move_onto_a_closed_day_asks_and_moves_once_confirmed(only_step: Action) -> None:
    thanksgiving = ny("2026-11-26T09:00")
    with pytest.raises(NeedsConfirmation, match=r"Thanksgiving Day.*move anyway") as asked:
        services.move_action(action=only_step, due_at=thanksgiving, now=MONDAY)
    assert asked.value.field == "due_at"
    only_step.refresh_from_db()
    assert only_step.local_due().date() == dt.date(2026, 11, 24)

    moved = services.move_action(action=only_step, due_at=thanksgiving, confirm=True, now=MONDAY)
    assert moved.due_at == thanksgiving


def test_a_move_needs_a_time_or_the_next_slot(only_step: Action) -> None:
    with pytest.raises(ServiceError, match="give the new time"):
        services.move_action(action=only_step, now=MONDAY)


def test_an_agreed_call_asks_and_then_stops_claiming_the_time(acme: Campaign) -> None:
    services.log_interview(
        campaign=acme,
        at=ny("2026-12-01T10:00"),
        permission=PermissionAnswer.GRANTED,
        agreed_at=dt.datetime(2026, 12, 9, 17, 30),
        now=ny("2026-11-30T12:00"),
    )
    call = acme.actions.get(kind="call", status=ActionStatus.PLANNED)
    with pytest.raises(NeedsConfirmation, match="They agreed to this time: move anyway"):
        services.move_action(action=call, next_slot=True, now=ny("2026-12-01T12:00"))
    moved = services.move_action(
        action=call, next_slot=True, confirm=True, now=ny("2026-12-01T12:00")
    )
    assert moved.local_due().isoformat() == "2026-12-10T09:00:00-05:00"
    assert moved.basis == "rescheduled"
    assert not claims_permission(moved.script)
