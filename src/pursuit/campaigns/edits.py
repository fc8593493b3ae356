"""Corrections: every field the seeker typed can be changed, and the plan follows.

Each function is keyword-only and one transaction. A field left as None keeps its value. Each
takes the `version` the seeker's copy was read at: when another write has changed the row since
(two tabs, the web and the CLI), the edit is refused with `Changed`, which carries the current
value, instead of overwriting it. An edit that changes what the plan hangs on (the company's
zone, country, closures or `local` flag, the interview's time, the promise) places the open
steps again through the ladder (method/replan.py) and says which moved and why.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, models, transaction
from django.forms.models import model_to_dict
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
    Trashable,
)
from pursuit.campaigns.services import (
    BUSY_HORIZON,
    _aware,
    _lock,
    _promise_text,
    calendar_for,
    facts_for,
    state_of,
    store_planned,
)
from pursuit.errors import ServiceError
from pursuit.method.calendar import BusinessCalendar, CalendarError, check_country, zone_named
from pursuit.method.playbook import PlaybookError
from pursuit.method.replan import Anchors, OpenStep, replan
from pursuit.method.scripts import ScriptFacts, script_for
from pursuit.method.slots import NoFreeSlot
from pursuit.method.vocab import ActionKind, ActionStatus, Basis, Window
from pursuit.validation import day, limit, one_line, text
from pursuit.validation import email as email_address
from pursuit.web import format as fmt


class Changed(ServiceError):
    """The row changed since the seeker read it; `current` is its value now."""

    def __init__(self, row: models.Model, current: dict[str, Any]) -> None:
        name = row._meta.verbose_name
        super().__init__(
            f"this {name} was changed meanwhile (in another tab or by another device): "
            "here is the new value; check it and save again"
        )
        self.current = current


#: Steps named as things in a sentence ("the call moved …").
_NOUNS = {
    "thank_you": "thank-you note",
    "leave_note": "printing of the note",
    "request_written_offer": "request for the written offer",
}


@dataclass(frozen=True)
class Moved:
    """A planned step the edit moved: where it was, and why it moved."""

    action: Action
    was: dt.datetime
    because: str

    def text(self, seeker: Seeker) -> str:
        """ "the call moved from Monday, Nov 30 at 9:00 AM to Tuesday, Dec 1 at 9:00 AM because
        …", in the seeker's zone and clock."""
        zone = zone_named(seeker.zone)
        twelve = fmt.twelve_hour(seeker.locale)

        def at(moment: dt.datetime) -> str:
            local = moment.astimezone(zone)
            day = fmt.short_date(local.date(), twelve)
            return f"{local:%A}, {day} at {fmt.clock(local, twelve)}"

        kind = _NOUNS.get(self.action.kind, self.action.kind.replace("_", " "))
        moved = f"from {at(self.was)} to {at(self.action.due_at)}"
        return f"the {kind} moved {moved} because {self.because}"


@dataclass
class Edited[R: models.Model]:
    row: R
    moved: list[Moved] = field(default_factory=list)


#: What an edit may change, per model: the fields shown back to a second writer.
FIELDS: dict[type[models.Model], tuple[str, ...]] = {
    Company: (
        "name",
        "zone",
        "country",
        "subdiv",
        "local",
        "phone",
        "address",
        "closure_days",
    ),
    Contact: ("name", "role", "title", "phone", "email", "way_through", "address_as"),
    Campaign: ("role", "contact", "job_url", "salary_note", "notes", "source"),
    Interview: ("at", "with_name"),
    Promise: ("text", "latest"),
    Offer: ("written", "wanted", "at", "salary", "start_date", "terms"),
}


def current(row: models.Model) -> dict[str, Any]:
    """The editable fields of `row` and its version, as a second writer is shown them."""
    values = model_to_dict(row, fields=FIELDS[type(row)])
    values["id"] = row.pk
    values["version"] = row.version  # type: ignore[attr-defined]
    return values


def _locked[R: models.Model](model: type[R], row: R, version: int | None) -> R:
    """The row re-read under a lock; refused when the seeker's copy is older than it."""
    fresh = model._default_manager.select_for_update().get(pk=row.pk)
    if version is not None and version != fresh.version:  # type: ignore[attr-defined]
        raise Changed(fresh, current(fresh))
    return fresh


