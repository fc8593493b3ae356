"""A campaign's history: who changed what, when and how, and the undo of the last change.

Every write on a campaign runs inside `recorded(...)`, which services wrap around the write in
their transaction, after locking the campaign:

    with transaction.atomic():
        campaign, calendar = _lock(campaign)
        with history.recorded(campaigns=[campaign], actor=actor, kind="outcome",
                              summary="No answer on the call", now=now) as entry:
            ...  # the write; `entry.summary` may still be refined from what it did

Design: snapshots, not inverse operations. Before the write, `recorded` reads the campaign's rows
(the campaign, its company and the company's contacts, interviews, promises, steps, touches and
offers, every column, ids kept) into JSON on the event (`CampaignEvent.before`). Undo puts that
snapshot back exactly: rows the write added are deleted, rows it changed get their old values,
rows it deleted come back under their old ids. So no write needs a hand-written reverse, a write
added later is undoable the day it is recorded, and the ids that calendar feed UIDs and reminder
keys are made of stay what they were. At 50 steps a snapshot is a few tens of kilobytes and a
handful of queries.

Rules that follow from it:
- Only the newest write on a campaign can be undone; undo after undo walks further back (an
  undone event is marked, and the undo itself is recorded but is not undoable: there is no redo).
  A caller that names the event it means (an Undo button on a page) is refused with the newer
  change's summary when another write came after it.
- A write that spans campaigns (a company or contact edit) names every campaign it affects, with
  the company's contacts in each snapshot; its events share a `group`, and undoing it on one of
  the campaigns undoes it on all of them (refused when any of them changed since).
- A write that cannot be undone (a campaign's start: there is nothing before it) is recorded with
  `undoable=False`, for the history alone.
- Reminders: a step or promise that an undo removes takes its pending reminders with it; a
  reminder already sent stays, detached from the row, under its key (`step:<id>:<due>:…`), so
  doing the write again never sends it twice (the planner also skips a step whose moment already
  had a sent reminder that an undo detached; see reminders/planning.py).
- Export carries the history without the snapshots: their ids belong to this database, so an
  imported history reads the same but starts undoable from the first write after the import.

`Actor` says who wrote: a user (today the seeker; later a coach) and the way in (web, cli, api,
worker, import). A write made without one is the seeker's own, recorded as from the web.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.db import connection, models, transaction
from django.db.models import Q

from pursuit.accounts.models import Seeker, User
from pursuit.campaigns.models import (
    Action,
    Campaign,
    CampaignEvent,
    Company,
    Contact,
    Interview,
    Offer,
    Promise,
    Touch,
)
from pursuit.errors import ServiceError
from pursuit.method.calendar import zone_named
from pursuit.method.vocab import ActionKind
from pursuit.reminders.models import Reminder

Via = CampaignEvent.Via
#: The kind of the event an undo leaves in the history.
UNDO = "undo"


@dataclass(frozen=True, slots=True)
class Actor:
    """Who made a write and by which way in. `label` is the name the history shows."""

    user_id: int | None
    via: str
    label: str

    def __post_init__(self) -> None:
        if self.via not in Via.values:
            raise ValueError(f"unknown way in {self.via!r}: one of {', '.join(Via.values)}")

    @classmethod
    def of(cls, user: User, via: str) -> Actor:
        seeker = getattr(user, "seeker", None)
        label = seeker.display_name if isinstance(seeker, Seeker) else user.email
        return cls(user.pk, via, label)

    @classmethod
    def seeker(cls, seeker: Seeker, via: str = Via.WEB) -> Actor:
        return cls(seeker.user_id, via, seeker.display_name)


@dataclass
class Entry:
    """The event being recorded: a service may refine its summary once the write is done."""

    summary: str


# -- snapshots -----------------------------------------------------------------------------------

#: What a snapshot holds, in the order rows may be created (a row's references come before it).
_SCOPE: tuple[tuple[str, type[models.Model], Callable[[Campaign], Q]], ...] = (
    ("company", Company, lambda c: Q(pk=c.company_id)),
    ("contacts", Contact, lambda c: Q(company_id=c.company_id)),
    ("campaign", Campaign, lambda c: Q(pk=c.pk)),
    ("interviews", Interview, lambda c: Q(campaign_id=c.pk)),
    ("promises", Promise, lambda c: Q(campaign_id=c.pk)),
    ("steps", Action, lambda c: Q(campaign_id=c.pk)),
    ("touches", Touch, lambda c: Q(campaign_id=c.pk)),
    ("offers", Offer, lambda c: Q(campaign_id=c.pk)),
)

Rows = dict[str, list[dict[str, Any]]]


def snapshot(campaign: Campaign) -> Rows:
    """Every row a write on the campaign may change, every column, as JSON values."""
    return {
        key: [
            {name: _encode(value) for name, value in row.items()}
            for row in model._base_manager.filter(where(campaign)).order_by("pk").values()
        ]
        for key, model, where in _SCOPE
    }


def _encode(value: Any) -> Any:
    # Full precision: Django's JSON encoder would cut microseconds to milliseconds.
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return value


def _decoder(model: type[models.Model]) -> Callable[[dict[str, Any]], dict[str, Any]]:
    fields = {f.attname: f for f in model._meta.concrete_fields}

    def decode(row: dict[str, Any]) -> dict[str, Any]:
        return {
            name: None if value is None else fields[name].to_python(value)
            for name, value in row.items()
            if name in fields
        }

    return decode


def restore(campaign: Campaign, before: Rows) -> None:
    """Put the campaign's rows back as `before` holds them. The caller holds the transaction."""
    current = {key: where(campaign) for key, _, where in _SCOPE}
    keep = {key: {row["id"] for row in before.get(key, [])} for key, _, _ in _SCOPE}
    # Last made, first gone: a touch goes before the step it points to.
    for key, model, _ in reversed(_SCOPE):
        gone = model._base_manager.filter(current[key]).exclude(pk__in=keep[key])
        if model is Action:
            _detach_sent(Q(action__in=gone))
        elif model is Promise:
            _detach_sent(Q(promise__in=gone))
        gone.delete()
    for key, model, _ in _SCOPE:
        _put_back(model, [_decoder(model)(row) for row in before.get(key, [])])


