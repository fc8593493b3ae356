"""The live reading on the interview form: what a promise means, when the follow-up call would
be, and the closing ask for an interview still ahead. Reads only; nothing is stored.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

import holidays
from django.utils import timezone

from pursuit import validation
from pursuit.accounts.models import Seeker, User
from pursuit.campaigns import planning
from pursuit.campaigns.access import owned
from pursuit.campaigns.models import Campaign, Company
from pursuit.campaigns.planning import InterviewAnswer, InterviewPlan
from pursuit.errors import ServiceError
from pursuit.method import ladder, scripts, slots
from pursuit.method.calendar import BusinessCalendar, CalendarError
from pursuit.method.ladder import CampaignState
from pursuit.method.locales import locale_for_country
from pursuit.method.promises import MAX_TEXT_CHARS
from pursuit.web import format as fmt
from pursuit.web.queries import seeker_calendar

_KIND_WORDS = {
    "on": "on that day",
    "by": "by then at the latest",
    "window": "some time in that window",
    "after": "after that",
    "around": "roughly then",
}


@dataclass(slots=True)
class Option:
    value: str
    label: str
    detail: str = ""
    checked: bool = False


@dataclass(slots=True)
class Reading:
    problem: str = ""
    typed: bool = False
    window: str = ""
    kind: str = ""
    confidence: str = ""
    matched: str = ""
    explanation: str = ""
    follow_up: str = ""
    #: The planned follow-up call's time, as the save plans it.
    follow_up_at: dt.datetime | None = None
    note: str = ""
    alternatives: list[Option] = field(default_factory=list)
    #: No date was said: the check-in day, editable before saving (METHOD §5.2).
    defaulted: bool = False
    call_day: str = ""
    call_on: str = ""
    #: The usual day, sent back with the form: a day equal to it is no pick of the seeker's.
    call_default: str = ""
    #: An interview still ahead: the one target day, and why it is that day.
    target_day: str = ""
    target_why: str = ""


@dataclass(slots=True)
class Ask:
    ahead: bool = False
    script: str = ""
    best_way: str = ""
    options: list[Option] = field(default_factory=list)
    other_checked: bool = False


@dataclass(frozen=True, slots=True)
class _Place:
    """The company as the form describes it so far."""

    name: str
    calendar: BusinessCalendar
    locale: str
    state: CampaignState
    campaign: Campaign | None


def _place(data: Any, user: User, seeker: Seeker, campaign: Campaign | None) -> _Place:
    if campaign is not None:
        calendar = planning.calendar_for(campaign.company, seeker)
        state = planning.state_of(campaign)
        return _Place(campaign.company.name, calendar, campaign.company.locale, state, campaign)
    pk = data.get("company") or ""
    company = owned(Company, user).filter(pk=pk).first() if pk.isdigit() else None
    if company is not None:
        name, locale, country = company.name, company.locale, company.country
        calendar = planning.calendar_for(company, seeker)
    else:
        base = seeker_calendar(seeker)
        calendar = BusinessCalendar(
            zone=(data.get("company_zone") or "").strip() or seeker.zone,
            country=(data.get("company_country") or "").strip() or seeker.country,
            subdiv=(data.get("company_subdiv") or "").strip() or None,
            blackout=base.blackout,
        )
        name = data.get("company_name", "")
        locale = _company_locale(data, seeker)
        country = calendar.country
    facts = scripts.ScriptFacts(
        company=name,
        seeker=seeker.name,
        role=data.get("role", ""),
        contact=data.get("contact_name", "") or None,
        country=country,
        locale=seeker.locale,
        seeker_zone=zoneinfo.ZoneInfo(seeker.zone) if calendar.zone.key != seeker.zone else None,
    )
    return _Place(name, calendar, locale, CampaignState(facts=facts), None)


def _company_locale(data: Any, seeker: Seeker) -> str:
    """The locale a new company on the form gets, as `create_company` gives it: as picked, else
    its country's."""
    country = (data.get("company_country") or "").strip() or seeker.country
    return (data.get("company_locale") or "").strip() or locale_for_country(country)


