"""/trash: what the seeker deleted in the last 30 days, to restore or to delete for good."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Path, Router, Status

from pursuit.api.common import ERRORS, NotFound, PathId, actor_of, seeker_of
from pursuit.api.edit_schemas import TrashOut
from pursuit.campaigns import trash
from pursuit.campaigns.access import trashed
from pursuit.campaigns.models import TRASH_DAYS

router = Router(tags=["trash"])

Kind = Literal["campaign", "company", "contact", "interview", "offer", "resume"]


def item_json(kind: str, row: Any) -> dict[str, Any]:
    at: dt.datetime = row.trashed_at
    return {
        "kind": kind,
        "id": row.pk,
        "label": str(row) if kind != "interview" else f"interview on {row.at:%Y-%m-%d}",
        "trashed_at": at.isoformat(),
        "purge_after": (at + dt.timedelta(days=TRASH_DAYS)).isoformat(),
    }


@router.get("", response={200: TrashOut, **ERRORS})
def list_trash(request: HttpRequest) -> dict[str, Any]:
    """Everything in the Trash, newest first."""
    return {"items": [item_json(k, r) for k, r in trash.in_trash(seeker_of(request))]}


@router.post("/{kind}/{item_id}/restore", response={204: None, **ERRORS})
def restore(request: HttpRequest, kind: Path[Kind], item_id: PathId) -> Status[None]:
    """Bring it back with everything under it."""
    model = trash.kinds()[kind]
    row = trashed(model, request.auth).filter(pk=item_id).first()  # type: ignore[attr-defined]
    if row is None:
        raise NotFound(f"no such {kind} in the Trash")
    trash.restore(row=row, actor=actor_of(request))
    return Status(204, None)


@router.delete("", response={204: None, **ERRORS})
def empty(request: HttpRequest) -> Status[None]:
    """Delete for good everything in the Trash, stored files included."""
    trash.empty(seekers=[seeker_of(request).pk])
    return Status(204, None)
