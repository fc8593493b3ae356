"""Invariants of the ladder over random playbooks, zones, dates and outcome sequences.

A seeker runs two campaigns at once; every event is applied the way the service applies it
(cancel the kinds the step names, add its actions), and after every event the whole agenda is
checked: no step on a closed day, every windowed step inside its window in the company's zone,
visits and retries on preferred days, no two steps closer than the gap, every open campaign with
exactly one next contact step and never a stalled one, and the same input giving the same output.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pursuit.method.calendar import BusinessCalendar
from pursuit.method.ladder import (
    ALLOWED_OUTCOMES,
    CampaignState,
    InboundContact,
    InterviewLogged,
    OutcomeLogged,
    PlannedAction,
    advance,
)
from pursuit.method.playbook import Playbook
from pursuit.method.scripts import ScriptFacts
from pursuit.method.slots import BusyIndex
from pursuit.method.vocab import ActionKind, Basis, Outcome, PermissionAnswer, Reply, Window

COMPANIES = [
    ("America/New_York", "US"),
    ("America/Chicago", "US"),
    ("America/Los_Angeles", "US"),
    ("Europe/Berlin", "DE"),
    ("Europe/London", "GB"),
]
CALENDARS = [BusinessCalendar(zone=z, country=c) for z, c in COMPANIES]
PREFERRED_BASES = {Basis.RETRY, Basis.RESCHEDULED, Basis.REOPENED}


@dataclass
class Campaign:
    calendar: BusinessCalendar
    state: CampaignState
    planned: list[PlannedAction] = field(default_factory=list)


playbooks = st.builds(
    Playbook,
    preferred_weekdays=st.frozensets(st.integers(0, 4), min_size=1),
    max_call_attempts=st.integers(1, 6),
    default_wait_business_days=st.integers(1, 7),
    grace_business_days=st.integers(1, 3),
    close_out_wait_business_days=st.integers(1, 7),
    written_offer_every_business_days=st.integers(1, 3),
    retry_rotation=st.permutations(list(Window)).map(tuple),
    thank_you=st.booleans(),
    visits=st.booleans(),
)
# Around the DST changes of 2026 and the US holiday season, and anywhere else.
start_days = st.one_of(
    st.sampled_from(
        [
            date(2026, 3, 5),
            date(2026, 3, 26),
            date(2026, 10, 22),
            date(2026, 10, 29),
            date(2026, 11, 19),
            date(2026, 12, 21),
        ]
    ),
    st.dates(date(2026, 1, 1), date(2027, 12, 31)),
)


def apply(camp: Campaign, step_actions: tuple[PlannedAction, ...], cancel: frozenset) -> None:
    camp.planned = [a for a in camp.planned if a.kind not in cancel] + list(step_actions)


def free_time(after: datetime, campaigns: list[Campaign], gap: timedelta) -> datetime:
    moment = after.replace(minute=0, second=0, microsecond=0) + timedelta(hours=2)
    while any(abs(a.due - moment) < gap for c in campaigns for a in c.planned):
        moment += gap
    return moment


def check_agenda(campaigns: list[Campaign], playbook: Playbook) -> None:
    gap = timedelta(minutes=playbook.min_gap_minutes)
    every = [a for c in campaigns for a in c.planned]
    for camp in campaigns:
        cal = camp.calendar
        for a in camp.planned:
            local = a.due.astimezone(cal.zone)
            assert a.due.utcoffset() == local.utcoffset()
            assert str(a.due.tzinfo) == cal.zone.key, "due time is in the company's zone"
            if a.window is not None:
                assert cal.is_business_day(local.date()), f"{a.kind} on a closed day {local}"
                assert playbook.window(a.window).contains(local.time()), f"{a} outside window"
                if a.kind is ActionKind.VISIT or a.basis in PREFERRED_BASES:
                    assert local.weekday() in playbook.preferred_weekdays
        contact = [a for a in camp.planned if a.kind.is_contact_attempt]
        if camp.state.status.is_open:
            assert camp.planned, f"an open campaign stalled in {camp.state}"
            assert len(contact) <= 1, f"two contact steps at once: {contact}"
        else:
            assert not camp.planned
    moments = sorted(a.due for a in every)
    for left, right in pairwise(moments):
        assert right - left >= gap, f"two steps closer than {gap}: {left} {right}"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    playbook=playbooks,
    companies=st.lists(st.integers(0, len(CALENDARS) - 1), min_size=2, max_size=2),
    locals_=st.lists(st.booleans(), min_size=2, max_size=2),
    start=start_days,
    hour=st.integers(8, 17),
    granted=st.booleans(),
    promise_days=st.none() | st.integers(0, 12),
    choices=st.lists(st.integers(0, 1000), min_size=4, max_size=14),
)
def test_the_agenda_keeps_every_invariant(
    playbook: Playbook,
    companies: list[int],
    locals_: list[bool],
    start: date,
    hour: int,
    granted: bool,
    promise_days: int | None,
    choices: list[int],
) -> None:
    gap = timedelta(minutes=playbook.min_gap_minutes)
    campaigns = [
        Campaign(CALENDARS[i], CampaignState(ScriptFacts(company=f"Co {n}"), local=loc))
        for n, (i, loc) in enumerate(zip(companies, locals_, strict=True))
    ]
    now = datetime.combine(start, datetime.min.time(), ZoneInfo("UTC")) + timedelta(hours=hour + 5)
    for n, camp in enumerate(campaigns):
        interview = camp.calendar.localize(
            datetime.combine(start, datetime.min.time()) + timedelta(hours=hour, minutes=30 * n)
        )
        latest = start + timedelta(days=promise_days) if promise_days is not None else None
        agreed = free_time(now + timedelta(days=3), campaigns, gap) if granted and n == 0 else None
        event = InterviewLogged(
            interview,
            latest,
            permission=PermissionAnswer.GRANTED if agreed else PermissionAnswer.NOT_ASKED,
            agreed_at=agreed,
        )
        step = advance(
            camp.state,
            event,
            playbook=playbook,
            calendar=camp.calendar,
            now=now,
            busy=[a.due for c in campaigns if c is not camp for a in c.planned],
        )
        camp.state = step.state
        apply(camp, step.actions, step.cancel)
    check_agenda(campaigns, playbook)

    for choice in choices:
        open_ = [c for c in campaigns if c.planned]
        if not open_:
            break
        camp = min(open_, key=lambda c: min(a.due for a in c.planned))
        action = min(camp.planned, key=lambda a: a.due)
        now = max(now, action.due) + timedelta(minutes=5)
        camp.planned.remove(action)
        others = [a.due for c in campaigns if c is not camp for a in c.planned]
        if choice % 17 == 0:
            event = InboundContact(now, Reply.PENDING)
        else:
            allowed = sorted(ALLOWED_OUTCOMES[action.kind])
            outcome = allowed[choice % len(allowed)]
            today = camp.calendar.today(now)
            event = OutcomeLogged(
                action.kind,
                outcome,
                now,
                callback_at=free_time(now, campaigns, gap),
                promise_latest=today + timedelta(days=choice % 9),
                interview_at=free_time(now + timedelta(days=2), campaigns, gap),
            )
        own = [(a.kind, a.due) for a in camp.planned]
        kwargs = dict(playbook=playbook, calendar=camp.calendar, now=now, busy=others, own=own)
        step = advance(camp.state, event, **kwargs)  # type: ignore[arg-type]
        assert step == advance(camp.state, event, **kwargs)  # type: ignore[arg-type]
        camp.state = step.state
        apply(camp, step.actions, step.cancel)
        check_agenda(campaigns, playbook)


@settings(max_examples=40, deadline=None)
@given(
    playbook=playbooks,
    company=st.integers(0, len(CALENDARS) - 1),
    start=start_days,
    n=st.integers(1, 8),
)
def test_unanswered_calls_always_end_in_a_visit_or_a_close_out(
    playbook: Playbook, company: int, start: date, n: int
) -> None:
    cal = CALENDARS[company]
    state = CampaignState(ScriptFacts(company="Co"), local=bool(n % 2))
    now = cal.at(cal.business_day_on_or_after(start), datetime.min.time().replace(hour=9, minute=5))
    for attempt in range(1, playbook.max_call_attempts + 1):
        step = advance(
            state,
            OutcomeLogged(ActionKind.CALL, Outcome.NO_ANSWER, now),
            playbook=playbook,
            calendar=cal,
            now=now,
        )
        state = step.state
        kinds = [a.kind for a in step.actions]
        if attempt < playbook.max_call_attempts:
            assert kinds == [ActionKind.CALL]
            now = step.actions[0].due + timedelta(minutes=5)
        elif state.local and playbook.visits:
            assert kinds == [ActionKind.LEAVE_NOTE, ActionKind.VISIT]
            note, visit = step.actions
            assert cal.next_business_day(note.due.date()) <= visit.due.date()
            assert note.due < visit.due
        else:
            assert kinds == [ActionKind.CLOSE_OUT]


@settings(max_examples=200, deadline=None)
@given(
    spans=st.lists(st.tuples(st.integers(0, 2000), st.integers(0, 120)), max_size=30),
    extra=st.lists(st.tuples(st.integers(0, 2000), st.integers(0, 120)), max_size=5),
    probe=st.integers(-50, 2100),
    gap=st.integers(1, 60),
)
def test_the_busy_index_agrees_with_a_plain_scan(
    spans: list[tuple[int, int]], extra: list[tuple[int, int]], probe: int, gap: int
) -> None:
    base = datetime(2026, 12, 1, 8, tzinfo=ZoneInfo("UTC"))

    def span(start: int, length: int) -> tuple[datetime, datetime]:
        return base + timedelta(minutes=start), base + timedelta(minutes=start + length)

    all_spans = [span(*s) for s in spans]
    index = BusyIndex(all_spans)
    for s in extra:
        index.add(*span(*s))
        all_spans.append(span(*s))
    moment, width = base + timedelta(minutes=probe), timedelta(minutes=gap)
    plain = all(end <= moment - width or start >= moment + width for start, end in all_spans)
    assert index.is_free(moment, width) is plain
