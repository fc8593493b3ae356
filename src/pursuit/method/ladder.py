"""The ladder (METHOD §4): a campaign's state and an event in, the next planned steps out.

`advance` is the whole state machine. It is pure: the clock (`now`), the playbook, the company's
calendar and the seeker's busy moments are passed in, and the same input gives the same output.
The caller (a service) stores the new state, cancels the planned steps of the kinds in
`Step.cancel`, and saves `Step.actions`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any, NamedTuple

from pursuit.method.calendar import BusinessCalendar
from pursuit.method.playbook import Playbook
from pursuit.method.scripts import PromiseTerms, ScriptFacts, day_label, script_for, their_word
from pursuit.method.slots import (
    Busy,
    BusyIndex,
    ClosingAsk,
    NoFreeSlot,
    as_busy,
    closing_ask,
    place,
)
from pursuit.method.vocab import (
    RETRY_OUTCOMES,
    ActionKind,
    Basis,
    CampaignStatus,
    Outcome,
    PermissionAnswer,
    Reply,
    Window,
)

K = ActionKind
ALL_KINDS = frozenset(ActionKind)
#: Steps that chase the decision maker; a reply, an offer or a new promise replaces them.
CHASE = frozenset({K.CALL, K.CALLBACK, K.VISIT, K.LEAVE_NOTE, K.CLOSE_OUT})
#: Everything but the thank-you note, which stands whatever the company says next.
ALL_BUT_THANKS = ALL_KINDS - {K.THANK_YOU}

#: Which outcomes each kind of step can have; anything else is refused with a clear error.
ALLOWED_OUTCOMES: dict[ActionKind, frozenset[Outcome]] = {
    K.CALL: frozenset(
        {
            Outcome.REACHED_PENDING,
            Outcome.REACHED_REJECTED,
            Outcome.REACHED_VERBAL_OFFER,
            Outcome.REACHED_INTERVIEW,
            Outcome.GATEKEEPER_CALLBACK,
            Outcome.GATEKEEPER_NO_TIME,
            Outcome.NO_ANSWER,
            Outcome.VOICEMAIL_NOT_LEFT,
            Outcome.THEY_CALLED,
            Outcome.SKIPPED,
        }
    ),
    K.VISIT: frozenset(
        {
            Outcome.MET,
            Outcome.UNAVAILABLE,
            Outcome.REACHED_PENDING,
            Outcome.REACHED_REJECTED,
            Outcome.REACHED_VERBAL_OFFER,
            Outcome.REACHED_INTERVIEW,
            Outcome.THEY_CALLED,
            Outcome.SKIPPED,
        }
    ),
    K.THANK_YOU: frozenset({Outcome.DONE, Outcome.SKIPPED}),
    K.LEAVE_NOTE: frozenset({Outcome.DONE, Outcome.SKIPPED}),
    K.REQUEST_WRITTEN_OFFER: frozenset({Outcome.DONE, Outcome.SKIPPED, Outcome.THEY_CALLED}),
    K.CLOSE_OUT: frozenset({Outcome.DONE, Outcome.SKIPPED, Outcome.THEY_CALLED}),
}
ALLOWED_OUTCOMES[K.CALLBACK] = ALLOWED_OUTCOMES[K.CALL]

_REPLY_OF = {
    Outcome.REACHED_PENDING: Reply.PENDING,
    Outcome.REACHED_REJECTED: Reply.REJECTED,
    Outcome.REACHED_VERBAL_OFFER: Reply.VERBAL_OFFER,
    Outcome.REACHED_INTERVIEW: Reply.INTERVIEW,
    Outcome.MET: Reply.PENDING,
}


class LadderError(ValueError):
    """An event the rules refuse (an outcome a step cannot have, a closed campaign, a past
    callback time); the message says what to do instead."""


# -- state and events --------------------------------------------------------------------------


class CampaignState(NamedTuple):
    """What the rules need to know of a campaign between events (immutable)."""

    facts: ScriptFacts
    status: CampaignStatus = CampaignStatus.ACTIVE
    local: bool = False
    #: Call attempts (callbacks included) since the decision maker was last reached.
    attempts: int = 0
    #: Index in the playbook's retry rotation of the window used last.
    rotation: int = 0

    def but(
        self,
        *,
        facts: ScriptFacts | None = None,
        status: CampaignStatus | None = None,
        attempts: int | None = None,
        rotation: int | None = None,
    ) -> CampaignState:
        """A copy with some fields changed; the ladder makes one or two per event."""
        return CampaignState(
            self.facts if facts is None else facts,
            self.status if status is None else status,
            self.local,
            self.attempts if attempts is None else attempts,
            self.rotation if rotation is None else rotation,
        )


@dataclass(frozen=True, slots=True)
class InterviewLogged:
    """An interview, before or after it happens, with what was promised and permitted."""

    at: datetime
    promise_latest: date | None = None
    permission: PermissionAnswer = PermissionAnswer.NOT_ASKED
    agreed_at: datetime | None = None
    way_through: str | None = None
    promise_text: str | None = None
    #: False when the interview was logged earlier and this is the answer given at it: its
    #: thank-you is already planned.
    plan_thanks: bool = True
    #: What the promise meant; with `defaulted` the follow-up is a check-in (METHOD §5.2).
    promise_terms: PromiseTerms | None = None
    #: The day the seeker picked for the check-in when no date was said.
    call_on: date | None = None


@dataclass(frozen=True, slots=True)
class OutcomeLogged:
    """What happened on a planned step of kind `kind`."""

    kind: ActionKind
    outcome: Outcome
    at: datetime
    callback_at: datetime | None = None
    promise_latest: date | None = None
    promise_text: str | None = None
    interview_at: datetime | None = None
    promise_terms: PromiseTerms | None = None


@dataclass(frozen=True, slots=True)
class InboundContact:
    """The company got in touch first (a call, an email); cancels the chase."""

    at: datetime
    reply: Reply = Reply.PENDING
    promise_latest: date | None = None
    promise_text: str | None = None
    interview_at: datetime | None = None
    promise_terms: PromiseTerms | None = None


@dataclass(frozen=True, slots=True)
class OfferLogged:
    at: datetime
    written: bool
    wanted: bool = True


@dataclass(frozen=True, slots=True)
class CloseOutConfirmed:
    at: datetime


@dataclass(frozen=True, slots=True)
class Reopened:
    at: datetime


@dataclass(frozen=True, slots=True)
class Withdrawn:
    at: datetime


@dataclass(frozen=True, slots=True)
class CheckInDayChosen:
    """No date was said, and the seeker picks the day of the check-in call themselves."""

    at: datetime
    day: date


Event = (
    InterviewLogged
    | OutcomeLogged
    | InboundContact
    | OfferLogged
    | CloseOutConfirmed
    | Reopened
    | Withdrawn
    | CheckInDayChosen
)


# -- results -----------------------------------------------------------------------------------


class PlannedAction(NamedTuple):
    """One planned step."""

    kind: ActionKind
    due: datetime  # aware, in the company's zone
    window: Window | None  # None: an exact time agreed with someone
    basis: Basis
    reason: str
    script: str

    @property
    def fixed(self) -> bool:
        return self.window is None


class Step(NamedTuple):
    """The result of one event: the new state, steps to cancel, steps to add."""

    state: CampaignState
    actions: tuple[PlannedAction, ...] = ()
    #: Planned steps of these kinds are cancelled before `actions` are added.
    cancel: frozenset[ActionKind] = frozenset()
    closing_ask: ClosingAsk | None = None
    note: str = ""


# -- the machine -------------------------------------------------------------------------------


class _Planner:
    """Places steps for one event, keeping them apart from each other and from busy moments."""

    __slots__ = ("actions", "busy", "calendar", "now", "playbook", "state")

    def __init__(
        self,
        state: CampaignState,
        playbook: Playbook,
        calendar: BusinessCalendar,
        now: datetime,
        busy: BusyIndex,
    ) -> None:
        self.state = state
        self.playbook = playbook
        self.calendar = calendar
        self.now = now
        self.busy = busy
        self.actions: list[PlannedAction] = []

    def add(
        self,
        kind: ActionKind,
        first_day: date,
        window: Window,
        basis: Basis,
        reason: str,
        *,
        preferred_only: bool = False,
        last_day: date | None = None,
    ) -> PlannedAction:
        due, used = place(
            kind,
            first_day,
            window,
            calendar=self.calendar,
            playbook=self.playbook,
            now=self.now,
            busy=self.busy,
            preferred_only=preferred_only,
            last_day=last_day,
        )
        return self._keep(kind, due, used, basis, reason)

    def add_fixed(self, kind: ActionKind, due: datetime, basis: Basis, reason: str) -> None:
        due = self.calendar.local(due)
        facts = replace(self.state.facts, callback_at=due) if kind is K.CALLBACK else None
        self._keep(kind, due, None, basis, reason, facts)

    def _keep(
        self,
        kind: ActionKind,
        due: datetime,
        window: Window | None,
        basis: Basis,
        reason: str,
        facts: ScriptFacts | None = None,
    ) -> PlannedAction:
        facts = facts or self.state.facts
        action = PlannedAction(
            kind, due, window, basis, reason, script_for(kind, basis, due, facts)
        )
        self.actions.append(action)
        self.busy.add(due, due)
        return action


def follow_up_day(latest: date, calendar: BusinessCalendar, playbook: Playbook) -> date:
    """METHOD §4.4: the missed-promise call goes on the first business day(s) after `latest`."""
    return calendar.add_business_days(latest, playbook.grace_business_days)


def advance(
    state: CampaignState,
    event: Event,
    *,
    playbook: Playbook,
    calendar: BusinessCalendar,
    now: datetime,
    busy: Iterable[datetime | Busy] = (),
    own: Sequence[tuple[ActionKind, datetime]] = (),
) -> Step:
    """Apply one event to a campaign.

    `busy` holds the seeker's other commitments (other campaigns' planned steps, busy spans);
    `own` this campaign's planned steps, which stay busy unless the event cancels their kind.
    """
    if now.tzinfo is None:
        raise LadderError("now must carry a UTC offset")
    handler = _HANDLERS[type(event)]
    cancel = _cancels(event)
    spans = as_busy(busy) if busy else []
    if own:
        spans.extend((t, t) for k, t in own if k not in cancel)
    planner = _Planner(state, playbook, calendar, now, BusyIndex(spans))
    return handler(planner, event, cancel)


def next_actions(
    state: CampaignState,
    event: Event,
    *,
    playbook: Playbook,
    calendar: BusinessCalendar,
    now: datetime,
    busy: Iterable[datetime | Busy] = (),
) -> list[PlannedAction]:
    """The planned steps an event leads to (see `advance` for the whole result)."""
    step = advance(state, event, playbook=playbook, calendar=calendar, now=now, busy=busy)
    return list(step.actions)


#: The kinds of planned step each kind of event cancels (outcomes: see `_cancels`).
_CANCELS: dict[type, frozenset[ActionKind]] = {
    InterviewLogged: CHASE,
    InboundContact: CHASE,
    OfferLogged: ALL_BUT_THANKS,
    CloseOutConfirmed: ALL_KINDS,
    Withdrawn: ALL_KINDS,
    Reopened: CHASE | {K.REQUEST_WRITTEN_OFFER},
    CheckInDayChosen: frozenset({K.CALL}),
}
#: Outcomes that mean the company answered: the chase they replace is cancelled.
_ANSWERS = frozenset({*_REPLY_OF, Outcome.THEY_CALLED})


def _cancels(event: Event) -> frozenset[ActionKind]:
    if isinstance(event, OutcomeLogged):
        return CHASE if event.outcome in _ANSWERS else frozenset()
    return _CANCELS[type(event)]


def _require_open(state: CampaignState, doing: str) -> None:
    if not state.status.is_open:
        raise LadderError(
            f"the campaign is {state.status.value.replace('_', ' ')}: reopen it before {doing}"
        )


def _on_interview(p: _Planner, e: InterviewLogged, cancel: frozenset[ActionKind]) -> Step:
    if p.state.status in (CampaignStatus.WON, CampaignStatus.WITHDRAWN):
        raise LadderError(
            f"the campaign is {p.state.status.value}: reopen it before logging an interview"
        )
    if e.permission is PermissionAnswer.GRANTED and e.agreed_at is None:
        raise LadderError("permission was granted: give the agreed call time")
    facts = replace(
        p.state.facts,
        interview_on=p.calendar.today(e.at),
        agreed_at=p.calendar.local(e.agreed_at) if e.agreed_at else None,
        way_through=e.way_through or p.state.facts.way_through,
        promise=e.promise_text,
        promise_terms=e.promise_terms,
    )
    status = CampaignStatus.ACTIVE if p.state.status is CampaignStatus.LOST else p.state.status
    p.state = p.state.but(facts=facts, status=status, attempts=0, rotation=0)
    agreed = facts.agreed_at if e.permission is PermissionAnswer.GRANTED else None
    if agreed is not None:
        # The agreed time is fixed: mark it busy first, so that the thank-you, placed next,
        # keeps clear of it when both fall on the next morning.
        p.busy.add(agreed, agreed)
    thanks_on = p.calendar.next_business_day(p.calendar.today(e.at))
    # An interview logged long after the fact gets no stale thank-you.
    if e.plan_thanks and p.playbook.thank_you and thanks_on >= p.calendar.today(p.now):
        plan_thanks(p, thanks_on)
    ask = None
    if e.at > p.now:
        ask = closing_ask(e.at, e.promise_latest, calendar=p.calendar, playbook=p.playbook)
    if agreed is not None:
        p.add_fixed(K.CALL, agreed, Basis.AGREED, "the call they agreed to")
    else:
        declined = e.permission is PermissionAnswer.DECLINED
        _plan_follow_up(
            p,
            e.promise_latest,
            p.calendar.today(e.at),
            e.promise_terms,
            e.call_on,
            declined=declined,
        )
    return Step(p.state, tuple(p.actions), cancel, closing_ask=ask)


def plan_thanks(p: _Planner, day: date) -> None:
    """METHOD §4.2: the thank-you note, the morning of `day` (the next business day)."""
    p.add(
        K.THANK_YOU,
        day,
        Window.MORNING,
        Basis.AFTER_INTERVIEW,
        "thank them the next business day: it keeps you in mind",
    )


#: Why the plan looks as it does when they asked not to be called: the seeker still follows up,
#: but only once their own date has passed, and only to ask when to reach them.
DECLINED_REASON = (
    "they preferred you not call, so the follow-up waits until the business day after {until}, "
    "and the call only asks when best to reach them"
)


def _plan_follow_up(
    p: _Planner,
    promise_latest: date | None,
    said_on: date,
    terms: PromiseTerms | None = None,
    call_on: date | None = None,
    *,
    declined: bool = False,
) -> None:
    """METHOD §4.4: a call the first business day after the promise's latest date, at the
    morning call time; with no promise, or no date in it, a check-in after the default wait
    (METHOD §5.2), or on the day the seeker picked for it."""
    locale = p.state.facts.locale
    word = their_word(terms, locale) if terms is not None else None
    no_date = promise_latest is None or (terms is not None and word is None)
    if promise_latest is None:
        wait = p.playbook.default_wait_business_days
        promise_latest = p.calendar.add_business_days(said_on, wait)
    latest = promise_latest
    if no_date:
        # The usual day, sent back unchanged from a form that showed it, is no choice.
        if call_on is not None and call_on != follow_up_day(latest, p.calendar, p.playbook):
            reason = f"no date was said: you picked {day_label(call_on, locale)} to check in"
            p.add(K.CALL, call_on, Window.MORNING, Basis.NO_PROMISE, reason)
            return
        basis, reason = Basis.NO_PROMISE, "no date was said: check in after the usual wait"
    else:
        said = word or f"by {day_label(latest, locale)}"
        basis, reason = Basis.MISSED_PROMISE, f"their word was {said}: follow it up"
    if declined:
        until = "the usual wait" if no_date else f"their date ({day_label(latest, locale)})"
        reason = DECLINED_REASON.format(until=until)
    p.add(K.CALL, follow_up_day(latest, p.calendar, p.playbook), Window.MORNING, basis, reason)


def _on_check_in_day(p: _Planner, e: CheckInDayChosen, cancel: frozenset[ActionKind]) -> Step:
    _require_open(p.state, "planning a call")
    _plan_follow_up(p, None, p.calendar.today(e.at), None, e.day)
    return Step(p.state, tuple(p.actions), cancel)


def _on_outcome(p: _Planner, e: OutcomeLogged, cancel: frozenset[ActionKind]) -> Step:
    allowed = ALLOWED_OUTCOMES[e.kind]
    if e.outcome not in allowed:
        choices = ", ".join(sorted(o.value for o in allowed))
        raise LadderError(
            f"a {e.kind.value} step cannot end with {e.outcome.value!r}; use one of: {choices}"
        )
    if e.outcome is Outcome.THEY_CALLED:
        return _on_inbound(p, _as_inbound(e), cancel)
    _require_open(p.state, "logging an outcome")
    if e.outcome in _REPLY_OF:
        inbound = _as_inbound(e)
        return _reached(p, inbound.reply, inbound, cancel)
    handler = _KIND_HANDLERS[e.kind]
    return handler(p, e, cancel)


def reply_to(outcome: Outcome, interview_at: datetime | None = None) -> Reply | None:
    """What the decision maker answered, for an outcome that reached them; None otherwise.
    "They called" and "met" say no more than that: a reply pending, or another interview when
    one was set."""
    if outcome in (Outcome.THEY_CALLED, Outcome.MET):
        return Reply.INTERVIEW if interview_at is not None else Reply.PENDING
    return _REPLY_OF.get(outcome)


def _as_inbound(e: OutcomeLogged) -> InboundContact:
    reply = reply_to(e.outcome, e.interview_at) or Reply.PENDING
    return InboundContact(
        e.at, reply, e.promise_latest, e.promise_text, e.interview_at, e.promise_terms
    )


def _on_call_outcome(p: _Planner, e: OutcomeLogged, cancel: frozenset[ActionKind]) -> Step:
    day = p.calendar.today(e.at)
    if e.outcome is Outcome.SKIPPED:
        window = p.playbook.retry_rotation[p.state.rotation % len(p.playbook.retry_rotation)]
        _plan_call_next_good_day(
            p, e.at, window, Basis.RESCHEDULED, "skipped: moved to the next good day"
        )
        return Step(p.state, tuple(p.actions), cancel)
    attempts = p.state.attempts + 1
    if e.outcome is Outcome.GATEKEEPER_CALLBACK:
        if e.callback_at is None:
            raise LadderError("the gatekeeper gave a time: give the callback time")
        if e.callback_at <= p.now:
            raise LadderError("the callback time is in the past: give a time still ahead")
        # A time someone gave is honoured even past the attempt cap: it is real progress.
        p.state = p.state.but(attempts=attempts)
        p.add_fixed(K.CALLBACK, e.callback_at, Basis.CALLBACK, "the time they gave to call back")
        return Step(p.state, tuple(p.actions), cancel)
    assert e.outcome in RETRY_OUTCOMES
    if attempts >= p.playbook.max_call_attempts:
        p.state = p.state.but(attempts=attempts)
        _escalate(p, day)
        return Step(p.state, tuple(p.actions), cancel)
    rotation = (p.state.rotation + 1) % len(p.playbook.retry_rotation)
    window = p.playbook.retry_rotation[rotation]
    p.state = p.state.but(attempts=attempts, rotation=rotation)
    reason = f"{e.outcome.label}: try again {window.label}"
    _plan_call_next_good_day(p, e.at, window, Basis.RETRY, reason)
    return Step(p.state, tuple(p.actions), cancel)


def _escalate(p: _Planner, last_attempt: date) -> None:
    """METHOD §4.5: the attempts are used up; a local company gets a visit, others a close-out."""
    n = p.state.attempts
    if p.state.local and p.playbook.visits:
        _plan_visit(p, last_attempt, f"{n} calls without reaching them: go in person")
    else:
        _plan_close_out(p, last_attempt, Basis.ATTEMPTS_EXHAUSTED, f"{n} calls without an answer")


def _plan_visit(p: _Planner, after: date, reason: str) -> None:
    """METHOD §4.6: a visit on a preferred business day, with the note printed the business day
    before (end of day). When that evening is already past, the visit moves a day later."""
    weekdays = p.playbook.preferred_weekdays
    visit_day = p.calendar.next_preferred_day(after, weekdays)
    for _ in range(30):
        note_day = p.calendar.previous_business_day(visit_day)
        try:
            note = p.add(
                K.LEAVE_NOTE,
                max(note_day, p.calendar.today(p.now)),
                Window.END_OF_DAY,
                Basis.ATTEMPTS_EXHAUSTED,
                "print the note and résumé for tomorrow's visit",
                last_day=note_day,
            )
        except NoFreeSlot:
            visit_day = p.calendar.next_preferred_day(visit_day, weekdays)
            continue
        visit = p.add(
            K.VISIT,
            max(visit_day, p.calendar.next_business_day(note.due.date())),
            Window.MORNING,
            Basis.ATTEMPTS_EXHAUSTED,
            reason,
            preferred_only=True,
        )
        # The note was placed first (it bounds the visit); now that the visit has its time,
        # the note's script can name it.
        facts = replace(p.state.facts, visit_at=visit.due)
        p.actions[-2] = note._replace(script=script_for(note.kind, note.basis, note.due, facts))
        return
    _plan_close_out(p, after, Basis.ATTEMPTS_EXHAUSTED, reason)


def _plan_close_out(p: _Planner, after: date, basis: Basis, reason: str) -> None:
    day = p.calendar.add_business_days(after, p.playbook.close_out_wait_business_days)
    p.add(K.CLOSE_OUT, day, Window.MORNING, basis, f"{reason}: confirm before closing")


def _on_visit_outcome(p: _Planner, e: OutcomeLogged, cancel: frozenset[ActionKind]) -> Step:
    day = p.calendar.today(e.at)
    cancel = cancel | {K.LEAVE_NOTE}
    reason = "you left the note" if e.outcome is Outcome.UNAVAILABLE else "the visit was skipped"
    _plan_close_out(p, day, Basis.NOTE_LEFT, reason)
    return Step(p.state, tuple(p.actions), cancel)


def _on_task_outcome(p: _Planner, e: OutcomeLogged, cancel: frozenset[ActionKind]) -> Step:
    """A thank-you sent or a note printed: nothing follows from it."""
    return Step(p.state, (), cancel)


def _on_offer_request_outcome(p: _Planner, e: OutcomeLogged, cancel: frozenset[ActionKind]) -> Step:
    if p.state.status is CampaignStatus.OFFER_VERBAL:
        _plan_offer_request(p, p.calendar.today(e.at), p.playbook.written_offer_every_business_days)
    return Step(p.state, tuple(p.actions), cancel)


def _plan_offer_request(p: _Planner, after: date, business_days: int) -> None:
    p.add(
        K.REQUEST_WRITTEN_OFFER,
        p.calendar.add_business_days(after, business_days),
        Window.MORNING,
        Basis.VERBAL_OFFER,
        "a verbal offer is not an offer until it is in writing",
    )


def _on_close_out_outcome(p: _Planner, e: OutcomeLogged, cancel: frozenset[ActionKind]) -> Step:
    if e.outcome is Outcome.DONE:
        return _on_close_out(p, CloseOutConfirmed(e.at), ALL_KINDS)
    # Not ready to let go: one more round of calls, counted afresh.
    p.state = p.state.but(attempts=0, rotation=0)
    _plan_call_next_good_day(
        p, e.at, Window.MORNING, Basis.RESCHEDULED, "not closed yet: one more round"
    )
    return Step(p.state, tuple(p.actions), cancel)


def _plan_call_next_good_day(
    p: _Planner, after: datetime, window: Window, basis: Basis, reason: str
) -> None:
    """A call on the first preferred business day after `after`'s day."""
    weekdays = p.playbook.preferred_weekdays
    day = p.calendar.next_preferred_day(p.calendar.today(after), weekdays)
    p.add(K.CALL, day, window, basis, reason, preferred_only=True)


