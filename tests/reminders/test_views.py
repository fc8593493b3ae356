"""The reminder pages: settings and the feed address, the outbox, pauses, and unsubscribing."""

from __future__ import annotations

import datetime as dt
from html import escape

import pytest
from django.test import Client, override_settings

from pursuit.accounts.models import Seeker, User
from pursuit.campaigns.models import Action
from pursuit.reminders.mail import unsubscribe_token
from pursuit.reminders.models import CampaignPause, OutboxMessage
from pursuit.reminders.services import settings_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client: Client, alice: Seeker) -> Client:
    client.force_login(alice.user)
    return client


def test_the_settings_page_shows_the_feed_address_and_saves_choices(
    signed_in: Client, alice: Seeker
) -> None:
    page = signed_in.get("/reminders/")
    assert page.status_code == 200
    token = settings_for(alice).feed_token
    assert f"/calendar/{token}.ics" in page.text
    saved = signed_in.post(
        "/reminders/",
        {"email_enabled": "on", "digest_at": "06:45", "lead_minutes": "20", "alarm_minutes": "5"},
    )
    assert saved.status_code == 302
    prefs = settings_for(Seeker.objects.get(pk=alice.pk))
    assert (prefs.digest_enabled, prefs.digest_at, prefs.lead_minutes, prefs.alarm_minutes) == (
        False,
        dt.time(6, 45),
        20,
        5,
    )


def test_a_lead_time_out_of_range_is_refused_on_the_form(signed_in: Client) -> None:
    page = signed_in.post(
        "/reminders/", {"digest_at": "07:30", "lead_minutes": "500", "alarm_minutes": "15"}
    )
    assert page.status_code == 200
    assert "Ensure this value is less than or equal to 120" in page.text


def test_rotating_the_token_retires_the_old_address(signed_in: Client, alice: Seeker) -> None:
    old = settings_for(alice).feed_token
    assert signed_in.post("/reminders/rotate").status_code == 302
    assert signed_in.get(f"/calendar/{old}.ics").status_code == 404
    new = settings_for(Seeker.objects.get(pk=alice.pk)).feed_token
    assert new != old
    assert signed_in.get(f"/calendar/{new}.ics").status_code == 200


def test_the_pages_ask_for_a_sign_in(client: Client) -> None:
    for path in ("/reminders/", "/reminders/outbox/", "/reminders/pause", "/calendar/action/1.ics"):
        assert client.get(path).status_code == 302, path


def test_the_outbox_shows_only_the_seekers_own_messages(
    signed_in: Client, alice: Seeker, bob: Seeker
) -> None:
    mine = OutboxMessage.objects.create(
        seeker=alice, to="alice@example.com", subject="Today: 1 step", body_text="Call Ms. Jones"
    )
    theirs = OutboxMessage.objects.create(
        seeker=bob, to="bob@example.com", subject="Bob's digest", body_text="secret"
    )
    page = signed_in.get("/reminders/outbox/")
    assert "Today: 1 step" in page.text
    assert "Bob's digest" not in page.text
    assert "Call Ms. Jones" in signed_in.get(f"/reminders/outbox/{mine.pk}").text
    assert signed_in.get(f"/reminders/outbox/{theirs.pk}").status_code == 404


def test_pausing_a_campaign_from_the_page_moves_its_call(signed_in: Client, call: Action) -> None:
    done = signed_in.post(
        "/reminders/pause",
        {"campaign": call.campaign_id, "start": "2026-11-30", "end": "2026-12-02"},
    )
    assert done.status_code == 302
    assert CampaignPause.objects.filter(campaign=call.campaign).exists()
    page = signed_in.get("/reminders/pause")
    assert "End now" in page.text


def test_someone_elses_campaign_cannot_be_paused(client: Client, call: Action, bob: Seeker) -> None:
    client.force_login(bob.user)
    page = client.post(
        "/reminders/pause",
        {"campaign": call.campaign_id, "start": "2026-11-30", "end": "2026-12-02"},
    )
    assert page.status_code == 200
    assert not CampaignPause.objects.exists()


def test_one_click_unsubscribe_needs_no_sign_in(client: Client, alice: Seeker) -> None:
    token = unsubscribe_token(alice)
    assert client.get(f"/reminders/unsubscribe/{token}").status_code == 200
    assert settings_for(Seeker.objects.get(pk=alice.pk)).email_enabled
    assert client.post(f"/reminders/unsubscribe/{token}").status_code == 200
    assert not settings_for(Seeker.objects.get(pk=alice.pk)).email_enabled


def test_a_forged_unsubscribe_link_is_404(client: Client, alice: Seeker) -> None:
    assert client.post("/reminders/unsubscribe/1:forged:sig").status_code == 404


@override_settings(MAILERS={"default": {"BACKEND": "pursuit.reminders.mail.OutboxBackend"}})
def test_the_owner_sees_account_emails_kept_without_a_mail_server_and_whom_they_are_for(
    client: Client, alice: Seeker, bob: Seeker
) -> None:
    User.objects.filter(pk=alice.user_id).update(is_superuser=True, is_staff=True)
    client.force_login(User.objects.get(pk=alice.user_id))
    assert client.post("/settings/invitations", {"email": "kim@example.com"}).status_code == 302
    kept = OutboxMessage.objects.get()
    assert kept.seeker_id is None
    page = client.get("/reminders/outbox/").text
    assert "No email server is set" in page
    assert f'{escape(kept.subject)}</a> <span class="muted">· to kim@example.com' in page
    message = client.get(f"/reminders/outbox/{kept.pk}").text
    assert "pass it on to kim@example.com" in message
    assert "/signup?invite=" in message  # the link itself, to hand on
    bobs = Client()
    bobs.force_login(bob.user)
    assert kept.subject not in bobs.get("/reminders/outbox/").text
    assert bobs.get(f"/reminders/outbox/{kept.pk}").status_code == 404


@override_settings(
    MAILERS={
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "mail.example.com"},
        }
    }
)
def test_the_outbox_says_no_email_server_is_set_only_when_none_is(signed_in: Client) -> None:
    assert "No email server is set" not in signed_in.get("/reminders/outbox/").text
