"""/offers: a verbal offer is chased in writing; a written one the seeker wants wins."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Status

from pursuit.api.common import ERRORS, PageQuery, PathId, actor_of, fetch, rows
from pursuit.api.edit_schemas import OfferPatch
from pursuit.api.editing import EDIT_ERRORS, version
from pursuit.api.pagination import paginate
from pursuit.api.schemas import Id, OfferIn, OfferOut, OfferPage, ResultOut
from pursuit.campaigns import edits, services, trash
from pursuit.campaigns.models import Campaign, Offer
from pursuit.campaigns.serialize import offer_json, result_json

router = Router(tags=["offers"])


class OfferFilter(PageQuery):
    campaign_id: Id | None = None


@router.get("", response={200: OfferPage, **ERRORS})
def list_offers(request: HttpRequest, query: Query[OfferFilter]) -> dict[str, Any]:
    qs = rows(Offer, request).select_related("campaign__company")
    if query.campaign_id:
        qs = qs.filter(campaign=fetch(Campaign, request, query.campaign_id, field="campaign_id"))
    page = paginate(qs, order=("at", "id"), cursor=query.cursor, limit=query.limit)
    return {"items": [offer_json(o) for o in page.items], "next_cursor": page.next_cursor}


@router.post("", response={201: ResultOut, **ERRORS})
def record_offer(request: HttpRequest, payload: OfferIn) -> Status[dict[str, Any]]:
    data = payload.model_dump()
    campaign = fetch(Campaign, request, data.pop("campaign_id"), field="campaign_id")
    return Status(
        201, result_json(services.record_offer(campaign=campaign, actor=actor_of(request), **data))
    )


@router.get("/{offer_id}", response={200: OfferOut, **ERRORS})
def get_offer(request: HttpRequest, offer_id: PathId) -> dict[str, Any]:
    qs = rows(Offer, request).select_related("campaign__company")
    return offer_json(fetch(Offer, request, offer_id, qs=qs))


@router.patch("/{offer_id}", response={200: OfferOut, **EDIT_ERRORS})
def edit_offer(request: HttpRequest, offer_id: PathId, payload: OfferPatch) -> dict[str, Any]:
    """Correct the salary, start date, terms or when it was made."""
    data = payload.model_dump()
    given = version(request, data.pop("version"))
    edited = edits.edit_offer(
        offer=fetch(Offer, request, offer_id), version=given, actor=actor_of(request), **data
    )
    return offer_json(edited.row)


@router.delete("/{offer_id}", response={204: None, **ERRORS})
def delete_offer(request: HttpRequest, offer_id: PathId) -> Status[None]:
    trash.trash(row=fetch(Offer, request, offer_id), actor=actor_of(request))
    return Status(204, None)