def _on_inbound(p: _Planner, e: InboundContact, cancel: frozenset[ActionKind]) -> Step:
    """METHOD §4.4–4.7: they got in touch. Treated like reaching them; reopens a lost campaign."""
    if p.state.status in (CampaignStatus.WON, CampaignStatus.WITHDRAWN):
        return Step(p.state, (), frozenset(), note=f"recorded; the campaign stays {p.state.status}")
    if p.state.status is CampaignStatus.LOST:
        p.state = p.state.but(status=CampaignStatus.ACTIVE)
    return _reached(p, e.reply, e, cancel)


def _reached(p: _Planner, reply: Reply, e: InboundContact, cancel: frozenset[ActionKind]) -> Step:
    p.state = p.state.but(attempts=0, rotation=0)
    day = p.calendar.today(e.at)
    if reply is Reply.REJECTED:
        p.state = p.state.but(status=CampaignStatus.LOST)
        return Step(p.state, (), ALL_KINDS, note="not selected")
    if reply is Reply.VERBAL_OFFER:
        return _on_offer(p, OfferLogged(e.at, written=False), ALL_BUT_THANKS)
    if reply is Reply.INTERVIEW:
        if e.interview_at is None:
            raise LadderError("another interview: give its date and time")
        interview = InterviewLogged(
            e.interview_at,
            e.promise_latest,
            promise_text=e.promise_text,
            promise_terms=e.promise_terms,
        )
        return _on_interview(p, interview, cancel)
    facts = replace(
        p.state.facts, promise=e.promise_text, promise_terms=e.promise_terms, agreed_at=None
    )
    p.state = p.state.but(facts=facts)
    _plan_follow_up(p, e.promise_latest, day, e.promise_terms)
    return Step(p.state, tuple(p.actions), cancel)


