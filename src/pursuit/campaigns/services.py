"""Every write that spans models, each in one transaction, each calling the method engine.

Views, the CLI and the API call these keyword-only functions and nothing else to change a
campaign. A function that refuses raises `ServiceError` with a message for the seeker (and the
form field it is about), having changed nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import IO, Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from pursuit.accounts.models import Seeker
from pursuit.campaigns import history, planning
from pursuit.campaigns.history import Actor
from pursuit.campaigns.models import (
    Action,
    Campaign,
    Company,
    Contact,
    Interview,
    Offer,
    Promise,
    Touch,
)
from pursuit.campaigns.planning import BUSY_HORIZON, InterviewAnswer
from pursuit.errors import NeedsConfirmation, ServiceError
from pursuit.method import ladder, moves
from pursuit.method.calendar import BusinessCalendar, CalendarError, check_country, zone_named
from pursuit.method.ladder import Event, PlannedAction, Step
from pursuit.method.locales import locale_for_country
from pursuit.method.promises import MAX_TEXT_CHARS
from pursuit.method.promises import Promise as PromiseReading
from pursuit.method.scripts import script_for
from pursuit.method.slots import ClosingAsk, as_busy
from pursuit.method.vocab import (
    ActionKind,
    ActionStatus,
    Basis,
    Outcome,
    PermissionAnswer,
    Reply,
    Window,
)
from pursuit.validation import day, limit, one_line, text


@dataclass
class Result:
    """What a write did: the campaign after it, the steps it planned, and what it read."""

    campaign: Campaign
    actions: list[Action] = field(default_factory=list)
    promise: Promise | None = None
    closing_ask: ClosingAsk | None = None
    note: str = ""


# -- reading the engine's inputs from rows ------------------------------------------------------


calendar_for = planning.calendar_for
facts_for = planning.facts_for
state_of = planning.state_of
_aware = planning.aware


def _store_promise(
    campaign: Campaign,
    reading: PromiseReading,
    text: str,
    said_at: dt.datetime,
    interview: Interview | None = None,
) -> Promise:
    return Promise.objects.create(
        campaign=campaign,
        interview=interview,
        text=text,
        said_at=said_at,
        earliest=reading.earliest,
        latest=reading.latest,
        kind=reading.kind.value,
        confidence=reading.confidence,
        matched=reading.matched[:200],
        explanation=reading.explanation[:300],
        alternatives=[
            {"earliest": e.isoformat(), "latest": la.isoformat()} for e, la in reading.alternatives
        ],
        defaulted=reading.defaulted,
    )


def _apply(
    campaign: Campaign, event: Event, *, now: dt.datetime, calendar: BusinessCalendar
) -> tuple[Step, list[Action]]:
    """Run one event through the ladder and write its result: the new campaign state, the
    cancelled steps and the new ones. The caller holds the transaction."""
    step = planning.advance(
        campaign.seeker, campaign, state_of(campaign), event, calendar=calendar, now=now
    )
    return step, _write(campaign, step, now=now, calendar=calendar)


def _write(
    campaign: Campaign, step: Step, *, now: dt.datetime, calendar: BusinessCalendar
) -> list[Action]:
    """Store a ladder step: cancel the planned steps of its kinds, add its new ones, keep the
    campaign's new state."""
    if step.cancel:
        Action.objects.filter(
            campaign=campaign, status=ActionStatus.PLANNED, kind__in=list(step.cancel)
        ).update(status=ActionStatus.CANCELLED, closed_at=now)
    actions = store_planned(campaign, step.actions, calendar=calendar)
    campaign.status = step.state.status.value
    campaign.attempts = step.state.attempts
    campaign.rotation = step.state.rotation
    campaign.save(update_fields=["status", "attempts", "rotation", "updated_at"])
    return actions


def _who(actor: Actor | None, campaign: Campaign) -> Actor:
    return actor or Actor.seeker(campaign.seeker)


