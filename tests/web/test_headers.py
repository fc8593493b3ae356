"""Headers that keep a seeker's data out of caches and on HTTPS."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.test import Client

from pursuit.accounts.models import Seeker
from pursuit.accounts.services import create_token
from pursuit.campaigns.models import Campaign
from pursuit.reminders.services import settings_for

PRIVATE = "private, no-store"


def test_it_keeps_signed_in_pages_api_answers_and_downloads_out_of_every_cache(
    alice_client: Client, acme: Campaign, alice: Seeker
) -> None:
    for path in ["/", f"/campaigns/{acme.pk}", "/documents/", "/documents/export.zip"]:
        response = alice_client.get(path)
        assert response.status_code == 200, path
        assert response["Cache-Control"] == PRIVATE, path
    _, token = create_token(user=alice.user, name="tests")
    answer = Client(headers={"authorization": f"Bearer {token}"}).get("/api/v1/campaigns")
    assert answer.status_code == 200
    assert answer["Cache-Control"] == PRIVATE
    refused = Client(headers={"authorization": "Bearer not-a-token"}).get("/api/v1/campaigns")
    assert refused.status_code == 401
    assert refused["Cache-Control"] == PRIVATE


def test_it_leaves_the_calendar_feed_and_static_files_their_own_caching(
    alice_client: Client, alice: Seeker
) -> None:
    feed = alice_client.get(f"/calendar/{settings_for(alice).feed_token}.ics")
    assert feed.status_code == 200
    assert "no-store" not in feed["Cache-Control"]
    assert "no-cache" in feed["Cache-Control"]  # revalidated by its ETag
    static = alice_client.get("/static/pursuit/app.css")
    assert static.status_code == 200
    assert "no-store" not in static.get("Cache-Control", "")


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"PURSUIT_BEHIND_HTTPS_PROXY": "true"}, "max-age=31536000"),
        ({"PURSUIT_BEHIND_HTTPS_PROXY": "true", "PURSUIT_HSTS_SECONDS": "600"}, "max-age=600"),
        ({"PURSUIT_BEHIND_HTTPS_PROXY": "true", "PURSUIT_HSTS_SECONDS": "0"}, None),
        ({}, None),
    ],
    ids=["behind-https", "shorter", "turned-off", "plain-http"],
)
def test_it_sends_strict_transport_security_behind_an_https_proxy(
    env: dict[str, str], expected: str | None
) -> None:
    # The settings are read once per process: a fresh one loads them from these variables.
    code = (
        "import django; django.setup(); from django.test import Client; "
        "r = Client().get('/healthz', headers={'x-forwarded-proto': 'https'}); "
        "print(r.get('Strict-Transport-Security'))"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith("PURSUIT_")}
    run_env = clean | env | {"PURSUIT_SECRET_KEY": "k" * 50, "PURSUIT_ALLOWED_HOSTS": "testserver"}
    run_env["DJANGO_SETTINGS_MODULE"] = "pursuit.settings"
    out = subprocess.run(
        [sys.executable, "-c", code], env=run_env, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == str(expected)
