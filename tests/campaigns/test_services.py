"""Services: the only writers across models, each in one transaction, each calling the ladder."""

import datetime as dt
import threading
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.http import Http404

from pursuit.accounts.models import Seeker
from pursuit.campaigns import services
from pursuit.campaigns.access import get_owned, owned
from pursuit.campaigns.models import Action, Campaign, Company, Interview, Promise, Touch
from pursuit.errors import ServiceError
from pursuit.method.scripts import claims_permission
from pursuit.method.vocab import ActionStatus, CampaignStatus, Outcome, PermissionAnswer

from .conftest import make_campaign

NY = ZoneInfo("America/New_York")
UTC = dt.UTC


def ny(iso: str) -> dt.datetime:
    return dt.datetime.fromisoformat(iso).replace(tzinfo=NY)


def planned(campaign: Campaign) -> list[tuple[str, str]]:
    return [
        (a.kind, a.local_due().isoformat(timespec="minutes"))
        for a in campaign.actions.filter(status=ActionStatus.PLANNED)
    ]


def test_it_plans_the_call_for_the_day_after_a_missed_promise(acme: Campaign) -> None:
    result = services.log_interview(
        campaign=acme,
        at=ny("2026-11-19T15:00"),
        promise_text="We'll call you by Wednesday",
        now=ny("2026-11-19T18:00"),
    )
    assert planned(acme) == [
        ("thank_you", "2026-11-20T09:00-05:00"),
        ("call", "2026-11-30T09:00-05:00"),
    ]
    call = Action.objects.get(kind="call")
    assert call.due_at == dt.datetime(2026, 11, 30, 14, 0, tzinfo=UTC)  # stored in UTC
    assert call.zone == "America/New_York"
    assert result.promise is not None
    assert result.promise.latest == dt.date(2026, 11, 25)
    assert Promise.objects.count() == 1


def test_a_naive_time_is_read_in_the_companys_zone(alice: Seeker) -> None:
    campaign = make_campaign(alice, "Berlin GmbH", zone="Europe/Berlin", country="DE")
    services.log_interview(
        campaign=campaign, at=dt.datetime(2026, 12, 1, 10, 0), now=ny("2026-12-01T06:00")
    )
    interview = Interview.objects.get()
    assert interview.at == dt.datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def test_an_outcome_plans_the_next_step_and_records_the_touch(acme: Campaign) -> None:
    services.log_interview(campaign=acme, at=ny("2026-11-19T15:00"), now=ny("2026-11-19T18:00"))
    call = Action.objects.get(kind="call")
    result = services.log_outcome(
        action=call,
        outcome=Outcome.NO_ANSWER,
        at=ny("2026-12-01T09:05"),
        now=ny("2026-12-01T09:05"),
    )
    call.refresh_from_db()
    assert call.status == ActionStatus.DONE
    assert Touch.objects.get().outcome == "no_answer"
    assert [(a.kind, a.window) for a in result.actions] == [("call", "end_of_day")]
    acme.refresh_from_db()
    assert acme.attempts == 1


def test_a_double_submitted_outcome_creates_one_next_step(acme: Campaign) -> None:
    services.log_interview(campaign=acme, at=ny("2026-11-19T15:00"), now=ny("2026-11-19T18:00"))
    call = Action.objects.get(kind="call")
    kwargs = dict(outcome=Outcome.NO_ANSWER, at=ny("2026-12-01T09:05"), now=ny("2026-12-01T09:05"))
    services.log_outcome(action=call, **kwargs)  # type: ignore[arg-type]
    with pytest.raises(ServiceError, match="already has an outcome"):
        services.log_outcome(action=call, **kwargs)  # type: ignore[arg-type]
    assert acme.actions.filter(kind="call", status=ActionStatus.PLANNED).count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_submissions_of_one_outcome_create_one_next_step(alice: Seeker) -> None:
    """GIVEN a planned call, WHEN two requests log its outcome at the same moment,
    THEN exactly one succeeds and one retry is planned."""
    if connection.vendor != "postgresql":
        pytest.skip("needs concurrent writers: runs on PostgreSQL")
    campaign = make_campaign(alice)
    services.log_interview(campaign=campaign, at=ny("2026-11-19T15:00"), now=ny("2026-11-19T18:00"))
    call = Action.objects.get(kind="call")
    barrier, outcomes = threading.Barrier(2), []

    def submit() -> None:
        barrier.wait()
        try:
            services.log_outcome(action=call, outcome=Outcome.NO_ANSWER, now=ny("2026-12-01T09:05"))
            outcomes.append("ok")
        except ServiceError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["ok", "refused"]
    assert campaign.actions.filter(kind="call", status=ActionStatus.PLANNED).count() == 1
    assert Touch.objects.count() == 1


