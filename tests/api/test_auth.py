"""Personal tokens and the session: who may call the API, and how a refusal reads."""

from __future__ import annotations

import datetime as dt
import hashlib

from django.test import Client
from django.utils import timezone

from pursuit.accounts.models import ApiToken, Seeker
from pursuit.accounts.services import create_token, revoke_token, use_token

from .conftest import Api


def test_it_stores_only_the_digest_and_shows_the_token_once(alice: Seeker) -> None:
    row, plain = create_token(user=alice.user, name="calendar")
    stored = ApiToken.objects.get(pk=row.pk)
    assert plain.startswith(stored.prefix + "_")
    assert stored.digest == hashlib.sha256(plain.encode()).hexdigest()
    assert plain not in {getattr(stored, f.attname) for f in ApiToken._meta.fields}
    assert stored.name == "calendar"


def test_two_tokens_never_share_a_prefix(alice: Seeker) -> None:
    prefixes = {create_token(user=alice.user)[0].prefix for _ in range(20)}
    assert len(prefixes) == 20


def test_a_token_answers_for_its_user_and_records_when_it_was_used(alice: Seeker) -> None:
    row, plain = create_token(user=alice.user)
    now = timezone.now()
    assert use_token(token=plain, now=now) == alice.user
    row.refresh_from_db()
    assert row.last_used_at == now


def test_the_last_used_time_is_written_at_most_once_a_minute(alice: Seeker) -> None:
    row, plain = create_token(user=alice.user)
    first = timezone.now()
    use_token(token=plain, now=first)
    use_token(token=plain, now=first + dt.timedelta(seconds=30))
    row.refresh_from_db()
    assert row.last_used_at == first
    use_token(token=plain, now=first + dt.timedelta(minutes=2))
    row.refresh_from_db()
    assert row.last_used_at == first + dt.timedelta(minutes=2)


def test_a_wrong_secret_with_a_real_prefix_is_refused(alice: Seeker) -> None:
    row, plain = create_token(user=alice.user)
    assert use_token(token=row.prefix + "_" + "x" * 43) is None
    assert use_token(token=plain + "x") is None
    assert use_token(token="") is None


def test_a_revoked_token_stops_working_at_once(alice: Seeker) -> None:
    row, plain = create_token(user=alice.user)
    api = Api(plain)
    assert api.get("/agenda").status_code == 200
    revoke_token(token=row)
    response = api.get("/agenda")
    assert response.status_code == 401
    assert response.json()["field"] is None


def test_revoking_twice_keeps_the_first_time(alice: Seeker) -> None:
    row, _ = create_token(user=alice.user)
    first = timezone.now() - dt.timedelta(days=1)
    revoke_token(token=row, now=first)
    revoke_token(token=row)
    row.refresh_from_db()
    assert row.revoked_at == first


def test_a_deactivated_users_token_is_refused(alice: Seeker) -> None:
    _, plain = create_token(user=alice.user)
    alice.user.is_active = False
    alice.user.save()
    assert Api(plain).get("/agenda").status_code == 401


def test_no_credentials_is_a_401_in_the_error_shape(db: None) -> None:
    response = Api(None).get("/campaigns")
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"
    assert set(response.json()) == {"detail", "field"}


def test_a_write_without_credentials_is_a_401_not_a_csrf_failure(db: None) -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post("/api/v1/companies", {"name": "X"}, content_type="application/json")
    assert response.status_code == 401


def test_a_token_write_needs_no_csrf_token(alice: Seeker) -> None:
    _, plain = create_token(user=alice.user)
    client = Client(enforce_csrf_checks=True, headers={"authorization": f"Bearer {plain}"})
    response = client.post("/api/v1/companies", {"name": "X"}, content_type="application/json")
    assert response.status_code == 201


def test_the_web_session_reads_the_api(alice: Seeker) -> None:
    client = Client()
    client.force_login(alice.user)
    assert client.get("/api/v1/agenda").status_code == 200


def test_a_session_write_without_the_csrf_header_is_refused(alice: Seeker) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice.user)
    response = client.post("/api/v1/companies", {"name": "X"}, content_type="application/json")
    assert response.status_code == 403
    assert "X-CSRFToken" in response.json()["detail"]


def test_a_session_write_with_the_csrf_header_goes_through(alice: Seeker) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice.user)
    client.get("/api/v1/docs")  # any page that renders the token sets the cookie
    csrf = client.cookies["csrftoken"].value
    response = client.post(
        "/api/v1/companies",
        {"name": "X"},
        content_type="application/json",
        headers={"x-csrftoken": csrf},
    )
    assert response.status_code == 201
