"""/campaigns: one opportunity each, newest first, and what the seeker reports on it."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router, Status

from pursuit.api.common import ERRORS, PageQuery, PathId, actor_of, fetch, rows, seeker_of
from pursuit.api.edit_schemas import CampaignPatch
from pursuit.api.editing import EDIT_ERRORS, version
from pursuit.api.pagination import paginate
from pursuit.api.schemas import (
    CampaignIn,
    CampaignOut,
    CampaignPage,
    CheckInIn,
    CloseIn,
    HistoryOut,
    Id,
    InboundIn,
    ResultOut,
    UndoIn,
    UndoOut,
)
from pursuit.campaigns import edits, history, services, trash
from pursuit.campaigns.models import Action, Campaign, Company, Contact
from pursuit.campaigns.serialize import (
    ACTION_FIELDS,
    CAMPAIGN_FIELDS,
    CAMPAIGN_RELATED,
    campaign_json,
    result_json,
)
from pursuit.method.vocab import ActionStatus, CampaignStatus

router = Router(tags=["campaigns"])


class CampaignFilter(PageQuery):
    status: CampaignStatus | None = None
    company_id: Id | None = None


#: A planned step's own columns: its campaign (and that campaign's company) come from the page.
_STEP_FIELDS = ("campaign", *(f for f in ACTION_FIELDS if not f.startswith("campaign__")))


def with_next_action(qs: QuerySet[Campaign]) -> QuerySet[Campaign]:
    """Campaigns with what `campaign_json` reads, their planned steps in one more query."""
    planned = (
        Action.objects.filter(status=ActionStatus.PLANNED)
        .only(*_STEP_FIELDS)
        .order_by("due_at", "id")
    )
    return (
        qs.select_related(*CAMPAIGN_RELATED)
        .only(*CAMPAIGN_FIELDS)
        .prefetch_related(Prefetch("actions", queryset=planned, to_attr="planned"))
    )


def _json(campaign: Campaign) -> dict[str, Any]:
    planned: list[Action] = getattr(campaign, "planned", None) or []
    return campaign_json(campaign, planned[0] if planned else None)


@router.get("", response={200: CampaignPage, **ERRORS})
def list_campaigns(request: HttpRequest, query: Query[CampaignFilter]) -> dict[str, Any]:
    qs = rows(Campaign, request)
    if query.status:
        qs = qs.filter(status=query.status)
    if query.company_id:
        qs = qs.filter(company=fetch(Company, request, query.company_id, field="company_id"))
    page = paginate(with_next_action(qs), order=("-id",), cursor=query.cursor, limit=query.limit)
    return {"items": [_json(c) for c in page.items], "next_cursor": page.next_cursor}


@router.post("", response={201: CampaignOut, **ERRORS})
def create_campaign(request: HttpRequest, payload: CampaignIn) -> Status[dict[str, Any]]:
    data = payload.model_dump()
    company = fetch(Company, request, data.pop("company_id"), field="company_id")
    campaign = services.create_campaign(seeker=seeker_of(request), company=company, **data)
    return Status(201, campaign_json(campaign, None))


@router.get("/{campaign_id}", response={200: CampaignOut, **ERRORS})
def get_campaign(request: HttpRequest, campaign_id: PathId) -> dict[str, Any]:
    campaign = fetch(Campaign, request, campaign_id, qs=with_next_action(rows(Campaign, request)))
    return _json(campaign)


@router.post("/{campaign_id}/inbound", response={200: ResultOut, **ERRORS})
def inbound(request: HttpRequest, campaign_id: PathId, payload: InboundIn) -> dict[str, Any]:
    """The company got in touch first: the chase stops and the next step follows the reply."""
    campaign = fetch(Campaign, request, campaign_id)
    return result_json(
        services.log_inbound(campaign=campaign, actor=actor_of(request), **payload.model_dump())
    )


@router.post("/{campaign_id}/check-in", response={200: ResultOut, **ERRORS})
def check_in(request: HttpRequest, campaign_id: PathId, payload: CheckInIn) -> dict[str, Any]:
    """No date was said: the check-in call moves to the day the seeker picks."""
    campaign = fetch(Campaign, request, campaign_id)
    return result_json(
        services.choose_check_in_day(
            campaign=campaign, day=payload.call_on, actor=actor_of(request)
        )
    )


@router.post("/{campaign_id}/close", response={200: ResultOut, **ERRORS})
def close(request: HttpRequest, campaign_id: PathId, payload: CloseIn) -> dict[str, Any]:
    """The seeker confirms they are out of the running, with what they learned."""
    campaign = fetch(Campaign, request, campaign_id)
    return result_json(
        services.close_out(campaign=campaign, lesson=payload.lesson, actor=actor_of(request))
    )


@router.post("/{campaign_id}/reopen", response={200: ResultOut, **ERRORS})
def reopen(request: HttpRequest, campaign_id: PathId) -> dict[str, Any]:
    return result_json(
        services.reopen(campaign=fetch(Campaign, request, campaign_id), actor=actor_of(request))
    )


@router.post("/{campaign_id}/withdraw", response={200: ResultOut, **ERRORS})
def withdraw(request: HttpRequest, campaign_id: PathId) -> dict[str, Any]:
    """The seeker steps back from this opportunity; its planned steps are cancelled."""
    return result_json(
        services.withdraw(campaign=fetch(Campaign, request, campaign_id), actor=actor_of(request))
    )


@router.get("/{campaign_id}/history", response={200: HistoryOut, **ERRORS})
def campaign_history(request: HttpRequest, campaign_id: PathId) -> dict[str, Any]:
    """What changed on the campaign, newest first (the latest 50): when, what, who, how."""
    campaign = fetch(Campaign, request, campaign_id)
    seeker = campaign.seeker
    return {"items": [history.event_json(e, seeker) for e in history.history_of(campaign)]}


@router.post("/{campaign_id}/undo", response={200: UndoOut, **ERRORS})
def undo(request: HttpRequest, campaign_id: PathId, query: Query[UndoIn]) -> dict[str, Any]:
    """Undo the last change on the campaign (again to walk further back)."""
    campaign = fetch(Campaign, request, campaign_id)
    undone = history.undo_last(
        campaign=campaign, actor=actor_of(request), now=timezone.now(), event_id=query.event_id
    )
    return {
        "undone": history.event_json(undone.event, campaign.seeker),
        "campaign_ids": [c.pk for c in undone.campaigns],
    }


@router.patch("/{campaign_id}", response={200: CampaignOut, **EDIT_ERRORS})
def edit_campaign(
    request: HttpRequest, campaign_id: PathId, payload: CampaignPatch
) -> dict[str, Any]:
    """Correct the role, the contact, the job link, the salary note, notes or the source."""
    data = payload.model_dump()
    given = version(request, data.pop("version"))
    contact_id = data.pop("contact_id")
    contact = fetch(Contact, request, contact_id, field="contact_id") if contact_id else None
    campaign = fetch(Campaign, request, campaign_id)
    edits.edit_campaign(
        campaign=campaign, version=given, actor=actor_of(request), contact=contact, **data
    )
    return _json(
        fetch(Campaign, request, campaign_id, qs=with_next_action(rows(Campaign, request)))
    )


@router.delete("/{campaign_id}", response={204: None, **ERRORS})
def delete_campaign(request: HttpRequest, campaign_id: PathId) -> Status[None]:
    """Move the campaign to the Trash with its steps, touches, notes and documents."""
    trash.trash(row=fetch(Campaign, request, campaign_id), actor=actor_of(request))
    return Status(204, None)
