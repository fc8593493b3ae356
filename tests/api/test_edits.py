"""PATCH corrects, DELETE moves to the Trash, /trash restores; another seeker gets 404 on each."""

from __future__ import annotations

from typing import Any

import pytest

from pursuit.campaigns.models import (
    Action,
    Campaign,
    CampaignEvent,
    Contact,
    Interview,
    Offer,
    Promise,
)
from pursuit.method.vocab import ActionStatus

from .conftest import Api


def test_a_new_zone_moves_the_planned_steps_and_says_so(
    as_alice: Api, campaign: dict[str, Any]
) -> None:
    before = {a["kind"]: a["due_at"] for a in campaign["actions"]}
    answer = as_alice.patch(
        f"/companies/{campaign['company_id']}", {"zone": "America/Los_Angeles", "version": 1}
    )
    assert answer.status_code == 200, answer.json()
    body = answer.json()
    assert body["company"]["version"] == 2
    moved = {m["action"]["kind"]: m for m in body["moved"]}
    assert set(moved) == {"thank_you", "call"}
    call = moved["call"]
    assert call["was"][:16] == before["call"][:16].replace("T09", "T06")
    assert call["action"]["due_at"].endswith("-08:00")
    assert "because the company's time zone changed" in call["text"]
    assert CampaignEvent.objects.get(kind="edit").via == "api"


def test_a_second_writer_gets_409_with_the_current_value(
    as_alice: Api, campaign: dict[str, Any]
) -> None:
    path = f"/companies/{campaign['company_id']}"
    assert as_alice.patch(path, {"name": "Acme Inc."}, **{"If-Match": '"1"'}).status_code == 200
    late = as_alice.patch(path, {"name": "Acme Corp"}, **{"If-Match": '"1"'})
    assert late.status_code == 409
    assert late.json()["current"]["name"] == "Acme Inc."
    assert late.json()["current"]["version"] == 2
    stale = as_alice.patch(f"/campaigns/{campaign['id']}", {"role": "Lead", "version": 7})
    assert stale.status_code == 409
    assert stale.json()["current"]["role"] == "Buyer"


def test_every_resource_takes_a_patch(as_alice: Api, campaign: dict[str, Any]) -> None:
    offer = as_alice.post("/offers", {"campaign_id": campaign["id"], "written": False})
    assert offer.status_code == 201
    offer_id = Offer.objects.get().pk
    contact = as_alice.post(
        "/contacts",
        {"company_id": campaign["company_id"], "name": "Maria", "role": "receptionist"},
    )
    assert contact.status_code == 201, contact.json()
    changes = [
        (f"/campaigns/{campaign['id']}", {"source": "referral", "job_url": "https://x.example"}),
        (f"/interviews/{Interview.objects.get().pk}", {"with_name": "Ms. Jones"}),
        (f"/promises/{Promise.objects.get().pk}", {"text": "by next Friday"}),
        (f"/offers/{offer_id}", {"salary": "90k"}),
        (f"/contacts/{contact.json()['id']}", {"title": "Front desk"}),
    ]
    for path, body in changes:
        answer = as_alice.patch(path, body)
        assert answer.status_code == 200, (path, answer.json())
    assert Campaign.objects.get().source == "referral"
    assert Offer.objects.get().salary == "90k"
    assert Contact.objects.get(name="Maria").title == "Front desk"
    greeted = as_alice.patch(f"/contacts/{contact.json()['id']}", {"address_as": "Ms. Ruiz"})
    assert greeted.json()["address_as"] == "Ms. Ruiz"


def test_a_bad_patch_names_its_field(as_alice: Api, campaign: dict[str, Any]) -> None:
    answer = as_alice.patch(f"/companies/{campaign['company_id']}", {"zone": "Mars/Base"})
    assert answer.status_code == 400
    assert answer.json()["field"] == "zone"


def test_delete_and_restore_a_campaign(as_alice: Api, campaign: dict[str, Any]) -> None:
    assert as_alice.delete(f"/campaigns/{campaign['id']}").status_code == 204
    assert as_alice.get(f"/campaigns/{campaign['id']}").status_code == 404
    assert as_alice.get("/campaigns").json()["items"] == []
    assert as_alice.get("/agenda").json()["items"] == []
    items = as_alice.get("/trash").json()["items"]
    assert [(i["kind"], i["id"]) for i in items] == [("campaign", campaign["id"])]
    assert as_alice.post(f"/trash/campaign/{campaign['id']}/restore").status_code == 204
    assert as_alice.get(f"/campaigns/{campaign['id']}").status_code == 200
    assert Action.objects.filter(status=ActionStatus.PLANNED).count() == 2


def test_a_company_with_campaigns_is_deleted_only_with_them(
    as_alice: Api, campaign: dict[str, Any]
) -> None:
    path = f"/companies/{campaign['company_id']}"
    refused = as_alice.delete(path)
    assert refused.status_code == 400
    assert refused.json()["field"] == "with_campaigns"
    assert as_alice.delete(f"{path}?with_campaigns=true").status_code == 204
    assert as_alice.get("/campaigns").json()["items"] == []
    assert as_alice.delete("/trash").status_code == 204
    assert not Campaign.with_trash.exists()


@pytest.fixture
def alices(as_alice: Api, campaign: dict[str, Any]) -> dict[str, int]:
    as_alice.post("/offers", {"campaign_id": campaign["id"], "written": False})
    contact = as_alice.post("/contacts", {"company_id": campaign["company_id"], "name": "Maria"})
    return {
        "company_id": campaign["company_id"],
        "campaign_id": campaign["id"],
        "interview_id": Interview.objects.get().pk,
        "promise_id": Promise.objects.get().pk,
        "offer_id": Offer.objects.get().pk,
        "contact_id": contact.json()["id"],
    }


PATCHES = [
    ("/companies/{company_id}", {"name": "Mine"}),
    ("/campaigns/{campaign_id}", {"role": "Mine"}),
    ("/interviews/{interview_id}", {"with_name": "Mine"}),
    ("/promises/{promise_id}", {"text": "by Monday"}),
    ("/offers/{offer_id}", {"salary": "1"}),
    ("/contacts/{contact_id}", {"name": "Mine"}),
]
DELETES = [
    "/companies/{company_id}?with_campaigns=true",
    "/campaigns/{campaign_id}",
    "/interviews/{interview_id}",
    "/offers/{offer_id}",
    "/contacts/{contact_id}",
]


@pytest.mark.parametrize(("path", "body"), PATCHES, ids=[p for p, _ in PATCHES])
def test_another_seekers_row_cannot_be_patched(
    as_bob: Api, alices: dict[str, int], path: str, body: dict[str, Any]
) -> None:
    assert as_bob.patch(path.format(**alices), body).status_code == 404
    assert as_bob.get(path.format(**alices)).status_code == 404


@pytest.mark.parametrize("path", DELETES)
def test_another_seekers_row_cannot_be_deleted_or_restored(
    as_alice: Api, as_bob: Api, alices: dict[str, int], path: str
) -> None:
    assert as_bob.delete(path.format(**alices)).status_code == 404
    assert as_alice.delete(path.format(**alices)).status_code == 204
    item = as_alice.get("/trash").json()["items"][0]
    assert as_bob.post(f"/trash/{item['kind']}/{item['id']}/restore").status_code == 404
    assert as_bob.delete("/trash").status_code == 204
    assert as_alice.get("/trash").json()["items"]
    contact = {"company_id": alices["company_id"], "name": "x"}
    assert as_bob.post("/contacts", contact).status_code == 404