def _on_offer(p: _Planner, e: OfferLogged, cancel: frozenset[ActionKind]) -> Step:
    if p.state.status in (CampaignStatus.WON, CampaignStatus.WITHDRAWN):
        raise LadderError(f"the campaign is {p.state.status.value}: reopen it to log an offer")
    day = p.calendar.today(e.at)
    if not e.written:
        p.state = p.state.but(status=CampaignStatus.OFFER_VERBAL)
        _plan_offer_request(p, day, 1)
        return Step(p.state, tuple(p.actions), cancel)
    if e.wanted:
        p.state = p.state.but(status=CampaignStatus.WON)
        return Step(p.state, (), ALL_KINDS, note="won: a written offer you want")
    # A written offer the seeker does not want: decide (negotiate or decline), never silently.
    p.state = p.state.but(status=CampaignStatus.OFFER_VERBAL)
    p.add(
        K.CLOSE_OUT,
        p.calendar.next_business_day(day),
        Window.MORNING,
        Basis.UNWANTED_OFFER,
        "a written offer you do not want: negotiate or decline",
    )
    return Step(p.state, tuple(p.actions), cancel)


def _on_close_out(p: _Planner, e: CloseOutConfirmed, cancel: frozenset[ActionKind]) -> Step:
    _require_open(p.state, "closing it out")
    p.state = p.state.but(status=CampaignStatus.LOST)
    return Step(p.state, (), cancel, note="closed out at your word")


