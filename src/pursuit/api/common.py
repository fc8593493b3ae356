"""What every endpoint does before its one service call: find the caller and their rows."""

from __future__ import annotations

from typing import Annotated, Any

from django.db import models
from django.http import Http404, HttpRequest
from ninja import Field, Path, Schema

from pursuit.accounts.models import Seeker, User
from pursuit.api.pagination import DEFAULT_LIMIT, MAX_LIMIT
from pursuit.api.schemas import MAX_ID, Cursor, ErrorOut
from pursuit.campaigns.access import get_owned, owned
from pursuit.campaigns.history import Actor

#: Every 4xx an endpoint can answer, all in the one shape.
ERRORS: dict[Any, type[ErrorOut]] = {frozenset({400, 401, 403, 404, 405, 422}): ErrorOut}

#: An id in a URL: out of a column's range is a 422 rather than an overflow in the database driver.
PathId = Annotated[int, Path(ge=1, le=MAX_ID)]


class NotFound(Exception):
    """Another seeker's row, or none: always a 404, naming the input when it came in a body."""

    def __init__(self, detail: str, field: str | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.field = field


class PageQuery(Schema):
    cursor: Cursor | None = Field(None, description="`next_cursor` of the page before")
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)


def user_of(request: HttpRequest) -> User:
    user: User = request.auth  # type: ignore[attr-defined]
    return user


def actor_of(request: HttpRequest) -> Actor:
    """Who an endpoint writes as, for the campaign's history."""
    return Actor.of(user_of(request), "api")


def seeker_of(request: HttpRequest) -> Seeker:
    """The seeker new rows belong to: the caller's own profile."""
    try:
        return user_of(request).seeker
    except Seeker.DoesNotExist:
        raise NotFound("this account has no seeker profile") from None


def rows[M: models.Model](model: type[M], request: HttpRequest) -> models.QuerySet[M]:
    return owned(model, user_of(request))


def fetch[M: models.Model](
    model: type[M],
    request: HttpRequest,
    pk: Any,
    *,
    field: str | None = None,
    qs: models.QuerySet[M] | None = None,
) -> M:
    try:
        return get_owned(model, user_of(request), pk, qs)
    except Http404 as exc:
        raise NotFound(str(exc), field) from None
