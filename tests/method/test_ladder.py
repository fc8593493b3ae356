"""The ladder (METHOD §4) as tables: state + event in, planned steps out."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from pursuit.method.calendar import BusinessCalendar
from pursuit.method.ladder import (
    CampaignState,
    CloseOutConfirmed,
    InboundContact,
    InterviewLogged,
    LadderError,
    OfferLogged,
    OutcomeLogged,
    Reopened,
    Step,
    Withdrawn,
    advance,
    campaign_warnings,
    next_actions,
)
from pursuit.method.playbook import Playbook
from pursuit.method.scripts import ScriptFacts
from pursuit.method.vocab import (
    ActionKind,
    Basis,
    CampaignStatus,
    Outcome,
    PermissionAnswer,
    Reply,
    Window,
)

NY = ZoneInfo("America/New_York")
CAL = BusinessCalendar(zone="America/New_York", country="US")
PLAYBOOK = Playbook()
FACTS = ScriptFacts(company="Acme Tools", seeker="Sam Rivera", role="Buyer", contact="Ms. Jones")
STATE = CampaignState(facts=FACTS)


def at(iso: str) -> datetime:
    return datetime.fromisoformat(iso).replace(tzinfo=NY)


def run(state: CampaignState, event: object, now: str, **kw: object) -> Step:
    return advance(
        state,
        event,
        playbook=kw.pop("playbook", PLAYBOOK),
        calendar=CAL,  # type: ignore[arg-type]
        now=at(now),
        **kw,
    )  # type: ignore[arg-type]


def plan(step: Step) -> list[tuple[str, str, str | None]]:
    return [(a.kind.value, a.due.isoformat(timespec="minutes"), a.window) for a in step.actions]


class TestInterview:
    def test_it_plans_the_call_for_the_day_after_a_missed_promise(self) -> None:
        # "by Wednesday" said Thursday Nov 19: latest Wed Nov 25; Thanksgiving and the day after
        # are closed, so the follow-up is Monday Nov 30 at 9:00.
        event = InterviewLogged(at("2026-11-19T15:00"), promise_latest=date(2026, 11, 25))
        step = run(STATE, event, "2026-11-19T17:00")
        assert plan(step) == [
            ("thank_you", "2026-11-20T09:00-05:00", Window.MORNING),
            ("call", "2026-11-30T09:00-05:00", Window.MORNING),
        ]
        assert step.actions[1].basis is Basis.MISSED_PROMISE
        assert step.closing_ask is None

    def test_with_no_promise_it_waits_the_default_five_business_days(self) -> None:
        step = run(STATE, InterviewLogged(at("2026-12-01T10:00")), "2026-12-01T12:00")
        assert plan(step)[1] == ("call", "2026-12-09T09:00-05:00", Window.MORNING)
        assert step.actions[1].basis is Basis.NO_PROMISE

    def test_permission_granted_plans_the_call_at_the_agreed_time_exactly(self) -> None:
        event = InterviewLogged(
            at("2026-12-01T10:00"),
            permission=PermissionAnswer.GRANTED,
            agreed_at=at("2026-12-09T17:30"),
            way_through="ask for Dana, her assistant",
        )
        step = run(STATE, event, "2026-12-01T12:00")
        call = step.actions[-1]
        assert (call.kind, call.due, call.window, call.basis) == (
            ActionKind.CALL,
            at("2026-12-09T17:30"),
            None,
            Basis.AGREED,
        )
        assert step.state.facts.way_through == "ask for Dana, her assistant"

    @pytest.mark.parametrize(
        ("promise_latest", "call", "until"),
        [
            (date(2026, 12, 4), "2026-12-07T09:00-05:00", "their date (Friday, December 4)"),
            (None, "2026-12-09T09:00-05:00", "the usual wait"),
        ],
        ids=["with-a-promise", "without-a-promise"],
    )
    def test_permission_declined_says_why_the_call_waits_for_their_date(
        self, promise_latest: date | None, call: str, until: str
    ) -> None:
        event = InterviewLogged(
            at("2026-12-01T10:00"),
            promise_latest=promise_latest,
            permission=PermissionAnswer.DECLINED,
        )
        step = run(STATE, event, "2026-12-01T12:00")
        follow_up = step.actions[-1]
        assert (follow_up.kind, follow_up.due.isoformat(timespec="minutes")) == ("call", call)
        assert follow_up.reason.startswith("they preferred you not call")
        assert f"the business day after {until}" in follow_up.reason
        assert "asks when best to reach them" in follow_up.reason

    def test_the_thank_you_keeps_clear_of_a_call_agreed_for_the_next_morning(self) -> None:
        # Interview Friday Jan 8; they agreed to a call Monday Jan 11 at 9:00, the very moment
        # the thank-you would take: the agreed time stands and the thank-you moves aside.
        event = InterviewLogged(
            at("2027-01-08T10:00"),
            permission=PermissionAnswer.GRANTED,
            agreed_at=at("2027-01-11T09:00"),
        )
        step = run(STATE, event, "2027-01-08T12:00")
        thanks, call = step.actions
        assert (call.kind, call.due) == (ActionKind.CALL, at("2027-01-11T09:00"))
        assert thanks.kind is ActionKind.THANK_YOU
        assert abs(thanks.due - call.due).total_seconds() >= PLAYBOOK.min_gap_minutes * 60
        assert PLAYBOOK.window(Window.MORNING).contains(thanks.due.time())

    def test_permission_granted_without_a_time_is_refused(self) -> None:
        event = InterviewLogged(at("2026-12-01T10:00"), permission=PermissionAnswer.GRANTED)
        with pytest.raises(LadderError, match="agreed call time"):
            run(STATE, event, "2026-12-01T12:00")

    def test_a_future_interview_comes_with_the_closing_ask(self) -> None:
        # Interview Tue Dec 1, promise "by Friday" Dec 4 -> target moved to Tue Dec 8 (preferred).
        event = InterviewLogged(at("2026-12-01T10:00"), promise_latest=date(2026, 12, 4))
        step = run(STATE, event, "2026-11-30T12:00")
        ask = step.closing_ask
        assert ask is not None
        assert ask.target_day == date(2026, 12, 8)
        assert [o.isoformat(timespec="minutes") for o in ask.options] == [
            "2026-12-08T09:00-05:00",
            "2026-12-08T17:30-05:00",
        ]
        assert ask.alternate_day == date(2026, 12, 9)

    def test_the_answer_given_at_a_logged_interview_replans_the_call_only(self) -> None:
        ahead = run(STATE, InterviewLogged(at("2026-12-01T10:00")), "2026-11-30T12:00")
        answer = InterviewLogged(
            at("2026-12-01T10:00"),
            permission=PermissionAnswer.GRANTED,
            agreed_at=at("2026-12-09T17:30"),
            plan_thanks=False,
        )
        step = run(ahead.state, answer, "2026-12-01T11:30")
        assert plan(step) == [("call", "2026-12-09T17:30-05:00", None)]
        assert ActionKind.CALL in step.cancel and ActionKind.THANK_YOU not in step.cancel

    def test_the_thank_you_can_be_switched_off(self) -> None:
        step = run(
            STATE,
            InterviewLogged(at("2026-12-01T10:00")),
            "2026-12-01T12:00",
            playbook=Playbook(thank_you=False),
        )
        assert [a.kind for a in step.actions] == [ActionKind.CALL]

    def test_an_interview_logged_late_never_plans_in_the_past(self) -> None:
        event = InterviewLogged(at("2026-11-02T10:00"), promise_latest=date(2026, 11, 4))
        step = run(STATE, event, "2026-12-01T10:00")
        assert all(a.due > at("2026-12-01T10:00") for a in step.actions)
        assert plan(step)[-1] == ("call", "2026-12-01T12:15-05:00", Window.LUNCH)


CALL_AT = "2026-12-01T09:05"  # a Tuesday, first call made at 9:00


@pytest.mark.parametrize(
    ("outcome", "extra", "status", "expected"),
    [
        pytest.param(
            Outcome.NO_ANSWER,
            {},
            "active",
            [("call", "2026-12-02T17:30-05:00", Window.END_OF_DAY)],
            id="no-answer",
        ),
        pytest.param(
            Outcome.GATEKEEPER_NO_TIME,
            {},
            "active",
            [("call", "2026-12-02T17:30-05:00", Window.END_OF_DAY)],
            id="gatekeeper-no-time",
        ),
        pytest.param(
            Outcome.VOICEMAIL_NOT_LEFT,
            {},
            "active",
            [("call", "2026-12-02T17:30-05:00", Window.END_OF_DAY)],
            id="voicemail-not-left",
        ),
        pytest.param(
            Outcome.GATEKEEPER_CALLBACK,
            {"callback_at": at("2026-12-01T14:10")},
            "active",
            [("callback", "2026-12-01T14:10-05:00", None)],
            id="gatekeeper-callback",
        ),
        pytest.param(
            Outcome.REACHED_PENDING,
            {"promise_latest": date(2026, 12, 4)},
            "active",
            [("call", "2026-12-07T09:00-05:00", Window.MORNING)],
            id="reached-pending",
        ),
        pytest.param(Outcome.REACHED_REJECTED, {}, "lost", [], id="reached-rejected"),
        pytest.param(
            Outcome.REACHED_VERBAL_OFFER,
            {},
            "offer_verbal",
            [("request_written_offer", "2026-12-02T09:00-05:00", Window.MORNING)],
            id="reached-verbal-offer",
        ),
        pytest.param(
            Outcome.REACHED_INTERVIEW,
            {"interview_at": at("2026-12-08T10:00")},
            "active",
            [
                ("thank_you", "2026-12-09T09:00-05:00", Window.MORNING),
                ("call", "2026-12-16T09:00-05:00", Window.MORNING),
            ],
            id="reached-interview",
        ),
        pytest.param(
            Outcome.THEY_CALLED,
            {"promise_latest": date(2026, 12, 10)},
            "active",
            [("call", "2026-12-11T09:00-05:00", Window.MORNING)],
            id="they-called",
        ),
        pytest.param(
            Outcome.THEY_CALLED,
            {"interview_at": at("2026-12-08T10:00")},
            "active",
            [
                ("thank_you", "2026-12-09T09:00-05:00", Window.MORNING),
                ("call", "2026-12-16T09:00-05:00", Window.MORNING),
            ],
            id="they-called-for-another-interview",
        ),
        pytest.param(
            Outcome.SKIPPED,
            {},
            "active",
            [("call", "2026-12-02T09:00-05:00", Window.MORNING)],
            id="skipped",
        ),
    ],
)
def test_every_call_outcome_leads_to_its_next_step(
    outcome: Outcome, extra: dict, status: str, expected: list
) -> None:
    event = OutcomeLogged(ActionKind.CALL, outcome, at(CALL_AT), **extra)
    step = run(STATE, event, CALL_AT)
    assert step.state.status == status
    assert plan(step) == expected


def test_the_next_interview_brings_its_closing_ask() -> None:
    event = OutcomeLogged(
        ActionKind.CALL, Outcome.REACHED_INTERVIEW, at(CALL_AT), interview_at=at("2026-12-08T10:00")
    )
    assert run(STATE, event, CALL_AT).closing_ask is not None


@pytest.mark.parametrize(
    ("outcome", "extra", "message"),
    [
        pytest.param(Outcome.GATEKEEPER_CALLBACK, {}, "callback time", id="callback-without-time"),
        pytest.param(
            Outcome.GATEKEEPER_CALLBACK,
            {"callback_at": at("2026-12-01T08:00")},
            "past",
            id="callback-in-the-past",
        ),
        pytest.param(Outcome.REACHED_INTERVIEW, {}, "date and time", id="interview-without-time"),
        pytest.param(Outcome.DONE, {}, "cannot end with", id="done-is-not-a-call-outcome"),
        pytest.param(Outcome.MET, {}, "cannot end with", id="met-is-for-visits"),
    ],
)
def test_it_refuses_an_outcome_it_cannot_act_on(
    outcome: Outcome, extra: dict, message: str
) -> None:
    with pytest.raises(LadderError, match=message):
        run(STATE, OutcomeLogged(ActionKind.CALL, outcome, at(CALL_AT), **extra), CALL_AT)


def test_retries_rotate_windows_on_preferred_days_then_escalate() -> None:
    """GIVEN a remote company that never answers, WHEN every call ends with no answer,
    THEN retries go morning -> end of day -> lunch on Tue-Thu, and the fifth failure closes out."""
    state, when, seen = STATE, "2026-12-01T09:05", []
    for _ in range(5):
        step = run(state, OutcomeLogged(ActionKind.CALL, Outcome.NO_ANSWER, at(when)), when)
        state = step.state
        (action,) = step.actions
        seen.append((action.kind.value, action.due.isoformat(timespec="minutes")))
        when = action.due.replace(tzinfo=None).isoformat()
    assert seen == [
        ("call", "2026-12-02T17:30-05:00"),
        ("call", "2026-12-03T12:15-05:00"),
        ("call", "2026-12-08T09:00-05:00"),
        ("call", "2026-12-09T17:30-05:00"),
        ("close_out", "2026-12-16T09:00-05:00"),
    ]
    assert state.attempts == 5


def test_callbacks_count_as_attempts() -> None:
    state = STATE._replace(attempts=4)
    step = run(state, OutcomeLogged(ActionKind.CALLBACK, Outcome.NO_ANSWER, at(CALL_AT)), CALL_AT)
    assert [a.kind for a in step.actions] == [ActionKind.CLOSE_OUT]


def test_a_callback_time_counts_as_an_attempt_and_is_kept_past_the_cap() -> None:
    state = STATE._replace(attempts=4)
    event = OutcomeLogged(
        ActionKind.CALL,
        Outcome.GATEKEEPER_CALLBACK,
        at(CALL_AT),
        callback_at=at("2026-12-01T15:00"),
    )
    step = run(state, event, CALL_AT)
    assert step.state.attempts == 5
    assert [a.kind for a in step.actions] == [ActionKind.CALLBACK]


def test_a_local_company_gets_a_visit_with_the_note_printed_the_evening_before() -> None:
    state = STATE._replace(attempts=4, local=True)
    step = run(state, OutcomeLogged(ActionKind.CALL, Outcome.NO_ANSWER, at(CALL_AT)), CALL_AT)
    assert plan(step) == [
        ("leave_note", "2026-12-01T17:30-05:00", Window.END_OF_DAY),
        ("visit", "2026-12-02T08:30-05:00", Window.MORNING),
    ]


def test_a_visit_moves_a_day_when_the_evening_before_is_past() -> None:
    state = STATE._replace(attempts=4, local=True)
    late = "2026-12-01T18:30"
    step = run(state, OutcomeLogged(ActionKind.CALL, Outcome.NO_ANSWER, at(late)), late)
    assert plan(step) == [
        ("leave_note", "2026-12-02T17:30-05:00", Window.END_OF_DAY),
        ("visit", "2026-12-03T08:30-05:00", Window.MORNING),
    ]


def test_visits_can_be_switched_off() -> None:
    state = STATE._replace(attempts=4, local=True)
    step = run(
        state,
        OutcomeLogged(ActionKind.CALL, Outcome.NO_ANSWER, at(CALL_AT)),
        CALL_AT,
        playbook=Playbook(visits=False),
    )
    assert [a.kind for a in step.actions] == [ActionKind.CLOSE_OUT]


@pytest.mark.parametrize(
    ("outcome", "status", "kinds"),
    [
        pytest.param(Outcome.UNAVAILABLE, "active", ["close_out"], id="note-left"),
        pytest.param(Outcome.SKIPPED, "active", ["close_out"], id="visit-skipped"),
        pytest.param(Outcome.MET, "active", ["call"], id="met-as-reached"),
        pytest.param(Outcome.REACHED_REJECTED, "lost", [], id="met-and-rejected"),
    ],
)
def test_visit_outcomes(outcome: Outcome, status: str, kinds: list[str]) -> None:
    visit = "2026-12-02T08:40"
    step = run(STATE, OutcomeLogged(ActionKind.VISIT, outcome, at(visit)), visit)
    assert step.state.status == status
    assert [a.kind.value for a in step.actions] == kinds


def test_the_close_out_waits_five_business_days_after_the_visit() -> None:
    visit = "2026-12-02T08:40"
    step = run(STATE, OutcomeLogged(ActionKind.VISIT, Outcome.UNAVAILABLE, at(visit)), visit)
    assert plan(step) == [("close_out", "2026-12-09T09:00-05:00", Window.MORNING)]
    assert ActionKind.LEAVE_NOTE in step.cancel


class TestCloseOut:
    def test_it_turns_lost_only_when_the_seeker_confirms(self) -> None:
        step = run(STATE, OutcomeLogged(ActionKind.CLOSE_OUT, Outcome.DONE, at(CALL_AT)), CALL_AT)
        assert step.state.status is CampaignStatus.LOST
        assert step.actions == ()

    def test_skipping_the_close_out_runs_one_more_round(self) -> None:
        state = STATE._replace(attempts=5)
        step = run(
            state, OutcomeLogged(ActionKind.CLOSE_OUT, Outcome.SKIPPED, at(CALL_AT)), CALL_AT
        )
        assert step.state.status is CampaignStatus.ACTIVE
        assert step.state.attempts == 0
        assert [a.kind for a in step.actions] == [ActionKind.CALL]

    def test_any_later_contact_reopens_a_lost_campaign(self) -> None:
        lost = STATE._replace(status=CampaignStatus.LOST)
        step = run(lost, InboundContact(at(CALL_AT), Reply.PENDING), CALL_AT)
        assert step.state.status is CampaignStatus.ACTIVE
        assert [a.kind for a in step.actions] == [ActionKind.CALL]

    def test_a_lost_campaign_takes_no_outcomes(self) -> None:
        lost = STATE._replace(status=CampaignStatus.LOST)
        with pytest.raises(LadderError, match="reopen"):
            run(lost, OutcomeLogged(ActionKind.CALL, Outcome.NO_ANSWER, at(CALL_AT)), CALL_AT)

    def test_reopen_plans_a_call_on_the_next_preferred_day(self) -> None:
        lost = STATE._replace(status=CampaignStatus.LOST, attempts=5)
        step = run(lost, Reopened(at(CALL_AT)), CALL_AT)
        assert step.state.status is CampaignStatus.ACTIVE
        assert plan(step) == [("call", "2026-12-02T09:00-05:00", Window.MORNING)]

    def test_reopening_an_open_campaign_is_refused(self) -> None:
        with pytest.raises(LadderError, match="still open"):
            run(STATE, Reopened(at(CALL_AT)), CALL_AT)


class TestOffers:
    def test_a_verbal_offer_is_chased_every_two_business_days_until_written(self) -> None:
        step = run(STATE, OfferLogged(at(CALL_AT), written=False), CALL_AT)
        assert step.state.status is CampaignStatus.OFFER_VERBAL
        assert plan(step) == [("request_written_offer", "2026-12-02T09:00-05:00", Window.MORNING)]
        done = "2026-12-02T09:20"
        step = run(
            step.state,
            OutcomeLogged(ActionKind.REQUEST_WRITTEN_OFFER, Outcome.DONE, at(done)),
            done,
        )
        assert plan(step) == [("request_written_offer", "2026-12-04T09:00-05:00", Window.MORNING)]

    def test_only_a_written_offer_the_seeker_wants_wins(self) -> None:
        verbal = STATE._replace(status=CampaignStatus.OFFER_VERBAL)
        won = run(verbal, OfferLogged(at(CALL_AT), written=True, wanted=True), CALL_AT)
        assert won.state.status is CampaignStatus.WON
        assert won.actions == ()
        unwanted = run(verbal, OfferLogged(at(CALL_AT), written=True, wanted=False), CALL_AT)
        assert unwanted.state.status is CampaignStatus.OFFER_VERBAL
        assert [a.basis for a in unwanted.actions] == [Basis.UNWANTED_OFFER]


def test_withdraw_cancels_everything() -> None:
    step = run(STATE, Withdrawn(at(CALL_AT)), CALL_AT)
    assert step.state.status is CampaignStatus.WITHDRAWN
    assert step.cancel == frozenset(ActionKind)
    with pytest.raises(LadderError):
        run(step.state, Withdrawn(at(CALL_AT)), CALL_AT)


def test_close_out_confirmed_directly() -> None:
    assert run(STATE, CloseOutConfirmed(at(CALL_AT)), CALL_AT).state.status is CampaignStatus.LOST


def test_it_keeps_steps_fifteen_minutes_from_the_seekers_other_steps() -> None:
    busy = [at("2026-12-02T17:30"), at("2026-12-02T17:40")]
    step = run(
        STATE, OutcomeLogged(ActionKind.CALL, Outcome.NO_ANSWER, at(CALL_AT)), CALL_AT, busy=busy
    )
    assert plan(step) == [("call", "2026-12-02T18:00-05:00", Window.END_OF_DAY)]


def test_next_actions_is_advance_without_the_bookkeeping() -> None:
    event = OutcomeLogged(ActionKind.CALL, Outcome.NO_ANSWER, at(CALL_AT))
    actions = next_actions(STATE, event, playbook=PLAYBOOK, calendar=CAL, now=at(CALL_AT))
    assert actions == list(run(STATE, event, CALL_AT).actions)


@pytest.mark.parametrize(
    ("active", "won", "next_planned", "count"),
    [
        pytest.param(3, False, "2026-12-02", 0, id="healthy"),
        pytest.param(2, False, "2026-12-02", 1, id="too-few-campaigns"),
        pytest.param(3, False, None, 1, id="nothing-planned"),
        pytest.param(3, False, "2026-12-14", 1, id="nothing-in-five-business-days"),
        pytest.param(0, True, None, 0, id="won-silences-warnings"),
    ],
)
def test_it_warns_until_some_campaign_is_won(
    active: int, won: bool, next_planned: str | None, count: int
) -> None:
    warnings = campaign_warnings(
        active=active,
        any_won=won,
        next_planned=date.fromisoformat(next_planned) if next_planned else None,
        today=date(2026, 12, 1),
        calendar=CAL,
        playbook=PLAYBOOK,
    )
    assert len(warnings) == count
