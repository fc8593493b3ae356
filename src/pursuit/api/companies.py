"""/companies: the seeker's companies, by name."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Status

from pursuit.api.common import ERRORS, PageQuery, PathId, fetch, rows, seeker_of
from pursuit.api.pagination import paginate
from pursuit.api.schemas import CompanyIn, CompanyOut, CompanyPage
from pursuit.campaigns import services
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
