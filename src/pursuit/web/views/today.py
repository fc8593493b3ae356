"""Today: what to do now and in the days ahead, and the one-tap outcome of each step."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from pursuit.campaigns import history, services
from pursuit.campaigns.access import get_owned, owned
from pursuit.campaigns.history import Actor
from pursuit.campaigns.models import Action, Campaign
from pursuit.campaigns.services import Result
from pursuit.errors import ServiceError
from pursuit.method.calendar import zone_named
from pursuit.method.vocab import ActionStatus, CampaignStatus, Outcome
from pursuit.web import format as fmt
from pursuit.web import queries
from pursuit.web.cards import Page, card_html, cards_html, slot, splice
from pursuit.web.forms import OutcomeForm
from pursuit.web.guard import safe_next, seeker_required
from pursuit.web.queries import Card, Viewer, card_for, row_of


@require_GET
@seeker_required
def today(request: HttpRequest) -> HttpResponse:
    agenda = queries.agenda(request.user, request.seeker)  # type: ignore[arg-type,attr-defined]
    first = agenda.overdue[:1] or [c for d in agenda.days for c in d.cards][:1]
    # One token for every card: masking it afresh for each form would cost per card.
    page = Page(get_token(request), first_id=first[0].id if first else None)
    lists = {"overdue": agenda.overdue} | {f"day{i}": d.cards for i, d in enumerate(agenda.days)}
    frame = render_to_string(
        "web/today.html",
        {
            "nav": "today",
            "agenda": agenda,
            "overdue": slot("overdue"),
            "days": [(day, slot(f"day{i}")) for i, day in enumerate(agenda.days)],
        },
        request,
    )
    pieces = {name: [card_html(c, page) for c in cards] for name, cards in lists.items()}
    # Joined as one string: a response built from a list encodes (and looks up its charset for)
    # every piece, three times the cost.
    return HttpResponse("".join(splice(frame, pieces)))


@dataclass(slots=True)
class NextStep:
    label: str
    when: str
    yours: str
    reason: str


@dataclass(slots=True)
class Done:
    """What the seeker sees after an outcome: what was noted and what comes next."""

    action_id: int
    campaign_id: int
    company: str
    headline: str
    steps: list[NextStep] = field(default_factory=list)
    closing: str = ""
    #: The write an Undo button reverts (None: nothing to undo).
    event_id: int | None = None

    @property
    def text(self) -> str:
        """The same, as one sentence (for the message after a plain form post)."""
        if not self.steps:
            return f"{self.headline} — {self.closing}" if self.closing else self.headline
        first = self.steps[0]
        reason = f" ({first.reason})" if first.reason else ""
        return f"{self.headline} — next: {first.label.lower()} {first.when}{reason}"


def _next_step(action: Action, viewer: Viewer, outcome: Outcome | None = None) -> NextStep:
    local = action.due_at.astimezone(zone_named(action.zone))
    return NextStep(
        fmt.kind_label(action.kind),
        fmt.when(local, viewer.today, viewer.twelve),
        fmt.also_yours(local, viewer.zone, viewer.today, viewer.twelve),
        fmt.next_step_reason(outcome, action.reason),
    )


_CLOSINGS = {
    CampaignStatus.LOST: "this campaign is closed. Keep the others moving.",
    CampaignStatus.WON: "congratulations: a written offer you want.",
    CampaignStatus.WITHDRAWN: "this campaign is withdrawn.",
}


def confirmation(action: Action, outcome: Outcome, result: Result, viewer: Viewer) -> Done:
    steps = sorted(result.actions, key=lambda a: a.due_at)
    done = Done(
        action.pk,
        action.campaign_id,
        action.campaign.company.name,
        fmt.done_words(action.kind, outcome),
        [_next_step(a, viewer, outcome) for a in steps[:3]],
    )
    if not steps:
        status = CampaignStatus(result.campaign.status)
        done.closing = _CLOSINGS.get(status, fmt.sentence(result.note) or "noted.")
    return done


def undone_card(
    request: HttpRequest, campaign: Campaign, step: int, said: str, ok: bool
) -> HttpResponse:
    """What replaces Today's "done" card after its Undo: the step's card again when the undo
    brought it back, else what was said (a refusal, or the step gone)."""
    viewer = Viewer.of(request.seeker)  # type: ignore[attr-defined]
    rows = owned(Action, request.user).select_related("campaign__company", "campaign__contact")  # type: ignore[arg-type]
    action = rows.filter(pk=step, campaign=campaign, status=ActionStatus.PLANNED).first()
    if ok and action is not None:
        card = card_for(row_of(action), viewer)
        page = Page(get_token(request), "", card.id, focus_id=card.id)
        return _in_place(HttpResponse(cards_html([card], page)))
    done = Done(step, campaign.pk, campaign.company.name, said)
    done.closing = "" if ok else "refresh to see where things stand."
    return _in_place(render(request, "web/today.html#done", {"done": done}))


def undoable_event(campaign: Campaign) -> int | None:
    """The write an Undo button on the campaign would revert now."""
    event = history.last_write(campaign)
    return event.pk if event is not None and event.before is not None else None


def _already_recorded(action: Action, viewer: Viewer, user: object) -> Done:
    """A second tap on a step that already has its outcome: show where things stand instead."""
    step = queries.next_planned(user, action.campaign_id)  # type: ignore[arg-type]
    done = Done(action.pk, action.campaign_id, action.campaign.company.name, "Already recorded")
    if step is not None:
        done.steps.append(_next_step(step, viewer))
    else:
        done.closing = "nothing else is planned for this campaign."
    return done


def _error_card(action: Action, viewer: Viewer, form: OutcomeForm) -> Card:
    card = card_for(row_of(action), viewer)
    card.values = {k: str(form.data.get(k, "")) for k in form.fields}
    card.errors = {
        "form" if name == "__all__" else name: " ".join(str(e) for e in errs)
        for name, errs in form.errors.items()
    }
    if "at" in card.errors:
        card.open = "when"
        # Default: now, on the seeker's own clock (they answer "when did you call?" in it).
        card.values["at"] = (
            card.values["at"] or f"{viewer.now.astimezone(viewer.zone):%Y-%m-%dT%H:%M}"
        )
    elif "callback_at" in card.errors:
        card.open = "callback"
    elif "promise" in card.errors or "interview_at" in card.errors:
        card.open = "reached"
    return card


def _in_place(response: HttpResponse) -> HttpResponse:
    """An answer that replaces its card: the page's address stays what it was (a boosted form
    would otherwise put the outcome URL in the address bar)."""
    response["HX-Push-Url"] = "false"
    return response


@require_POST
@seeker_required
def action_outcome(request: HttpRequest, pk: int) -> HttpResponse:
    user, seeker = request.user, request.seeker  # type: ignore[attr-defined]
    rows = owned(Action, user).select_related("campaign__company", "campaign__contact")  # type: ignore[arg-type]
    action = get_owned(Action, user, pk, rows)  # type: ignore[arg-type]
    viewer = Viewer.of(seeker)
    back = safe_next(request, reverse("today"))
    form = OutcomeForm(
        request.POST, kind=action.kind_enum, zone=action.zone, now=viewer.now, mine=viewer.zone
    )
    done: Done | None = None
    if action.status != ActionStatus.PLANNED:
        done = _already_recorded(action, viewer, user)
    elif request.POST.get("not_yet"):
        # The step is not done yet after all: its card comes back as it was.
        if request.htmx:  # type: ignore[attr-defined]
            return _step_card(request, action, viewer, back)
        return redirect(back)
    elif form.is_valid():
        try:
            result = services.log_outcome(
                action=action, actor=Actor.of(user, "web"), **form.service_kwargs()
            )
        except ServiceError as exc:
            if Action.objects.filter(pk=action.pk, status=ActionStatus.PLANNED).exists():
                form.add_service_error(exc)
            else:  # another tab or a double tap got there first
                done = _already_recorded(action, viewer, user)
        else:
            done = confirmation(action, form.cleaned_data["outcome"], result, viewer)
            done.event_id = undoable_event(action.campaign)
    if done is not None:
        if request.htmx:  # type: ignore[attr-defined]
            return _in_place(render(request, "web/today.html#done", {"done": done}))
        messages.success(request, done.text)
        return redirect(back)
    card = _error_card(action, viewer, form)
    return _card_response(request, card, back)


def _step_card(request: HttpRequest, action: Action, viewer: Viewer, back: str) -> HttpResponse:
    return _card_response(request, card_for(row_of(action), viewer), back)


def _card_response(request: HttpRequest, card: Card, back: str) -> HttpResponse:
    next_page = "" if back == reverse("today") else back
    html = cards_html([card], Page(get_token(request), next_page, card.id, focus_id=card.id))
    if request.htmx:  # type: ignore[attr-defined]
        return _in_place(HttpResponse(html))
    context = {"card_html": html, "next": back, "nav": "today"}
    return render(request, "web/step.html", context, status=400)