def _detach_sent(which: Q) -> None:
    """A sent reminder outlives its step or promise, keyed as it was: never sent twice."""
    Reminder.objects.filter(which, status=Reminder.Status.SENT).update(action=None, promise=None)


def _put_back(model: type[models.Model], rows: list[dict[str, Any]]) -> None:
    manager: Any = model._base_manager
    now = {row["id"]: row for row in manager.filter(pk__in=[r["id"] for r in rows]).values()}
    changed = [row for row in rows if row["id"] in now and now[row["id"]] != row]
    missing = [row for row in rows if row["id"] not in now]
    names = [f.attname for f in model._meta.concrete_fields if not f.primary_key]
    if changed:
        manager.bulk_update([model(**row) for row in changed], names)
    if missing:
        manager.bulk_create([model(**row) for row in missing])
        # Creation stamps `auto_now_add` columns with the present; a row coming back keeps its
        # own (rare: only a delete brings rows back).
        stamped = [f.attname for f in model._meta.concrete_fields if getattr(f, "auto_now_add", 0)]
        for row in missing:
            if stamped:
                manager.filter(pk=row["id"]).update(**{name: row[name] for name in stamped})


# -- recording -----------------------------------------------------------------------------------


@contextmanager
def recorded(
    *,
    campaigns: Iterable[Campaign],
    actor: Actor,
    kind: str,
    summary: str,
    now: dt.datetime,
    undoable: bool = True,
) -> Iterator[Entry]:
    """Record the write the block makes on `campaigns`. Use it inside the write's transaction,
    after locking the campaigns, so the snapshot is the state the write starts from; a block
    that raises records nothing (the transaction rolls the write back too)."""
    if not connection.in_atomic_block:
        raise RuntimeError("recorded() belongs inside the write's transaction")
    targets = list(campaigns)
    befores = [snapshot(c) if undoable else None for c in targets]
    entry = Entry(summary)
    yield entry
    group = uuid.uuid4().hex
    CampaignEvent.objects.bulk_create(
        CampaignEvent(
            campaign_id=c.pk,
            group=group,
            at=now,
            user_id=actor.user_id,
            via=actor.via,
            label=actor.label[:120],
            kind=kind,
            summary=_line(entry.summary),
            before=before,
        )
        for c, before in zip(targets, befores, strict=True)
    )


def _line(text: str) -> str:
    """One line, as long as the column holds."""
    one = " ".join(text.split())
    return one if len(one) <= 300 else one[:299] + "…"


# -- reading -------------------------------------------------------------------------------------


def history_of(campaign: Campaign, *, limit: int = 50) -> list[CampaignEvent]:
    """The campaign's latest events, newest first."""
    return list(campaign.events.order_by("-id")[:limit])


