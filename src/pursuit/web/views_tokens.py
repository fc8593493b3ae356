"""/settings/tokens: the seeker's personal tokens for the JSON API (docs/api.md).

A new token appears once, in the answer to the form that made it, and is stored nowhere but as
its digest: not in the session, not in a message. That answer is never cached.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from pursuit.accounts.models import User
from pursuit.accounts.services import create_token, revoke_token
from pursuit.errors import ServiceError
from pursuit.web.guard import seeker_required


class TokenForm(forms.Form):
    name = forms.CharField(
        label="What it is for",
        max_length=100,
        required=False,
        help_text="A calendar, a phone, a script: so you know which to revoke later.",
    )


@never_cache
@require_http_methods(["GET", "POST"])
@seeker_required
def tokens(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    form = TokenForm(request.POST or None)
    made = None
    if request.method == "POST" and form.is_valid():
        try:
            made = create_token(user=user, name=form.cleaned_data["name"])
        except ServiceError as exc:
            form.add_error("name" if exc.field == "name" else None, exc.message)
        else:
            form = TokenForm()
    context = {
        "nav": "settings",
        "form": form,
        "made": made[0] if made else None,
        "plain": made[1] if made else None,
        "tokens": user.api_tokens.all(),
    }
    return render(request, "web/tokens.html", context, status=400 if form.errors else 200)


@require_POST
@seeker_required
def revoke(request: HttpRequest, pk: int) -> HttpResponse:
    # A token is its user's own: anyone else's id is a 404, like any row not yours.
    token = get_object_or_404(request.user.api_tokens, pk=pk)  # type: ignore[union-attr]
    revoke_token(token=token)
    label = f"“{token.name}”" if token.name else token.prefix
    messages.success(request, f"Token {label} revoked: it no longer works.")
    return redirect("tokens")


urlpatterns = [
    path("", tokens, name="tokens"),
    path("/<int:pk>/revoke", revoke, name="token_revoke"),
]
