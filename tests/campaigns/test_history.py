"""History and undo: every write is recorded with its actor; undo puts the rows back exactly."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pursuit.accounts.models import Seeker
from pursuit.campaigns import history, services
from pursuit.campaigns.history import Actor
from pursuit.campaigns.models import Action, Campaign, CampaignEvent, Interview, Touch
from pursuit.errors import NeedsConfirmation, ServiceError
from pursuit.method.vocab import ActionStatus, Outcome, Reply
from pursuit.reminders import planning
from pursuit.reminders.models import Reminder

from .conftest import make_campaign

NY = ZoneInfo("America/New_York")


def ny(iso: str) -> dt.datetime:
    return dt.datetime.fromisoformat(iso).replace(tzinfo=NY)


def with_a_call(campaign: Campaign) -> Action:
    """An interview on Thu Nov 19 whose promise runs out: the call is Mon Nov 30, 9:00."""
    services.log_interview(
        campaign=campaign,
        at=ny("2026-11-19T15:00"),
        promise_text="We'll call you by Wednesday",
        now=ny("2026-11-19T18:00"),
    )
    return campaign.actions.get(kind="call")


CALL_DONE = ny("2026-11-30T09:20")


OUTCOMES = [
    pytest.param(Outcome.NO_ANSWER, {}, id="no-answer"),
    pytest.param(Outcome.VOICEMAIL_NOT_LEFT, {}, id="voicemail"),
    pytest.param(Outcome.GATEKEEPER_NO_TIME, {}, id="gatekeeper-no-time"),
    pytest.param(
        Outcome.GATEKEEPER_CALLBACK, {"callback_at": ny("2026-12-01T14:00")}, id="callback"
    ),
    pytest.param(Outcome.REACHED_PENDING, {"promise_text": "by Friday"}, id="pending"),
    pytest.param(Outcome.REACHED_REJECTED, {}, id="rejected"),
    pytest.param(Outcome.REACHED_VERBAL_OFFER, {}, id="verbal-offer"),
    pytest.param(
        Outcome.REACHED_INTERVIEW, {"interview_at": ny("2026-12-03T10:00")}, id="interview"
    ),
    pytest.param(Outcome.SKIPPED, {}, id="skipped"),
]


@pytest.mark.parametrize(("outcome", "extra"), OUTCOMES)
def test_it_undoes_each_outcome_back_to_the_plan_before(
    acme: Campaign, alice: Seeker, outcome: Outcome, extra: dict[str, object]
) -> None:
    call = with_a_call(acme)
    before = history.snapshot(acme)
    services.log_outcome(action=call, outcome=outcome, at=CALL_DONE, now=CALL_DONE, **extra)
    assert history.snapshot(acme) != before

    undone = history.undo_last(campaign=acme, actor=Actor.seeker(alice), now=CALL_DONE)

    assert history.snapshot(acme) == before
    assert undone.event.kind == "outcome"
    assert not Touch.objects.exists()


WRITES = [
    pytest.param(
        lambda c, now: services.log_inbound(
            campaign=c, reply=Reply.PENDING, promise_text="next week", now=now
        ),
        id="they-called",
    ),
    pytest.param(
        lambda c, now: services.record_offer(campaign=c, written=False, now=now), id="offer"
    ),
    pytest.param(
        lambda c, now: services.close_out(campaign=c, lesson="x", now=now), id="close-out"
    ),
    pytest.param(lambda c, now: services.withdraw(campaign=c, now=now), id="withdraw"),
    pytest.param(
        lambda c, now: services.log_interview(campaign=c, at=ny("2026-12-04T10:00"), now=now),
        id="second-interview",
    ),
    pytest.param(
        lambda c, now: services.move_action(
            action=c.actions.get(kind="call"), due_at=ny("2026-12-01T09:10"), now=now
        ),
        id="move",
    ),
]


@pytest.mark.parametrize("write", WRITES)
def test_it_undoes_every_other_write_too(acme: Campaign, alice: Seeker, write: object) -> None:
    with_a_call(acme)
    before = history.snapshot(acme)
    write(acme, CALL_DONE)  # type: ignore[operator]
    history.undo_last(campaign=acme, actor=Actor.seeker(alice), now=CALL_DONE)
    assert history.snapshot(acme) == before


def test_it_walks_back_one_write_per_undo_and_then_refuses(acme: Campaign, alice: Seeker) -> None:
    call = with_a_call(acme)
    first = history.snapshot(acme)
    services.log_outcome(action=call, outcome=Outcome.NO_ANSWER, at=CALL_DONE, now=CALL_DONE)
    second = history.snapshot(acme)
    retry = acme.actions.get(status=ActionStatus.PLANNED, kind="call")
    later = retry.due_at + dt.timedelta(minutes=5)
    services.log_outcome(action=retry, outcome=Outcome.NO_ANSWER, now=later)
    me = Actor.seeker(alice, "cli")

    history.undo_last(campaign=acme, actor=me, now=later)
    assert history.snapshot(acme) == second
    history.undo_last(campaign=acme, actor=me, now=later)
    assert history.snapshot(acme) == first
    history.undo_last(campaign=acme, actor=me, now=later)  # the interview
    assert not acme.interviews.exists()
    with pytest.raises(ServiceError, match="nothing to undo"):
        history.undo_last(campaign=acme, actor=me, now=later)


def test_it_refuses_to_undo_a_write_a_newer_one_followed(acme: Campaign, alice: Seeker) -> None:
    call = with_a_call(acme)
    services.log_outcome(action=call, outcome=Outcome.NO_ANSWER, at=CALL_DONE, now=CALL_DONE)
    seen = history.last_write(acme)
    assert seen is not None
    services.withdraw(campaign=acme, now=CALL_DONE)

    with pytest.raises(ServiceError, match="“Withdrew” came after “No answer"):
        history.undo_last(campaign=acme, actor=Actor.seeker(alice), now=CALL_DONE, event_id=seen.pk)
    assert acme.events.filter(undone_at__isnull=False).count() == 0


def test_a_campaigns_start_is_recorded_but_cannot_be_undone(alice: Seeker) -> None:
    result = services.start_campaign(
        seeker=alice,
        role="Buyer",
        company_name="Initech",
        interview_at=ny("2026-11-19T15:00"),
        now=ny("2026-11-19T18:00"),
        actor=Actor.seeker(alice, "api"),
    )
    (event,) = history.history_of(result.campaign)
    assert (event.kind, event.via, event.summary) == ("start", "api", "Started: Buyer at Initech")
    assert event.user_id == alice.user_id
    with pytest.raises(ServiceError, match="cannot be undone"):
        history.undo_last(campaign=result.campaign, actor=Actor.seeker(alice), now=CALL_DONE)


def test_every_write_names_who_made_it_and_the_undo_is_in_the_history(
    acme: Campaign, alice: Seeker
) -> None:
    call = with_a_call(acme)
    services.log_outcome(
        action=call,
        outcome=Outcome.NO_ANSWER,
        at=CALL_DONE,
        now=CALL_DONE,
        actor=Actor(alice.user_id, "cli", "Alice"),
    )
    history.undo_last(campaign=acme, actor=Actor(alice.user_id, "api", "Alice"), now=CALL_DONE)
    rows = [(e.kind, e.via, e.summary, e.undone_at is not None) for e in history.history_of(acme)]
    assert rows == [
        ("undo", "api", "Undid: No answer: the call of Mon Nov 30 9:00 AM", False),
        ("outcome", "cli", "No answer: the call of Mon Nov 30 9:00 AM", True),
        ("interview", "web", "Interview logged for Thu Nov 19 3:00 PM", False),
    ]


def test_an_actor_comes_only_by_a_known_way_in() -> None:
    with pytest.raises(ValueError, match="unknown way in"):
        Actor(1, "fax", "Alice")


# -- reminders ------------------------------------------------------------------------------------


def test_a_reminder_sent_for_a_step_an_undo_removed_is_not_sent_again(
    acme: Campaign, alice: Seeker
) -> None:
    call = with_a_call(acme)
    services.log_outcome(action=call, outcome=Outcome.NO_ANSWER, at=CALL_DONE, now=CALL_DONE)
    retry = acme.actions.get(status=ActionStatus.PLANNED, kind="call")
    close = retry.due_at - dt.timedelta(minutes=30)
    assert planning.plan(close) >= 1
    Reminder.objects.filter(action=retry).update(status=Reminder.Status.SENT, sent_at=close)

    history.undo_last(campaign=acme, actor=Actor.seeker(alice), now=close)
    assert Reminder.objects.filter(status=Reminder.Status.SENT).count() == 1
    # The same outcome again plans the same retry: its reminder went already.
    call.refresh_from_db()
    services.log_outcome(action=call, outcome=Outcome.NO_ANSWER, at=CALL_DONE, now=CALL_DONE)
    again = acme.actions.get(status=ActionStatus.PLANNED, kind="call")
    assert again.due_at == retry.due_at
    planning.plan(close)
    assert not Reminder.objects.filter(action=again).exists()
    assert Reminder.objects.filter(kind=Reminder.Kind.BEFORE_STEP).count() == 1


def test_a_step_an_undo_brings_back_keeps_its_reminder_sent(acme: Campaign, alice: Seeker) -> None:
    call = with_a_call(acme)
    close = call.due_at - dt.timedelta(minutes=30)
    planning.plan(close)
    Reminder.objects.filter(action=call).update(status=Reminder.Status.SENT, sent_at=close)
    services.log_outcome(action=call, outcome=Outcome.SKIPPED, now=close)

    history.undo_last(campaign=acme, actor=Actor.seeker(alice), now=close)
    call.refresh_from_db()
    assert call.is_planned
    assert planning.plan(close) == 0
    assert Reminder.objects.get(action=call).status == Reminder.Status.SENT


# -- outcomes know when they happened ------------------------------------------------------------


def test_an_outcome_on_a_step_not_due_yet_asks_when_it_happened(acme: Campaign) -> None:
    call = with_a_call(acme)
    sunday = ny("2026-11-29T16:00")
    with pytest.raises(NeedsConfirmation) as asked:
        services.log_outcome(action=call, outcome=Outcome.NO_ANSWER, now=sunday)
    assert asked.value.message == (
        "This call is planned for tomorrow at 9:00 AM. Did you call earlier?"
    )
    assert asked.value.field == "at"
    call.refresh_from_db()
    assert call.is_planned
    assert not CampaignEvent.objects.filter(kind="outcome").exists()


def test_an_outcome_logged_late_plans_the_retry_as_if_logged_when_it_happened(
    acme: Campaign, bob: Seeker
) -> None:
    wednesday = ny("2026-11-25T11:00")
    retries = []
    twin = make_campaign(bob)  # another seeker: no step of one is in the other's way
    for campaign, now in ((acme, ny("2026-11-29T16:00")), (twin, wednesday)):
        call = with_a_call(campaign)
        services.log_outcome(action=call, outcome=Outcome.NO_ANSWER, at=wednesday, now=now)
        assert campaign.touches.get().at == wednesday
        retries.append(campaign.actions.get(status=ActionStatus.PLANNED, kind="call").due_at)
    assert retries[0] == retries[1]
    assert retries[0] < CALL_DONE + dt.timedelta(days=2)


def test_an_outcome_cannot_have_happened_in_the_future(acme: Campaign) -> None:
    call = with_a_call(acme)
    with pytest.raises(ServiceError, match="still ahead") as refused:
        services.log_outcome(
            action=call,
            outcome=Outcome.NO_ANSWER,
            at=ny("2026-11-26T11:00"),
            now=ny("2026-11-25T12:00"),
        )
    assert refused.value.field == "at"


def test_the_same_interview_twice_is_refused_with_a_pointer(acme: Campaign) -> None:
    with_a_call(acme)
    first = Interview.objects.get()
    with pytest.raises(ServiceError) as refused:
        services.log_interview(campaign=acme, at=ny("2026-11-19T15:00"), now=ny("2026-11-20T18:00"))
    assert refused.value.field == "at"
    assert f"interview {first.pk}" in refused.value.message
    assert "Thu Nov 19 3:00 PM" in refused.value.message
    assert acme.actions.filter(kind="thank_you").count() == 1


def test_an_interview_told_twice_by_the_company_is_kept_once(acme: Campaign) -> None:
    with_a_call(acme)
    for day in ("2026-11-24T10:00", "2026-11-25T10:00"):
        services.log_inbound(
            campaign=acme, reply=Reply.INTERVIEW, interview_at=ny("2026-12-03T10:00"), now=ny(day)
        )
    assert acme.interviews.filter(at=ny("2026-12-03T10:00")).count() == 1


# -- random sequences ----------------------------------------------------------------------------

RETRYABLE = [
    Outcome.NO_ANSWER,
    Outcome.VOICEMAIL_NOT_LEFT,
    Outcome.GATEKEEPER_NO_TIME,
    Outcome.REACHED_PENDING,
    Outcome.SKIPPED,
    Outcome.DONE,
]


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    picks=st.lists(st.tuples(st.integers(0, 5), st.sampled_from(RETRYABLE)), min_size=1, max_size=5)
)
def test_random_outcomes_then_undo_all_give_the_plan_before(
    alice: Seeker, picks: list[tuple[int, Outcome]]
) -> None:
    with transaction.atomic():
        campaign = make_campaign(alice, "Hypo Corp")
        with_a_call(campaign)
        before = history.snapshot(campaign)
        done = 0
        for index, outcome in picks:
            steps = list(campaign.actions.filter(status=ActionStatus.PLANNED))
            if not steps:
                break
            step = steps[index % len(steps)]
            now = step.due_at + dt.timedelta(minutes=10)
            extra = {"promise_text": "by Friday"} if outcome is Outcome.REACHED_PENDING else {}
            try:
                services.log_outcome(action=step, outcome=outcome, now=now, **extra)
            except ServiceError:
                continue  # an outcome the step does not take changes nothing
            done += 1
        for _ in range(done):
            history.undo_last(campaign=campaign, actor=Actor.seeker(alice), now=CALL_DONE)
        assert history.snapshot(campaign) == before
        transaction.set_rollback(True)


def test_an_undo_names_an_undo_and_is_refused_plainly(acme: Campaign, alice: Seeker) -> None:
    call = with_a_call(acme)
    services.log_outcome(action=call, outcome=Outcome.NO_ANSWER, at=CALL_DONE, now=CALL_DONE)
    history.undo_last(campaign=acme, actor=Actor.seeker(alice), now=CALL_DONE)
    record = acme.events.get(kind="undo")
    with pytest.raises(ServiceError, match=r"“Undid: No answer.*” cannot be undone"):
        history.undo_last(
            campaign=acme, actor=Actor.seeker(alice), now=CALL_DONE, event_id=record.pk
        )