def _diff(row: Trashable | Promise, changes: dict[str, Any]) -> dict[str, Any]:
    """The changes that differ from the row (None: not given)."""
    return {k: v for k, v in changes.items() if v is not None and getattr(row, k) != v}


def _apply(row: Trashable | Promise, diff: dict[str, Any]) -> None:
    for key, value in diff.items():
        setattr(row, key, value)
    row.version += 1
    row.save(update_fields=[*diff, "version"])


@contextmanager
def _recorded(
    campaigns: list[Campaign],
    *,
    actor: Actor | None,
    seeker: Seeker,
    what: str,
    diff: dict[str, Any],
    now: dt.datetime,
) -> Iterator[None]:
    """The edit, recorded in the history of the campaigns it touches (undoable there)."""
    fields = ", ".join(k.replace("_", " ") for k in diff)
    with history.recorded(
        campaigns=campaigns,
        actor=actor or Actor.seeker(seeker),
        kind="edit",
        summary=f"Corrected {what}: {fields}" if fields else what,
        now=now,
    ):
        yield


def _line(
    model: type[models.Model], name: str, value: str | None, *, required: bool = False
) -> str | None:
    """A one-line field as the shared rules take it; None (not given) stays None."""
    if value is None:
        return None
    value = one_line(value, field=name, max_length=limit(model, name))
    if required and not value:
        raise ServiceError(f"the {name.replace('_', ' ')} cannot be empty", name)
    return value


def _text(value: str | None, name: str) -> str | None:
    return None if value is None else text(value, field=name)


# -- the company ---------------------------------------------------------------------------------


def edit_company(
    *,
    company: Company,
    version: int | None = None,
    name: str | None = None,
    zone: str | None = None,
    country: str | None = None,
    subdiv: str | None = None,
    local: bool | None = None,
    phone: str | None = None,
    address: str | None = None,
    closure_days: list[dt.date] | None = None,
    now: dt.datetime | None = None,
    actor: Actor | None = None,
) -> Edited[Company]:
    """Correct a company. A new zone, country, subdivision, closure days or `local` flag plans
    the open steps of its campaigns again."""
    now = now or timezone.now()
    if zone is not None:
        zone = zone.strip()
        try:
            zone_named(zone)
        except CalendarError as exc:
            raise ServiceError(str(exc), "zone") from None
    with transaction.atomic():
        company = _locked(Company, company, version)
        if country is not None or subdiv is not None:
            try:
                cc, sd = check_country(
                    company.country if country is None else country,
                    company.subdiv if subdiv is None else subdiv,
                )
            except CalendarError as exc:
                where = "subdiv" if "subdivision" in str(exc) else "country"
                raise ServiceError(str(exc), where) from None
            country, subdiv = cc, sd or ""
        diff = _diff(
            company,
            {
                "name": _line(Company, "name", name, required=True),
                "zone": zone,
                "country": country,
                "subdiv": subdiv,
                "local": local,
                "phone": _line(Company, "phone", phone),
                "address": _line(Company, "address", address),
                "closure_days": (
                    sorted({day(d, field="closure_days").isoformat() for d in closure_days})
                    if closure_days is not None
                    else None
                ),
            },
        )
        if not diff:
            return Edited(company)
        was = {k: getattr(company, k) for k in ("zone", "country", "subdiv", "local")}
        was_days = list(company.closure_days)
        campaigns = [_lock(c)[0] for c in company.campaigns.order_by("pk")]
        moved: list[Moved] = []
        with _recorded(
            campaigns,
            actor=actor,
            seeker=company.seeker,
            what=f"the company {company.name}",
            diff=diff,
            now=now,
        ):
            try:
                with transaction.atomic():
                    _apply(company, diff)
            except IntegrityError:
                raise ServiceError(f"you already have a company named {name!r}", "name") from None
            because = _why_company(was, was_days, company)
            for campaign in campaigns:
                if campaign.status_enum.is_open:
                    campaign.company = company
                    old = _calendar_as(campaign, **was, closure_days=was_days)
                    moved += _follow(campaign, was=old, because=because, now=now)
        return Edited(company, moved)


def _why_company(was: dict[str, Any], was_days: list[str], company: Company) -> str | None:
    """Why the plan moves, or None when nothing it hangs on changed."""
    if was["zone"] != company.zone:
        return "the company's time zone changed"
    if (was["country"], was["subdiv"]) != (company.country, company.subdiv):
        return "the company's country changed"
    if was_days != company.closure_days:
        return "the company's closure days changed"
    if was["local"] != company.local:
        return "the company is now local" if company.local else "the company is no longer local"
    return None


