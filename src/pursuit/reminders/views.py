"""Pages and files of the reminders app: the calendar feed, one step's .ics, the reminder
settings with the feed token, the outbox, pauses, and the unsubscribe link of every email."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from pursuit.accounts.models import Seeker
from pursuit.campaigns.access import get_owned, outbox_for, owned
from pursuit.campaigns.models import Action, Campaign
from pursuit.errors import ServiceError
from pursuit.reminders import feed as ics
from pursuit.reminders import services
from pursuit.reminders.forms import PauseForm, ReminderSettingsForm
from pursuit.reminders.mail import seeker_from_unsubscribe_token, sends_mail
from pursuit.reminders.models import CampaignPause, OutboxMessage, ReminderSettings

CALENDAR_TYPE = "text/calendar; charset=utf-8"


def _seeker(request: HttpRequest) -> Seeker:
    try:
        return request.user.seeker  # type: ignore[union-attr]
    except Seeker.DoesNotExist:
        raise Http404("no seeker profile") from None


# -- calendar ------------------------------------------------------------------------------------


@require_safe
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The subscribed calendar. The token is the only key: no session, no cookie."""
    prefs = get_object_or_404(
        ReminderSettings.objects.select_related("seeker__user"), feed_token=token
    )
    body = ics.render_feed(prefs.seeker, prefs)
    etag = ics.etag_of(body)
    prefs = services.note_feed_body(prefs=prefs, etag=etag, now=timezone.now())
    changed = prefs.feed_changed_at or timezone.now()
    response = HttpResponse(body, content_type=CALENDAR_TYPE)
    response["ETag"] = f'"{etag}"'
    response["Last-Modified"] = http_date(changed.timestamp())
    response["Content-Disposition"] = 'inline; filename="pursuit.ics"'
    # The URL is a secret: no shared cache may keep it; clients revalidate with the ETag.
    patch_cache_control(response, private=True, no_cache=True)
    return get_conditional_response(
        request, etag=f'"{etag}"', last_modified=int(changed.timestamp()), response=response
    )


@login_required
@require_safe
def step_ics(request: HttpRequest, pk: int) -> HttpResponse:
    rows = owned(Action, request.user).select_related(  # type: ignore[arg-type]
        "campaign__company", "campaign__contact", "seeker"
    )
    action = get_owned(Action, request.user, pk, rows)  # type: ignore[arg-type]
    prefs = services.settings_for(action.seeker)
    body = ics.render_step(action, prefs, now=timezone.now())
    response = HttpResponse(body, content_type=CALENDAR_TYPE)
    response["Content-Disposition"] = f'attachment; filename="pursuit-step-{action.pk}.ics"'
    return response


# -- settings ------------------------------------------------------------------------------------


@login_required
def settings_page(request: HttpRequest) -> HttpResponse:
    seeker = _seeker(request)
    prefs = services.settings_for(seeker)
    if request.method == "POST":
        form = ReminderSettingsForm(request.POST)
        if form.is_valid():
            try:
                services.update_settings(seeker=seeker, **form.cleaned_data)
            except ServiceError as exc:
                form.add_error(exc.field, exc.message)
            else:
                messages.success(request, "Reminder settings saved.")
                return redirect("reminders:settings")
    else:
        form = ReminderSettingsForm(
            initial={
                "email_enabled": prefs.email_enabled,
                "digest_enabled": prefs.digest_enabled,
                "digest_at": prefs.digest_at,
                "lead_minutes": prefs.lead_minutes,
                "alarm_minutes": prefs.alarm_minutes,
            }
        )
    # The address the seeker reached this page at; emails, with no request, use PURSUIT_BASE_URL.
    feed_url = request.build_absolute_uri(
        reverse("reminders:feed", kwargs={"token": prefs.feed_token})
    )
    context = {
        "nav": "settings",
        "form": form,
        "prefs": prefs,
        "feed_url": feed_url,
        "webcal_url": "webcal://" + feed_url.split("://", 1)[1],
        "outbox_count": OutboxMessage.objects.filter(seeker=seeker).count(),
    }
    return render(request, "reminders/settings.html", context)


@login_required
@require_POST
def rotate(request: HttpRequest) -> HttpResponse:
    services.rotate_feed_token(seeker=_seeker(request))
    messages.success(
        request, "New calendar address made. The old one no longer works: subscribe again."
    )
    return redirect("reminders:settings")


# -- outbox --------------------------------------------------------------------------------------


@login_required
def outbox(request: HttpRequest) -> HttpResponse:
    _seeker(request)
    rows = outbox_for(request.user).defer("body_html", "body_text")  # type: ignore[arg-type]
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    context = {"nav": "settings", "page": page, "no_mail_server": not sends_mail()}
    return render(request, "reminders/outbox.html", context)


@login_required
def outbox_message(request: HttpRequest, pk: int) -> HttpResponse:
    _seeker(request)
    message = get_object_or_404(outbox_for(request.user), pk=pk)  # type: ignore[arg-type]
    context = {"nav": "settings", "m": message, "no_mail_server": not sends_mail()}
    return render(request, "reminders/outbox_message.html", context)


# -- pauses --------------------------------------------------------------------------------------


@login_required
def pause(request: HttpRequest) -> HttpResponse:
    seeker = _seeker(request)
    campaigns = owned(Campaign, request.user).filter(  # type: ignore[arg-type]
        status__in=["active", "offer_verbal"]
    )
    form = PauseForm(request.POST or None, campaigns=campaigns)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["campaign"] is None:
                done = services.pause_everything(
                    seeker=seeker, start=data["start"], end=data["end"], note=data["note"]
                )
            else:
                done = services.pause_campaign(
                    campaign=data["campaign"],
                    start=data["start"],
                    end=data["end"],
                    note=data["note"],
                )
        except ServiceError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            n = len(done.moved)
            messages.success(
                request, f"Paused. {n} step{'s' if n != 1 else ''} moved past the last day."
            )
            return redirect("reminders:pause")
    pauses = CampaignPause.objects.filter(
        campaign__in=campaigns, end__gte=timezone.localdate()
    ).select_related("campaign__company")
    blackouts = seeker.blackouts.filter(end__gte=timezone.localdate())
    context = {"nav": "settings", "form": form, "pauses": pauses, "blackouts": blackouts}
    return render(request, "reminders/pause.html", context)


@login_required
@require_POST
def end_pause(request: HttpRequest, pk: int) -> HttpResponse:
    campaigns = owned(Campaign, request.user)  # type: ignore[arg-type]
    row = get_object_or_404(CampaignPause.objects.select_related("campaign"), pk=pk)
    if not campaigns.filter(pk=row.campaign_id).exists():
        raise Http404("no such pause")
    services.end_pause(pause=row)
    messages.success(request, "The pause is over; moved steps stay where they are.")
    return redirect("reminders:pause")


# -- unsubscribe ---------------------------------------------------------------------------------


# Mail programs send the one-click POST (RFC 8058) without a session or a CSRF token; the
# signed token in the URL is what proves the request came from the seeker's email.
@csrf_exempt
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    seeker_id = seeker_from_unsubscribe_token(token)
    seeker = get_object_or_404(Seeker, pk=seeker_id) if seeker_id else None
    if seeker is None:
        raise Http404("this link is not valid")
    if request.method == "POST":
        services.unsubscribe(seeker=seeker)
        return render(request, "reminders/unsubscribed.html", {"done": True})
    return render(request, "reminders/unsubscribed.html", {"done": False, "token": token})
