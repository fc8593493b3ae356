"""/interviews: logging one plans the thank-you note, the closing ask and the follow-up."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Status

from pursuit.api.common import ERRORS, PageQuery, PathId, actor_of, fetch, rows
from pursuit.api.edit_schemas import InterviewEdited, InterviewPatch
from pursuit.api.editing import EDIT_ERRORS, moved_json, version
from pursuit.api.pagination import paginate
from pursuit.api.schemas import (
    Id,
    InterviewAnswerIn,
    InterviewIn,
    InterviewOut,
    InterviewPage,
    ResultOut,
)
from pursuit.campaigns import edits, services, trash
from pursuit.campaigns.models import Campaign, Interview
from pursuit.campaigns.serialize import interview_json, result_json

router = Router(tags=["interviews"])


class InterviewFilter(PageQuery):
    campaign_id: Id | None = None


@router.get("", response={200: InterviewPage, **ERRORS})
def list_interviews(request: HttpRequest, query: Query[InterviewFilter]) -> dict[str, Any]:
    qs = rows(Interview, request).select_related("campaign__company")
    if query.campaign_id:
        qs = qs.filter(campaign=fetch(Campaign, request, query.campaign_id, field="campaign_id"))
    page = paginate(qs, order=("at", "id"), cursor=query.cursor, limit=query.limit)
    return {"items": [interview_json(i) for i in page.items], "next_cursor": page.next_cursor}


@router.post("", response={201: ResultOut, **ERRORS})
def log_interview(request: HttpRequest, payload: InterviewIn) -> Status[dict[str, Any]]:
    data = payload.model_dump()
    campaign = fetch(Campaign, request, data.pop("campaign_id"), field="campaign_id")
    return Status(
        201, result_json(services.log_interview(campaign=campaign, actor=actor_of(request), **data))
    )


@router.get("/{interview_id}", response={200: InterviewOut, **ERRORS})
def get_interview(request: HttpRequest, interview_id: PathId) -> dict[str, Any]:
    qs = rows(Interview, request).select_related("campaign__company")
    return interview_json(fetch(Interview, request, interview_id, qs=qs))


@router.post("/{interview_id}/answer", response={200: ResultOut, **ERRORS})
def record_answer(
    request: HttpRequest, interview_id: PathId, payload: InterviewAnswerIn
) -> dict[str, Any]:
    """The promise and the answer to the closing ask, for an interview logged ahead of time."""
    interview = fetch(Interview, request, interview_id)
    data = payload.model_dump()
    result = services.record_interview_answer(interview=interview, actor=actor_of(request), **data)
    return result_json(result)


@router.patch("/{interview_id}", response={200: InterviewEdited, **EDIT_ERRORS})
def edit_interview(
    request: HttpRequest, interview_id: PathId, payload: InterviewPatch
) -> dict[str, Any]:
    """Correct the time or who it was with; a new time moves the steps that hang on it."""
    data = payload.model_dump()
    given = version(request, data.pop("version"))
    interview = fetch(Interview, request, interview_id)
    edited = edits.edit_interview(
        interview=interview, version=given, actor=actor_of(request), **data
    )
    return {"interview": interview_json(edited.row), "moved": moved_json(request, edited)}


@router.delete("/{interview_id}", response={204: None, **ERRORS})
def delete_interview(request: HttpRequest, interview_id: PathId) -> Status[None]:
    trash.trash(row=fetch(Interview, request, interview_id), actor=actor_of(request))
    return Status(204, None)