def _calendar_as(campaign: Campaign, **was: Any) -> BusinessCalendar:
    """The calendar the campaign's steps were placed with, before the edit."""
    before = Company(**{k: getattr(campaign.company, k) for k in ("name", "open_days")}, **was)
    return calendar_for(before, campaign.seeker)


# -- planning again ------------------------------------------------------------------------------


def _follow(
    campaign: Campaign, *, was: BusinessCalendar | None, because: str | None, now: dt.datetime
) -> list[Moved]:
    """After an edit of `campaign` (locked): with a reason, its open steps are placed again;
    without one, only their words are written again (a name or a phone changed)."""
    planned = list(Action.objects.filter(campaign=campaign, status=ActionStatus.PLANNED))
    if not planned:
        return []
    calendar = calendar_for(campaign.company, campaign.seeker)
    facts = facts_for(campaign)
    if because is None:
        for a in planned:
            a.script = _words(a, calendar, facts)
        Action.objects.bulk_update(planned, ["script"])
        return []
    seeker = campaign.seeker
    busy = list(
        Action.objects.filter(seeker=seeker, status=ActionStatus.PLANNED)
        .exclude(campaign=campaign)
        .filter(due_at__gte=now - dt.timedelta(days=1), due_at__lte=now + BUSY_HORIZON)
        .values_list("due_at", flat=True)
    )
    steps = [
        OpenStep(
            a.pk,
            ActionKind(a.kind),
            a.due_at,
            Window(a.window) if a.window else None,
            Basis(a.basis),
            a.reason,
        )
        for a in planned
    ]
    try:
        result = replan(
            state_of(campaign),
            steps,
            anchors=_anchors(campaign),
            was=was or calendar,
            playbook=seeker.playbook,
            calendar=calendar,
            now=now,
            busy=busy,
        )
    except (CalendarError, PlaybookError, NoFreeSlot) as exc:
        raise ServiceError(f"the plan cannot follow this change: {exc}") from None
    moved = []
    for a in planned:
        if a.pk in result.cancel:
            a.status, a.closed_at = ActionStatus.CANCELLED, now
            continue
        new = result.placed.get(a.pk)
        if new is None:
            a.script = _words(a, calendar, facts)
            continue
        if new.due != a.due_at:
            moved.append(Moved(a, a.due_at, because))
        a.due_at, a.zone, a.kind = new.due, calendar.zone.key, new.kind.value
        a.window = new.window.value if new.window else ""
        a.basis, a.reason, a.script = new.basis.value, new.reason[:300], new.script
    Action.objects.bulk_update(
        planned,
        ["status", "closed_at", "due_at", "zone", "kind", "window", "basis", "reason", "script"],
    )
    added = store_planned(campaign, result.actions, calendar=calendar)
    return moved + [Moved(a, a.due_at, because) for a in added]


def _words(action: Action, calendar: BusinessCalendar, facts: ScriptFacts) -> str:
    """A step's script written again; its times read in the company's zone, as planned."""
    due = calendar.local(action.due_at)
    return script_for(ActionKind(action.kind), Basis(action.basis), due, facts)


def _anchors(campaign: Campaign) -> Anchors:
    last = campaign.interviews.order_by("-at").first()
    promise = campaign.promises.order_by("-said_at", "-id").first()
    return Anchors(
        interview_at=last.at if last else None,
        promise_latest=promise.latest if promise else None,
        agreed_at=last.agreed_at if last else None,
    )


# -- contacts ------------------------------------------------------------------------------------


def _role(role: str | None) -> str | None:
    if role is not None and role not in Contact.Role.values:
        choices = ", ".join(Contact.Role.values)
        raise ServiceError(f"unknown role {role!r}: use one of {choices}", "role")
    return role


