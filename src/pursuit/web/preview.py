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
from pursuit.campaigns import services
from pursuit.campaigns.access import owned
from pursuit.campaigns.models import Campaign, Company
from pursuit.errors import ServiceError
from pursuit.method import scripts, slots
from pursuit.method.calendar import BusinessCalendar, CalendarError
from pursuit.method.playbook import Playbook
from pursuit.method.promises import (
    MAX_TEXT_CHARS,
    PromiseTextError,
    follow_up_at,
    read_promise,
)
from pursuit.method.vocab import Window
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
    note: str = ""
    alternatives: list[Option] = field(default_factory=list)


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
    role: str
    contact: str


def _place(data: Any, user: User, seeker: Seeker, campaign: Campaign | None) -> _Place:
    if campaign is not None:
        return _Place(
            campaign.company.name,
            services.calendar_for(campaign.company, seeker),
            campaign.role,
            campaign.contact.name if campaign.contact else "",
        )
    role, contact = data.get("role", ""), data.get("contact_name", "")
    pk = data.get("company") or ""
    company = owned(Company, user).filter(pk=pk).first() if pk.isdigit() else None
    if company is not None:
        return _Place(company.name, services.calendar_for(company, seeker), role, contact)
    base = seeker_calendar(seeker)
    calendar = BusinessCalendar(
        zone=(data.get("company_zone") or "").strip() or seeker.zone,
        country=(data.get("company_country") or "").strip() or seeker.country,
        subdiv=(data.get("company_subdiv") or "").strip() or None,
        blackout=base.blackout,
    )
    return _Place(data.get("company_name", ""), calendar, role, contact)


def _interview_at(data: Any, calendar: BusinessCalendar) -> dt.datetime | None:
    try:
        day = dt.date.fromisoformat(data.get("date") or "")
        at = dt.time.fromisoformat(data.get("time") or "")
    except ValueError:
        return None
    return calendar.at(validation.day(day, field="date"), at)


def _when(moment: dt.datetime, today: dt.date, twelve: bool, zone: dt.tzinfo) -> str:
    text = fmt.when(moment, today, twelve, dated=True)
    yours = fmt.also_yours(moment, zone, today, twelve)
    return f"{text} ({yours})" if yours else text


def preview(
    data: Any, *, user: User, seeker: Seeker, campaign: Campaign | None = None
) -> tuple[Reading, Ask]:
    """Read the form as typed so far. Any problem is said in the reading, never raised."""
    reading, ask = Reading(), Ask()
    try:
        place = _place(data, user, seeker, campaign)
    except CalendarError as exc:
        reading.problem = fmt.sentence(str(exc))
        return reading, ask
    calendar, playbook = place.calendar, seeker.playbook
    now = timezone.now()
    zone = zoneinfo.ZoneInfo(seeker.zone)
    today, twelve = now.astimezone(zone).date(), fmt.twelve_hour(seeker.locale)
    try:
        at = _interview_at(data, calendar)
    except ServiceError as exc:
        reading.problem = fmt.sentence(exc.message)
        return reading, ask
    said = at or calendar.local(now)
    text = data.get("promise") or ""
    latest = None
    if len(text) > MAX_TEXT_CHARS:
        reading.problem = f"That is {len(text):,} characters; keep it under {MAX_TEXT_CHARS:,}."
    elif text.strip():
        try:
            promise = read_promise(text, said, calendar, locale=seeker.locale)
        except (PromiseTextError, CalendarError) as exc:
            reading.problem = fmt.sentence(str(exc))
        else:
            latest = _fill(reading, promise, data, calendar, playbook, (today, twelve, zone))
    else:
        wait = playbook.default_wait_business_days
        latest = calendar.add_business_days(said.date(), wait)
        default = _default_follow_up(latest, calendar, playbook)
        reading.follow_up = _when(default, today, twelve, zone)
        reading.note = f"Nothing promised yet: the usual wait is {wait} business days."
    if at is None:
        if text.strip():
            reading.note = "Read from today; add the interview date to read from that day."
        return reading, ask
    _fill_ask(ask, at, latest, calendar, playbook, place, seeker, data, now)
    return reading, ask


def _default_follow_up(latest: dt.date, cal: BusinessCalendar, playbook: Playbook) -> dt.datetime:
    day = cal.add_business_days(latest, playbook.grace_business_days)
    return cal.at(day, playbook.window(Window.MORNING).call_at)


def _fill(
    reading: Reading,
    promise: Any,
    data: Any,
    calendar: BusinessCalendar,
    playbook: Playbook,
    view: tuple[dt.date, bool, dt.tzinfo],
) -> dt.date:
    """Put a promise's reading on the page; returns the latest date the seeker's choice means."""
    today, twelve, zone = view
    reading.typed = True
    reading.window = fmt.span(promise.earliest, promise.latest, twelve)
    reading.kind = _KIND_WORDS.get(promise.kind.value, promise.kind.value)
    reading.confidence = f"{fmt.confidence_words(promise.confidence)} ({promise.confidence:.0%})"
    reading.matched = promise.matched
    reading.explanation = promise.explanation
    chosen = data.get("alternative") or ""
    latest = promise.latest
    reading.follow_up = _when(follow_up_at(promise, calendar, playbook), today, twelve, zone)
    if promise.alternatives:
        reading.alternatives.append(
            Option("", reading.window, reading.follow_up, checked=chosen == "")
        )
        for i, (earliest, alt_latest) in enumerate(promise.alternatives):
            other = replace(promise, earliest=earliest, latest=alt_latest)
            follow = _when(follow_up_at(other, calendar, playbook), today, twelve, zone)
            picked = chosen == str(i)
            reading.alternatives.append(
                Option(str(i), fmt.span(earliest, alt_latest, twelve), follow, picked)
            )
            if picked:
                latest, reading.follow_up = alt_latest, follow
    return latest


def _fill_ask(
    ask: Ask,
    at: dt.datetime,
    latest: dt.date | None,
    calendar: BusinessCalendar,
    playbook: Playbook,
    place: _Place,
    seeker: Seeker,
    data: Any,
    now: dt.datetime,
) -> None:
    try:
        closing = slots.closing_ask(at, latest, calendar=calendar, playbook=playbook)
    except CalendarError:
        return
    zone = zoneinfo.ZoneInfo(seeker.zone)
    twelve = fmt.twelve_hour(seeker.locale)
    today = now.astimezone(zone).date()
    chosen = data.get("agreed_at") or ""
    for option in closing.options:
        value = option.strftime("%Y-%m-%dT%H:%M")
        ask.options.append(
            Option(value, _when(option, today, twelve, zone), checked=chosen == value)
        )
    ask.other_checked = chosen == "other"
    ask.ahead = at > now
    if ask.ahead:
        facts = scripts.ScriptFacts(
            company=place.name,
            seeker=seeker.name,
            role=place.role,
            contact=place.contact or None,
            locale=seeker.locale,
            seeker_zone=zone if calendar.zone.key != seeker.zone else None,
        )
        ask.script = scripts.closing_ask(closing.options, closing.alternate_day, facts)
        ask.best_way = scripts.best_way_through_question(facts)


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
