"""Another seeker's rows are a 404 on every endpoint, and never change."""

from __future__ import annotations

from typing import Any

import pytest

from pursuit.campaigns.models import Action, Campaign, Interview, Offer

from .conftest import Api, next_week


@pytest.fixture
def alices(as_alice: Api, campaign: dict[str, Any]) -> dict[str, int]:
    """One of each of alice's rows, by the name its id goes by."""
    offer = as_alice.post("/offers", {"campaign_id": campaign["id"], "written": False}).json()
    return {
        "company_id": campaign["company_id"],
        "campaign_id": campaign["id"],
        "action_id": campaign["actions"][1]["id"],
        "interview_id": Interview.objects.get().pk,
        "offer_id": Offer.objects.get().pk,
        "offer_call": offer["actions"][0]["id"],
    }


READS = [
    "/companies/{company_id}",
    "/campaigns/{campaign_id}",
    "/actions/{action_id}",
    "/interviews/{interview_id}",
    "/offers/{offer_id}",
    "/campaigns/{campaign_id}/history",
]

WRITES: list[tuple[str, dict[str, Any]]] = [
    ("/campaigns/{campaign_id}/inbound", {"reply": "rejected"}),
    ("/campaigns/{campaign_id}/close", {"lesson": "x"}),
    ("/campaigns/{campaign_id}/reopen", {}),
    ("/campaigns/{campaign_id}/withdraw", {}),
    ("/actions/{action_id}/outcome", {"outcome": "reached_rejected"}),
    ("/actions/{action_id}/move", {"due_at": next_week(hour=16)}),
    ("/interviews/{interview_id}/answer", {"permission": "declined"}),
    ("/campaigns/{campaign_id}/undo", {}),
]

#: Writes that name alice's row in their body: 404, naming that field.
REFERENCES: list[tuple[str, str, dict[str, Any]]] = [
    ("/campaigns", "company_id", {"role": "Spy"}),
    ("/interviews", "campaign_id", {"at": next_week()}),
    ("/offers", "campaign_id", {"written": True}),
]

FILTERS = [
    ("/campaigns", "company_id"),
    ("/actions", "campaign_id"),
    ("/interviews", "campaign_id"),
    ("/offers", "campaign_id"),
]


@pytest.mark.parametrize("path", READS)
def test_another_seekers_row_is_a_404(as_bob: Api, alices: dict[str, int], path: str) -> None:
    response = as_bob.get(path.format(**alices))
    assert response.status_code == 404
    assert response.json()["field"] is None
    assert response.json()["detail"].startswith("no such ")


@pytest.mark.parametrize(("path", "body"), WRITES)
def test_another_seekers_row_cannot_be_changed(
    as_bob: Api, alices: dict[str, int], path: str, body: dict[str, Any]
) -> None:
    before = list(Action.objects.values_list("id", "status", "due_at"))
    statuses = list(Campaign.objects.values_list("status", flat=True))
    response = as_bob.post(path.format(**alices), body)
    assert response.status_code == 404
    assert list(Action.objects.values_list("id", "status", "due_at")) == before
    assert list(Campaign.objects.values_list("status", flat=True)) == statuses


@pytest.mark.parametrize(("path", "field", "body"), REFERENCES)
def test_another_seekers_row_named_in_a_body_is_a_404(
    as_bob: Api, alices: dict[str, int], path: str, field: str, body: dict[str, Any]
) -> None:
    response = as_bob.post(path, {field: alices[field], **body})
    assert response.status_code == 404
    assert response.json()["field"] == field


@pytest.mark.parametrize(("path", "field"), FILTERS)
def test_filtering_by_another_seekers_row_is_a_404(
    as_bob: Api, alices: dict[str, int], path: str, field: str
) -> None:
    response = as_bob.get(path, **{field: alices[field]})
    assert response.status_code == 404
    assert response.json()["field"] == field


@pytest.mark.parametrize("path", ["/companies", "/campaigns", "/actions", "/interviews", "/offers"])
def test_lists_hold_only_the_callers_rows(as_bob: Api, alices: dict[str, int], path: str) -> None:
    assert as_bob.get(path).json() == {"items": [], "next_cursor": None}


def test_the_agenda_holds_only_the_callers_steps(
    as_alice: Api, as_bob: Api, alices: dict[str, int]
) -> None:
    assert as_bob.get("/agenda").json()["items"] == []
    assert len(as_alice.get("/agenda").json()["items"]) == 2