def _on_reopen(p: _Planner, e: Reopened, cancel: frozenset[ActionKind]) -> Step:
    if p.state.status.is_open:
        raise LadderError("the campaign is still open: nothing to reopen")
    p.state = p.state.but(status=CampaignStatus.ACTIVE, attempts=0, rotation=0)
    _plan_call_next_good_day(
        p, e.at, Window.MORNING, Basis.REOPENED, "reopened: pick the thread up again"
    )
    return Step(p.state, tuple(p.actions), cancel)


def _on_withdraw(p: _Planner, e: Withdrawn, cancel: frozenset[ActionKind]) -> Step:
    if p.state.status in (CampaignStatus.WON, CampaignStatus.WITHDRAWN):
        raise LadderError(f"the campaign is already {p.state.status.value}")
    p.state = p.state.but(status=CampaignStatus.WITHDRAWN)
    return Step(p.state, (), cancel, note="withdrawn at your choice")


_KIND_HANDLERS: dict[ActionKind, _Handler] = {
    K.CALL: _on_call_outcome,
    K.CALLBACK: _on_call_outcome,
    K.VISIT: _on_visit_outcome,
    K.THANK_YOU: _on_task_outcome,
    K.LEAVE_NOTE: _on_task_outcome,
    K.REQUEST_WRITTEN_OFFER: _on_offer_request_outcome,
    K.CLOSE_OUT: _on_close_out_outcome,
}