def store_planned(
    campaign: Campaign, planned: Iterable[PlannedAction], *, calendar: BusinessCalendar
) -> list[Action]:
    """Save the steps the ladder planned for the campaign."""
    return Action.objects.bulk_create(
        Action(
            seeker_id=campaign.seeker_id,
            campaign=campaign,
            kind=a.kind.value,
            due_at=a.due,
            zone=calendar.zone.key,
            window=a.window.value if a.window else "",
            basis=a.basis.value,
            reason=a.reason[:300],
            script=a.script,
        )
        for a in planned
    )


def _lock(campaign: Campaign) -> tuple[Campaign, BusinessCalendar]:
    """Re-read the campaign under a row lock, so two writes to it queue up, with its calendar."""
    campaign = (
        Campaign.objects.select_for_update(of=("self",))
        .select_related("company", "contact", "seeker__user")
        .get(pk=campaign.pk)
    )
    return campaign, calendar_for(campaign.company, campaign.seeker)


# -- companies and campaigns ---------------------------------------------------------------------

_LOCALE = re.compile(r"[a-z]{2}_[A-Z]{2}")


def check_locale(locale: str, field: str = "locale") -> str:
    """A locale written language_COUNTRY ("en_GB"); "en-gb" is read the same."""
    parts = locale.replace("-", "_").split("_")
    normal = f"{parts[0].lower()}_{parts[1].upper()}" if len(parts) == 2 else locale
    if not _LOCALE.fullmatch(normal):
        raise ServiceError(
            f"{locale!r} is not a locale: write language_COUNTRY, such as en_US or en_GB", field
        )
    return normal


def create_company(
    *,
    seeker: Seeker,
    name: str,
    zone: str = "",
    country: str = "",
    subdiv: str = "",
    locale: str = "",
    local: bool = False,
    phone: str = "",
    address: str = "",
) -> Company:
    """A company of the seeker's; its locale (how it writes dates) defaults from its country."""
    name = one_line(name, field="company", max_length=limit(Company, "name"))
    if not name:
        raise ServiceError("the company needs a name", "company")
    phone = one_line(phone, field="phone", max_length=limit(Company, "phone"))
    address = one_line(address, field="address", max_length=limit(Company, "address"))
    zone = zone.strip() or seeker.zone
    try:
        zone_named(zone)
    except CalendarError as exc:
        raise ServiceError(str(exc), "zone") from None
    try:
        country, sd = check_country(country or seeker.country, subdiv or None)
    except CalendarError as exc:
        raise ServiceError(str(exc), "subdiv" if "subdivision" in str(exc) else "country") from None
    locale = check_locale(locale.strip()) if locale.strip() else locale_for_country(country)
    try:
        with transaction.atomic():
            return Company.objects.create(
                seeker=seeker,
                name=name,
                zone=zone,
                country=country,
                subdiv=sd or "",
                locale=locale,
                local=local,
                phone=phone,
                address=address,
            )
    except IntegrityError:
        if Company.with_trash.filter(seeker=seeker, name=name, trashed_at__isnull=False).exists():
            raise ServiceError(
                f"a company named {name!r} is in the Trash: restore it, or empty the Trash",
                "company",
            ) from None
        raise ServiceError(f"you already have a company named {name!r}", "company") from None


def create_campaign(
    *,
    seeker: Seeker,
    company: Company,
    role: str,
    contact_name: str = "",
    contact_title: str = "",
    contact_phone: str = "",
    way_through: str = "",
) -> Campaign:
    role = one_line(role, field="role", max_length=limit(Campaign, "role"))
    if not role:
        raise ServiceError("name the role you interviewed for", "role")
    contact_name = one_line(contact_name, field="contact_name", max_length=limit(Contact, "name"))
    contact_title = one_line(
        contact_title, field="contact_title", max_length=limit(Contact, "title")
    )
    contact_phone = one_line(
        contact_phone, field="contact_phone", max_length=limit(Contact, "phone")
    )
    way_through = one_line(
        way_through, field="way_through", max_length=limit(Contact, "way_through")
    )
    if company.seeker_id != seeker.pk:
        raise ServiceError("no such company", "company")
    with transaction.atomic():
        contact = None
        if contact_name:
            contact = Contact.objects.create(
                seeker=seeker,
                company=company,
                name=contact_name,
                title=contact_title,
                phone=contact_phone,
                way_through=way_through,
            )
        return Campaign.objects.create(seeker=seeker, company=company, role=role, contact=contact)


