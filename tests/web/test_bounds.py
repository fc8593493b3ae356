"""Dates far out and values too long are refused on the page, next to their field, with what was
typed kept: never a server error."""

from __future__ import annotations

import pytest
from django.test import Client

from pursuit.accounts.models import Seeker
from pursuit.campaigns.models import Campaign

from .test_interviews import form

RANGE = "between 1970-01-01 and 2100-12-31"


@pytest.mark.parametrize("date", ["9999-12-31", "0001-01-01", "1969-12-31"])
def test_an_interview_at_a_date_out_of_range_is_refused_on_the_page(
    alice_client: Client, date: str
) -> None:
    response = alice_client.post("/interviews/new", form(date=date))
    assert response.status_code in (200, 400)
    html = response.content.decode()
    assert RANGE in html
    assert f'value="{date}"' in html
    assert not Campaign.objects.exists()


def test_the_live_reading_of_a_far_date_says_what_to_fix(alice_client: Client) -> None:
    response = alice_client.get(
        "/interviews/reading", form(date="9999-12-31"), headers={"HX-Request": "true"}
    )
    assert response.status_code in (200, 400)


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"start": "2026-11-01", "end": "9999-12-31", "format": "csv"}, "end"),
        ({"start": "0001-01-01", "end": "2026-11-01", "format": "pdf"}, "start"),
    ],
    ids=["end-9999", "start-0001"],
)
def test_the_work_search_log_refuses_a_period_out_of_range(
    alice_client: Client, query: dict[str, str], field: str
) -> None:
    response = alice_client.get("/documents/log", query)
    assert response.status_code in (200, 400)
    assert RANGE in response.content.decode()
    assert response["Content-Type"].startswith("text/html")


def test_a_day_off_ending_9999_12_31_is_refused_on_the_settings_page(
    alice_client: Client, alice: Seeker
) -> None:
    response = alice_client.post(
        "/settings/blackouts", {"start": "2026-12-01", "end": "9999-12-31", "note": ""}
    )
    assert response.status_code in (302, 400)
    assert not alice.blackouts.exists()
    page = response
    assert RANGE in page.content.decode()


def test_a_company_name_with_nul_is_refused_next_to_the_field(alice_client: Client) -> None:
    response = alice_client.post("/interviews/new", form(company_name="Acme\x00"))
    assert response.status_code in (200, 400)
    assert not Campaign.objects.exists()