def last_write(campaign: Campaign) -> CampaignEvent | None:
    """The write an undo would revert now, if any."""
    return campaign.events.exclude(kind=UNDO).filter(undone_at__isnull=True).order_by("-id").first()


# -- undo ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Undone:
    """What an undo reverted: the event, and every campaign it put back."""

    event: CampaignEvent
    campaigns: list[Campaign]


def undo_last(
    *, campaign: Campaign, actor: Actor, now: dt.datetime, event_id: int | None = None
) -> Undone:
    """Revert the newest write on the campaign (with the same write on other campaigns).

    `event_id` names the write the seeker saw; a newer one since then refuses the undo."""
    with transaction.atomic():
        Campaign.objects.select_for_update().filter(pk=campaign.pk).first()
        target = last_write(campaign)
        if event_id is not None and (target is None or target.pk != int(event_id)):
            raise ServiceError(_stale(campaign, int(event_id), target))
        if target is None:
            raise ServiceError("there is nothing to undo on this campaign")
        if target.before is None:
            raise ServiceError(f"“{target.summary}” cannot be undone")
        members = list(CampaignEvent.objects.filter(group=target.group).select_related("campaign"))
        others = [m.campaign for m in members if m.campaign_id != campaign.pk]
        list(Campaign.objects.select_for_update().filter(pk__in=[c.pk for c in others]))
        for member in members:
            newest = last_write(member.campaign)
            if newest is not None and newest.pk != member.pk:
                raise ServiceError(
                    f"“{target.summary}” also changed {member.campaign}, which changed again "
                    f"since (“{newest.summary}”): undo that first"
                )
        for member in members:
            restore(member.campaign, member.before)
        CampaignEvent.objects.filter(group=target.group).update(undone_at=now)
        group = uuid.uuid4().hex
        CampaignEvent.objects.bulk_create(
            CampaignEvent(
                campaign_id=m.campaign_id,
                group=group,
                at=now,
                user_id=actor.user_id,
                via=actor.via,
                label=actor.label[:120],
                kind=UNDO,
                summary=_line(f"Undid: {target.summary}"),
            )
            for m in members
        )
        put_back = Campaign.objects.filter(pk__in=[m.campaign_id for m in members])
        return Undone(target, list(put_back.select_related("company")))


def _stale(campaign: Campaign, event_id: int, newest: CampaignEvent | None) -> str:
    seen = campaign.events.filter(pk=event_id).first()
    if seen is None:
        return "there is no such change on this campaign"
    if seen.undone_at is not None:
        return f"“{seen.summary}” is already undone"
    if seen.kind == UNDO or newest is None:
        return f"“{seen.summary}” cannot be undone"
    return f"“{newest.summary}” came after “{seen.summary}”: undo that first"


# -- words ---------------------------------------------------------------------------------------

#: How a summary names each kind of step.
STEP_NOUNS = {
    ActionKind.THANK_YOU: "the thank-you note",
    ActionKind.CALL: "the call",
    ActionKind.CALLBACK: "the callback",
    ActionKind.VISIT: "the visit",
    ActionKind.LEAVE_NOTE: "the printed note",
    ActionKind.REQUEST_WRITTEN_OFFER: "the written-offer request",
    ActionKind.CLOSE_OUT: "the close-out",
}


def moment(seeker: Seeker, at: dt.datetime, *, now: dt.datetime | None = None) -> str:
    """A time in the seeker's zone and clock: "Tue Dec 1 9:00 AM", or relative to `now`
    ("tomorrow at 9:00 AM") when given."""
    # Imported here: the page formats are plain functions, but they live with the pages.
    from pursuit.web.format import clock, short_date, twelve_hour, when

    zone = zone_named(seeker.zone)
    local, twelve = at.astimezone(zone), twelve_hour(seeker.locale)
    if now is not None:
        return when(local, now.astimezone(zone).date(), twelve)
    return f"{local:%a} {short_date(local.date(), twelve)} {clock(local, twelve)}"


def event_json(event: CampaignEvent, seeker: Seeker) -> dict[str, Any]:
    """An event as the API and the command line show it; `at` in the seeker's zone."""
    return {
        "id": event.pk,
        "campaign_id": event.campaign_id,
        "at": event.at.astimezone(zone_named(seeker.zone)).isoformat(),
        "kind": event.kind,
        "summary": event.summary,
        "via": event.via,
        "by": event.label,
        "undone": event.undone_at is not None,
    }
