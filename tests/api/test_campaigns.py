"""Companies and campaigns over the API: made, listed, fetched, and what the seeker reports."""

from __future__ import annotations

from typing import Any

from pursuit.campaigns.models import Campaign, Company

from .conftest import Api, next_week


def test_it_creates_a_company_in_the_seekers_zone_by_default(as_alice: Api) -> None:
    response = as_alice.post("/companies", {"name": "Acme Tools", "local": True})
    assert response.status_code == 201
    body = response.json()
    assert body["name"] == "Acme Tools"
    assert body["zone"] == "America/New_York"
    assert body["local"] is True
    assert body["created_at"].endswith(("-05:00", "-04:00"))
    assert Company.objects.get().seeker.user.email == "alice@example.com"


def test_a_refused_company_names_its_field(as_alice: Api) -> None:
    response = as_alice.post("/companies", {"name": "Acme", "zone": "Mars/Olympus"})
    assert response.status_code == 400
    assert response.json()["field"] == "zone"
    assert "IANA" in response.json()["detail"]


def test_a_duplicate_company_is_refused(as_alice: Api) -> None:
    as_alice.post("/companies", {"name": "Acme"})
    response = as_alice.post("/companies", {"name": "Acme"})
    assert response.status_code == 400
    assert response.json() == {
        "detail": "you already have a company named 'Acme'",
        "field": "company",
    }


def test_it_lists_and_fetches_companies_by_name(as_alice: Api) -> None:
    for name in ("Globex", "Acme", "Initech"):
        as_alice.post("/companies", {"name": name})
    page = as_alice.get("/companies").json()
    assert [c["name"] for c in page["items"]] == ["Acme", "Globex", "Initech"]
    assert page["next_cursor"] is None
    first = page["items"][0]
    assert as_alice.get(f"/companies/{first['id']}").json() == first


def test_it_creates_a_campaign_with_its_decision_maker(as_alice: Api) -> None:
    company = as_alice.post("/companies", {"name": "Acme"}).json()
    response = as_alice.post(
        "/campaigns",
        {"company_id": company["id"], "role": "Buyer", "contact_name": "Ms. Jones"},
    )
    assert response.status_code == 201
    body = response.json()
    assert (body["company"], body["role"], body["contact"]) == ("Acme", "Buyer", "Ms. Jones")
    assert body["status"] == "active"
    assert body["next_action"] is None


def test_a_campaign_without_a_role_is_refused(as_alice: Api) -> None:
    company = as_alice.post("/companies", {"name": "Acme"}).json()
    response = as_alice.post("/campaigns", {"company_id": company["id"], "role": " "})
    # The schema says a role has something besides spaces: the input does not fit it.
    assert response.status_code == 422
    assert response.json()["field"] == "role"


def test_a_campaign_shows_its_next_step(as_alice: Api, campaign: dict[str, Any]) -> None:
    body = as_alice.get(f"/campaigns/{campaign['id']}").json()
    assert body["next_action"]["kind"] == "thank_you"
    assert body["next_action"]["campaign_id"] == campaign["id"]


def test_the_campaign_list_is_newest_first_and_filters_by_status(as_alice: Api) -> None:
    company = as_alice.post("/companies", {"name": "Acme"}).json()
    ids = [
        as_alice.post("/campaigns", {"company_id": company["id"], "role": role}).json()["id"]
        for role in ("Buyer", "Planner", "Analyst")
    ]
    as_alice.post(f"/campaigns/{ids[1]}/withdraw")
    listed = as_alice.get("/campaigns").json()["items"]
    assert [c["id"] for c in listed] == ids[::-1]
    withdrawn = as_alice.get("/campaigns", status="withdrawn").json()["items"]
    assert [c["id"] for c in withdrawn] == [ids[1]]
    by_company = as_alice.get("/campaigns", company_id=company["id"]).json()["items"]
    assert len(by_company) == 3


def test_inbound_contact_stops_the_chase(as_alice: Api, campaign: dict[str, Any]) -> None:
    response = as_alice.post(
        f"/campaigns/{campaign['id']}/inbound", {"reply": "pending", "promise_text": "next week"}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["promise"]["text"] == "next week"
    assert [a["kind"] for a in body["actions"]] == ["call"]
    assert body["campaign"]["status"] == "active"


def test_close_keeps_the_lesson_and_reopen_starts_again(
    as_alice: Api, campaign: dict[str, Any]
) -> None:
    closed = as_alice.post(f"/campaigns/{campaign['id']}/close", {"lesson": "call sooner"})
    assert closed.status_code == 200
    assert closed.json()["campaign"]["status"] == "lost"
    assert closed.json()["campaign"]["lesson"] == "call sooner"
    assert closed.json()["campaign"]["next_action"] is None
    reopened = as_alice.post(f"/campaigns/{campaign['id']}/reopen").json()
    assert reopened["campaign"]["status"] == "active"
    assert reopened["actions"]


def test_withdraw_cancels_every_planned_step(as_alice: Api, campaign: dict[str, Any]) -> None:
    body = as_alice.post(f"/campaigns/{campaign['id']}/withdraw").json()
    assert body["campaign"]["status"] == "withdrawn"
    assert as_alice.get("/actions", campaign_id=campaign["id"], status="planned").json() == {
        "items": [],
        "next_cursor": None,
    }
    assert Campaign.objects.get().status == "withdrawn"


def test_reopening_an_active_campaign_is_refused(as_alice: Api, campaign: dict[str, Any]) -> None:
    response = as_alice.post(f"/campaigns/{campaign['id']}/reopen")
    assert response.status_code == 400
    assert set(response.json()) == {"detail", "field"}


def test_logging_an_interview_plans_the_follow_up(as_alice: Api) -> None:
    berlin = {"name": "Acme", "zone": "Europe/Berlin", "country": "DE"}
    company = as_alice.post("/companies", berlin)
    made = as_alice.post("/campaigns", {"company_id": company.json()["id"], "role": "Buyer"})
    response = as_alice.post(
        "/interviews",
        {"campaign_id": made.json()["id"], "at": next_week(), "promise_text": "within two weeks"},
    )
    assert response.status_code == 201
    body = response.json()
    assert [a["kind"] for a in body["actions"]] == ["thank_you", "call"]
    assert all(a["due_at"].endswith(("+01:00", "+02:00")) for a in body["actions"])
    assert body["closing_ask"]["options"][0].endswith(("T09:00:00+01:00", "T09:00:00+02:00"))
    assert body["promise"]["kind"] in {"by", "on"}
