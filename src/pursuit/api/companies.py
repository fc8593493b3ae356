"""/companies: the seeker's companies, by name."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema, Status

from pursuit.api.common import ERRORS, PageQuery, PathId, actor_of, fetch, rows, seeker_of
from pursuit.api.edit_schemas import CompanyEdited, CompanyPatch
from pursuit.api.editing import EDIT_ERRORS, moved_json, version
from pursuit.api.pagination import paginate
from pursuit.api.schemas import CompanyIn, CompanyOut, CompanyPage
from pursuit.campaigns import edits, services, trash
from pursuit.campaigns.models import Company
from pursuit.campaigns.serialize import company_json

router = Router(tags=["companies"])


@router.get("", response={200: CompanyPage, **ERRORS})
def list_companies(request: HttpRequest, page: Query[PageQuery]) -> dict[str, Any]:
    result = paginate(
        rows(Company, request), order=("name", "id"), cursor=page.cursor, limit=page.limit
    )
    return {"items": [company_json(c) for c in result.items], "next_cursor": result.next_cursor}


@router.post("", response={201: CompanyOut, **ERRORS})
def create_company(request: HttpRequest, payload: CompanyIn) -> Status[dict[str, Any]]:
    company = services.create_company(seeker=seeker_of(request), **payload.model_dump())
    return Status(201, company_json(company))


@router.get("/{company_id}", response={200: CompanyOut, **ERRORS})
def get_company(request: HttpRequest, company_id: PathId) -> dict[str, Any]:
    return company_json(fetch(Company, request, company_id))


@router.patch("/{company_id}", response={200: CompanyEdited, **EDIT_ERRORS})
def edit_company(request: HttpRequest, company_id: PathId, payload: CompanyPatch) -> dict[str, Any]:
    """Correct a company; a new zone, country, closure days or `local` flag moves the planned
    steps of its campaigns, listed in `moved`."""
    data = payload.model_dump()
    given = version(request, data.pop("version"))
    company = fetch(Company, request, company_id)
    edited = edits.edit_company(company=company, version=given, actor=actor_of(request), **data)
    return {"company": company_json(edited.row), "moved": moved_json(request, edited)}


class CompanyDelete(Schema):
    with_campaigns: bool = False


@router.delete("/{company_id}", response={204: None, **ERRORS})
def delete_company(
    request: HttpRequest, company_id: PathId, query: Query[CompanyDelete]
) -> Status[None]:
    """Move the company to the Trash; one with campaigns needs `with_campaigns=true`."""
    company = fetch(Company, request, company_id)
    trash.trash(row=company, with_campaigns=query.with_campaigns, actor=actor_of(request))
    return Status(204, None)
