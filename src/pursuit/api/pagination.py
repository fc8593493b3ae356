"""Keyset (cursor) pagination: pages stay stable while rows are added or changed.

A page is the first `limit` rows after the cursor in a fixed order that ends with the primary key,
so no two rows tie. The cursor is the last row's sort values, opaque to the client (URL-safe
base64 of JSON): it survives inserts and deletes between pages, where an offset would skip or
repeat rows, and costs one index range scan however deep the page.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import functools
import json
import operator
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import models

from pursuit.errors import ServiceError

DEFAULT_LIMIT = 50
MAX_LIMIT = 200


@dataclass(frozen=True)
class Page[M: models.Model]:
    items: list[M]
    next_cursor: str | None


def _field_of(model: type[models.Model], path: str) -> models.Field[Any, Any]:
    field: Any = model._meta.get_field("id" if path == "pk" else path)
    return field


def _to_json(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def _from_json(field: models.Field[Any, Any], value: Any) -> Any:
    if isinstance(field, models.DateTimeField):
        moment = dt.datetime.fromisoformat(value)
        if moment.tzinfo is None:
            raise ValueError(value)
        return moment
    if isinstance(field, models.DateField):
        return dt.date.fromisoformat(value)
    if isinstance(field, models.IntegerField | models.AutoField):
        if not isinstance(value, int) or isinstance(value, bool):
            raise TypeError(value)
        return value
    if not isinstance(value, str):
        raise TypeError(value)
    return value


def encode_cursor(values: Sequence[Any]) -> str:
    raw = json.dumps([_to_json(v) for v in values], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, model: type[models.Model], order: Sequence[str]) -> list[Any]:
    refused = ServiceError("this cursor was not given out by a page: start without it", "cursor")
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw)
        if not isinstance(values, list) or len(values) != len(order):
            raise refused
        return [
            _from_json(_field_of(model, name.lstrip("-")), value)
            for name, value in zip(order, values, strict=True)
        ]
    except (binascii.Error, UnicodeDecodeError, ValueError, TypeError, OverflowError):
        raise refused from None


def _after(order: Sequence[str], values: Sequence[Any]) -> models.Q:
    """Rows strictly after `values` in `order`: (a > x) or (a = x and b > y) or …"""
    branches = []
    equal = models.Q()
    for name, value in zip(order, values, strict=True):
        field = name.lstrip("-")
        lookup = "lt" if name.startswith("-") else "gt"
        branches.append(equal & models.Q(**{f"{field}__{lookup}": value}))
        equal &= models.Q(**{field: value})
    return functools.reduce(operator.or_, branches)


def paginate[M: models.Model](
    qs: models.QuerySet[M], *, order: Sequence[str], cursor: str | None, limit: int
) -> Page[M]:
    """One page of `qs` in `order` (whose last field must be unique, such as "id")."""
    qs = qs.order_by(*order)
    if cursor:
        qs = qs.filter(_after(order, decode_cursor(cursor, qs.model, order)))
    rows = list(qs[: limit + 1])
    if len(rows) <= limit:
        return Page(rows, None)
    rows = rows[:limit]
    last = rows[-1]
    return Page(rows, encode_cursor([getattr(last, name.lstrip("-")) for name in order]))
