"""/settings/tokens: make a token (shown once), see when each was used, revoke one."""

from __future__ import annotations

import re

from django.test import Client

from pursuit.accounts.models import ApiToken, Seeker
from pursuit.accounts.services import create_token


def made_token(page: str) -> str:
    found = re.search(r'<code class="token" id="new-token">([^<]+)</code>', page)
    assert found, "the new token is on the page"
    return found.group(1)


def test_a_visitor_is_sent_to_sign_in(alice_owns: Seeker) -> None:
    response = Client().get("/settings/tokens")
    assert response.status_code == 302
    assert "/login" in response["Location"]


def test_a_new_token_is_shown_once_and_opens_the_api(alice_client: Client) -> None:
    response = alice_client.post("/settings/tokens", {"name": "calendar"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    plain = made_token(response.content.decode())
    api = Client(headers={"authorization": f"Bearer {plain}"})
    assert api.get("/api/v1/agenda").status_code == 200
    again = alice_client.get("/settings/tokens").content.decode()
    assert plain not in again
    assert "calendar" in again
    assert ApiToken.objects.get().prefix in again


def test_a_name_too_long_is_shown_on_the_form(alice_client: Client) -> None:
    response = alice_client.post("/settings/tokens", {"name": "x" * 101})
    assert response.status_code == 400
    assert ApiToken.objects.count() == 0


def test_revoking_a_token_stops_it(alice_client: Client, alice: Seeker) -> None:
    row, plain = create_token(user=alice.user, name="phone")
    response = alice_client.post(f"/settings/tokens/{row.pk}/revoke", follow=True)
    assert "revoked" in response.content.decode()
    api = Client(headers={"authorization": f"Bearer {plain}"})
    assert api.get("/api/v1/agenda").status_code == 401


def test_another_seekers_token_cannot_be_revoked(bob_client: Client, alice: Seeker) -> None:
    row, _ = create_token(user=alice.user)
    assert bob_client.post(f"/settings/tokens/{row.pk}/revoke").status_code == 404
    row.refresh_from_db()
    assert row.revoked_at is None


def test_revoking_takes_a_post(alice_client: Client, alice: Seeker) -> None:
    row, _ = create_token(user=alice.user)
    assert alice_client.get(f"/settings/tokens/{row.pk}/revoke").status_code == 405


def test_the_page_lists_only_the_users_own_tokens(alice_client: Client, bob: Seeker) -> None:
    create_token(user=bob.user, name="bobs-secret-script")
    assert "bobs-secret-script" not in alice_client.get("/settings/tokens").content.decode()