def add_contact(
    *,
    company: Company,
    name: str,
    role: str = Contact.Role.DECISION_MAKER,
    title: str = "",
    phone: str = "",
    email: str = "",
    way_through: str = "",
    address_as: str = "",
    now: dt.datetime | None = None,
    actor: Actor | None = None,
) -> Contact:
    """A person at the company: the decision maker, an interviewer, or a gatekeeper (the
    receptionist or an assistant), whom the scripts then greet by name."""
    now = now or timezone.now()
    fields = {
        "name": _line(Contact, "name", name, required=True) or "",
        "role": _role(role) or Contact.Role.DECISION_MAKER,
        "title": _line(Contact, "title", title) or "",
        "phone": _line(Contact, "phone", phone) or "",
        "email": email_address(email, field="email") if email.strip() else "",
        "way_through": _line(Contact, "way_through", way_through) or "",
        "address_as": _line(Contact, "address_as", address_as) or "",
    }
    with transaction.atomic():
        campaigns = [_lock(c)[0] for c in company.campaigns.order_by("pk")]
        what = f"Added {fields['name']} to the people at {company.name}"
        with _recorded(campaigns, actor=actor, seeker=company.seeker, what=what, diff={}, now=now):
            contact = Contact.objects.create(seeker_id=company.seeker_id, company=company, **fields)
            _rewrite(campaigns, now=now)
        return contact


def edit_contact(
    *,
    contact: Contact,
    version: int | None = None,
    name: str | None = None,
    role: str | None = None,
    title: str | None = None,
    phone: str | None = None,
    email: str | None = None,
    way_through: str | None = None,
    address_as: str | None = None,
    now: dt.datetime | None = None,
    actor: Actor | None = None,
) -> Edited[Contact]:
    now = now or timezone.now()
    with transaction.atomic():
        contact = _locked(Contact, contact, version)
        diff = _diff(
            contact,
            {
                "name": _line(Contact, "name", name, required=True),
                "role": _role(role),
                "title": _line(Contact, "title", title),
                "phone": _line(Contact, "phone", phone),
                "email": email_address(email, field="email") if email and email.strip() else email,
                "way_through": _line(Contact, "way_through", way_through),
                "address_as": _line(Contact, "address_as", address_as),
            },
        )
        if not diff:
            return Edited(contact)
        company = contact.company
        campaigns = [_lock(c)[0] for c in company.campaigns.order_by("pk")]
        what = f"the contact {contact.name}"
        with _recorded(
            campaigns, actor=actor, seeker=company.seeker, what=what, diff=diff, now=now
        ):
            _apply(contact, diff)
            for campaign in campaigns:  # each was read with the contact as it was before the edit
                if campaign.contact_id == contact.pk:
                    campaign.contact = contact
            _rewrite(campaigns, now=now)
        return Edited(contact)


def _rewrite(campaigns: list[Campaign], *, now: dt.datetime) -> None:
    """The scripts of open campaigns name the company's people: write them again."""
    for campaign in campaigns:
        if campaign.status_enum.is_open:
            _follow(campaign, was=None, because=None, now=now)


# -- the campaign, its interviews, promises and offers -------------------------------------------


def edit_campaign(
    *,
    campaign: Campaign,
    version: int | None = None,
    role: str | None = None,
    contact: Contact | None = None,
    job_url: str | None = None,
    salary_note: str | None = None,
    notes: str | None = None,
    source: str | None = None,
    now: dt.datetime | None = None,
    actor: Actor | None = None,
) -> Edited[Campaign]:
    if contact is not None and contact.company_id != campaign.company_id:
        raise ServiceError("pick a contact at this campaign's company", "contact")
    url = _line(Campaign, "job_url", job_url)
    if url and not url.startswith(("http://", "https://")):
        raise ServiceError("the job link starts with http:// or https://", "job_url")
    now = now or timezone.now()
    with transaction.atomic():
        campaign = _locked(Campaign, campaign, version)
        diff = _diff(
            campaign,
            {
                "role": _line(Campaign, "role", role, required=True),
                "contact": contact,
                "job_url": url,
                "salary_note": _line(Campaign, "salary_note", salary_note),
                "notes": _text(notes, "notes"),
                "source": _line(Campaign, "source", source),
            },
        )
        if not diff:
            return Edited(campaign)
        locked, _ = _lock(campaign)
        with _recorded(
            [locked], actor=actor, seeker=locked.seeker, what="the campaign", diff=diff, now=now
        ):
            _apply(campaign, diff)
            locked.refresh_from_db()
            _follow(locked, was=None, because=None, now=now)
        return Edited(campaign)


