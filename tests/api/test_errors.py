"""Every 4xx has one body: {"detail": what to fix, "field": the input it is about, or null}."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from .conftest import Api


def test_a_missing_field_is_a_422_naming_it(as_alice: Api) -> None:
    response = as_alice.post("/companies", {"zone": "Europe/Paris"})
    assert response.status_code == 422
    assert response.json()["field"] == "name"
    assert response.json()["detail"].startswith("name: ")


def test_a_value_longer_than_its_column_is_a_422(as_alice: Api) -> None:
    response = as_alice.post("/companies", {"name": "x" * 201})
    assert response.status_code == 422
    assert response.json()["field"] == "name"


def test_a_nul_character_is_a_422(as_alice: Api) -> None:
    response = as_alice.post("/companies", {"name": "Acme\x00"})
    assert response.status_code == 422
    assert "NUL" in response.json()["detail"]


def test_a_far_off_year_is_a_422(as_alice: Api, campaign: dict[str, Any]) -> None:
    call = campaign["actions"][1]
    response = as_alice.post(f"/actions/{call['id']}/move", {"due_at": "9999-12-31T23:59:59-23:59"})
    assert response.status_code == 422
    assert response.json()["field"] == "due_at"


def test_an_unknown_choice_is_a_422(as_alice: Api, campaign: dict[str, Any]) -> None:
    call = campaign["actions"][1]
    response = as_alice.post(f"/actions/{call['id']}/outcome", {"outcome": "shrugged"})
    assert response.status_code == 422
    assert response.json()["field"] == "outcome"


@pytest.mark.parametrize("raw", ["0", "-3", str(2**63), "abc"])
def test_an_id_out_of_range_is_a_422_not_a_crash(as_alice: Api, raw: str) -> None:
    response = as_alice.get(f"/campaigns/{raw}")
    assert response.status_code == 422
    assert response.json()["field"] == "campaign_id"


def test_a_body_that_is_not_json_is_a_400(as_alice: Api) -> None:
    response = as_alice.client.post(
        "/api/v1/companies", "{not json", content_type="application/json"
    )
    assert response.status_code == 400
    assert set(response.json()) == {"detail", "field"}


def test_an_unknown_path_is_a_json_404(as_alice: Api) -> None:
    response = as_alice.get("/nothing/here")
    assert response.status_code == 404
    assert response.json() == {"detail": "no such endpoint: /api/v1/nothing/here", "field": None}


def test_an_unknown_path_answers_a_post_with_a_404_too(db: None) -> None:
    response = Client(enforce_csrf_checks=True).post("/api/v1/nothing")
    assert response.status_code == 404


def test_a_method_a_path_does_not_take_is_a_json_405(as_alice: Api) -> None:
    response = as_alice.client.delete("/api/v1/campaigns")
    assert response.status_code == 405
    assert response.json()["field"] is None
    assert set(response.headers["Allow"].split(", ")) == {"GET", "POST"}


def test_the_api_root_points_to_the_schema_and_the_docs(db: None) -> None:
    body = Client().get("/api/v1/").json()
    assert body["openapi"] == "/api/v1/openapi.json"
    assert body["docs"] == "/api/v1/docs"


def test_the_schema_documents_the_error_shape_on_every_operation(db: None) -> None:
    schema = Client().get("/api/v1/openapi.json").json()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            for code in ("401", "404", "422"):
                assert code in operation["responses"], (method, path, code)


@pytest.mark.parametrize("body", ["[null, null]", '"lesson"', "5"])
def test_a_body_that_is_not_an_object_is_refused_not_read_as_empty(
    as_alice: Api, campaign: dict[str, Any], body: str
) -> None:
    response = as_alice.client.post(
        f"/api/v1/campaigns/{campaign['id']}/close", body, content_type="application/json"
    )
    assert response.status_code == 400
    assert as_alice.get(f"/campaigns/{campaign['id']}").json()["status"] == "active"


@pytest.mark.parametrize(
    ("field", "value"),
    [("start_date", 0), ("at", 1700000000), ("at", "0.5"), ("written", 0), ("campaign_id", "1")],
)
def test_a_body_value_is_read_only_as_what_it_says(
    as_alice: Api, campaign: dict[str, Any], field: str, value: object
) -> None:
    body = {"campaign_id": campaign["id"], "written": True, field: value}
    response = as_alice.post("/offers", body)
    assert response.status_code == 422
    assert response.json()["field"] == field


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": "   "}, "name"),
        ({"name": "Acme\x1b[31m"}, "name"),
        ({"name": "Acme", "address": "x" * 301}, "address"),
    ],
    ids=["blank-name", "escape-sequence", "long-address"],
)
def test_what_the_services_would_refuse_is_a_422_at_the_schema(
    as_alice: Api, body: dict[str, str], field: str
) -> None:
    response = as_alice.post("/companies", body)
    assert response.status_code == 422
    assert response.json()["field"] == field


def test_a_year_before_1970_is_a_422_naming_the_shared_range(
    as_alice: Api, campaign: dict[str, Any]
) -> None:
    call = campaign["actions"][1]
    response = as_alice.post(f"/actions/{call['id']}/move", {"due_at": "1950-06-01T09:00"})
    assert response.status_code == 422
    assert "between 1970-01-01 and 2100-12-31" in response.json()["detail"]


def test_the_openapi_document_states_the_real_constraints(client: Client) -> None:
    schema = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    company = schema["CompanyIn"]["properties"]
    assert company["name"]["maxLength"] == 200
    assert company["name"]["minLength"] == 1
    assert company["address"]["maxLength"] == 300
    for prop in (company["name"], company["phone"]):
        assert "\\x00" in prop["pattern"]
    assert (
        schema["NoteIn"]["properties"]["note"]["maxLength"] == 4000 if "NoteIn" in schema else True
    )
    offer = schema["OfferIn"]["properties"]["start_date"]["anyOf"][0]
    assert offer["description"] == "between 1970-01-01 and 2100-12-31"
    campaign = schema["CampaignIn"]["properties"]
    assert campaign["company_id"]["type"] == "integer"
    assert campaign["company_id"]["minimum"] == 1
