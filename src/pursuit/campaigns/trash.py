"""Delete with restore: the Trash.

Deleting a campaign, company, contact, interview, offer or résumé sets its `trashed_at`; the
models' default manager and `access.owned` then leave it (and everything under it) out of every
list. Nothing under it is touched, so a restore brings back its steps, touches, notes and files
as they were, with the same ids (a calendar feed's UIDs do not change). The planned steps of a
trashed campaign also change status to `trashed`, which takes them out of the agenda index, the
feed and reminders at once. After `TRASH_DAYS` (or when the seeker empties the Trash) the rows
and their stored files are deleted for good.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import partial

from django.db import models, transaction
from django.utils import timezone

from pursuit.accounts.models import Seeker
from pursuit.campaigns import history
from pursuit.campaigns.history import Actor
from pursuit.campaigns.models import (
    TRASH_DAYS,
    Action,
    Campaign,
    Company,
    Contact,
    Interview,
    Offer,
    Trashable,
)
from pursuit.errors import ServiceError
from pursuit.method.vocab import ActionStatus

#: What can go to the Trash, by the name the CLI, the API and the Trash page use.
KINDS: dict[str, type[Trashable]] = {
    "campaign": Campaign,
    "company": Company,
    "contact": Contact,
    "interview": Interview,
    "offer": Offer,
}


def kinds() -> dict[str, type[Trashable]]:
    """Every trashable kind, the résumé included (the documents app builds on this one)."""
    from pursuit.documents.models import Resume

    return {**KINDS, "resume": Resume}


def trash(
    *,
    row: Trashable,
    with_campaigns: bool = False,
    now: dt.datetime | None = None,
    actor: Actor | None = None,
) -> None:
    """Move `row` to the Trash. A company with campaigns goes only with them
    (`with_campaigns`): its campaigns cannot run without it."""
    now = now or timezone.now()
    with transaction.atomic():
        campaigns = _campaigns_of(row)
        if isinstance(row, Company) and campaigns and not with_campaigns:
            n = len(campaigns)
            raise ServiceError(
                f"{row.name} has {n} campaign{'s' if n != 1 else ''}: "
                "delete them too, or keep the company",
                "with_campaigns",
            )
        with _recorded(row, campaigns, actor, "delete", f"Moved {label(row)} to the Trash", now):
            if isinstance(row, Company | Campaign):
                for campaign in campaigns:
                    _trash_campaign(campaign, now)
            _mark(row, now)


def _campaigns_of(row: Trashable) -> list[Campaign]:
    """The live campaigns a change of `row` touches, locked (their history records it)."""
    manager = Campaign.objects
    if isinstance(row, Campaign):
        found = manager.filter(pk=row.pk)
    elif isinstance(row, Company | Contact):
        company_id = row.pk if isinstance(row, Company) else row.company_id
        found = manager.filter(company_id=company_id)
    elif isinstance(row, Interview | Offer):
        found = manager.filter(pk=row.campaign_id)
    else:
        return []
    return list(found.select_for_update().order_by("pk"))


def label(row: Trashable) -> str:
    """How the Trash and the history name a row: "the campaign Buyer at Acme Tools"."""
    if isinstance(row, Interview):
        return "an interview"
    return f"the {row._meta.verbose_name} {row}"


@contextmanager
def _recorded(
    row: Trashable,
    campaigns: list[Campaign],
    actor: Actor | None,
    kind: str,
    summary: str,
    now: dt.datetime,
) -> Iterator[None]:
    """The change, in the history of the campaigns it touches. A restore is recorded but not
    undoable: deleting again is its undo."""
    if not campaigns:
        yield
        return
    with history.recorded(
        campaigns=campaigns,
        actor=actor or Actor.seeker(campaigns[0].seeker),
        kind=kind,
        summary=summary,
        now=now,
        undoable=kind != "restore",
    ):
        yield


def _mark(row: Trashable, at: dt.datetime | None) -> None:
    type(row).with_trash.filter(pk=row.pk).update(trashed_at=at)
    row.trashed_at = at


def _trash_campaign(campaign: Campaign, now: dt.datetime) -> None:
    Action.objects.filter(campaign=campaign, status=ActionStatus.PLANNED).update(
        status=ActionStatus.TRASHED
    )
    _mark(campaign, now)


def restore(*, row: Trashable, now: dt.datetime | None = None, actor: Actor | None = None) -> None:
    """Bring `row` back with everything under it. A company comes back with the campaigns that
    went with it; a campaign or contact whose company is in the Trash brings the company back."""
    if row.trashed_at is None:
        raise ServiceError("this is not in the Trash")
    now = now or timezone.now()
    with transaction.atomic():
        if isinstance(row, Company):
            for campaign in Campaign.with_trash.filter(company=row, trashed_at=row.trashed_at):
                _restore_campaign(campaign)
        elif isinstance(row, Campaign):
            _restore_campaign(row)
        elif isinstance(row, Contact | Interview | Offer):
            _restore_parent(row)
        campaigns = _campaigns_of(row)
        with _recorded(row, campaigns, actor, "restore", f"Restored {label(row)}", now):
            _mark(row, None)


def _restore_campaign(campaign: Campaign) -> None:
    Action.objects.filter(campaign=campaign, status=ActionStatus.TRASHED).update(
        status=ActionStatus.PLANNED
    )
    _mark(campaign, None)
    company = Company.with_trash.get(pk=campaign.company_id)
    if company.trashed_at is not None:
        _mark(company, None)


def _restore_parent(row: Contact | Interview | Offer) -> None:
    if isinstance(row, Contact):
        company = Company.with_trash.get(pk=row.company_id)
        if company.trashed_at is not None:
            _mark(company, None)
        return
    campaign = Campaign.with_trash.get(pk=row.campaign_id)
    if campaign.trashed_at is not None:
        _restore_campaign(campaign)


def empty(*, seekers: Iterable[int], before: dt.datetime | None = None) -> int:
    """Delete for good what these seekers have in the Trash (only what went in before `before`,
    when given), stored files included; returns how many trashed rows went."""
    seekers = list(seekers)
    gone = 0
    with transaction.atomic():
        picked = {kind: _picked(model, seekers, before) for kind, model in kinds().items()}
        files = _files(picked)
        # Campaigns before companies: a campaign protects its company.
        for kind in ("interview", "offer", "campaign", "contact", "company", "resume"):
            gone += picked[kind].count()
            picked[kind].delete()
        for storage, name in files:
            transaction.on_commit(partial(storage.delete, name))
    return gone


def _seeker_path(model: type[Trashable]) -> str:
    return "seeker" if any(f.name == "seeker" for f in model._meta.fields) else "campaign__seeker"


def _picked(
    model: type[Trashable], seekers: list[int], before: dt.datetime | None
) -> models.QuerySet[Trashable]:
    path = _seeker_path(model)
    rows = model.with_trash.filter(**{f"{path}__in": seekers, "trashed_at__isnull": False})
    return rows.filter(trashed_at__lt=before) if before is not None else rows


def _files(picked: dict[str, models.QuerySet[Trashable]]) -> list[tuple[object, str]]:
    """The stored files of what is about to go: résumés and offer letters (of trashed offers
    and of the offers of trashed campaigns)."""
    from pursuit.documents.models import OfferLetter

    letters = OfferLetter.objects.filter(
        models.Q(offer__in=picked["offer"].values("pk"))
        | models.Q(offer__campaign__in=picked["campaign"].values("pk"))
    )
    found = [(r.file.storage, r.file.name) for r in picked["resume"]]
    found += [(letter.file.storage, letter.file.name) for letter in letters]
    return [(storage, name) for storage, name in found if name]


def purge(*, now: dt.datetime) -> int:
    """What has been in the Trash for `TRASH_DAYS` goes for good (a worker step)."""
    cutoff = now - dt.timedelta(days=TRASH_DAYS)
    seekers: set[int] = set()
    for model in kinds().values():
        old = model.with_trash.filter(trashed_at__lt=cutoff)
        seekers |= set(old.values_list(_seeker_path(model), flat=True))
    return empty(seekers=seekers, before=cutoff) if seekers else 0


def in_trash(seeker: Seeker) -> list[tuple[str, Trashable]]:
    """Everything the seeker has in the Trash, newest first, with its kind."""
    rows: list[tuple[str, Trashable]] = []
    for kind, model in kinds().items():
        found = _picked(model, [seeker.pk], None)
        rows += [(kind, r) for r in found]
    rows.sort(key=lambda kr: kr[1].trashed_at or timezone.now(), reverse=True)
    return rows
