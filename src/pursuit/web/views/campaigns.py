"""The campaign board, one campaign's page, and what a seeker records on it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from pursuit.campaigns import history, services
from pursuit.campaigns.access import get_owned, owned
from pursuit.campaigns.history import Actor
from pursuit.campaigns.models import Action, Campaign, CampaignEvent, Contact
from pursuit.errors import NeedsConfirmation, ServiceError
from pursuit.method.calendar import zone_named
from pursuit.method.vocab import CampaignStatus
from pursuit.web import format as fmt
from pursuit.web import queries
from pursuit.web.cards import Page, cards_html, slot, splice, tile_html
from pursuit.web.forms import (
    AnswerForm,
    CheckInForm,
    CloseOutForm,
    InboundForm,
    MoveForm,
    OfferForm,
    ServiceForm,
)
from pursuit.web.guard import seeker_required
from pursuit.web.queries import Viewer
from pursuit.web.views.today import undone_card

STATUS_WORDS = {
    CampaignStatus.ACTIVE: "Active",
    CampaignStatus.OFFER_VERBAL: "Verbal offer — get it in writing",
    CampaignStatus.WON: "Won",
    CampaignStatus.LOST: "Out of the running",
    CampaignStatus.WITHDRAWN: "Withdrawn",
}


@require_GET
@seeker_required
def board(request: HttpRequest) -> HttpResponse:
    columns, warnings = queries.board(request.user, request.seeker)  # type: ignore[arg-type,attr-defined]
    frame = render_to_string(
        "web/campaigns.html",
        {
            "nav": "campaigns",
            "columns": [(c, slot(c.status)) for c in columns],
            "warnings": warnings,
            "total": sum(len(c.items) for c in columns),
        },
        request,
    )
    tiles = {c.status: [tile_html(i) for i in c.items] for c in columns}
    return HttpResponse("".join(splice(frame, tiles)))


def _campaign(request: HttpRequest, pk: int) -> Campaign:
    rows = owned(Campaign, request.user).select_related("company", "contact")  # type: ignore[arg-type]
    return get_owned(Campaign, request.user, pk, rows)  # type: ignore[arg-type]


def _page(
    request: HttpRequest, campaign: Campaign, *, status: int = 200, **forms: Any
) -> HttpResponse:
    """The campaign page, with any form that came back with errors bound to what was typed."""
    page = queries.campaign_page(request.user, request.seeker, campaign)  # type: ignore[arg-type,attr-defined]
    state = CampaignStatus(campaign.status)
    # A refusal about no field in particular (a closed campaign, a step already moved) is said
    # at the top of the page, where it is seen whichever panel was used.
    problems = [
        e for f in forms.values() if isinstance(f, ServiceForm) for e in f.non_field_errors()
    ]
    events = history.history_of(campaign, limit=HISTORY_SHOWN)
    viewer = Viewer.of(request.seeker)  # type: ignore[attr-defined]
    context = {
        "nav": "campaigns",
        "page": page,
        "history": [_event_row(e, request.user.pk, viewer) for e in events],  # type: ignore[union-attr]
        "last_change": _last_change(campaign, events, viewer),
        "campaign": campaign,
        "status_words": STATUS_WORDS[state],
        "is_open": state.is_open,
        "answer_form": forms.get("answer_form") or AnswerForm(),
        "inbound_form": forms.get("inbound_form") or InboundForm(),
        "offer_form": forms.get("offer_form") or OfferForm(),
        "close_form": forms.get("close_form") or CloseOutForm(),
        "check_in_form": forms.get("check_in_form")
        or CheckInForm(initial={"call_on": page.check_in_on}),
        "move_form": forms.get("move_form"),
        "move_id": forms.get("move_id"),
        "move_asked": forms.get("move_asked", False),
        "open_panel": forms.get("open_panel", ""),
        **_edit_forms(campaign, page, forms),
        "problems": problems,
        "next_card_html": cards_html(
            [page.next_card] if page.next_card else [],
            Page(get_token(request), request.path, page.next_card.id if page.next_card else None),
        ),
    }
    return render(request, "web/campaign.html", context, status=status)


def _edit_forms(campaign: Campaign, page: queries.CampaignPage, bound: dict[str, Any]) -> Any:
    """The correction forms of what the page shows: bound to what was typed when one came
    back refused, else filled from the rows."""
    from pursuit.web.edit_forms import (
        CampaignEditForm,
        CompanyEditForm,
        ContactForm,
        InterviewEditForm,
        OfferEditForm,
        PromiseEditForm,
    )

    zone = zone_named(campaign.company.zone)
    panel = bound.get("open_panel", "")
    interview = page.interviews[-1] if page.interviews else None
    promise = page.promises[-1] if page.promises else None
    contacts = list(Contact.objects.filter(company_id=campaign.company_id))
    return {
        "company_form": bound.get("company_form") or CompanyEditForm.of(campaign.company),
        "campaign_form": bound.get("campaign_form") or CampaignEditForm.of(campaign),
        "interview": interview,
        "interview_form": bound.get("interview_form")
        or (InterviewEditForm.of(interview, zone) if interview else None),
        "promise": promise,
        "promise_form": bound.get("promise_form")
        or (PromiseEditForm.of(promise) if promise else None),
        "contact_form": bound.get("contact_form") or ContactForm(),
        "contacts": [
            (c, bound.get(f"contact_{c.pk}_form") or ContactForm.of(c), f"contact_{c.pk}" == panel)
            for c in contacts
        ],
        "offers": [
            (o, bound.get(f"offer_{o.pk}_form") or OfferEditForm.of(o), f"offer_{o.pk}" == panel)
            for o in page.offers
        ],
        "people_open": panel == "contact" or panel.startswith("contact_"),
    }


@require_GET
@seeker_required
def campaign_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, _campaign(request, pk))


#: How many changes the campaign page lists under "So far" (the API and CLI give more).
HISTORY_SHOWN = 20


@dataclass(frozen=True, slots=True)
class EventRow:
    id: int
    when: str
    summary: str
    who: str
    undone: bool


def _event_row(event: CampaignEvent, user_id: int, viewer: Viewer) -> EventRow:
    local = event.at.astimezone(viewer.zone)
    by = "you" if event.user_id == user_id else (event.label or "someone")
    return EventRow(
        event.pk,
        fmt.when(local, viewer.today, viewer.twelve, dated=True),
        event.summary,
        f"{by}, {CampaignEvent.Via(event.via).label}",
        event.undone_at is not None,
    )


def _last_change(
    campaign: Campaign, events: list[CampaignEvent], viewer: Viewer
) -> EventRow | None:
    """The change an Undo on the page reverts: the newest one neither undone nor an undo."""
    last = next((e for e in events if e.kind != history.UNDO and e.undone_at is None), None)
    if last is None and len(events) == HISTORY_SHOWN:
        last = history.last_write(campaign)
    if last is None or last.before is None:
        return None
    return _event_row(last, -1, viewer)


def _record(
    request: HttpRequest,
    pk: int,
    form_class: type[ServiceForm],
    name: str,
    write: Callable[[Campaign, ServiceForm, Actor], services.Result],
    done: str,
) -> HttpResponse:
    """Validate one form of the campaign page, make its one service call, and go back to the
    page; a refusal re-renders the page with the form open and its values kept."""
    campaign = _campaign(request, pk)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            result = write(campaign, form, Actor.of(request.user, "web"))  # type: ignore[arg-type]
        except ServiceError as exc:
            form.add_service_error(exc)
        else:
            messages.success(request, _said(done, result, Viewer.of(request.seeker)))  # type: ignore[attr-defined]
            return redirect("campaign", pk=campaign.pk)
    return _page(request, campaign, status=400, open_panel=name, **{f"{name}_form": form})


def _said(done: str, result: services.Result, viewer: Viewer) -> str:
    """One sentence for the message: what was recorded and what comes next."""
    steps = sorted(result.actions, key=lambda a: a.due_at)
    if steps:
        first = steps[0]
        when = fmt.when(first.local_due(), viewer.today, viewer.twelve)
        return f"{done} — next: {fmt.kind_label(first.kind).lower()} {when}."
    if result.note:
        return f"{done} — {result.note}."
    return f"{done}."


@require_POST
@seeker_required
def campaign_answer(request: HttpRequest, pk: int) -> HttpResponse:
    def write(campaign: Campaign, form: ServiceForm, actor: Actor) -> services.Result:
        interview = campaign.interviews.order_by("-at").first()
        if interview is None:
            raise ServiceError("log the interview first")
        return services.record_interview_answer(
            interview=interview, actor=actor, **form.service_kwargs()
        )  # type: ignore[attr-defined]

    return _record(request, pk, AnswerForm, "answer", write, "Noted what they said")


@require_POST
@seeker_required
def campaign_check_in(request: HttpRequest, pk: int) -> HttpResponse:
    """No date was said: the seeker picks the day of the check-in call."""

    def write(campaign: Campaign, form: ServiceForm, actor: Actor) -> services.Result:
        day = form.cleaned_data["call_on"]
        return services.choose_check_in_day(campaign=campaign, day=day, actor=actor)

    return _record(request, pk, CheckInForm, "check_in", write, "Check-in day changed")


@require_POST
@seeker_required
def campaign_inbound(request: HttpRequest, pk: int) -> HttpResponse:
    def write(campaign: Campaign, form: ServiceForm, actor: Actor) -> services.Result:
        return services.log_inbound(campaign=campaign, actor=actor, **form.service_kwargs())  # type: ignore[attr-defined]

    return _record(request, pk, InboundForm, "inbound", write, "Noted that they got in touch")


@require_POST
@seeker_required
def campaign_offer(request: HttpRequest, pk: int) -> HttpResponse:
    def write(campaign: Campaign, form: ServiceForm, actor: Actor) -> services.Result:
        return services.record_offer(campaign=campaign, actor=actor, **form.cleaned_data)

    return _record(request, pk, OfferForm, "offer", write, "Offer recorded")


@require_POST
@seeker_required
def campaign_close(request: HttpRequest, pk: int) -> HttpResponse:
    def write(campaign: Campaign, form: ServiceForm, actor: Actor) -> services.Result:
        return services.close_out(
            campaign=campaign, lesson=form.cleaned_data["lesson"], actor=actor
        )

    return _record(request, pk, CloseOutForm, "close", write, "Closed out")


@require_POST
@seeker_required
def campaign_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    def write(campaign: Campaign, form: ServiceForm, actor: Actor) -> services.Result:
        return services.withdraw(campaign=campaign, actor=actor)

    return _record(request, pk, ServiceForm, "withdraw", write, "Withdrawn")


@require_POST
@seeker_required
def campaign_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    def write(campaign: Campaign, form: ServiceForm, actor: Actor) -> services.Result:
        return services.reopen(campaign=campaign, actor=actor)

    return _record(request, pk, ServiceForm, "reopen", write, "Reopened")


@require_POST
@seeker_required
def action_move(request: HttpRequest, pk: int) -> HttpResponse:
    rows = owned(Action, request.user).select_related("campaign__company", "campaign__contact")  # type: ignore[arg-type]
    action = get_owned(Action, request.user, pk, rows)  # type: ignore[arg-type]
    campaign = action.campaign
    form = MoveForm(request.POST)
    asked = False
    if form.is_valid():
        try:
            moved = services.move_action(
                action=action,
                actor=Actor.of(request.user, "web"),  # type: ignore[arg-type]
                **form.service_kwargs(),
            )
        except ServiceError as exc:
            asked = isinstance(exc, NeedsConfirmation)
            form.add_service_error(exc)
        else:
            viewer = Viewer.of(request.seeker)  # type: ignore[attr-defined]
            when = fmt.when(moved.local_due(), viewer.today, viewer.twelve)
            messages.success(request, f"Moved: {fmt.kind_label(moved.kind).lower()} {when}.")
            return redirect("campaign", pk=campaign.pk)
    return _page(request, campaign, status=400, move_form=form, move_id=action.pk, move_asked=asked)


@require_POST
@seeker_required
def campaign_undo(request: HttpRequest, pk: int) -> HttpResponse:
    """Undo the campaign's last change: the one the button showed (`event_id`), never a newer
    one. From Today's card (`step`), the step's card comes back in its place."""
    campaign = _campaign(request, pk)
    try:
        undone = history.undo_last(
            campaign=campaign,
            actor=Actor.of(request.user, "web"),  # type: ignore[arg-type]
            now=timezone.now(),
            event_id=_number(request.POST.get("event_id")),
        )
    except ServiceError as exc:
        said, ok = fmt.sentence(exc.message), False
    else:
        said, ok = f"Undone: {undone.event.summary}.", True
    step = _number(request.POST.get("step"))
    if request.htmx and step is not None:  # type: ignore[attr-defined]
        return undone_card(request, campaign, step, said, ok)
    (messages.success if ok else messages.error)(request, said)
    return redirect("campaign", pk=campaign.pk)


def _number(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() and len(value) < 12 else None