def test_steps_of_two_campaigns_never_collide(alice: Seeker) -> None:
    first, second = make_campaign(alice, "Acme Tools"), make_campaign(alice, "Globex")
    for campaign in (first, second):
        services.log_interview(
            campaign=campaign,
            at=ny("2026-11-19T15:00"),
            promise_text="by Wednesday",
            now=ny("2026-11-19T18:00"),
        )
    assert planned(second) == [
        ("thank_you", "2026-11-20T09:15-05:00"),
        ("call", "2026-11-30T09:15-05:00"),
    ]


def test_a_script_shows_the_seekers_own_time_when_the_zones_differ(alice: Seeker) -> None:
    campaign = make_campaign(alice, "Windy City Co", zone="America/Chicago")
    services.log_interview(
        campaign=campaign, at=dt.datetime(2026, 11, 19, 15, 0), now=ny("2026-11-19T18:00")
    )
    call = Action.objects.get(kind="call")
    assert "9:00 AM (10:00 AM your time)" in call.script


def test_permission_granted_plans_the_agreed_call(acme: Campaign) -> None:
    services.log_interview(
        campaign=acme,
        at=ny("2026-12-01T10:00"),
        permission=PermissionAnswer.GRANTED,
        agreed_at=dt.datetime(2026, 12, 9, 17, 30),
        way_through="ask for Dana at the front desk",
        now=ny("2026-11-30T12:00"),
    )
    call = Action.objects.get(kind="call")
    assert call.local_due().isoformat(timespec="minutes") == "2026-12-09T17:30-05:00"
    assert call.window == ""
    assert "asked me to call" in call.script
    assert "Dana" in call.script
    acme.contact.refresh_from_db()
    assert acme.contact.way_through == "ask for Dana at the front desk"


@pytest.mark.parametrize(
    ("kwargs", "field", "message"),
    [
        pytest.param({"name": "  "}, "company", "needs a name", id="empty-name"),
        pytest.param({"name": "X", "zone": "Mars/Base"}, "zone", "IANA", id="unknown-zone"),
        pytest.param({"name": "X", "country": "XX"}, "country", "ISO", id="unknown-country"),
        pytest.param({"name": "X", "subdiv": "ZZ"}, "subdiv", "subdivision", id="unknown-subdiv"),
    ],
)
def test_a_bad_company_is_refused_with_its_field(
    alice: Seeker, kwargs: dict, field: str, message: str
) -> None:
    with pytest.raises(ServiceError, match=message) as info:
        services.create_company(seeker=alice, **kwargs)
    assert info.value.field == field
    assert not Company.objects.exists()


def test_a_duplicate_company_name_is_refused(alice: Seeker) -> None:
    services.create_company(seeker=alice, name="Acme")
    with pytest.raises(ServiceError, match="already have"):
        services.create_company(seeker=alice, name="Acme")


def test_an_overlong_promise_is_refused_and_nothing_is_saved(acme: Campaign) -> None:
    with pytest.raises(ServiceError) as info:
        services.log_interview(campaign=acme, at=ny("2026-11-19T15:00"), promise_text="soon " * 500)
    assert info.value.field == "promise"
    assert not Interview.objects.exists()
    assert not Action.objects.exists()


def test_a_past_callback_is_refused_and_the_step_stays_planned(acme: Campaign) -> None:
    services.log_interview(campaign=acme, at=ny("2026-11-19T15:00"), now=ny("2026-11-19T18:00"))
    call = Action.objects.get(kind="call")
    with pytest.raises(ServiceError, match="past"):
        services.log_outcome(
            action=call,
            outcome=Outcome.GATEKEEPER_CALLBACK,
            callback_at=ny("2026-12-01T08:00"),
            now=ny("2026-12-01T09:05"),
        )
    call.refresh_from_db()
    assert call.status == ActionStatus.PLANNED
    assert not Touch.objects.exists()