def _interview_at(data: Any, calendar: BusinessCalendar) -> dt.datetime | None:
    try:
        day = dt.date.fromisoformat(data.get("date") or "")
        at = dt.time.fromisoformat(data.get("time") or "")
    except ValueError:
        return None
    return calendar.at(validation.day(day, field="date"), at)


def _day_picked(data: Any) -> dt.date | None:
    """The check-in day the seeker picked: not the usual day the form showed them."""
    value = data.get("call_on") or ""
    if value == (data.get("call_default") or ""):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _reading_picked(data: Any) -> int | None:
    value = data.get("reading") or ""
    return int(value) if value.isdigit() else None


@dataclass(frozen=True, slots=True)
class _View:
    """How the seeker reads times: their zone, their today, their clock."""

    today: dt.date
    twelve: bool
    zone: dt.tzinfo

    def when(self, moment: dt.datetime) -> str:
        text = fmt.when(moment, self.today, self.twelve, dated=True)
        yours = fmt.also_yours(moment, self.zone, self.today, self.twelve)
        return f"{text} ({yours})" if yours else text


def preview(
    data: Any, *, user: User, seeker: Seeker, campaign: Campaign | None = None
) -> tuple[Reading, Ask]:
    """Read the form as typed so far and plan it with the very function the save uses
    (`planning.plan_interview`). Any problem is said in the reading, never raised."""
    reading, ask = Reading(), Ask()
    try:
        place = _place(data, user, seeker, campaign)
    except CalendarError as exc:
        reading.problem = fmt.sentence(str(exc))
        return reading, ask
    now = timezone.now()
    zone = zoneinfo.ZoneInfo(seeker.zone)
    view = _View(now.astimezone(zone).date(), fmt.twelve_hour(seeker.locale), zone)
    try:
        at = _interview_at(data, place.calendar)
    except ServiceError as exc:
        reading.problem = fmt.sentence(exc.message)
        return reading, ask
    text = data.get("promise") or ""
    if len(text) > MAX_TEXT_CHARS:
        reading.problem = f"That is {len(text):,} characters; keep it under {MAX_TEXT_CHARS:,}."
        return reading, ask
    picked = _reading_picked(data)
    answer = InterviewAnswer(promise_text=text, reading=picked, call_on=_day_picked(data))
    when = at or place.calendar.local(now)
    try:
        plans = _plans(place, seeker, when, answer, now)
        usual = None
        if answer.call_on is not None and plans[0][1].defaulted:
            # The usual day stays on the form, so that going back to it is no pick.
            usual = _plans(place, seeker, when, replace(answer, call_on=None), now)[0][1]
    except (ServiceError, CalendarError) as exc:
        reading.problem = fmt.sentence(str(exc))
        return reading, ask
    # With several readings and none picked yet, nothing is planned: the first is only read.
    plan = plans[0][1] if len(plans) == 1 else next((p for n, p in plans if n == picked), None)
    _fill(reading, plan or plans[0][1], text, view, usual.follow_up if usual else None)
    if len(plans) > 1:
        for n, option in plans:
            assert option.promise is not None
            call = option.follow_up
            reading.alternatives.append(
                Option(
                    str(n),
                    fmt.span(option.promise.earliest, option.promise.latest, view.twelve),
                    f"you'd call {view.when(call.due)}" if call else "",
                    checked=n == picked,
                )
            )
        if plan is None:
            reading.follow_up, reading.follow_up_at, reading.defaulted = "", None, False
    if at is None:
        if text.strip():
            reading.note = "Read from today; add the interview date to read from that day."
        return reading, ask
    _fill_ask(ask, reading, plan or plans[0][1], place, seeker, data, view, at, at > now)
    return reading, ask


def _plans(
    place: _Place, seeker: Seeker, at: dt.datetime, answer: InterviewAnswer, now: dt.datetime
) -> list[tuple[int, InterviewPlan]]:
    """The plan the save would make; for an ambiguous promise, one plan per reading, numbered
    as the seeker picks them."""

    def plan(number: int | None) -> InterviewPlan:
        return planning.plan_interview(
            seeker=seeker,
            campaign=place.campaign,
            state=place.state,
            locale=place.locale,
            at=at,
            answer=replace(answer, reading=number),
            calendar=place.calendar,
            now=now,
        )

    try:
        picked: InterviewPlan | None = plan(answer.reading)
    except ServiceError as exc:
        if exc.field == "call_on" and answer.call_on is not None:
            # A day picked while no date was said has no place once the words name one.
            return _plans(place, seeker, at, replace(answer, call_on=None), now)
        if exc.field != "reading" or answer.reading is not None:
            raise
        picked = None
    sample = picked or plan(1)
    if sample.promise is None or not sample.promise.alternatives:
        return [(1, sample)]
    count = 1 + len(sample.promise.alternatives)
    return [
        (n, picked if picked is not None and n == answer.reading else plan(n))
        for n in range(1, count + 1)
    ]


