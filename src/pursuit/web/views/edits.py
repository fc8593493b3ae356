"""Corrections made on the campaign page, deleting to the Trash, and the Trash page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from pursuit.api.trash import item_json
from pursuit.campaigns import edits, trash
from pursuit.campaigns.access import get_owned, trashed
from pursuit.campaigns.edits import Changed, Edited
from pursuit.campaigns.history import Actor
from pursuit.campaigns.models import TRASH_DAYS, Campaign, Contact, Interview, Offer, Promise
from pursuit.errors import ServiceError
from pursuit.web import format as fmt
from pursuit.web.edit_forms import (
    CampaignEditForm,
    CompanyEditForm,
    ContactForm,
    EditForm,
    InterviewEditForm,
    OfferEditForm,
    PromiseEditForm,
)
from pursuit.web.guard import seeker_required
from pursuit.web.queries import Viewer
from pursuit.web.views.campaigns import _campaign, _page

Write = Callable[[Campaign, EditForm, Actor], Edited[Any]]


def _actor(request: HttpRequest) -> Actor:
    return Actor.of(request.user, "web")  # type: ignore[arg-type]


def _edit(
    request: HttpRequest, campaign: Campaign, form: EditForm, panel: str, write: Write, done: str
) -> HttpResponse:
    """Validate one correction form, make its one service call, and go back to the page with
    what moved; a refusal shows the page again with the form open and every typed value kept."""
    status = 400
    if form.is_valid():
        try:
            edited = write(campaign, form, _actor(request))
        except ServiceError as exc:
            form.add_service_error(exc)
            status = 409 if isinstance(exc, Changed) else 400
        else:
            messages.success(request, f"{done}.")
            for move in edited.moved:
                messages.info(request, move.text(request.seeker).capitalize() + ".")  # type: ignore[attr-defined]
            return redirect("campaign", pk=campaign.pk)
    return _page(request, campaign, status=status, open_panel=panel, **{f"{panel}_form": form})


@require_POST
@seeker_required
def company_edit(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _campaign(request, pk)

    def write(campaign: Campaign, form: EditForm, actor: Actor) -> Edited[Any]:
        return edits.edit_company(company=campaign.company, actor=actor, **form.service_kwargs())

    return _edit(request, campaign, CompanyEditForm(request.POST), "company", write, "Saved")


@require_POST
@seeker_required
def campaign_edit(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _campaign(request, pk)

    def write(campaign: Campaign, form: EditForm, actor: Actor) -> Edited[Any]:
        return edits.edit_campaign(campaign=campaign, actor=actor, **form.service_kwargs())

    form = CampaignEditForm(request.POST, campaign=campaign)
    return _edit(request, campaign, form, "campaign", write, "Saved")


@require_POST
@seeker_required
def interview_edit(request: HttpRequest, pk: int, interview_pk: int) -> HttpResponse:
    campaign = _campaign(request, pk)
    interview = _child(Interview, campaign, interview_pk)

    def write(campaign: Campaign, form: EditForm, actor: Actor) -> Edited[Any]:
        return edits.edit_interview(interview=interview, actor=actor, **form.service_kwargs())

    return _edit(request, campaign, InterviewEditForm(request.POST), "interview", write, "Saved")


@require_POST
@seeker_required
def promise_edit(request: HttpRequest, pk: int, promise_pk: int) -> HttpResponse:
    campaign = _campaign(request, pk)
    promise = _child(Promise, campaign, promise_pk)

    def write(campaign: Campaign, form: EditForm, actor: Actor) -> Edited[Any]:
        return edits.edit_promise(promise=promise, actor=actor, **form.service_kwargs())

    form = PromiseEditForm(request.POST, promise=promise)
    return _edit(request, campaign, form, "promise", write, "Saved")


@require_POST
@seeker_required
def offer_edit(request: HttpRequest, pk: int, offer_pk: int) -> HttpResponse:
    campaign = _campaign(request, pk)
    offer = _child(Offer, campaign, offer_pk)

    def write(campaign: Campaign, form: EditForm, actor: Actor) -> Edited[Any]:
        return edits.edit_offer(offer=offer, actor=actor, **form.service_kwargs())

    form = OfferEditForm(request.POST, prefix=f"offer-{offer.pk}")
    return _edit(request, campaign, form, f"offer_{offer.pk}", write, "Saved")


@require_POST
@seeker_required
def contact_save(request: HttpRequest, pk: int, contact_pk: int | None = None) -> HttpResponse:
    """A new person at the campaign's company, or a correction of one."""
    campaign = _campaign(request, pk)
    if contact_pk is None:
        form = ContactForm(request.POST)
        panel = "contact"
    else:
        contact = get_owned(Contact, request.user, contact_pk)  # type: ignore[arg-type]
        if contact.company_id != campaign.company_id:
            raise Http404("no such contact")
        form = ContactForm(request.POST, prefix=f"contact-{contact.pk}")
        panel = f"contact_{contact.pk}"

    def write(campaign: Campaign, form: EditForm, actor: Actor) -> Edited[Any]:
        kwargs = form.service_kwargs()
        if contact_pk is None:
            del kwargs["version"]
            return Edited(edits.add_contact(company=campaign.company, actor=actor, **kwargs))
        return edits.edit_contact(contact=contact, actor=actor, **kwargs)

    return _edit(request, campaign, form, panel, write, "Saved")


