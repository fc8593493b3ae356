"""Who may see a page: a signed-in seeker; before any account exists, everyone goes to setup."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme

from pursuit.accounts.models import Seeker
from pursuit.accounts.services import has_owner

View = Callable[..., HttpResponse]


def seeker_required(view: View) -> View:
    """Signed in with a seeker profile, else to login (or to setup on the very first run).

    The view finds the profile on `request.seeker`. Only anonymous requests ask whether an
    owner exists, so a signed-in page pays no query for it.
    """

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            if not has_owner():
                return redirect("setup")
            return redirect_to_login(request.get_full_path())
        try:
            request.seeker = request.user.seeker  # type: ignore[attr-defined,union-attr]
        except Seeker.DoesNotExist:
            return render(request, "web/no_profile.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper


def first_run_aware(view: View) -> View:
    """A page for people who are not signed in (login, password reset): setup comes first."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated and not has_owner():
            return redirect("setup")
        return view(request, *args, **kwargs)

    return wrapper


def safe_next(request: HttpRequest, default: str) -> str:
    """Where to go after a form: the `next` it carried when that stays on this site."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default
