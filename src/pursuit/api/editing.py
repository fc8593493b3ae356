"""What every PATCH and DELETE shares: the version the client read, and what an edit moved."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from pursuit.api.common import ERRORS, seeker_of
from pursuit.api.edit_schemas import ChangedOut
from pursuit.campaigns.edits import Edited
from pursuit.campaigns.serialize import action_json
from pursuit.errors import ServiceError

#: A PATCH may also answer 409: the row changed since the client read it.
EDIT_ERRORS: dict[Any, Any] = {**ERRORS, 409: ChangedOut}


def version(request: HttpRequest, given: int | None) -> int | None:
    """The version the client read: the body's `version`, else an `If-Match` header holding it
    (`"3"`, `W/"3"` or `3`)."""
    if given is not None:
        return given
    header = request.headers.get("If-Match", "").strip()
    if not header or header == "*":
        return None
    raw = header.removeprefix("W/").strip('"')
    if not raw.isdigit() or len(raw) > 9:
        raise ServiceError('If-Match: give the version you read, such as "3"', "If-Match")
    return int(raw)


def moved_json(request: HttpRequest, edited: Edited[Any]) -> list[dict[str, Any]]:
    seeker = seeker_of(request)
    return [
        {
            "action": action_json(m.action),
            "was": m.was.astimezone(m.action.local_due().tzinfo).isoformat(),
            "because": m.because,
            "text": m.text(seeker),
        }
        for m in edited.moved
    ]