def start_campaign(
    *,
    seeker: Seeker,
    role: str,
    interview_at: dt.datetime,
    company: Company | None = None,
    company_name: str = "",
    company_zone: str = "",
    company_country: str = "",
    company_subdiv: str = "",
    company_locale: str = "",
    company_local: bool = False,
    company_phone: str = "",
    contact_name: str = "",
    contact_title: str = "",
    contact_phone: str = "",
    promise_text: str = "",
    reading: int | None = None,
    call_on: dt.date | None = None,
    lang: str | None = None,
    permission: PermissionAnswer = PermissionAnswer.NOT_ASKED,
    agreed_at: dt.datetime | None = None,
    way_through: str = "",
    now: dt.datetime | None = None,
    actor: Actor | None = None,
) -> Result:
    """A new opportunity from its first interview: the company (an existing one or a new one),
    the campaign and the interview, all or nothing, so a refused interview leaves no stray
    company or campaign behind. Errors about the new company name its `company_*` field."""
    with transaction.atomic():
        if company is None:
            try:
                company = create_company(
                    seeker=seeker,
                    name=company_name,
                    zone=company_zone,
                    country=company_country,
                    subdiv=company_subdiv,
                    locale=company_locale,
                    local=company_local,
                    phone=company_phone,
                )
            except ServiceError as exc:
                field = "company_name" if exc.field == "company" else f"company_{exc.field}"
                raise ServiceError(exc.message, field) from None
        campaign = create_campaign(
            seeker=seeker,
            company=company,
            role=role,
            contact_name=contact_name,
            contact_title=contact_title,
            contact_phone=contact_phone,
        )
        now = now or timezone.now()
        campaign, calendar = _lock(campaign)
        with history.recorded(
            campaigns=[campaign],
            actor=actor or Actor.seeker(seeker),
            kind="start",
            summary=f"Started: {campaign.role} at {company.name}",
            now=now,
            undoable=False,
        ):
            return _interview(
                campaign,
                calendar,
                at=interview_at,
                with_name=contact_name,
                notes="",
                answer=_answer(
                    promise_text, None, reading, permission, agreed_at, way_through, call_on, lang
                ),
                now=now,
            )


# -- events --------------------------------------------------------------------------------------


def log_interview(
    *,
    campaign: Campaign,
    at: dt.datetime,
    with_name: str = "",
    promise_text: str = "",
    said_at: dt.datetime | None = None,
    reading: int | None = None,
    call_on: dt.date | None = None,
    lang: str | None = None,
    permission: PermissionAnswer = PermissionAnswer.NOT_ASKED,
    agreed_at: dt.datetime | None = None,
    way_through: str = "",
    notes: str = "",
    now: dt.datetime | None = None,
    actor: Actor | None = None,
) -> Result:
    """An interview (ahead or past) with its promise and the answer to the closing ask.

    An ambiguous promise needs `reading` (1 is the first reading shown); with no date in the
    words, `call_on` moves the check-in to the seeker's day (METHOD §5.2). `lang` says which
    language the promise was said in. The same interview twice (same campaign, same time) is
    refused: one interview, one thank-you.
    """
    now = now or timezone.now()
    with_name = one_line(with_name, field="with_name", max_length=limit(Interview, "with_name"))
    notes = text(notes, field="notes")
    with transaction.atomic():
        campaign, calendar = _lock(campaign)
        answer = _answer(
            promise_text, said_at, reading, permission, agreed_at, way_through, call_on, lang
        )
        at = _aware(at, calendar, "at")
        with history.recorded(
            campaigns=[campaign],
            actor=_who(actor, campaign),
            kind="interview",
            summary=f"Interview logged for {history.moment(campaign.seeker, at)}",
            now=now,
        ):
            return _interview(
                campaign, calendar, at=at, with_name=with_name, notes=notes, answer=answer, now=now
            )


