"""Log an interview: a new campaign from its first interview, or another one for a campaign."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from pursuit.campaigns import services
from pursuit.campaigns.access import get_owned, owned
from pursuit.campaigns.history import Actor
from pursuit.campaigns.models import Campaign, Company
from pursuit.errors import ServiceError
from pursuit.web import preview
from pursuit.web.forms import InterviewForm
from pursuit.web.guard import seeker_required


def _campaign(request: HttpRequest, pk: int) -> Campaign:
    rows = owned(Campaign, request.user).select_related("company", "contact")  # type: ignore[arg-type]
    return get_owned(Campaign, request.user, pk, rows)  # type: ignore[arg-type]


@require_http_methods(["GET", "POST"])
@seeker_required
def interview_new(request: HttpRequest) -> HttpResponse:
    return _interview(request, None)


@require_http_methods(["GET", "POST"])
@seeker_required
def campaign_interview(request: HttpRequest, pk: int) -> HttpResponse:
    return _interview(request, _campaign(request, pk))


def _interview(request: HttpRequest, campaign: Campaign | None) -> HttpResponse:
    user, seeker = request.user, request.seeker  # type: ignore[attr-defined]
    companies = owned(Company, user)  # type: ignore[arg-type]
    data = request.POST if request.method == "POST" else None
    form = InterviewForm(data, companies=companies, campaign=campaign)
    checking = "check" in request.POST
    if data is not None and not checking and form.is_valid():
        try:
            if campaign is None:
                result = services.start_campaign(
                    seeker=seeker, actor=Actor.of(user, "web"), **form.service_kwargs()
                )
            else:
                result = services.log_interview(
                    campaign=campaign, actor=Actor.of(user, "web"), **form.service_kwargs()
                )
        except ServiceError as exc:
            form.add_service_error(exc)
        else:
            messages.success(request, _logged_message(result))
            return redirect("campaign", pk=result.campaign.pk)
    reading, ask = preview.preview(
        data or {"permission": "not_asked"}, user=user, seeker=seeker, campaign=campaign
    )
    status = 400 if data is not None and form.errors and not checking else 200
    return render(
        request,
        "web/interview.html",
        {
            "nav": "interview",
            "form": form,
            "campaign": campaign,
            "reading": reading,
            "ask": ask,
            "zones": preview.zone_names(),
            "countries": preview.countries(),
            "has_companies": campaign is None and companies.exists(),
        },
        status=status,
    )


def _logged_message(result: services.Result) -> str:
    planned = len(result.actions)
    steps = f"{planned} step{'s' if planned != 1 else ''} planned" if planned else "nothing new"
    if result.closing_ask is not None:
        return f"Interview saved, {steps}. Before it ends, use the closing ask below."
    return f"Interview saved, {steps}. You'll find them on Today when they're due."


@require_GET
@seeker_required
def interview_reading(request: HttpRequest) -> HttpResponse:
    """The live reading for the interview form, as the seeker types."""
    user, seeker = request.user, request.seeker  # type: ignore[attr-defined]
    campaign = None
    pk: Any = request.GET.get("campaign") or ""
    if pk:
        campaign = _campaign(request, pk)
    reading, ask = preview.preview(request.GET, user=user, seeker=seeker, campaign=campaign)
    return render(
        request,
        "web/interview.html#live",
        {"reading": reading, "ask": ask, "oob": True},
    )