def test_a_written_offer_the_seeker_wants_wins_and_clears_the_agenda(acme: Campaign) -> None:
    services.log_interview(campaign=acme, at=ny("2026-11-19T15:00"), now=ny("2026-11-19T18:00"))
    services.record_offer(campaign=acme, written=False, now=ny("2026-11-23T10:00"))
    acme.refresh_from_db()
    assert acme.status == CampaignStatus.OFFER_VERBAL
    assert [k for k, _ in planned(acme)] == ["thank_you", "request_written_offer"]
    services.record_offer(campaign=acme, written=True, wanted=True, now=ny("2026-11-24T10:00"))
    acme.refresh_from_db()
    assert acme.status == CampaignStatus.WON
    assert planned(acme) == []


def test_close_out_keeps_the_lesson_and_reopen_starts_again(acme: Campaign) -> None:
    services.log_interview(campaign=acme, at=ny("2026-11-19T15:00"), now=ny("2026-11-19T18:00"))
    services.close_out(campaign=acme, lesson="Ask about the timeline earlier.")
    acme.refresh_from_db()
    assert (acme.status, acme.lesson) == (CampaignStatus.LOST, "Ask about the timeline earlier.")
    assert planned(acme) == []
    services.reopen(campaign=acme, now=ny("2026-12-01T10:00"))
    acme.refresh_from_db()
    assert acme.status == CampaignStatus.ACTIVE
    assert [k for k, _ in planned(acme)] == ["call"]


def test_withdraw_cancels_every_step(acme: Campaign) -> None:
    services.log_interview(campaign=acme, at=ny("2026-11-19T15:00"), now=ny("2026-11-19T18:00"))
    services.withdraw(campaign=acme)
    assert set(Action.objects.values_list("status", flat=True)) == {ActionStatus.CANCELLED}


def test_moving_a_step_into_the_past_is_refused(acme: Campaign) -> None:
    services.log_interview(campaign=acme, at=ny("2026-11-19T15:00"), now=ny("2026-11-19T18:00"))
    call = Action.objects.get(kind="call")
    with pytest.raises(ServiceError, match="ahead"):
        services.move_action(action=call, due_at=ny("2026-11-01T09:00"), now=ny("2026-11-20T09:00"))
    moved = services.move_action(
        action=call,
        due_at=dt.datetime(2026, 12, 2, 11, 0),
        confirm=True,
        now=ny("2026-11-20T09:00"),
    )
    assert moved.local_due().isoformat(timespec="minutes") == "2026-12-02T11:00-05:00"


def test_a_moved_agreed_call_no_longer_claims_the_agreed_time(acme: Campaign) -> None:
    services.log_interview(
        campaign=acme,
        at=ny("2026-12-01T10:00"),
        permission=PermissionAnswer.GRANTED,
        agreed_at=dt.datetime(2026, 12, 9, 17, 30),
        now=ny("2026-11-30T12:00"),
    )
    call = Action.objects.get(kind="call")
    assert claims_permission(call.script)
    moved = services.move_action(
        action=call,
        due_at=dt.datetime(2026, 12, 10, 9, 0),
        confirm=True,
        now=ny("2026-12-01T12:00"),
    )
    assert not claims_permission(moved.script)
    assert "Thursday, December 10 at 9:00 AM" in moved.script


def test_the_answer_given_at_an_interview_logged_ahead_replans_the_follow_up(
    acme: Campaign,
) -> None:
    services.log_interview(campaign=acme, at=ny("2026-12-01T10:00"), now=ny("2026-11-30T12:00"))
    interview = Interview.objects.get()
    result = services.record_interview_answer(
        interview=interview,
        promise_text="we'll decide by Friday",
        permission=PermissionAnswer.GRANTED,
        agreed_at=dt.datetime(2026, 12, 8, 9, 0),
        way_through="ask for Dana",
        now=ny("2026-12-01T11:30"),
    )
    assert planned(acme) == [
        ("thank_you", "2026-12-02T09:00-05:00"),
        ("call", "2026-12-08T09:00-05:00"),
    ]
    assert result.promise is not None and result.promise.latest == dt.date(2026, 12, 4)
    interview.refresh_from_db()
    assert (interview.permission, interview.way_through) == ("granted", "ask for Dana")
    assert Interview.objects.count() == 1


def test_another_seekers_rows_are_a_404(acme: Campaign, bob: Seeker) -> None:
    assert not owned(Campaign, bob.user).exists()
    with pytest.raises(Http404):
        get_owned(Campaign, bob.user, acme.pk)
    assert get_owned(Campaign, acme.seeker.user, acme.pk) == acme