def _interview(
    campaign: Campaign,
    calendar: BusinessCalendar,
    *,
    at: dt.datetime,
    with_name: str,
    notes: str,
    answer: InterviewAnswer,
    now: dt.datetime,
) -> Result:
    at = _aware(at, calendar, "at")
    same = campaign.interviews.filter(at=at).first()
    if same is not None:
        raise ServiceError(
            f"this interview is already logged (interview {same.pk}, "
            f"{history.moment(campaign.seeker, same.at)}): record what was said on it instead",
            "at",
        )
    interview = Interview(campaign=campaign, at=at, with_name=with_name, notes=notes)
    return _debrief(campaign, interview, answer, calendar=calendar, now=now, first=True)


def record_interview_answer(
    *,
    interview: Interview,
    promise_text: str = "",
    said_at: dt.datetime | None = None,
    reading: int | None = None,
    call_on: dt.date | None = None,
    lang: str | None = None,
    permission: PermissionAnswer = PermissionAnswer.NOT_ASKED,
    agreed_at: dt.datetime | None = None,
    way_through: str = "",
    now: dt.datetime | None = None,
    actor: Actor | None = None,
) -> Result:
    """What was said at an interview logged before it happened: the promise and the answer to
    the closing ask. The follow-up is planned again from it; the thank-you stays as planned."""
    now = now or timezone.now()
    with transaction.atomic():
        campaign, calendar = _lock(interview.campaign)
        answer = _answer(
            promise_text, said_at, reading, permission, agreed_at, way_through, call_on, lang
        )
        when = history.moment(campaign.seeker, interview.at)
        with history.recorded(
            campaigns=[campaign],
            actor=_who(actor, campaign),
            kind="interview_answer",
            summary=f"What was said at the interview of {when}",
            now=now,
        ):
            return _debrief(campaign, interview, answer, calendar=calendar, now=now, first=False)


def _debrief(
    campaign: Campaign,
    interview: Interview,
    answer: InterviewAnswer,
    *,
    calendar: BusinessCalendar,
    now: dt.datetime,
    first: bool,
) -> Result:
    """Plan from an interview's promise and permission (refusing before anything is written),
    then store the interview, the promise and the plan."""
    plan = planning.plan_interview(
        seeker=campaign.seeker,
        campaign=campaign,
        state=state_of(campaign),
        locale=campaign.company.locale,
        at=interview.at,
        answer=answer,
        calendar=calendar,
        now=now,
        first=first,
    )
    way_through = answer.way_through
    interview.permission = answer.permission.value
    interview.agreed_at = plan.agreed_at
    interview.way_through = way_through
    interview.save()
    if way_through and campaign.contact:
        campaign.contact.way_through = way_through
        campaign.contact.save(update_fields=["way_through"])
    promise = None
    if plan.promise is not None:
        promise = _store_promise(
            campaign, plan.promise, answer.promise_text, plan.said_at, interview
        )
    actions = _write(campaign, plan.step, now=now, calendar=calendar)
    return Result(campaign, actions, promise, plan.step.closing_ask, plan.step.note)


def _promise_text(value: str) -> str:
    return text(value, field="promise", max_length=MAX_TEXT_CHARS)


def _answer(
    promise_text: str,
    said_at: dt.datetime | None,
    reading: int | None,
    permission: PermissionAnswer,
    agreed_at: dt.datetime | None,
    way_through: str,
    call_on: dt.date | None,
    lang: str | None,
) -> InterviewAnswer:
    """What was said at an interview, its words checked before anything is read or planned."""
    way_through = one_line(
        way_through, field="way_through", max_length=limit(Interview, "way_through")
    )
    if call_on is not None:
        day(call_on, field="call_on")
    promise = _promise_text(promise_text)
    return InterviewAnswer(
        promise, said_at, reading, permission, agreed_at, way_through, call_on, lang
    )