def edit_interview(
    *,
    interview: Interview,
    version: int | None = None,
    at: dt.datetime | None = None,
    with_name: str | None = None,
    now: dt.datetime | None = None,
    actor: Actor | None = None,
) -> Edited[Interview]:
    """Correct an interview's time or who it was with. A new time moves the thank-you and the
    follow-up that hang on it; a promise said at the interview is read again from the new day."""
    now = now or timezone.now()
    with transaction.atomic():
        campaign, calendar = _lock(interview.campaign)
        interview = _locked(Interview, interview, version)
        new_at = _aware(at, calendar, "at") if at is not None else None
        diff = _diff(
            interview, {"at": new_at, "with_name": _line(Interview, "with_name", with_name)}
        )
        if not diff:
            return Edited(interview)
        was_at = interview.at
        with _recorded(
            [campaign],
            actor=actor,
            seeker=campaign.seeker,
            what="the interview",
            diff=diff,
            now=now,
        ):
            _apply(interview, diff)
            because = None
            if interview.at != was_at:
                because = "the interview's time changed"
                for promise in interview.promises.filter(said_at=was_at):
                    _reread(promise, said_at=interview.at, text=promise.text, calendar=calendar)
            moved = _follow(campaign, was=calendar, because=because, now=now)
        return Edited(interview, moved)


def edit_promise(
    *,
    promise: Promise,
    version: int | None = None,
    text: str | None = None,
    alternative: int | None = None,
    now: dt.datetime | None = None,
    actor: Actor | None = None,
) -> Edited[Promise]:
    """Correct what they promised, or pick another of its readings: the follow-up moves."""
    now = now or timezone.now()
    with transaction.atomic():
        campaign, calendar = _lock(promise.campaign)
        promise = _locked(Promise, promise, version)
        words = promise.text if text is None else _promise_text(text)
        if not words.strip():
            raise ServiceError("say what they promised, e.g. 'by Friday'", "text")
        if words == promise.text and alternative is None:
            return Edited(promise)
        diff = {"text": words} if words != promise.text else {"reading": alternative}
        with _recorded(
            [campaign], actor=actor, seeker=campaign.seeker, what="the promise", diff=diff, now=now
        ):
            _reread(
                promise, said_at=promise.said_at, text=words, calendar=calendar, pick=alternative
            )
            moved = _follow(campaign, was=calendar, because="the promise changed", now=now)
        return Edited(promise, moved)


def _reread(
    promise: Promise,
    *,
    said_at: dt.datetime,
    text: str,
    calendar: BusinessCalendar,
    pick: int | None = None,
) -> None:
    as_read = planning.read(text, said_at, calendar, locale=promise.campaign.company.locale)
    # `pick` counts the other readings from 0; `chosen` counts every reading from 1.
    reading = planning.chosen(as_read, 1 if pick is None else pick + 2)
    promise.text, promise.said_at = text, said_at
    promise.earliest, promise.latest = reading.earliest, reading.latest
    promise.defaulted = reading.defaulted
    promise.kind, promise.confidence = reading.kind.value, reading.confidence
    promise.matched, promise.explanation = reading.matched[:200], reading.explanation[:300]
    promise.alternatives = [
        {"earliest": e.isoformat(), "latest": la.isoformat()} for e, la in reading.alternatives
    ]
    promise.version += 1
    promise.save()


def edit_offer(
    *,
    offer: Offer,
    version: int | None = None,
    salary: str | None = None,
    start_date: dt.date | None = None,
    terms: str | None = None,
    at: dt.datetime | None = None,
    now: dt.datetime | None = None,
    actor: Actor | None = None,
) -> Edited[Offer]:
    """Correct an offer's details. Whether it is written or wanted is not edited here: that is
    an event for the plan (log the written offer, or withdraw)."""
    with transaction.atomic():
        campaign, calendar = _lock(offer.campaign)
        offer = _locked(Offer, offer, version)
        diff = _diff(
            offer,
            {
                "salary": _line(Offer, "salary", salary),
                "start_date": day(start_date, field="start_date") if start_date else None,
                "terms": _text(terms, "terms"),
                "at": _aware(at, calendar, "at") if at is not None else None,
            },
        )
        if diff:
            with _recorded(
                [campaign],
                actor=actor,
                seeker=campaign.seeker,
                what="the offer",
                diff=diff,
                now=now or timezone.now(),
            ):
                _apply(offer, diff)
        return Edited(offer)