_Handler = Callable[[_Planner, Any, frozenset[ActionKind]], Step]

_HANDLERS: dict[type, _Handler] = {
    InterviewLogged: _on_interview,
    OutcomeLogged: _on_outcome,
    InboundContact: _on_inbound,
    OfferLogged: _on_offer,
    CloseOutConfirmed: _on_close_out,
    Reopened: _on_reopen,
    Withdrawn: _on_withdraw,
    CheckInDayChosen: _on_check_in_day,
}


# -- never stop campaigning (METHOD §4.9) --------------------------------------------------------


def campaign_warnings(
    *,
    active: int,
    any_won: bool,
    next_planned: date | None,
    today: date,
    calendar: BusinessCalendar,
    playbook: Playbook,
) -> list[str]:
    """Warnings for the dashboard until some campaign is won."""
    if any_won:
        return []
    warnings = []
    if active < playbook.min_active_campaigns:
        warnings.append(
            f"only {active} active campaign{'s' if active != 1 else ''}: "
            f"keep at least {playbook.min_active_campaigns} going until an offer is in writing"
        )
    horizon = calendar.add_business_days(today, playbook.quiet_horizon_business_days)
    if next_planned is None or next_planned > horizon:
        warnings.append(
            f"nothing planned in the next {playbook.quiet_horizon_business_days} business days: "
            "log an interview or an application"
        )
    return warnings
