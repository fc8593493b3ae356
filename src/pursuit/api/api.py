"""The NinjaAPI instance: who may call, the resources, and one error shape for every 4xx.

Every refusal reads `{"detail": "what to fix", "field": "the input it is about" or null}`:
validation errors, a refused write (ServiceError), another seeker's or a missing row (404), no or
a bad token (401), a session write without CSRF (403).
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Swagger
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.parser import Parser

from pursuit.api import (
    actions,
    campaigns,
    companies,
    contacts,
    interviews,
    offers,
    promises,
)
from pursuit.api import trash as trash_api
from pursuit.api.auth import SessionAuth, TokenAuth
from pursuit.api.common import NotFound
from pursuit.campaigns.edits import Changed
from pursuit.errors import ServiceError


class ObjectBodyParser(Parser):
    """A body is one JSON object. Ninja would read a list or a bare value as an empty object, and
    an endpoint whose fields all have defaults would then act on input it never got."""

    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        data = super().parse_body(request)
        if not isinstance(data, dict):
            raise ValueError("the body must be a JSON object")
        return data


api = NinjaAPI(
    title="Pursuit",
    version="1",
    description=(
        "Companies, campaigns, interviews, planned steps and offers of the signed-in seeker. "
        "Send `Authorization: Bearer <token>` (make one with `pursuit token create` or on the "
        "settings page). The full guide is docs/api.md."
    ),
    urls_namespace="api",
    auth=[TokenAuth(), SessionAuth()],
    docs=Swagger(settings={"persistAuthorization": False}),
    parser=ObjectBodyParser(),
)
api.add_router("/companies", companies.router)
api.add_router("/campaigns", campaigns.router)
api.add_router("/interviews", interviews.router)
api.add_router("/actions", actions.router)
api.add_router("/agenda", actions.agenda_router)
api.add_router("/offers", offers.router)
api.add_router("/contacts", contacts.router)
api.add_router("/promises", promises.router)
api.add_router("/trash", trash_api.router)


def error(request: HttpRequest, status: int, detail: str, field: str | None = None) -> HttpResponse:
    return api.create_response(request, {"detail": detail, "field": field}, status=status)


def _field(loc: list[Any] | tuple[Any, ...]) -> str | None:
    """("body", "payload", "due_at") -> "due_at"; ("query", "limit") -> "limit"."""
    parts = [str(part) for part in loc[1:]]
    if loc and loc[0] == "body" and parts:
        parts = parts[1:]
    return ".".join(parts) or None


def _invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    problems = [(_field(e.get("loc", ())), str(e.get("msg", "invalid"))) for e in exc.errors]
    detail = "; ".join(f"{field}: {msg}" if field else msg for field, msg in problems)
    return error(request, 422, detail or "invalid input", problems[0][0] if problems else None)


def _refused(request: HttpRequest, exc: ServiceError) -> HttpResponse:
    return error(request, 400, exc.message, exc.field)


def _changed(request: HttpRequest, exc: Changed) -> HttpResponse:
    body = {"detail": exc.message, "field": None, "current": exc.current}
    return api.create_response(request, body, status=409)


def _not_found(request: HttpRequest, exc: NotFound) -> HttpResponse:
    return error(request, 404, exc.detail, exc.field)


def _http_404(request: HttpRequest, exc: Http404) -> HttpResponse:
    return error(request, 404, str(exc) or "not found")


def _unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    response = error(
        request, 401, "send a valid token as `Authorization: Bearer <token>`, or sign in"
    )
    response["WWW-Authenticate"] = "Bearer"
    return response


def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return error(request, exc.status_code, exc.message)


api.add_exception_handler(ValidationError, _invalid)
api.add_exception_handler(ServiceError, _refused)
api.add_exception_handler(Changed, _changed)
api.add_exception_handler(NotFound, _not_found)
api.add_exception_handler(Http404, _http_404)
api.add_exception_handler(AuthenticationError, _unauthenticated)
api.add_exception_handler(HttpError, _http_error)
