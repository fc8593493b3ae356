"""An API client per persona: alice and bob each with their own token."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from pursuit.accounts.models import Seeker
from pursuit.accounts.services import create_token


class Api:
    """A test client that speaks JSON to /api/v1 with one bearer token."""

    def __init__(self, token: str | None) -> None:
        headers = {"authorization": f"Bearer {token}"} if token else {}
        self.client = Client(headers=headers)

    def get(self, path: str, **params: Any) -> Any:
        return self.client.get(f"/api/v1{path}", params)

    def post(self, path: str, body: dict[str, Any] | None = None) -> Any:
        return self.client.post(f"/api/v1{path}", body or {}, content_type="application/json")

    def patch(self, path: str, body: dict[str, Any], **headers: str) -> Any:
        return self.client.patch(
            f"/api/v1{path}", body, content_type="application/json", headers=headers
        )

    def delete(self, path: str) -> Any:
        return self.client.delete(f"/api/v1{path}")


def token_for(seeker: Seeker) -> str:
    _, plain = create_token(user=seeker.user, name="tests")
    return plain


@pytest.fixture
def as_alice(alice: Seeker) -> Api:
    return Api(token_for(alice))


@pytest.fixture
def as_bob(bob: Seeker) -> Api:
    return Api(token_for(bob))


def next_week(hour: int = 10) -> str:
    """A weekday a week or so ahead, company-local, so every step planned from it is ahead."""
    day = timezone.localdate() + dt.timedelta(days=7)
    while day.weekday() != 1:  # a Tuesday: never a weekend, rarely a holiday
        day += dt.timedelta(days=1)
    return f"{day.isoformat()}T{hour:02d}:00"


@pytest.fixture
def campaign(as_alice: Api) -> dict[str, Any]:
    """Alice's campaign at Acme after an interview: a thank-you note and a call are planned."""
    company = as_alice.post("/companies", {"name": "Acme Tools"}).json()
    made = as_alice.post(
        "/campaigns", {"company_id": company["id"], "role": "Buyer", "contact_name": "Ms. Jones"}
    ).json()
    result = as_alice.post(
        "/interviews",
        {"campaign_id": made["id"], "at": next_week(), "promise_text": "by Friday"},
    ).json()
    return result["campaign"] | {"actions": result["actions"]}


@pytest.fixture(autouse=True)
def quick_passwords(settings: Any) -> None:
    # The personas' passwords are never checked here; a slow hash only slows every test down.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