def log_outcome(
    *,
    action: Action,
    outcome: Outcome,
    at: dt.datetime | None = None,
    callback_at: dt.datetime | None = None,
    promise_text: str = "",
    interview_at: dt.datetime | None = None,
    note: str = "",
    lesson: str = "",
    now: dt.datetime | None = None,
    actor: Actor | None = None,
) -> Result:
    """What happened on a planned step, at the time it happened (`at`, default now).

    On a step that is not due yet, `at` must be given: the seeker is asked when it happened
    (`NeedsConfirmation`) rather than the outcome being stamped now. Retries are planned from
    `at`. A second outcome for the same step (a double tap, two tabs) is refused. Confirming a
    close-out keeps the `lesson` learned, as `close_out` does."""
    now = now or timezone.now()
    promise_text = _promise_text(promise_text)
    note = text(note, field="note")
    lesson = text(lesson, field="lesson").strip()
    with transaction.atomic():
        campaign, calendar = _lock(action.campaign)
        step = Action.objects.filter(pk=action.pk, status=ActionStatus.PLANNED).first()
        if step is None:
            raise ServiceError("this step already has an outcome; refresh to see the next one")
        if at is None and step.due_at > now and outcome not in _NOT_DONE_BY_THE_SEEKER:
            raise NeedsConfirmation(early_question(step, campaign.seeker, now), "at")
        at = _aware(at or now, calendar, "at")
        if at > now + CLOCK_SLACK:
            raise ServiceError("that time is still ahead: give the time it happened", "at")
        if callback_at is not None:
            callback_at = _aware(callback_at, calendar, "callback_at")
        if interview_at is not None:
            interview_at = _aware(interview_at, calendar, "interview_at")
        noun = history.STEP_NOUNS[ActionKind(step.kind)]
        with history.recorded(
            campaigns=[campaign],
            actor=_who(actor, campaign),
            kind="outcome",
            summary=f"{outcome.label.capitalize()}: {noun} of "
            f"{history.moment(campaign.seeker, step.due_at)}",
            now=now,
        ):
            Action.objects.filter(pk=step.pk).update(
                status=ActionStatus.SKIPPED if outcome is Outcome.SKIPPED else ActionStatus.DONE,
                closed_at=now,
            )
            result = _outcome(
                campaign,
                step,
                outcome,
                at=at,
                callback_at=callback_at,
                promise_text=promise_text,
                interview_at=interview_at,
                note=note,
                calendar=calendar,
                now=now,
            )
            if lesson and step.kind == ActionKind.CLOSE_OUT and outcome is Outcome.DONE:
                campaign.lesson = lesson
                campaign.save(update_fields=["lesson", "updated_at"])
            return result


#: How far past the server's clock an outcome's time may be: a phone's clock runs a little ahead.
CLOCK_SLACK = dt.timedelta(minutes=2)


#: Outcomes that are not the seeker doing the step: their time is now unless told otherwise.
_NOT_DONE_BY_THE_SEEKER = frozenset({Outcome.SKIPPED, Outcome.THEY_CALLED})

#: What the seeker would have done on each kind of step, for the question about its time.
_DID = {
    ActionKind.THANK_YOU: "send the thank-you note",
    ActionKind.CALL: "call",
    ActionKind.CALLBACK: "call back",
    ActionKind.VISIT: "visit",
    ActionKind.LEAVE_NOTE: "print the note",
    ActionKind.REQUEST_WRITTEN_OFFER: "ask for the offer in writing",
    ActionKind.CLOSE_OUT: "close out",
}


def early_question(step: Action, seeker: Seeker, now: dt.datetime) -> str:
    """ "This call is planned for tomorrow at 9:00 AM. Did you call earlier?" """
    kind = ActionKind(step.kind)
    noun = history.STEP_NOUNS[kind].removeprefix("the ")
    when = history.moment(seeker, step.due_at, now=now)
    return f"This {noun} is planned for {when}. Did you {_DID[kind]} earlier?"


