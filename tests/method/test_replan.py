"""Planning again after a correction: which open steps move where, per kind of edit."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from pursuit.method.calendar import BusinessCalendar
from pursuit.method.ladder import CampaignState, InterviewLogged, OutcomeLogged, advance
from pursuit.method.playbook import Playbook
from pursuit.method.replan import Anchors, OpenStep, replan
from pursuit.method.scripts import ScriptFacts
from pursuit.method.vocab import ActionKind, Basis, Outcome, PermissionAnswer

NY = ZoneInfo("America/New_York")
CAL = BusinessCalendar(zone="America/New_York", country="US")
PLAYBOOK = Playbook()
FACTS = ScriptFacts(company="Acme Tools", seeker="Sam Rivera", role="Buyer", contact="Ms. Jones")
NOW = "2026-11-19T17:00"
INTERVIEW = "2026-11-19T15:00"
#: "by Wednesday" said on Thursday Nov 19: Thanksgiving and the day after are closed.
LATEST = date(2026, 11, 25)


def at(iso: str, zone: ZoneInfo = NY) -> datetime:
    return datetime.fromisoformat(iso).replace(tzinfo=zone)


def first_plan(**event: Any) -> list[OpenStep]:
    """The steps an interview logged on Nov 19 planned, as stored rows would give them."""
    step = advance(
        CampaignState(facts=FACTS),
        InterviewLogged(at(INTERVIEW), **event),
        playbook=PLAYBOOK,
        calendar=CAL,
        now=at(NOW),
    )
    return [
        OpenStep(i, a.kind, a.due, a.window, a.basis, a.reason) for i, a in enumerate(step.actions)
    ]


def moved(
    steps: list[OpenStep],
    *,
    calendar: BusinessCalendar = CAL,
    anchors: Anchors | None = None,
    local: bool = False,
) -> dict[str, str]:
    """kind -> new company-local time, for the steps whose time changed."""
    anchors = anchors or Anchors(at(INTERVIEW), LATEST)
    result = replan(
        CampaignState(facts=FACTS, local=local, attempts=5),
        steps,
        anchors=anchors,
        was=CAL,
        playbook=PLAYBOOK,
        calendar=calendar,
        now=at(NOW),
    )
    old = {s.key: s.due for s in steps}
    out = {
        steps[key].kind.value: a.due.astimezone(calendar.zone).isoformat(timespec="minutes")
        for key, a in result.placed.items()
        if a.due != old[key]
    }
    out.update({f"new {a.kind.value}": a.due.isoformat(timespec="minutes") for a in result.actions})
    out.update({f"dropped {steps[key].kind.value}": "" for key in result.cancel})
    return out


LA = BusinessCalendar(zone="America/Los_Angeles", country="US")
GB = BusinessCalendar(zone="America/New_York", country="GB")
CLOSED_FRIDAY = BusinessCalendar(
    zone="America/New_York", country="US", extra_closures=[date(2026, 11, 20)]
)

EDITS = [
    pytest.param(
        {"calendar": LA},
        {"thank_you": "2026-11-20T09:00-08:00", "call": "2026-11-30T09:00-08:00"},
        id="zone-NY-to-LA-keeps-the-local-times",
    ),
    pytest.param(
        {"calendar": GB},
        {"call": "2026-11-26T09:00-05:00"},
        id="country-US-to-GB-no-thanksgiving-call-moves-earlier",
    ),
    pytest.param(
        {"calendar": CLOSED_FRIDAY},
        {"thank_you": "2026-11-23T09:00-05:00"},
        id="closure-on-the-thank-you-day-moves-it-to-monday",
    ),
    pytest.param(
        {"anchors": Anchors(at("2026-11-23T15:00"), LATEST)},
        {"thank_you": "2026-11-24T09:00-05:00"},
        id="interview-moved-to-monday-thank-you-follows-call-stays",
    ),
    pytest.param(
        {"anchors": Anchors(at(INTERVIEW), date(2026, 12, 2))},
        {"call": "2026-12-03T09:00-05:00"},
        id="promise-read-as-dec-2-call-moves-to-dec-3",
    ),
    pytest.param(
        {"anchors": Anchors(at(INTERVIEW), LATEST)},
        {},
        id="nothing-the-plan-hangs-on-changed-nothing-moves",
    ),
]


@pytest.mark.parametrize(("edit", "expected"), EDITS)
def test_it_moves_the_steps_the_edit_changes(
    edit: dict[str, Any], expected: dict[str, str]
) -> None:
    assert moved(first_plan(promise_latest=LATEST), **edit) == expected


def test_it_moves_the_default_wait_call_with_the_interview() -> None:
    steps = first_plan()
    assert steps[1].due == at("2026-12-01T09:00")
    # Interview on Tue Nov 17: + 5 business days is Tue Nov 24, so the call is Wed Nov 25.
    later = moved(steps, anchors=Anchors(at("2026-11-17T15:00")))
    assert later == {"call": "2026-11-25T09:00-05:00"}


def test_an_agreed_call_moves_only_with_the_agreed_time() -> None:
    steps = first_plan(permission=PermissionAnswer.GRANTED, agreed_at=at("2026-11-24T09:00"))
    agreed = Anchors(at(INTERVIEW), None, at("2026-11-24T09:00"))
    assert moved(steps, anchors=agreed, calendar=CLOSED_FRIDAY) == {
        "thank_you": "2026-11-23T09:00-05:00"
    }
    again = agreed._replace(agreed_at=at("2026-11-24T17:30"))
    assert moved(steps, anchors=again) == {"call": "2026-11-24T17:30-05:00"}


def five_calls_then(now: str) -> list[OpenStep]:
    """After the fifth unanswered call on Tue Dec 1, a non-local company gets a close-out."""
    step = advance(
        CampaignState(facts=FACTS, attempts=4),
        OutcomeLogged(ActionKind.CALL, Outcome.NO_ANSWER, at("2026-12-01T09:05")),
        playbook=PLAYBOOK,
        calendar=CAL,
        now=at(now),
    )
    return [
        OpenStep(i, a.kind, a.due, a.window, a.basis, a.reason) for i, a in enumerate(step.actions)
    ]


def test_a_company_made_local_trades_the_close_out_for_a_visit() -> None:
    steps = five_calls_then("2026-12-01T09:10")
    assert [s.kind for s in steps] == [ActionKind.CLOSE_OUT]
    result = replan(
        CampaignState(facts=FACTS, local=True, attempts=5),
        steps,
        anchors=Anchors(),
        was=CAL,
        playbook=PLAYBOOK,
        calendar=CAL,
        now=at("2026-12-01T09:10"),
    )
    assert result.cancel == {0}
    assert [(a.kind, a.due.isoformat(timespec="minutes")) for a in result.actions] == [
        (ActionKind.LEAVE_NOTE, "2026-12-01T17:30-05:00"),
        (ActionKind.VISIT, "2026-12-02T08:30-05:00"),
    ]
    assert all(a.basis is Basis.ATTEMPTS_EXHAUSTED for a in result.actions)


def test_steps_already_due_and_fixed_wall_times_follow_the_rules() -> None:
    callback = OpenStep(7, ActionKind.CALLBACK, at("2026-11-24T14:00"), None, Basis.CALLBACK, "")
    overdue = OpenStep(8, ActionKind.CALL, at("2026-11-19T09:00"), None, Basis.RETRY, "")
    result = replan(
        CampaignState(facts=FACTS),
        [callback, overdue],
        anchors=Anchors(),
        was=CAL,
        playbook=PLAYBOOK,
        calendar=LA,
        now=at(NOW),
    )
    # The callback keeps the 2 pm the gatekeeper gave, now in Los Angeles; the overdue step stays.
    assert result.placed[7].due == at("2026-11-24T14:00", ZoneInfo("America/Los_Angeles"))
    assert 8 not in result.placed
