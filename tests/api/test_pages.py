"""Keyset pages: a stable order, cursors that survive changes, and no query per row."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pursuit.accounts.models import Seeker
from pursuit.campaigns import services
from pursuit.campaigns.access import owned
from pursuit.campaigns.models import Action, Campaign

from .conftest import Api, next_week


def seed(seeker: Seeker, campaigns: int, *, first: int = 0, offers: bool = False) -> None:
    """Campaigns with an interview each (so each has planned steps), and a verbal offer."""
    for n in range(first, first + campaigns):
        company = services.create_company(seeker=seeker, name=f"Company {n:03d}")
        campaign = services.create_campaign(
            seeker=seeker, company=company, role="Buyer", contact_name="Ms. Jones"
        )
        at = dt.datetime.fromisoformat(next_week())
        services.log_interview(campaign=campaign, at=at, promise_text="by Friday")
        if offers:
            services.record_offer(campaign=campaign, written=False)


def walk(api: Api, path: str, limit: int, **params: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        page = api.get(path, limit=limit, **({"cursor": cursor} if cursor else {}), **params)
        assert page.status_code == 200, page.json()
        body = page.json()
        items += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            return items


@pytest.mark.parametrize("path", ["/companies", "/campaigns", "/actions", "/agenda", "/interviews"])
def test_pages_walk_every_row_once(as_alice: Api, alice: Seeker, path: str) -> None:
    seed(alice, 7)
    everything = as_alice.get(path, limit=200).json()["items"]
    walked = walk(as_alice, path, limit=3)
    assert [row["id"] for row in walked] == [row["id"] for row in everything]
    assert len({row["id"] for row in walked}) == len(walked) > 6


def test_the_agenda_runs_in_due_order_across_pages(as_alice: Api, alice: Seeker) -> None:
    seed(alice, 6)
    walked = walk(as_alice, "/agenda", limit=4)
    keys = [(a["due_at"], a["id"]) for a in walked]
    assert keys == sorted(keys)


def test_a_row_added_between_pages_neither_repeats_nor_hides_the_rest(
    as_alice: Api, alice: Seeker
) -> None:
    seed(alice, 5)
    first = as_alice.get("/companies", limit=2).json()
    services.create_company(seeker=alice, name="AAA first by name")
    rest = walk_from(as_alice, "/companies", first["next_cursor"], limit=2)
    names = [c["name"] for c in first["items"] + rest]
    assert names == [f"Company {n:03d}" for n in range(5)]


def walk_from(api: Api, path: str, cursor: str, limit: int) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    while cursor:
        body = api.get(path, limit=limit, cursor=cursor).json()
        items += body["items"]
        cursor = body["next_cursor"]
    return items


@pytest.mark.parametrize("cursor", ["garbage", "WzEsMl0", "W10", "WyJ4Il0", "eyJhIjoxfQ"])
def test_a_cursor_not_given_out_is_refused(as_alice: Api, cursor: str) -> None:
    response = as_alice.get("/campaigns", cursor=cursor)
    assert response.status_code == 400
    assert response.json()["field"] == "cursor"


def test_a_limit_out_of_range_is_a_422(as_alice: Api) -> None:
    response = as_alice.get("/agenda", limit=500)
    assert response.status_code == 422
    assert response.json()["field"] == "limit"


def queries_for(api: Api, path: str) -> int:
    api.get(path)  # the token's last-used time is written on the first request of a minute
    with CaptureQueriesContext(connection) as queries:
        response = api.get(path, limit=200)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "path", ["/companies", "/campaigns", "/actions", "/agenda", "/interviews", "/offers"]
)
def test_a_list_costs_the_same_queries_for_two_rows_or_twenty(
    as_alice: Api, alice: Seeker, path: str
) -> None:
    seed(alice, 2, offers=True)
    few = queries_for(as_alice, path)
    seed(alice, 8, first=2, offers=True)
    assert queries_for(as_alice, path) == few


def test_the_agenda_and_campaign_pages_follow_an_index_instead_of_sorting_every_row(
    alice: Seeker,
) -> None:
    if connection.vendor != "sqlite":
        pytest.skip("reads SQLite's query plan")
    agenda = owned(Action, alice.user).filter(status="planned").order_by("due_at", "id")
    campaigns = owned(Campaign, alice.user).order_by("-id")
    for qs in (agenda, campaigns):
        assert "TEMP B-TREE" not in qs[:51].explain()
