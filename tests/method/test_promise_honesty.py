"""The honesty rule for promises (METHOD §5.2): every script and every reason says no more of the
company's word than was recorded. A default reading is a check-in, never "the timeline you
mentioned" nor a date they did not say; "after" promises say "after …", windows "by the end of …".
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from pursuit.method.calendar import BusinessCalendar
from pursuit.method.ladder import CampaignState, CheckInDayChosen, InterviewLogged, advance
from pursuit.method.playbook import DEFAULT_PLAYBOOK
from pursuit.method.scripts import PromiseTerms, ScriptFacts, day_label, script_for, their_word
from pursuit.method.vocab import ActionKind, Basis, PromiseKind, Window

NY = ZoneInfo("America/New_York")
CAL = BusinessCalendar(zone="America/New_York", country="US")
#: The interview: Monday, November 30, 2026, 10:00; the promise said then.
INTERVIEW = datetime(2026, 11, 30, 10, 0, tzinfo=NY)
NOW = datetime(2026, 11, 30, 12, 0, tzinfo=NY)
DUE = datetime(2026, 12, 9, 9, 0, tzinfo=NY)

#: Every kind of promise, read or defaulted: (id, terms).
TERMS = [
    ("on", PromiseTerms(PromiseKind.ON, date(2026, 12, 3), date(2026, 12, 3))),
    ("by", PromiseTerms(PromiseKind.BY, date(2026, 11, 30), date(2026, 12, 4))),
    ("window", PromiseTerms(PromiseKind.WINDOW, date(2026, 12, 7), date(2026, 12, 11))),
    ("after", PromiseTerms(PromiseKind.AFTER, date(2026, 12, 16), date(2026, 12, 22))),
    ("around", PromiseTerms(PromiseKind.AROUND, date(2026, 12, 14), date(2026, 12, 15))),
    (
        "default",
        PromiseTerms(PromiseKind.AROUND, date(2026, 11, 30), date(2026, 12, 7), defaulted=True),
    ),
]
#: What each kind may be told back to the company as their word.
SAID = {
    "on": "on Thursday, December 3",
    "by": "by Friday, December 4",
    "window": "by the end of Friday, December 11",
    "after": "after Tuesday, December 15",
    "around": "around Tuesday, December 15",
    "default": None,
}
FACTS = ScriptFacts(
    company="Acme Tools",
    seeker="Alex Kim",
    role="Senior Buyer",
    contact="Dana Reyes",
    interview_on=INTERVIEW.date(),
    promise="we'll be in touch",
)
#: Words that claim the company gave a time.
CLAIMS = ("timeline", "you mentioned", "you said", "their word")
_DATE = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), "
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December) \d{1,2}"
)


@pytest.mark.parametrize(("name", "terms"), TERMS, ids=[t[0] for t in TERMS])
def test_their_word_follows_the_kind_and_a_default_has_none(name: str, terms: PromiseTerms) -> None:
    assert their_word(terms, "en_US") == SAID[name]


@pytest.mark.parametrize("basis", list(Basis), ids=[b.value for b in Basis])
@pytest.mark.parametrize("kind", list(ActionKind), ids=[k.value for k in ActionKind])
@pytest.mark.parametrize(("name", "terms"), TERMS, ids=[t[0] for t in TERMS])
def test_no_script_claims_more_than_the_promise_recorded(
    name: str, terms: PromiseTerms, kind: ActionKind, basis: Basis
) -> None:
    script = script_for(kind, basis, DUE, replace(FACTS, promise_terms=terms))
    said = SAID[name]
    claims = any(claim in script for claim in CLAIMS)
    named = set(_DATE.findall(script)) - {day_label(DUE.date(), "en_US")}
    # The interview day is the seeker's own to recall, never a claim about the company's word.
    allowed = {"Monday, November 30"}
    if said is None:
        assert not claims, script
    else:
        allowed.add(said.split(" ", 1)[1].removeprefix("the end of "))
        if claims:
            assert said in script, script
        if kind in (ActionKind.CALL, ActionKind.CALLBACK) and basis is Basis.MISSED_PROMISE:
            assert said in script, script
    assert named <= allowed, named


def _follow_up(terms: PromiseTerms | None, call_on: date | None = None) -> tuple[Basis, str, str]:
    event = InterviewLogged(
        at=INTERVIEW,
        promise_latest=terms.latest if terms else None,
        promise_text="we'll be in touch",
        promise_terms=terms,
        call_on=call_on,
    )
    step = advance(
        CampaignState(facts=FACTS), event, playbook=DEFAULT_PLAYBOOK, calendar=CAL, now=NOW
    )
    call = next(a for a in step.actions if a.kind is ActionKind.CALL)
    return call.basis, call.reason, call.script


@pytest.mark.parametrize(("name", "terms"), TERMS, ids=[t[0] for t in TERMS])
def test_the_reason_for_the_follow_up_matches_the_promise_kind(
    name: str, terms: PromiseTerms
) -> None:
    basis, reason, script = _follow_up(terms)
    if SAID[name] is None:
        assert basis is Basis.NO_PROMISE
        assert reason == "no date was said: check in after the usual wait"
        assert "I'm checking in" in script and "timeline" not in script
    else:
        assert basis is Basis.MISSED_PROMISE
        assert reason == f"their word was {SAID[name]}: follow it up"


def test_a_day_the_seeker_picks_for_the_check_in_is_planned_and_said_as_theirs() -> None:
    default = PromiseTerms(PromiseKind.AROUND, INTERVIEW.date(), date(2026, 12, 7), True)
    basis, reason, _ = _follow_up(default, call_on=date(2026, 12, 10))
    assert basis is Basis.NO_PROMISE
    assert reason == "no date was said: you picked Thursday, December 10 to check in"


def test_the_usual_day_sent_back_unchanged_is_no_pick() -> None:
    default = PromiseTerms(PromiseKind.AROUND, INTERVIEW.date(), date(2026, 12, 7), True)
    # The usual check-in: the business day after Monday, December 7.
    _, reason, _ = _follow_up(default, call_on=date(2026, 12, 8))
    assert reason == "no date was said: check in after the usual wait"


def test_a_check_in_day_chosen_later_replaces_the_planned_call() -> None:
    step = advance(
        CampaignState(facts=FACTS),
        CheckInDayChosen(at=NOW, day=date(2026, 12, 14)),
        playbook=DEFAULT_PLAYBOOK,
        calendar=CAL,
        now=NOW,
    )
    assert step.cancel == frozenset({ActionKind.CALL})
    (call,) = step.actions
    assert call.due == datetime(2026, 12, 14, 9, 0, tzinfo=NY)
    assert call.window is Window.MORNING and call.basis is Basis.NO_PROMISE
