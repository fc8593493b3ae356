"""Planning again after a correction: the ladder's own rules, applied to a campaign's open steps.

A seeker who fixes the company's zone, country or closures, its `local` flag, the interview's time
or the promise changes what the plan was made from. `replan` places every open step again with
the ladder's planner from what it hangs on, read afresh:

| step | placed again from |
|---|---|
| thank-you | the next business day after the (last) interview, unless that has passed |
| call for a missed promise | the first business day after the promise's latest date |
| call after no promise | the interview day plus the default wait |
| agreed call | the agreed time (the instant the decision maker said yes to) |
| callback, or a step the seeker moved by hand | its company-local wall time, in the new zone |
| visit and its printed note | the visit's old day, as a pair |
| any other step (retries, offer chases, close-outs) | its old company-local day and window |

A company made local trades a close-out after failed calls for a visit, and back. Steps already
due stay where they are (they are the seeker's overdue list), and done steps are never passed in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import NamedTuple

from pursuit.method.calendar import BusinessCalendar
from pursuit.method.ladder import (
    CampaignState,
    PlannedAction,
    _plan_close_out,
    _plan_follow_up,
    _plan_visit,
    _Planner,
    plan_thanks,
)
from pursuit.method.playbook import Playbook
from pursuit.method.slots import Busy, BusyIndex, as_busy
from pursuit.method.vocab import ActionKind, Basis, Window

K = ActionKind
#: The steps a company's `local` flag decides between once the calls are used up.
_VISIT_PAIR = frozenset({K.VISIT, K.LEAVE_NOTE})
_PREFERRED_ONLY = frozenset({K.CALL, K.VISIT})


class OpenStep(NamedTuple):
    """A planned step as stored; `key` is the caller's id for it."""

    key: int
    kind: ActionKind
    due: datetime
    window: Window | None
    basis: Basis
    reason: str


class Anchors(NamedTuple):
    """What the first steps of a campaign hang on, as recorded now."""

    interview_at: datetime | None = None
    promise_latest: date | None = None
    agreed_at: datetime | None = None


class Replan(NamedTuple):
    """Each kept step's new placement by key, the keys of steps dropped, and new steps."""

    placed: dict[int, PlannedAction]
    cancel: frozenset[int]
    actions: tuple[PlannedAction, ...]


def replan(
    state: CampaignState,
    steps: Sequence[OpenStep],
    *,
    anchors: Anchors,
    was: BusinessCalendar,
    playbook: Playbook,
    calendar: BusinessCalendar,
    now: datetime,
    busy: Iterable[datetime | Busy] = (),
) -> Replan:
    """Place `steps` again under `calendar` (the company's calendar after the edit); `was` is
    the calendar they were placed with, which reads their old local days and wall times."""
    p = _Planner(state, playbook, calendar, now, BusyIndex(as_busy(busy)))
    placed: dict[int, PlannedAction] = {}
    cancel: set[int] = set()
    ahead = sorted((s for s in steps if s.due > now), key=lambda s: s.due)
    # Steps already due hold their slots: nothing placed again may land on them.
    for s in steps:
        if s.due <= now:
            p.busy.add(s.due, s.due)
    visit = next((s for s in ahead if s.kind is K.VISIT), None)
    note = next((s for s in ahead if s.kind is K.LEAVE_NOTE), None)
    escalate: date | None = None
    for s in ahead:
        made_by_calls = s.basis is Basis.ATTEMPTS_EXHAUSTED
        if made_by_calls and (s.kind in _VISIT_PAIR) != (state.local and playbook.visits):
            # The other branch of METHOD §4.5 applies now: drop this one, plan the other once.
            cancel.add(s.key)
            if s.kind is not K.LEAVE_NOTE:
                escalate = was.today(s.due)
            continue
        if s.kind is K.LEAVE_NOTE and visit is not None:
            continue  # placed with its visit
        before = len(p.actions)
        _place(p, s, anchors, was, visit_note=note if s.kind is K.VISIT else None)
        new = p.actions[before:]
        if s.kind is K.VISIT and note is not None and len(new) == 2:
            placed[note.key], placed[s.key] = new
        elif new:
            placed[s.key] = new[-1]
    fresh: list[PlannedAction] = []
    if escalate is not None:
        before = len(p.actions)
        n = state.attempts
        if state.local and playbook.visits:
            # The visit goes on the preferred day after the last attempt, as a close-out would
            # have come that many business days after it.
            last = _last_attempt(escalate, calendar, playbook)
            _plan_visit(p, last, f"{n} calls without reaching them: go in person")
        else:
            last = calendar.previous_business_day(escalate)
            _plan_close_out(p, last, Basis.ATTEMPTS_EXHAUSTED, f"{n} calls without an answer")
        fresh = p.actions[before:]
    return Replan(placed, frozenset(cancel), tuple(fresh))


def _last_attempt(close_out_day: date, calendar: BusinessCalendar, playbook: Playbook) -> date:
    day = close_out_day
    for _ in range(playbook.close_out_wait_business_days):
        day = calendar.previous_business_day(day)
    return day


def _place(
    p: _Planner,
    s: OpenStep,
    anchors: Anchors,
    was: BusinessCalendar,
    *,
    visit_note: OpenStep | None,
) -> None:
    cal = p.calendar
    thanks_on = None
    if s.kind is K.THANK_YOU and anchors.interview_at is not None:
        thanks_on = cal.next_business_day(cal.today(anchors.interview_at))
    # A thank-you whose new day has passed stays on its own day: it is still worth sending.
    if thanks_on is not None and thanks_on >= cal.today(p.now):
        plan_thanks(p, thanks_on)
    elif s.kind is K.CALL and s.basis is Basis.MISSED_PROMISE and anchors.promise_latest:
        _plan_follow_up(p, anchors.promise_latest, anchors.promise_latest)
    elif s.kind is K.CALL and s.basis is Basis.NO_PROMISE and anchors.interview_at is not None:
        _plan_follow_up(p, None, cal.today(anchors.interview_at))
    elif s.kind is K.CALL and s.basis is Basis.AGREED and anchors.agreed_at is not None:
        p.add_fixed(K.CALL, anchors.agreed_at, Basis.AGREED, s.reason)
    elif s.window is None:
        # A time someone gave (or the seeker chose) is a wall time at the company.
        wall = was.local(s.due).replace(tzinfo=None)
        p.add_fixed(s.kind, cal.localize(wall), s.basis, s.reason)
    elif s.kind is K.VISIT and visit_note is not None:
        _plan_visit(p, was.today(s.due) - timedelta(days=1), s.reason)
    else:
        p.add(
            s.kind,
            was.today(s.due),
            s.window,
            s.basis,
            s.reason,
            preferred_only=s.kind in _PREFERRED_ONLY,
        )
