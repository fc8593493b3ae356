"""Who is calling: a personal token (`Authorization: Bearer pst_…`) or the web app's session.

A token is tried first. A session is a browser's own cookie, so a write through it must carry the
CSRF token as well (the `X-CSRFToken` header), exactly as the web forms do; a token cannot be sent
by another site, so it needs none.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from ninja.errors import HttpError
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from pursuit.accounts.services import use_token


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = use_token(token=token)
        if user is not None:
            # Everything downstream (access checks included) reads request.user.
            request.user = user
        return user


class SessionAuth(APIKeyCookie):
    param_name = settings.SESSION_COOKIE_NAME

    def __init__(self) -> None:
        super().__init__(csrf=True)

    def _get_key(self, request: HttpRequest) -> str | None:
        # The CSRF check waits for a signed-in session (in authenticate): without one the
        # answer is 401, whatever the method.
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = request.user
        if not user.is_authenticated:
            return None
        if check_csrf(request) is not None:
            raise HttpError(403, "a write signed in on the web app needs the X-CSRFToken header")
        return user
