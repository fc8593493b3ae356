"""/contacts: the people at a company, gatekeepers among them (the scripts greet them by name)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Status

from pursuit.api.common import ERRORS, PageQuery, PathId, actor_of, fetch, rows
from pursuit.api.edit_schemas import ContactIn, ContactOut, ContactPage, ContactPatch
from pursuit.api.editing import EDIT_ERRORS, version
from pursuit.api.pagination import paginate
from pursuit.api.schemas import Id
from pursuit.campaigns import edits, trash
from pursuit.campaigns.models import Company, Contact
from pursuit.campaigns.serialize import contact_json

router = Router(tags=["contacts"])


class ContactFilter(PageQuery):
    company_id: Id | None = None


@router.get("", response={200: ContactPage, **ERRORS})
def list_contacts(request: HttpRequest, query: Query[ContactFilter]) -> dict[str, Any]:
    qs = rows(Contact, request)
    if query.company_id:
        qs = qs.filter(company=fetch(Company, request, query.company_id, field="company_id"))
    page = paginate(qs, order=("name", "id"), cursor=query.cursor, limit=query.limit)
    return {"items": [contact_json(c) for c in page.items], "next_cursor": page.next_cursor}


@router.post("", response={201: ContactOut, **ERRORS})
def add_contact(request: HttpRequest, payload: ContactIn) -> Status[dict[str, Any]]:
    data = payload.model_dump()
    company = fetch(Company, request, data.pop("company_id"), field="company_id")
    return Status(
        201, contact_json(edits.add_contact(company=company, actor=actor_of(request), **data))
    )


@router.get("/{contact_id}", response={200: ContactOut, **ERRORS})
def get_contact(request: HttpRequest, contact_id: PathId) -> dict[str, Any]:
    return contact_json(fetch(Contact, request, contact_id))


@router.patch("/{contact_id}", response={200: ContactOut, **EDIT_ERRORS})
def edit_contact(request: HttpRequest, contact_id: PathId, payload: ContactPatch) -> dict[str, Any]:
    data = payload.model_dump()
    given = version(request, data.pop("version"))
    contact = fetch(Contact, request, contact_id)
    return contact_json(
        edits.edit_contact(contact=contact, version=given, actor=actor_of(request), **data).row
    )


@router.delete("/{contact_id}", response={204: None, **ERRORS})
def delete_contact(request: HttpRequest, contact_id: PathId) -> Status[None]:
    trash.trash(row=fetch(Contact, request, contact_id), actor=actor_of(request))
    return Status(204, None)