def _outcome(
    campaign: Campaign,
    action: Action,
    outcome: Outcome,
    *,
    at: dt.datetime,
    callback_at: dt.datetime | None,
    promise_text: str,
    interview_at: dt.datetime | None,
    note: str,
    calendar: BusinessCalendar,
    now: dt.datetime,
) -> Result:
    promise = None
    if promise_text.strip():
        reading = planning.read(promise_text, at, calendar, locale=campaign.company.locale)
        promise = _store_promise(campaign, reading, promise_text, at)
    Touch.objects.create(
        campaign=campaign,
        action=action,
        outcome=outcome.value,
        at=at,
        callback_at=callback_at,
        note=note,
    )
    if interview_at is not None and ladder.reply_to(outcome, interview_at) is Reply.INTERVIEW:
        _new_interview(campaign, interview_at)
    event = ladder.OutcomeLogged(
        kind=ActionKind(action.kind),
        outcome=outcome,
        at=at,
        callback_at=callback_at,
        promise_latest=promise.latest if promise else None,
        promise_text=(promise.matched or promise.text) if promise else None,
        interview_at=interview_at,
        promise_terms=planning.terms_of(promise) if promise else None,
    )
    step, actions = _apply(campaign, event, now=now, calendar=calendar)
    return Result(campaign, actions, promise, step.closing_ask, step.note)


def _new_interview(campaign: Campaign, at: dt.datetime) -> None:
    """An interview the company set up; the same one told twice is kept once."""
    if not campaign.interviews.filter(at=at).exists():
        Interview.objects.create(campaign=campaign, at=at)


def log_inbound(
    *,
    campaign: Campaign,
    reply: Reply = Reply.PENDING,
    at: dt.datetime | None = None,
    promise_text: str = "",
    interview_at: dt.datetime | None = None,
    note: str = "",
    now: dt.datetime | None = None,
    actor: Actor | None = None,
) -> Result:
    """The company got in touch first: the chase stops and the next step follows the reply."""
    now = now or timezone.now()
    promise_text = _promise_text(promise_text)
    note = text(note, field="note")
    with transaction.atomic():
        campaign, calendar = _lock(campaign)
        at = _aware(at or now, calendar, "at")
        if at > now + CLOCK_SLACK:
            raise ServiceError("that time is still ahead: give the time they got in touch", "at")
        with history.recorded(
            campaigns=[campaign],
            actor=_who(actor, campaign),
            kind="inbound",
            summary=f"They got in touch ({reply.value.replace('_', ' ')})",
            now=now,
        ):
            return _inbound(campaign, reply, at, promise_text, interview_at, note, calendar, now)


def _inbound(
    campaign: Campaign,
    reply: Reply,
    at: dt.datetime,
    promise_text: str,
    interview_at: dt.datetime | None,
    note: str,
    calendar: BusinessCalendar,
    now: dt.datetime,
) -> Result:
    if interview_at is not None:
        interview_at = _aware(interview_at, calendar, "interview_at")
        _new_interview(campaign, interview_at)
    promise = None
    if promise_text.strip():
        reading = planning.read(promise_text, at, calendar, locale=campaign.company.locale)
        promise = _store_promise(campaign, reading, promise_text, at)
    Touch.objects.create(campaign=campaign, outcome=Outcome.THEY_CALLED.value, at=at, note=note)
    event = ladder.InboundContact(
        at=at,
        reply=reply,
        promise_latest=promise.latest if promise else None,
        promise_text=(promise.matched or promise.text) if promise else None,
        interview_at=interview_at,
        promise_terms=planning.terms_of(promise) if promise else None,
    )
    step, actions = _apply(campaign, event, now=now, calendar=calendar)
    return Result(campaign, actions, promise, step.closing_ask, step.note)


