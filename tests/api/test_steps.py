"""Planned steps, their outcomes, the agenda, interviews and offers over the API."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from pursuit.api.schemas import ActionOut
from pursuit.campaigns.models import Action, Touch
from pursuit.campaigns.serialize import action_json

from .conftest import Api, next_week


def test_the_api_prints_a_step_in_the_clis_shape(as_alice: Api, campaign: dict[str, Any]) -> None:
    shown = as_alice.get(f"/actions/{campaign['actions'][0]['id']}").json()
    action = Action.objects.select_related("campaign__company", "campaign__contact").get(
        pk=shown["id"]
    )
    assert shown == action_json(action)
    assert list(shown) == list(ActionOut.model_fields)
    assert shown["window"] == "morning"


def test_the_agenda_lists_planned_steps_in_due_order(
    as_alice: Api, campaign: dict[str, Any]
) -> None:
    items = as_alice.get("/agenda").json()["items"]
    assert [a["kind"] for a in items] == ["thank_you", "call"]
    assert items[0]["due_at"] < items[1]["due_at"]
    assert {a["status"] for a in items} == {"planned"}


def test_the_agenda_stops_at_until(as_alice: Api, campaign: dict[str, Any]) -> None:
    thank_you = campaign["actions"][0]
    until = dt.datetime.fromisoformat(thank_you["due_at"]) + dt.timedelta(hours=1)
    items = as_alice.get("/agenda", until=until.isoformat()).json()["items"]
    assert [a["id"] for a in items] == [thank_you["id"]]


def test_actions_filter_by_campaign_status_and_kind(
    as_alice: Api, campaign: dict[str, Any]
) -> None:
    calls = as_alice.get("/actions", campaign_id=campaign["id"], kind="call").json()["items"]
    assert [a["kind"] for a in calls] == ["call"]
    assert as_alice.get("/actions", status="done").json()["items"] == []


def test_an_outcome_plans_the_next_step(as_alice: Api, campaign: dict[str, Any]) -> None:
    call = campaign["actions"][1]
    now = timezone.now().isoformat()
    response = as_alice.post(f"/actions/{call['id']}/outcome", {"outcome": "no_answer", "at": now})
    assert response.status_code == 200
    body = response.json()
    assert [a["kind"] for a in body["actions"]] == ["call"]
    assert body["campaign"]["attempts"] == 1
    assert Touch.objects.get().outcome == "no_answer"
    assert as_alice.get(f"/actions/{call['id']}").json()["status"] == "done"


def test_a_second_outcome_for_one_step_is_refused(as_alice: Api, campaign: dict[str, Any]) -> None:
    call = campaign["actions"][1]
    done = {"outcome": "no_answer", "at": timezone.now().isoformat()}
    as_alice.post(f"/actions/{call['id']}/outcome", done)
    response = as_alice.post(f"/actions/{call['id']}/outcome", done)
    assert response.status_code == 400
    assert "already has an outcome" in response.json()["detail"]
    assert Touch.objects.count() == 1


def test_a_callback_needs_a_time_in_the_future(as_alice: Api, campaign: dict[str, Any]) -> None:
    call = campaign["actions"][1]
    past = (timezone.now() - dt.timedelta(days=2)).isoformat()
    response = as_alice.post(
        f"/actions/{call['id']}/outcome", {"outcome": "gatekeeper_callback", "callback_at": past}
    )
    assert response.status_code == 400
    assert Action.objects.get(pk=call["id"]).status == "planned"


def test_moving_a_step_gives_it_an_exact_time(as_alice: Api, campaign: dict[str, Any]) -> None:
    call = campaign["actions"][1]
    response = as_alice.post(
        f"/actions/{call['id']}/move", {"due_at": next_week(hour=15), "confirm": True}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["window"] is None
    assert body["due_at"].startswith(next_week(hour=15))


def test_moving_a_step_into_the_past_is_refused(as_alice: Api, campaign: dict[str, Any]) -> None:
    call = campaign["actions"][1]
    response = as_alice.post(f"/actions/{call['id']}/move", {"due_at": "2000-01-04T09:00"})
    assert response.status_code == 400
    assert response.json()["field"] == "due_at"


def test_interviews_are_listed_and_fetched(as_alice: Api, campaign: dict[str, Any]) -> None:
    page = as_alice.get("/interviews", campaign_id=campaign["id"]).json()
    assert len(page["items"]) == 1
    interview = page["items"][0]
    assert interview["at"].startswith(next_week())
    assert interview["permission"] == "not_asked"
    assert as_alice.get(f"/interviews/{interview['id']}").json() == interview


def test_the_answer_given_at_an_interview_plans_the_agreed_call(
    as_alice: Api, campaign: dict[str, Any]
) -> None:
    interview = as_alice.get("/interviews", campaign_id=campaign["id"]).json()["items"][0]
    agreed = next_week(hour=17)
    response = as_alice.post(
        f"/interviews/{interview['id']}/answer",
        {"permission": "granted", "agreed_at": agreed, "promise_text": "by Friday"},
    )
    assert response.status_code == 200
    body = response.json()
    calls = [a for a in body["actions"] if a["kind"] == "call"]
    assert [c["window"] for c in calls] == [None]
    assert calls[0]["due_at"].startswith(agreed)
    assert not [a for a in body["actions"] if a["kind"] == "thank_you"]


def test_a_granted_call_needs_its_time(as_alice: Api, campaign: dict[str, Any]) -> None:
    response = as_alice.post(
        "/interviews",
        {"campaign_id": campaign["id"], "at": next_week(14), "permission": "granted"},
    )
    assert response.status_code == 400
    assert response.json()["field"] == "agreed_at"


def test_a_verbal_offer_is_chased_in_writing(as_alice: Api, campaign: dict[str, Any]) -> None:
    response = as_alice.post("/offers", {"campaign_id": campaign["id"], "written": False})
    assert response.status_code == 201
    body = response.json()
    assert body["campaign"]["status"] == "offer_verbal"
    assert [a["kind"] for a in body["actions"]] == ["request_written_offer"]


def test_a_written_offer_wins(as_alice: Api, campaign: dict[str, Any]) -> None:
    offer = {"written": True, "salary": "90k", "start_date": "2027-01-04"}
    body = as_alice.post("/offers", {"campaign_id": campaign["id"], **offer}).json()
    assert body["campaign"]["status"] == "won"
    offers = as_alice.get("/offers", campaign_id=campaign["id"]).json()["items"]
    assert [(o["written"], o["salary"], o["start_date"]) for o in offers] == [
        (True, "90k", "2027-01-04")
    ]
    assert as_alice.get(f"/offers/{offers[0]['id']}").json() == offers[0]
