"""The API's history and undo, and outcomes that say when they happened."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from pursuit.campaigns.models import Action, Touch

from .conftest import Api


def test_an_outcome_on_a_step_not_due_yet_asks_for_its_time(
    as_alice: Api, campaign: dict[str, Any]
) -> None:
    call = campaign["actions"][1]
    response = as_alice.post(f"/actions/{call['id']}/outcome", {"outcome": "no_answer"})
    assert response.status_code == 400
    assert response.json()["field"] == "at"
    assert response.json()["detail"].startswith("This call is planned for ")
    assert response.json()["detail"].endswith("Did you call earlier?")
    assert not Touch.objects.exists()


def test_undo_puts_the_plan_back_and_the_history_says_who(
    as_alice: Api, campaign: dict[str, Any]
) -> None:
    call = campaign["actions"][1]
    now = timezone.now().isoformat()
    as_alice.post(f"/actions/{call['id']}/outcome", {"outcome": "no_answer", "at": now})
    history = as_alice.get(f"/campaigns/{campaign['id']}/history").json()["items"]
    assert [(e["kind"], e["via"], e["undone"]) for e in history] == [
        ("outcome", "api", False),
        ("interview", "api", False),
    ]

    stale = as_alice.post(f"/campaigns/{campaign['id']}/undo?event_id={history[1]['id']}", {})
    assert stale.status_code == 400
    assert "came after" in stale.json()["detail"]

    response = as_alice.post(f"/campaigns/{campaign['id']}/undo?event_id={history[0]['id']}", {})
    assert response.status_code == 200
    assert response.json()["undone"]["kind"] == "outcome"
    assert response.json()["campaign_ids"] == [campaign["id"]]
    assert Action.objects.get(pk=call["id"]).status == "planned"
    assert not Touch.objects.exists()
    kinds = [
        e["kind"] for e in as_alice.get(f"/campaigns/{campaign['id']}/history").json()["items"]
    ]
    assert kinds == ["undo", "outcome", "interview"]


def test_a_step_moves_to_the_next_good_slot(as_alice: Api, campaign: dict[str, Any]) -> None:
    call = campaign["actions"][1]
    response = as_alice.post(f"/actions/{call['id']}/move", {"next_slot": True})
    assert response.status_code == 200, response.json()
    assert response.json()["due_at"] > call["due_at"]
    assert response.json()["window"] == call["window"]
    neither = as_alice.post(f"/actions/{call['id']}/move", {})
    assert (neither.status_code, neither.json()["field"]) == (400, "due_at")
