"""The API's URLs, answering JSON for every path under /api/v1, the unknown ones included."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import URLPattern, path, re_path, reverse
from django.views.decorators.csrf import csrf_exempt

from pursuit.api.api import api

View = Callable[..., HttpResponse]


def _error(status: int, detail: str) -> JsonResponse:
    return JsonResponse({"detail": detail, "field": None}, status=status)


def _json_not_allowed(view: View) -> View:
    # Ninja answers a method a path does not take with a plain-text 405, outside its exception
    # handlers; this gives it the API's error shape. (`wraps` keeps the view's csrf_exempt.)
    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if response.status_code == 405 and not response["Content-Type"].startswith(
            "application/json"
        ):
            allowed = response["Allow"]
            response = _error(405, f"{request.method} is not allowed here; use {allowed}")
            response["Allow"] = allowed
        return response

    return wrapped


@csrf_exempt
def index(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    """/api/v1/ itself: where the schema and the docs page are."""
    return JsonResponse(
        {
            "openapi": reverse("api:openapi-json"),
            "docs": reverse("api:openapi-view"),
            "guide": "docs/api.md",
        }
    )


@csrf_exempt
def unknown(request: HttpRequest, path: str) -> HttpResponse:
    return _error(404, f"no such endpoint: {request.path}")


def _api_urls() -> tuple[list[Any], str, str]:
    patterns, app_name, namespace = api.urls
    for pattern in patterns:
        if isinstance(pattern, URLPattern):
            if pattern.name == "api-root":
                pattern.callback = index
            else:
                pattern.callback = _json_not_allowed(pattern.callback)
    return patterns, app_name, namespace


urlpatterns = [
    path("", _api_urls()),
    re_path(r"^(?P<path>.*)$", unknown),
]
