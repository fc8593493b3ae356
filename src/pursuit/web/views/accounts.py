"""Accounts: the first run, sign-up by invitation, signing in, and the seeker's settings."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.core.mail import send_mail
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from pursuit.accounts import services as accounts
from pursuit.accounts.models import INVITATION_DAYS, Blackout, Invitation, Seeker, User
from pursuit.campaigns.access import get_owned, owned
from pursuit.errors import ServiceError
from pursuit.reminders.mail import sends_mail
from pursuit.web import preview
from pursuit.web.format import sentence
from pursuit.web.forms import (
    AccountForm,
    BlackoutForm,
    InviteForm,
    PlaybookForm,
    ProfileForm,
    ServiceForm,
    UserPasswordForm,
)
from pursuit.web.guard import first_run_aware, seeker_required

_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _lists() -> dict[str, Any]:
    return {"zones": preview.zone_names(), "countries": preview.countries()}


def _account(form: AccountForm) -> dict[str, Any]:
    fields = ("email", "password", "name", "zone", "country", "subdiv", "locale")
    return {f: form.cleaned_data[f] for f in fields}


@require_http_methods(["GET", "POST"])
def setup(request: HttpRequest) -> HttpResponse:
    """The very first page: whoever starts Pursuit creates its owner account."""
    if accounts.has_owner():
        return redirect("login")
    form = AccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            seeker = accounts.create_seeker(**_account(form), owner=True)
        except ServiceError as exc:
            form.add_service_error(exc)
        else:
            login(request, seeker.user, backend=_BACKEND)
            messages.success(request, f"Welcome, {seeker.display_name}. Log your first interview.")
            return redirect("interview_new")
    return render(
        request,
        "web/setup.html",
        {"form": form, "first_run": True, **_lists()},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
@first_run_aware
def signup(request: HttpRequest) -> HttpResponse:
    """Joining later: with an invitation, or by anyone when open sign-up is on."""
    token = request.POST.get("invite") or request.GET.get("invite") or ""
    invitation = (
        Invitation.objects.select_related("invited_by")
        .filter(token=token, used_at__isnull=True)
        .first()
    )
    if invitation is not None and invitation.expired(timezone.now()):
        reason = sentence(accounts.invitation_expired(invitation))
        return render(request, "web/signup_closed.html", {"reason": reason}, status=403)
    if invitation is None and not settings.OPEN_SIGNUP:
        return render(request, "web/signup_closed.html", status=403)
    initial = {"email": invitation.email} if invitation else {}
    form = AccountForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if invitation is not None:
                seeker = accounts.join(token=token, **_account(form))
            else:
                seeker = accounts.create_seeker(**_account(form))
        except ServiceError as exc:
            form.add_service_error(exc)
        else:
            login(request, seeker.user, backend=_BACKEND)
            messages.success(request, f"Welcome, {seeker.display_name}.")
            return redirect("interview_new")
    return render(
        request,
        "web/setup.html",
        {"form": form, "first_run": False, "invite": token, **_lists()},
        status=400 if form.errors else 200,
    )


class LoginView(auth_views.LoginView):
    template_name = "web/login.html"
    redirect_authenticated_user = True

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated and not accounts.has_owner():
            return redirect("setup")
        return super().dispatch(request, *args, **kwargs)


class PasswordResetView(auth_views.PasswordResetView):
    """The emailed link, when this server sends email; otherwise the page says so and shows the
    two ways back in (the command, or the owner), rather than promising a link nobody gets."""

    template_name = "web/password_reset.html"
    email_template_name = "web/email/password_reset.txt"
    subject_template_name = "web/email/password_reset_subject.txt"
    success_url = reverse_lazy("password_reset_done")

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not sends_mail():
            return self.get(request, *args, **kwargs)
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(**kwargs) | {"sends_mail": sends_mail()}


password_reset = first_run_aware(PasswordResetView.as_view())
password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="web/password_reset_done.html"
)
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    template_name="web/password_reset_confirm.html",
    success_url=reverse_lazy("password_reset_complete"),
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="web/password_reset_complete.html"
)
password_change = auth_views.PasswordChangeView.as_view(
    template_name="web/password_change.html", success_url=reverse_lazy("password_change_done")
)
password_change_done = auth_views.PasswordChangeDoneView.as_view(
    template_name="web/password_change_done.html"
)
logout = auth_views.LogoutView.as_view()


# -- settings -------------------------------------------------------------------------------------


def _settings_page(request: HttpRequest, *, status: int = 200, **forms: Any) -> HttpResponse:
    seeker: Seeker = request.seeker  # type: ignore[attr-defined]
    playbook = seeker.playbook
    context = {
        "nav": "settings",
        "profile_form": forms.get("profile_form")
        or ProfileForm(
            initial={
                "name": seeker.name,
                "phone": seeker.phone,
                "zone": seeker.zone,
                "locale": seeker.locale,
                "country": seeker.country,
                "subdiv": seeker.subdiv,
            }
        ),
        "blackout_form": forms.get("blackout_form") or BlackoutForm(),
        "playbook_form": forms.get("playbook_form")
        or PlaybookForm(
            initial={
                "thank_you": playbook.thank_you,
                "visits": playbook.visits,
                "max_call_attempts": playbook.max_call_attempts,
            }
        ),
        "blackouts": owned(Blackout, request.user),  # type: ignore[arg-type]
        "invite_form": forms.get("invite_form") or InviteForm(),
        "invitation_days": INVITATION_DAYS,
        "invitations": Invitation.objects.filter(invited_by=request.user, used_at__isnull=True)
        if request.user.is_staff
        else (),
        # The owner can let someone back in who forgot their password.
        "users": User.objects.exclude(pk=request.user.pk).order_by("email")
        if request.user.is_superuser
        else (),
        "user_password_form": UserPasswordForm(),
        **_lists(),
    }
    return render(request, "web/settings.html", context, status=status)


@require_http_methods(["GET"])
@seeker_required
def settings_page(request: HttpRequest) -> HttpResponse:
    return _settings_page(request)


def _save(
    request: HttpRequest, form: ServiceForm, name: str, write: Any, done: str
) -> HttpResponse:
    if form.is_valid():
        try:
            write(form.cleaned_data)
        except ServiceError as exc:
            form.add_service_error(exc)
        else:
            messages.success(request, done)
            return redirect(reverse("settings") + f"#{name}")
    return _settings_page(request, status=400, **{f"{name}_form": form})


@require_POST
@seeker_required
def settings_profile(request: HttpRequest) -> HttpResponse:
    seeker = request.seeker  # type: ignore[attr-defined]
    return _save(
        request,
        ProfileForm(request.POST),
        "profile",
        lambda d: accounts.update_profile(seeker=seeker, **d),
        "Your details are saved.",
    )


@require_POST
@seeker_required
def settings_playbook(request: HttpRequest) -> HttpResponse:
    seeker = request.seeker  # type: ignore[attr-defined]
    return _save(
        request,
        PlaybookForm(request.POST),
        "playbook",
        lambda d: accounts.update_playbook(seeker=seeker, **d),
        "Saved. New steps follow these settings; steps already planned stay as they are.",
    )


@require_POST
@seeker_required
def blackout_add(request: HttpRequest) -> HttpResponse:
    seeker = request.seeker  # type: ignore[attr-defined]
    return _save(
        request,
        BlackoutForm(request.POST),
        "blackout",
        lambda d: accounts.add_blackout(seeker=seeker, **d),
        "Days off saved: no new step will be planned on them.",
    )


@require_POST
@seeker_required
def blackout_delete(request: HttpRequest, pk: int) -> HttpResponse:
    blackout = get_owned(Blackout, request.user, pk)  # type: ignore[arg-type]
    accounts.remove_blackout(blackout=blackout)
    messages.success(request, "Days off removed.")
    return redirect(reverse("settings") + "#blackout")


@require_POST
@seeker_required
def invite(request: HttpRequest) -> HttpResponse:
    if not request.user.is_staff:
        return redirect("settings")
    form = InviteForm(request.POST)

    def write(d: dict[str, Any]) -> None:
        invitation = accounts.invite(
            by=request.user,  # type: ignore[arg-type]
            email=d["email"],
            for_anyone=d["for_anyone"],
        )
        link = request.build_absolute_uri(reverse("signup") + f"?invite={invitation.token}")
        send_mail(
            "You're invited to Pursuit",
            f"Hello,\n\nYou're invited to follow up on your interviews with Pursuit. "
            f"Create your account here:\n\n{link}\n",
            None,
            [invitation.email],
        )
        messages.info(request, f"Invitation link for {invitation.email}: {link}")

    return _save(request, form, "invite", write, "Invitation sent.")


@require_POST
@seeker_required
def user_password(request: HttpRequest, pk: int) -> HttpResponse:
    """The owner sets a new password for another user; anyone else finds no such page."""
    if not request.user.is_superuser:
        raise Http404
    user = get_object_or_404(User.objects.exclude(pk=request.user.pk), pk=pk)
    form = UserPasswordForm(request.POST)
    if form.is_valid():
        try:
            accounts.reset_password(
                by=request.user,  # type: ignore[arg-type]
                user=user,
                password=form.cleaned_data["password"],
            )
        except ServiceError as exc:
            form.add_service_error(exc)
        else:
            messages.success(request, f"New password set for {user.email}.")
            return redirect(reverse("settings") + "#users")
    # A password is never typed back into a page: the reason goes in the message instead.
    problems = " ".join(e for errors in form.errors.values() for e in errors)
    messages.error(request, f"No new password for {user.email}: {problems}")
    return redirect(reverse("settings") + "#users")
