"""What a write would plan, worked out before anything is written.

The engine's inputs read from rows (the company's calendar, the script facts, the campaign state,
the seeker's busy moments) and the interview plan. `plan_interview` is the one place an
interview's promise is read, its reading chosen and the ladder run: `services.log_interview`
writes what it returns, and the interview form's live reading shows it, so the two never differ.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from pursuit.accounts.models import Seeker
from pursuit.campaigns.models import Action, Campaign, Company, Contact, Promise
from pursuit.errors import ServiceError
from pursuit.method import ladder
from pursuit.method.calendar import BusinessCalendar, CalendarError, zone_named
from pursuit.method.ladder import CampaignState, Event, LadderError, Step
from pursuit.method.language import check_language
from pursuit.method.playbook import PlaybookError
from pursuit.method.promises import Promise as PromiseReading
from pursuit.method.promises import PromiseTextError, read_promise
from pursuit.method.scripts import PromiseTerms, ScriptFacts
from pursuit.method.vocab import (
    ActionKind,
    ActionStatus,
    CampaignStatus,
    PermissionAnswer,
    PromiseKind,
)
from pursuit.validation import moment

#: How far ahead the seeker's other steps are read to keep new ones apart from them.
BUSY_HORIZON = dt.timedelta(days=180)


# -- the engine's inputs, read from rows ---------------------------------------------------------


def calendar_for(company: Company, seeker: Seeker) -> BusinessCalendar:
    """The company's business days, with the seeker's blackout dates."""
    blackout = [day for b in seeker.blackouts.all() for day in b.days()]
    return BusinessCalendar(
        zone=company.zone,
        country=company.country,
        subdiv=company.subdiv or None,
        extra_closures=[dt.date.fromisoformat(d) for d in company.closure_days],
        open_days=[dt.date.fromisoformat(d) for d in company.open_days],
        blackout=blackout,
        defacto=seeker.playbook.defacto_closures,
    )


def terms_of(promise: Promise) -> PromiseTerms:
    """What a stored promise meant, as scripts and reasons may repeat it."""
    kind = PromiseKind(promise.kind)
    return PromiseTerms(kind, promise.earliest, promise.latest, promise.defaulted)


def facts_for(campaign: Campaign) -> ScriptFacts:
    company, contact, seeker = campaign.company, campaign.contact, campaign.seeker
    if contact is not None and contact.trashed_at is not None:
        contact = None
    gatekeeper = next(
        (c.name for c in company.contacts.all() if c.role in Contact.GATEKEEPERS), None
    )
    last = campaign.interviews.order_by("-at").first()
    cal_zone = zone_named(company.zone)
    promise = campaign.promises.order_by("-said_at").first()
    return ScriptFacts(
        company=company.name,
        seeker=seeker.name.strip(),
        role=campaign.role,
        contact=contact.name if contact else None,
        address_as=contact.address_as if contact else "",
        country=company.country,
        gatekeeper=gatekeeper,
        way_through=(contact.way_through if contact else "") or None,
        phone=(contact.phone if contact and contact.phone else company.phone) or None,
        interview_on=last.at.astimezone(cal_zone).date() if last else None,
        agreed_at=last.agreed_at.astimezone(cal_zone) if last and last.agreed_at else None,
        promise=promise.matched or promise.text if promise else None,
        promise_terms=terms_of(promise) if promise else None,
        locale=seeker.locale,
        seeker_zone=zone_named(seeker.zone),
    )


def state_of(campaign: Campaign) -> CampaignState:
    return CampaignState(
        facts=facts_for(campaign),
        status=CampaignStatus(campaign.status),
        local=campaign.company.local,
        attempts=campaign.attempts,
        rotation=campaign.rotation,
    )


def read(
    text: str,
    said_at: dt.datetime,
    calendar: BusinessCalendar,
    *,
    locale: str,
    lang: str | None = None,
) -> PromiseReading:
    """The promise in `text`, with numeric dates in the company's `locale`, in the language
    `lang` ("en", "de"; None tells it from the words)."""
    if lang is not None:
        try:
            lang = check_language(lang)
        except ValueError as exc:
            raise ServiceError(str(exc), "lang") from None
    try:
        return read_promise(text, said_at, calendar, locale=locale, lang=lang)
    except PromiseTextError as exc:
        raise ServiceError(str(exc), "promise") from None


def terms(reading: PromiseReading) -> PromiseTerms:
    return PromiseTerms(reading.kind, reading.earliest, reading.latest, reading.defaulted)


def advance(
    seeker: Seeker,
    campaign: Campaign | None,
    state: CampaignState,
    event: Event,
    *,
    calendar: BusinessCalendar,
    now: dt.datetime,
) -> Step:
    """Run one event through the ladder, kept apart from the seeker's planned steps: the other
    campaigns' ones, and this campaign's own unless the event cancels their kind."""
    planned = Action.objects.filter(seeker=seeker, status=ActionStatus.PLANNED)
    own: list[tuple[ActionKind, dt.datetime]] = []
    if campaign is not None:
        rows = planned.filter(campaign=campaign).values_list("kind", "due_at")
        own = [(ActionKind(k), due) for k, due in rows]
        planned = planned.exclude(campaign=campaign)
    busy = list(
        planned.filter(
            due_at__gte=now - dt.timedelta(days=1), due_at__lte=now + BUSY_HORIZON
        ).values_list("due_at", flat=True)
    )
    try:
        return ladder.advance(
            state,
            event,
            playbook=seeker.playbook,
            calendar=calendar,
            now=now,
            busy=busy,
            own=own,
        )
    except (LadderError, CalendarError, PlaybookError) as exc:
        raise ServiceError(str(exc)) from None


# -- an interview's plan ---------------------------------------------------------------------------


@dataclass(frozen=True)
class InterviewAnswer:
    """What was said at an interview, as the seeker gives it.

    `reading` picks one reading of an ambiguous promise, counted from 1 (the first shown);
    `call_on` is the day the seeker picked for the check-in when no date was said; `lang` the
    language the promise was said in, when the seeker knows better than the words tell.
    """

    promise_text: str = ""
    said_at: dt.datetime | None = None
    reading: int | None = None
    permission: PermissionAnswer = PermissionAnswer.NOT_ASKED
    agreed_at: dt.datetime | None = None
    way_through: str = ""
    call_on: dt.date | None = None
    lang: str | None = None


@dataclass(frozen=True)
class InterviewPlan:
    """What logging an interview plans: its promise (with the chosen reading), the ladder's step."""

    said_at: dt.datetime
    promise: PromiseReading | None
    agreed_at: dt.datetime | None
    step: Step

    @property
    def follow_up(self) -> ladder.PlannedAction | None:
        return next((a for a in self.step.actions if a.kind is ActionKind.CALL), None)

    @property
    def defaulted(self) -> bool:
        """No date was said (or nothing at all): the follow-up is a check-in after the usual
        wait, which the seeker is shown and may move (METHOD §5.2)."""
        return self.promise is None or self.promise.defaulted


