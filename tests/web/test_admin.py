"""The owner's admin keeps accounts and operations, and shows no seeker's campaign data."""

from __future__ import annotations

import datetime as dt

import pytest
from django.apps import apps
from django.db.models import Model
from django.test import Client
from django.utils import timezone

from pursuit.accounts.models import Seeker
from pursuit.accounts.services import add_blackout
from pursuit.campaigns import services
from pursuit.campaigns.models import Campaign
from pursuit.reminders.models import OutboxMessage

from .conftest import new_campaign

#: Where a seeker's campaign data lives: none of these models belongs in the admin.
CAMPAIGN_DATA = [
    "campaigns.company",
    "campaigns.contact",
    "campaigns.campaign",
    "campaigns.interview",
    "campaigns.promise",
    "campaigns.action",
    "campaigns.touch",
    "campaigns.offer",
    "campaigns.campaignevent",
    "documents.resume",
    "documents.notedraft",
    "documents.offerletter",
    "reminders.reminder",
    "reminders.remindersettings",
    "reminders.campaignpause",
    "accounts.blackout",
    "accounts.apitoken",
]


@pytest.fixture
def owner_client(alice_owns: Seeker, alice_client: Client) -> Client:
    return alice_client


@pytest.fixture
def bobs_campaign(bob: Seeker) -> Campaign:
    campaign = new_campaign(bob, company="Globex Secret Co")
    services.log_interview(
        campaign=campaign,
        at=timezone.now() - dt.timedelta(days=1),
        promise_text="we'll call you tomorrow",
    )
    services.record_offer(campaign=campaign, written=True, salary="95000")
    return campaign


def admin_url(model: type[Model], pk: object = None) -> str:
    meta = model._meta
    base = f"/admin/{meta.app_label}/{meta.model_name}/"
    return base if pk is None else f"{base}{pk}/change/"


@pytest.mark.parametrize("label", CAMPAIGN_DATA)
def test_the_owners_admin_answers_404_for_another_seekers_campaign_data(
    owner_client: Client, bobs_campaign: Campaign, bob: Seeker, label: str
) -> None:
    add_blackout(seeker=bob, start=dt.date(2030, 1, 2), end=dt.date(2030, 1, 3), note="away")
    model = apps.get_model(label)
    assert owner_client.get(admin_url(model)).status_code == 404
    row = model._default_manager.first()
    if row is not None:
        assert owner_client.get(admin_url(model, row.pk)).status_code == 404


def test_the_owners_admin_keeps_accounts_and_operations(
    owner_client: Client, bobs_campaign: Campaign, bob: Seeker
) -> None:
    index = owner_client.get("/admin/").content.decode()
    for kept in ["Users", "Seekers", "Invitations", "Worker heartbeats", "Outbox messages"]:
        assert kept in index
    assert "Campaigns" not in index and "Companies" not in index
    profile = owner_client.get(admin_url(Seeker, bob.pk))
    assert profile.status_code == 200
    assert "Globex" not in profile.content.decode()


def test_the_owners_admin_shows_account_emails_but_not_a_seekers_reminders(
    owner_client: Client, bob: Seeker
) -> None:
    reset = OutboxMessage.objects.create(
        to="kim@example.com", subject="Password reset", body_text="a link"
    )
    reminder = OutboxMessage.objects.create(
        seeker=bob, to="bob@example.com", subject="Call Globex Secret Co", body_text="script"
    )
    listing = owner_client.get(admin_url(OutboxMessage)).content.decode()
    assert "kim@example.com" in listing
    assert "Globex" not in listing
    assert owner_client.get(admin_url(OutboxMessage, reset.pk)).status_code == 200
    hidden = owner_client.get(admin_url(OutboxMessage, reminder.pk), follow=True)
    assert "Globex" not in hidden.content.decode()
