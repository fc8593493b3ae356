"""/actions: every planned step, its outcome, and moving it; /agenda: what is planned next."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Query, Router

from pursuit.api.common import ERRORS, PageQuery, PathId, actor_of, fetch, rows
from pursuit.api.pagination import paginate
from pursuit.api.schemas import (
    ActionOut,
    ActionPage,
    Id,
    Moment,
    MoveIn,
    OutcomeIn,
    ResultOut,
)
from pursuit.campaigns import services
from pursuit.campaigns.models import Action, Campaign
from pursuit.campaigns.serialize import ACTION_FIELDS, ACTION_RELATED, action_json, result_json
from pursuit.method.vocab import ActionKind, ActionStatus

router = Router(tags=["actions"])
agenda_router = Router(tags=["agenda"])

#: Steps in the order they fall due; the id breaks ties so pages never overlap.
DUE_ORDER = ("due_at", "id")


class ActionFilter(PageQuery):
    campaign_id: Id | None = None
    status: ActionStatus | None = None
    kind: ActionKind | None = None


class AgendaQuery(PageQuery):
    until: Moment | None = Field(None, description="only steps due before this time")


def _page(qs: QuerySet[Action], query: PageQuery) -> dict[str, Any]:
    qs = qs.select_related(*ACTION_RELATED).only(*ACTION_FIELDS)
    page = paginate(qs, order=DUE_ORDER, cursor=query.cursor, limit=query.limit)
    return {"items": [action_json(a) for a in page.items], "next_cursor": page.next_cursor}


@agenda_router.get("", response={200: ActionPage, **ERRORS})
def agenda(request: HttpRequest, query: Query[AgendaQuery]) -> dict[str, Any]:
    """The seeker's planned steps across campaigns, overdue ones first."""
    qs = rows(Action, request).filter(status=ActionStatus.PLANNED)
    if query.until:
        qs = qs.filter(due_at__lt=query.until)
    return _page(qs, query)


@router.get("", response={200: ActionPage, **ERRORS})
def list_actions(request: HttpRequest, query: Query[ActionFilter]) -> dict[str, Any]:
    qs = rows(Action, request)
    if query.campaign_id:
        qs = qs.filter(campaign=fetch(Campaign, request, query.campaign_id, field="campaign_id"))
    if query.status:
        qs = qs.filter(status=query.status)
    if query.kind:
        qs = qs.filter(kind=query.kind)
    return _page(qs, query)


def _action(request: HttpRequest, action_id: int) -> Action:
    qs = rows(Action, request).select_related(*ACTION_RELATED)
    return fetch(Action, request, action_id, qs=qs)


@router.get("/{action_id}", response={200: ActionOut, **ERRORS})
def get_action(request: HttpRequest, action_id: PathId) -> dict[str, Any]:
    return action_json(_action(request, action_id))


@router.post("/{action_id}/outcome", response={200: ResultOut, **ERRORS})
def log_outcome(request: HttpRequest, action_id: PathId, payload: OutcomeIn) -> dict[str, Any]:
    """What happened on a step, at the time it happened (`at`); the next step follows from it.
    On a step not due yet `at` is required: without it the answer is a 400 that asks for it."""
    action = _action(request, action_id)
    result = services.log_outcome(action=action, actor=actor_of(request), **payload.model_dump())
    return result_json(result)


@router.post("/{action_id}/move", response={200: ActionOut, **ERRORS})
def move(request: HttpRequest, action_id: PathId, payload: MoveIn) -> dict[str, Any]:
    """Move a planned step to `due_at` (its window is dropped) or, with `next_slot`, to the first
    free time in its window a business day later. A move onto a closed day, outside the good
    hours or off a time they agreed to is a 400 that says so, unless `confirm` is true."""
    services.move_action(
        action=_action(request, action_id), actor=actor_of(request), **payload.model_dump()
    )
    return action_json(_action(request, action_id))