def aware(value: dt.datetime, calendar: BusinessCalendar, name: str) -> dt.datetime:
    """A time without an offset is company-local (DST-safe); with one, it is kept."""
    return calendar.localize(moment(value, field=name))


def readings(reading: PromiseReading) -> list[tuple[dt.date, dt.date]]:
    """Every reading of a promise, the first as read, numbered from 1 where shown."""
    return [(reading.earliest, reading.latest), *reading.alternatives]


def chosen(reading: PromiseReading, number: int | None) -> PromiseReading:
    """The reading the seeker picked. An ambiguous promise is never planned from a guess: with
    no pick, it is refused with every reading spelled out."""
    options = readings(reading)
    if number is None:
        if len(options) == 1:
            return reading
        spelled = "; ".join(f"{n}: {_span(e, la)}" for n, (e, la) in enumerate(options, start=1))
        raise ServiceError(
            f"the promise could mean more than one thing ({spelled}): pick a reading", "reading"
        )
    if not 1 <= number <= len(options):
        allowed = "1" if len(options) == 1 else f"1 to {len(options)}"
        raise ServiceError(f"pick reading {allowed}", "reading")
    earliest, latest = options[number - 1]
    others = tuple(o for n, o in enumerate(options, start=1) if n != number)
    return replace(reading, earliest=earliest, latest=latest, alternatives=others)


def _span(earliest: dt.date, latest: dt.date) -> str:
    if earliest == latest:
        return f"{latest:%a} {latest.isoformat()}"
    return f"{earliest:%a} {earliest.isoformat()} to {latest:%a} {latest.isoformat()}"


def plan_interview(
    *,
    seeker: Seeker,
    campaign: Campaign | None,
    state: CampaignState,
    locale: str,
    at: dt.datetime,
    answer: InterviewAnswer,
    calendar: BusinessCalendar,
    now: dt.datetime,
    first: bool = True,
) -> InterviewPlan:
    """What logging an interview at `at` with `answer` plans, writing nothing.

    `campaign` is None for the first interview of a campaign not yet stored; `locale` is the
    company's, for numeric dates in the promise.
    """
    agreed_at = None
    if answer.permission is PermissionAnswer.GRANTED:
        if answer.agreed_at is None:
            raise ServiceError("they agreed to a call: pick the time they agreed to", "agreed_at")
        agreed_at = aware(answer.agreed_at, calendar, "agreed_at")
    said = aware(answer.said_at, calendar, "said_at") if answer.said_at else at
    promise = None
    if answer.promise_text.strip():
        as_read = read(answer.promise_text, said, calendar, locale=locale, lang=answer.lang)
        promise = chosen(as_read, answer.reading)
    elif answer.reading not in (None, 1):
        raise ServiceError("nothing was promised, so there is no reading to pick", "reading")
    call_on = _check_in_day(answer.call_on, promise, agreed_at, calendar, now)
    event = ladder.InterviewLogged(
        at=calendar.local(at),
        promise_latest=promise.latest if promise else None,
        permission=answer.permission,
        agreed_at=agreed_at,
        way_through=answer.way_through.strip() or None,
        promise_text=(promise.matched or answer.promise_text) if promise else None,
        plan_thanks=first,
        promise_terms=terms(promise) if promise else None,
        call_on=call_on,
    )
    step = advance(seeker, campaign, state, event, calendar=calendar, now=now)
    return InterviewPlan(said, promise, agreed_at, step)


def _check_in_day(
    day: dt.date | None,
    promise: PromiseReading | None,
    agreed_at: dt.datetime | None,
    calendar: BusinessCalendar,
    now: dt.datetime,
) -> dt.date | None:
    """The day the seeker picked for the check-in, refused where it has no place: the company
    named a date (the follow-up goes the day after it), or an agreed call replaces it."""
    if day is None:
        return None
    if promise is not None and not promise.defaulted:
        raise ServiceError(
            "they named a date, so the follow-up goes the business day after it: "
            "move the call itself if you must",
            "call_on",
        )
    if agreed_at is not None:
        raise ServiceError("they agreed to a call: that call is the follow-up", "call_on")
    today = calendar.today(now)
    if day < today:
        raise ServiceError(f"pick {today.isoformat()} or later for the check-in", "call_on")
    return day