def record_offer(
    *,
    campaign: Campaign,
    written: bool,
    wanted: bool = True,
    at: dt.datetime | None = None,
    salary: str = "",
    start_date: dt.date | None = None,
    terms: str = "",
    letter: IO[bytes] | None = None,
    now: dt.datetime | None = None,
    actor: Actor | None = None,
) -> Result:
    """An offer: verbal (chase it in writing) or written (won, when it is one the seeker wants).

    `letter` is the written offer itself, a PDF kept with the offer (documents app).
    """
    # Imported here: the documents app builds on this module.
    from pursuit.documents.services import checked_pdf, keep_offer_letter

    if letter is not None and not written:
        raise ServiceError("a letter comes with a written offer", "letter")
    # Read and checked before anything is written: a bad file leaves no offer behind.
    salary = one_line(salary, field="salary", max_length=limit(Offer, "salary"))
    terms = text(terms, field="terms")
    if start_date is not None:
        day(start_date, field="start_date")
    checked = checked_pdf(letter, field="letter") if letter is not None else None
    now = now or timezone.now()
    with transaction.atomic():
        campaign, calendar = _lock(campaign)
        at = _aware(at or now, calendar, "at")
        with history.recorded(
            campaigns=[campaign],
            actor=_who(actor, campaign),
            kind="offer",
            summary=f"{'Written' if written else 'Verbal'} offer recorded",
            now=now,
        ):
            offer = Offer.objects.create(
                campaign=campaign,
                written=written,
                wanted=wanted,
                at=at,
                salary=salary,
                start_date=start_date,
                terms=terms,
            )
            event = ladder.OfferLogged(at=at, written=written, wanted=wanted)
            step, actions = _apply(campaign, event, now=now, calendar=calendar)
            if checked is not None:
                # Last, so that a refusal above never leaves a stored file behind.
                keep_offer_letter(offer=offer, letter=checked)
            return Result(campaign, actions, None, None, step.note)


def close_out(
    *,
    campaign: Campaign,
    lesson: str = "",
    now: dt.datetime | None = None,
    actor: Actor | None = None,
) -> Result:
    """The seeker confirms they are out of the running; what they learned is kept."""
    now = now or timezone.now()
    lesson = text(lesson, field="lesson")
    with transaction.atomic():
        campaign, calendar = _lock(campaign)
        with history.recorded(
            campaigns=[campaign],
            actor=_who(actor, campaign),
            kind="close_out",
            summary="Closed out",
            now=now,
        ):
            step, _ = _apply(campaign, ladder.CloseOutConfirmed(at=now), now=now, calendar=calendar)
            if lesson.strip():
                campaign.lesson = lesson.strip()
                campaign.save(update_fields=["lesson", "updated_at"])
            return Result(campaign, [], None, None, step.note)


def reopen(
    *, campaign: Campaign, now: dt.datetime | None = None, actor: Actor | None = None
) -> Result:
    return _simple(campaign, ladder.Reopened, now, actor, "reopen", "Reopened")


def withdraw(
    *, campaign: Campaign, now: dt.datetime | None = None, actor: Actor | None = None
) -> Result:
    return _simple(campaign, ladder.Withdrawn, now, actor, "withdraw", "Withdrew")


def _simple(
    campaign: Campaign,
    make: Any,
    now: dt.datetime | None,
    actor: Actor | None,
    kind: str,
    summary: str,
) -> Result:
    now = now or timezone.now()
    with transaction.atomic():
        campaign, calendar = _lock(campaign)
        with history.recorded(
            campaigns=[campaign], actor=_who(actor, campaign), kind=kind, summary=summary, now=now
        ):
            step, actions = _apply(campaign, make(at=now), now=now, calendar=calendar)
            return Result(campaign, actions, None, None, step.note)