def _fill(
    reading: Reading,
    plan: InterviewPlan,
    text: str,
    view: _View,
    usual: ladder.PlannedAction | None = None,
) -> None:
    """Put the plan's reading of the promise and its follow-up call on the page."""
    promise, call = plan.promise, plan.follow_up
    reading.follow_up = view.when(call.due) if call else ""
    reading.follow_up_at = call.due if call else None
    if promise is not None:
        reading.typed = True
        reading.window = fmt.span(promise.earliest, promise.latest, view.twelve)
        reading.kind = _KIND_WORDS.get(promise.kind.value, promise.kind.value)
        reading.confidence = (
            f"{fmt.confidence_words(promise.confidence)} ({promise.confidence:.0%})"
        )
        reading.matched = promise.matched
        reading.explanation = promise.explanation
    if plan.defaulted and call is not None:
        reading.defaulted = True
        reading.call_day = fmt.day_heading(call.due.date(), view.today, view.twelve)
        reading.call_on = call.due.date().isoformat()
        reading.call_default = (usual or call).due.date().isoformat()


def _fill_ask(
    ask: Ask,
    reading: Reading,
    plan: InterviewPlan,
    place: _Place,
    seeker: Seeker,
    data: Any,
    view: _View,
    at: dt.datetime,
    ahead: bool,
) -> None:
    """The closing ask for an interview still ahead, and the one target day it offers."""
    # The ladder works the closing ask out for an interview ahead; for one already past, the
    # same two times are what the seeker may have agreed to.
    closing = plan.step.closing_ask
    if closing is None:
        latest = plan.promise.latest if plan.promise else None
        try:
            closing = slots.closing_ask(
                at, latest, calendar=place.calendar, playbook=seeker.playbook
            )
        except CalendarError:
            return
    chosen = data.get("agreed_at") or ""
    for option in closing.options:
        value = option.strftime("%Y-%m-%dT%H:%M")
        ask.options.append(Option(value, view.when(option), checked=chosen == value))
    ask.other_checked = chosen == "other"
    ask.ahead = ahead
    if not ahead:
        return
    facts = place.state.facts
    ask.script = scripts.closing_ask(closing.options, closing.alternate_day, facts)
    ask.best_way = scripts.best_way_through_question(facts)
    reading.target_day = fmt.day_heading(closing.target_day, view.today, view.twelve)
    wait = seeker.playbook.default_wait_business_days
    if plan.promise is None:
        base = place.calendar.add_business_days(place.calendar.today(at), wait)
    else:
        base = plan.promise.latest
    if plan.defaulted:
        why = f"no date was said, so {wait} business days after the interview"
    else:
        why = "the last day they gave"
    if closing.target_day != base:
        why += ", moved on to a good day for calls"
    reading.target_why = why


# -- the lists behind the zone and country boxes ---------------------------------------------------


@cache
def zone_names() -> tuple[str, ...]:
    """Every IANA zone a seeker would pick: the Region/City ones, without legacy aliases."""
    legacy = ("Etc/", "SystemV/", "US/", "Canada/", "Brazil/", "Chile/", "Mexico/")
    return tuple(
        sorted(z for z in zoneinfo.available_timezones() if "/" in z and not z.startswith(legacy))
    )


@cache
def countries() -> tuple[tuple[str, str], ...]:
    """(code, name) for every country the holiday calendar knows."""
    from holidays.registry import COUNTRIES

    names = {entry[1]: key.replace("_", " ").title() for key, entry in COUNTRIES.items()}
    return tuple(
        sorted((code, names.get(code, code)) for code in holidays.list_supported_countries())
    )
