"""`pursuit token create|list|revoke`: the token is printed once and works on the API at once."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client

from pursuit.accounts.models import ApiToken, Seeker
from pursuit.accounts.services import create_seeker

from .conftest import Ran


def test_create_prints_the_token_once_and_it_opens_the_api(
    cli: Callable[..., Ran], owner: Seeker
) -> None:
    made = cli("token", "create", "--name", "calendar", "--json").json()
    assert made["name"] == "calendar"
    assert made["token"].startswith(made["prefix"] + "_")
    assert made["active"] is True
    client = Client(headers={"authorization": f"Bearer {made['token']}"})
    assert client.get("/api/v1/agenda").status_code == 200
    listed = cli("token", "list", "--json").json()
    assert [t["id"] for t in listed] == [made["id"]]
    assert "token" not in listed[0]
    assert listed[0]["last_used_at"] is not None


def test_create_says_to_copy_the_token_now(cli: Callable[..., Ran], owner: Seeker) -> None:
    shown = cli("token", "create")
    assert shown.code == 0
    plain = ApiToken.objects.get().prefix
    assert plain in shown.out
    assert "not shown again" in shown.out


def test_revoke_stops_the_token_at_once(cli: Callable[..., Ran], owner: Seeker) -> None:
    made = cli("token", "create", "--json").json()
    revoked = cli("token", "revoke", str(made["id"]), "--json").json()
    assert revoked["active"] is False
    assert revoked["revoked_at"] is not None
    client = Client(headers={"authorization": f"Bearer {made['token']}"})
    assert client.get("/api/v1/agenda").status_code == 401
    assert "never" in cli("token", "list").out


def test_another_users_token_cannot_be_revoked(cli: Callable[..., Ran], owner: Seeker) -> None:
    other = create_seeker(email="ola@example.com", name="Ola")
    made = cli("token", "create", "--user", other.user.email, "--json").json()
    refused = cli("token", "revoke", str(made["id"]))
    assert refused.code == 1
    assert refused.err.strip() == f"no such token: {made['id']}"
    assert ApiToken.objects.get().is_active


def test_a_name_too_long_is_refused(cli: Callable[..., Ran], owner: Seeker) -> None:
    refused = cli("token", "create", "--name", "x" * 101)
    assert refused.code == 1
    assert ApiToken.objects.count() == 0


def test_an_empty_list_says_how_to_make_one(cli: Callable[..., Ran], owner: Seeker) -> None:
    assert "pursuit token create" in cli("token", "list").out