def move_action(
    *,
    action: Action,
    due_at: dt.datetime | None = None,
    next_slot: bool = False,
    confirm: bool = False,
    now: dt.datetime | None = None,
    actor: Actor | None = None,
) -> Action:
    """The seeker moves a planned step (the only one of a campaign too) to `due_at`, or with
    `next_slot` to the first free time in its window on a later business day.

    A move onto a closed day, outside the hours to reach them, or off a time they agreed to is
    asked first (`NeedsConfirmation`) and made with `confirm`. A step moved off an agreed time
    is planned as rescheduled: its script stops saying they asked for a call then."""
    if (due_at is None) == (not next_slot):
        raise ServiceError("give the new time, or ask for the next good slot", "due_at")
    now = now or timezone.now()
    with transaction.atomic():
        campaign, calendar = _lock(action.campaign)
        action = Action.objects.select_for_update().get(pk=action.pk)
        if action.status != ActionStatus.PLANNED:
            raise ServiceError("only a planned step can be moved")
        seeker, kind = campaign.seeker, ActionKind(action.kind)
        window = Window(action.window) if action.window else None
        if due_at is None:
            try:
                due_at, window = moves.next_good_slot(
                    kind,
                    action.due_at,
                    window,
                    calendar=calendar,
                    playbook=seeker.playbook,
                    now=now,
                    busy=as_busy(_busy(action, now)),
                )
            except CalendarError as exc:
                raise ServiceError(str(exc), "due_at") from None
        else:
            due_at = _aware(due_at, calendar, "due_at")
            window = None
        if due_at <= now:
            raise ServiceError("pick a time that is still ahead", "due_at")
        basis = Basis(action.basis)
        warnings = moves.move_warnings(due_at, basis, calendar=calendar, playbook=seeker.playbook)
        if warnings and not confirm:
            said = "; ".join(warnings)
            raise NeedsConfirmation(f"{said[0].upper()}{said[1:]}: move anyway?", "due_at")
        noun = history.STEP_NOUNS[kind]
        with history.recorded(
            campaigns=[campaign],
            actor=_who(actor, campaign),
            kind="move",
            summary=f"Moved {noun} from {history.moment(seeker, action.due_at)} "
            f"to {history.moment(seeker, due_at)}",
            now=now,
        ):
            if basis in (Basis.AGREED, Basis.CALLBACK):
                action.basis = Basis.RESCHEDULED.value
            action.due_at = due_at
            action.window = window.value if window else ""
            # The words follow the time and the basis: a call moved off its agreed time must
            # stop saying that the contact asked for a call at this time.
            action.script = script_for(kind, Basis(action.basis), due_at, facts_for(campaign))
            action.save(update_fields=["due_at", "window", "basis", "script"])
            return action


def choose_check_in_day(
    *,
    campaign: Campaign,
    day: dt.date,
    now: dt.datetime | None = None,
    actor: Actor | None = None,
) -> Result:
    """No date was said, and the seeker picks the day of the check-in call: the planned one is
    replaced by a call planned for that day (METHOD §5.2)."""
    now = now or timezone.now()
    with transaction.atomic():
        campaign, calendar = _lock(campaign)
        planned = Action.objects.filter(
            campaign=campaign, status=ActionStatus.PLANNED, kind=ActionKind.CALL
        )
        if not planned.filter(basis=Basis.NO_PROMISE).exists():
            raise ServiceError(
                "only a check-in planned because no date was said can move to another day",
                "call_on",
            )
        if day < calendar.today(now):
            raise ServiceError(f"pick {calendar.today(now).isoformat()} or later", "call_on")
        event = ladder.CheckInDayChosen(at=now, day=day)
        with history.recorded(
            campaigns=[campaign],
            actor=_who(actor, campaign),
            kind="check_in",
            summary=f"Check-in call moved to {day:%A} {day.isoformat()}",
            now=now,
        ):
            step, actions = _apply(campaign, event, now=now, calendar=calendar)
            return Result(campaign, actions, None, None, step.note)


def _busy(action: Action, now: dt.datetime) -> list[dt.datetime]:
    """The seeker's other planned steps near enough to be in a new slot's way."""
    return list(
        Action.objects.filter(seeker_id=action.seeker_id, status=ActionStatus.PLANNED)
        .exclude(pk=action.pk)
        .filter(due_at__gte=now - dt.timedelta(days=1), due_at__lte=now + BUSY_HORIZON)
        .values_list("due_at", flat=True)
    )
