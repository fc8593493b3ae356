"""/promises: what the company said it would do, as read; correcting it moves the follow-up."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router

from pursuit.api.common import ERRORS, PathId, actor_of, fetch, rows
from pursuit.api.edit_schemas import PromiseEdited, PromisePatch
from pursuit.api.editing import EDIT_ERRORS, moved_json, version
from pursuit.api.schemas import PromiseOut
from pursuit.campaigns import edits
from pursuit.campaigns.models import Promise
from pursuit.campaigns.serialize import promise_json

router = Router(tags=["promises"])


@router.get("/{promise_id}", response={200: PromiseOut, **ERRORS})
def get_promise(request: HttpRequest, promise_id: PathId) -> dict[str, Any]:
    qs = rows(Promise, request).select_related("campaign__company")
    return promise_json(fetch(Promise, request, promise_id, qs=qs))


@router.patch("/{promise_id}", response={200: PromiseEdited, **EDIT_ERRORS})
def edit_promise(request: HttpRequest, promise_id: PathId, payload: PromisePatch) -> dict[str, Any]:
    """Correct the words, or keep another of their readings: the follow-up call moves."""
    data = payload.model_dump()
    given = version(request, data.pop("version"))
    edited = edits.edit_promise(
        promise=fetch(Promise, request, promise_id),
        version=given,
        actor=actor_of(request),
        **data,
    )
    return {"promise": promise_json(edited.row), "moved": moved_json(request, edited)}