def _child[M: Interview | Promise | Offer](model: type[M], campaign: Campaign, pk: int) -> M:
    """A row of the campaign (already fetched through access): anything else is a 404."""
    found = model.objects.filter(campaign=campaign, pk=pk).first()
    if found is None:
        raise Http404(f"no such {model._meta.verbose_name}")
    return found


# -- the Trash -----------------------------------------------------------------------------------


@require_POST
@seeker_required
def delete(request: HttpRequest, pk: int, kind: str, item_pk: int) -> HttpResponse:
    """Move the campaign, its company, a contact, an interview or an offer to the Trash."""
    campaign = _campaign(request, pk)
    rows: dict[str, Any] = {
        "campaign": lambda: campaign,
        "company": lambda: campaign.company,
        "contact": lambda: get_owned(Contact, request.user, item_pk),  # type: ignore[arg-type]
        "interview": lambda: _child(Interview, campaign, item_pk),
        "offer": lambda: _child(Offer, campaign, item_pk),
    }
    if kind not in rows:
        raise Http404("nothing to delete")
    row = rows[kind]()
    if kind in ("campaign", "company") and row.pk != item_pk:
        raise Http404("nothing to delete")
    try:
        trash.trash(row=row, with_campaigns="with_campaigns" in request.POST, actor=_actor(request))
    except ServiceError as exc:
        messages.error(request, f"{exc.message}.")
        return redirect("campaign", pk=campaign.pk)
    messages.success(
        request, f"Moved {trash.label(row)} to the Trash: restore it there for 30 days."
    )
    if kind in ("campaign", "company"):
        return redirect("trash")
    return redirect("campaign", pk=campaign.pk)


@require_GET
@seeker_required
def trash_page(request: HttpRequest) -> HttpResponse:
    viewer = Viewer.of(request.seeker)  # type: ignore[attr-defined]

    def day(moment: dt.datetime) -> str:
        return fmt.short_date(moment.astimezone(viewer.zone).date(), viewer.twelve)

    items = [
        {
            "kind": kind,
            "id": row.pk,
            "label": item_json(kind, row)["label"],
            "trashed": day(row.trashed_at),
            "until": day(row.trashed_at + dt.timedelta(days=TRASH_DAYS)),
        }
        for kind, row in trash.in_trash(request.seeker)  # type: ignore[attr-defined]
    ]
    return render(request, "web/trash.html", {"nav": "trash", "items": items})


@require_POST
@seeker_required
def trash_restore(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    model = trash.kinds().get(kind)
    row = trashed(model, request.user).filter(pk=pk).first() if model else None  # type: ignore[arg-type]
    if row is None:
        raise Http404("no such thing in the Trash")
    trash.restore(row=row, actor=_actor(request))
    messages.success(request, f"Restored {trash.label(row)}.")
    if isinstance(row, Campaign):
        return redirect("campaign", pk=row.pk)
    return redirect("trash")


@require_POST
@seeker_required
def trash_empty(request: HttpRequest) -> HttpResponse:
    gone = trash.empty(seekers=[request.seeker.pk])  # type: ignore[attr-defined]
    messages.success(request, f"Deleted {gone} for good." if gone else "The Trash was empty.")
    return redirect("trash")
