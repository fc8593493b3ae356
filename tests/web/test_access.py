"""Nobody sees another seeker's rows: every page that takes an id answers 404 to anyone else."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from pursuit.accounts.models import Blackout, Seeker, User
from pursuit.accounts.services import create_seeker
from pursuit.campaigns import services
from pursuit.campaigns.models import Action, Campaign
from pursuit.web import urls as web_urls

from .conftest import new_campaign

#: Every URL that takes an id, with the method that reaches it and the kind of row it names.
ID_VIEWS = {
    "campaign": ("get", "campaign"),
    "campaign_interview": ("get", "campaign"),
    "campaign_answer": ("post", "campaign"),
    "campaign_check_in": ("post", "campaign"),
    "campaign_inbound": ("post", "campaign"),
    "campaign_offer": ("post", "campaign"),
    "campaign_withdraw": ("post", "campaign"),
    "campaign_close": ("post", "campaign"),
    "campaign_reopen": ("post", "campaign"),
    "campaign_undo": ("post", "campaign"),
    "action_outcome": ("post", "action"),
    "action_move": ("post", "action"),
    "blackout_delete": ("post", "blackout"),
    # Another user's account: only the site's owner sets their password.
    "user_password": ("post", "user"),
}


#: Corrections and the Trash take a campaign and a row of it: test_edits.py walks each of them
#: as another seeker (test_another_seeker_gets_404_everywhere).
CORRECTION_VIEWS = {
    "campaign_edit",
    "company_edit",
    "interview_edit",
    "promise_edit",
    "offer_edit",
    "contact_add",
    "contact_edit",
    "trash_delete",
    "trash_restore",
}


def test_every_page_that_takes_an_id_is_listed_here() -> None:
    named = {p.name for p in web_urls.urlpatterns if "pk" in p.pattern.regex.groupindex}
    assert named == set(ID_VIEWS) | CORRECTION_VIEWS


@pytest.fixture
def alices_rows(alice: Seeker) -> dict[str, int]:
    campaign: Campaign = new_campaign(alice)
    services.log_interview(campaign=campaign, at=timezone.now() - dt.timedelta(days=1))
    action = Action.objects.filter(campaign=campaign, status="planned").first()
    assert action is not None
    blackout = Blackout.objects.create(
        seeker=alice, start=dt.date(2027, 1, 4), end=dt.date(2027, 1, 8)
    )
    carol = create_seeker(email="carol@example.com", name="Carol")
    return {
        "campaign": campaign.pk,
        "action": action.pk,
        "blackout": blackout.pk,
        "user": carol.user.pk,
    }


@pytest.mark.parametrize("name", sorted(ID_VIEWS))
def test_another_seekers_id_is_a_404(
    name: str, alices_rows: dict[str, int], bob_client: Client
) -> None:
    method, kind = ID_VIEWS[name]
    url = reverse(name, args=[alices_rows[kind]])
    data = {"outcome": "no_answer", "due_at": "2030-01-01T09:00", "reply": "pending"}
    response = getattr(bob_client, method)(url, data) if method == "post" else bob_client.get(url)
    assert response.status_code == 404
    # and nothing changed for alice
    assert Action.objects.filter(pk=alices_rows["action"], status="planned").exists()
    assert Blackout.objects.filter(pk=alices_rows["blackout"]).exists()


@pytest.mark.parametrize("name", sorted(ID_VIEWS))
def test_the_owner_reaches_every_id_view(
    name: str, alices_rows: dict[str, int], alice: Seeker
) -> None:
    method, kind = ID_VIEWS[name]
    if kind == "user":  # alice as the site's owner
        User.objects.filter(pk=alice.user_id).update(is_superuser=True)
    client = Client()
    client.force_login(alice.user)
    url = reverse(name, args=[alices_rows[kind]])
    if method == "get":
        assert client.get(url).status_code == 200
    else:
        assert client.post(url, {}).status_code in (200, 302, 400)


def test_an_unknown_id_is_a_404(alice_client: Client) -> None:
    assert alice_client.get("/campaigns/999999").status_code == 404


def test_the_live_reading_will_not_read_another_seekers_campaign(
    alices_rows: dict[str, int], bob_client: Client
) -> None:
    url = reverse("interview_reading") + f"?campaign={alices_rows['campaign']}&promise=friday"
    assert bob_client.get(url).status_code == 404
