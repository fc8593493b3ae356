"""Every request of a signed-in seeker reads times in their zone and on their clock, and nothing
private is kept by a browser's or a proxy's cache."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from pursuit.web import format as fmt


class SeekerClockMiddleware:
    """Makes the seeker's zone and 12/24-hour clock current for the request (web/format.py).

    Runs after authentication. Reading `user.seeker` here costs no extra query on a seeker's
    page: the view's guard finds the profile already cached on the user.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        seeker = getattr(user, "seeker", None) if user.is_authenticated else None
        if seeker is None:
            return self.get_response(request)
        with fmt.seeker_clock(seeker.zone, seeker.locale):
            return self.get_response(request)


#: The JSON API's prefix (pursuit/urls.py): its callers sign in with a token, not a session.
API_PREFIX = "/api/"


class PrivateCacheMiddleware:
    """`Cache-Control: private, no-store` on every page of a signed-in seeker (documents and
    downloads among them) and every API answer: a shared computer's back button or a proxy must
    not show them to the next person. A response that states its own caching keeps it (the
    calendar feed revalidates by ETag); static files are served before this runs."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response
        if request.path_info.startswith(API_PREFIX) or request.user.is_authenticated:
            response["Cache-Control"] = "private, no-store"
        return response
