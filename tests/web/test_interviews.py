"""Logging an interview: the form, its live reading of the promise, and bad input kept."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.utils import timezone

from pursuit.accounts.models import Seeker
from pursuit.campaigns.models import Action, Campaign, Company, Interview, Promise
from pursuit.method.vocab import ActionStatus

NY = ZoneInfo("America/New_York")


def _day(days: int) -> dt.date:
    return (timezone.now().astimezone(NY) + dt.timedelta(days=days)).date()


def form(**changes: str) -> dict[str, str]:
    data = {
        "company": "",
        "company_name": "Acme Tools",
        "company_zone": "America/New_York",
        "company_country": "US",
        "company_subdiv": "NY",
        "company_phone": "212-555-0100",
        "role": "Senior Buyer",
        "contact_name": "Dana Reyes",
        "contact_title": "Head of Purchasing",
        "contact_phone": "",
        "date": _day(-1).isoformat(),
        "time": "14:00",
        "promise": "We'll call you by Wednesday",
        "permission": "not_asked",
        "agreed_at": "",
        "agreed_other": "",
        "way_through": "",
    }
    return data | changes


def test_the_form_offers_the_companies_you_have(alice_client: Client, acme: Campaign) -> None:
    page = alice_client.get("/interviews/new").content.decode()
    assert "A new company…" in page
    assert f'<option value="{acme.company_id}">Acme Tools</option>' in page
    assert 'list="zones"' in page and '<datalist id="zones">' in page


def test_logging_an_interview_starts_a_campaign_and_plans_the_follow_up(
    alice_client: Client, alice: Seeker
) -> None:
    response = alice_client.post("/interviews/new", form(), follow=True)
    campaign = Campaign.objects.get()
    assert response.redirect_chain == [(f"/campaigns/{campaign.pk}", 302)]
    assert campaign.company.name == "Acme Tools"
    assert campaign.contact is not None and campaign.contact.name == "Dana Reyes"
    assert Promise.objects.get().matched == "by Wednesday"
    call = Action.objects.get(kind="call", status=ActionStatus.PLANNED)
    assert call.basis == "missed_promise"
    assert "Interview saved" in response.content.decode()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"company_zone": "Mars/Olympus"}, "company_zone", "Unknown time zone"),
        ({"time": "25:99"}, "time", "Enter a valid time"),
        ({"date": "2026-13-45"}, "date", "Enter a valid date"),
        ({"company_name": "  "}, "company_name", "Name the company"),
        ({"promise": "we'll call " * 300}, "promise", "at most 2,000 characters"),
        ({"role": ""}, "role", "Name the role"),
        ({"permission": "granted"}, "agreed_at", "Pick the time they agreed to"),
    ],
    ids=["zone", "time", "date", "no-company", "long-promise", "no-role", "no-agreed-time"],
)
def test_bad_input_is_refused_and_every_value_is_kept(
    alice_client: Client, changes: dict[str, str], field: str, message: str
) -> None:
    data = form(**changes)
    response = alice_client.post("/interviews/new", data)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert "Everything you typed is still here" in page
    for name in ("company_name", "role", "contact_name", "contact_title"):
        if data[name].strip():
            assert f'value="{data[name]}"' in page, name
    assert "Head of Purchasing" in page
    assert not Campaign.objects.exists()
    assert not Company.objects.exists()  # a refused interview leaves no stray company


def test_a_company_name_you_already_have_is_refused_next_to_it(
    alice_client: Client, acme: Campaign
) -> None:
    response = alice_client.post("/interviews/new", form())
    assert response.status_code == 400
    assert "already have a company named" in response.content.decode()
    assert Campaign.objects.count() == 1


def test_the_live_reading_shows_the_window_and_the_follow_up_call(alice_client: Client) -> None:
    response = alice_client.get("/interviews/reading", form(), headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "“by Wednesday”" in html
    assert "by then at the latest" in html
    assert "you'll call" in html and "9:00 AM" in html
    assert 'hx-swap-oob="true"' in html  # the agreed times and the closing ask follow along


def test_an_ambiguous_promise_offers_its_readings_and_the_choice_is_used(
    alice_client: Client, alice: Seeker
) -> None:
    # Said on a Monday, "next Wednesday" may mean this week's or next week's.
    monday = _day(0) - dt.timedelta(days=_day(0).weekday()) - dt.timedelta(days=7)
    data = form(promise="They'll decide next Wednesday", date=monday.isoformat())
    html = alice_client.get("/interviews/reading", data).content.decode()
    assert 'name="reading" value="1"' in html and 'name="reading" value="2"' in html
    assert "Which did they mean?" in html
    assert "nothing is planned from a guess" in html
    response = alice_client.post("/interviews/new", data)
    assert response.status_code == 400 and "pick a reading" in response.content.decode()
    assert not Promise.objects.exists()
    alice_client.post("/interviews/new", data | {"reading": "2"})
    promise = Promise.objects.get()
    assert promise.latest == monday + dt.timedelta(days=2)


def test_an_interview_still_ahead_shows_the_closing_ask(alice_client: Client) -> None:
    data = form(date=_day(3).isoformat(), time="10:00", promise="")
    html = alice_client.get("/interviews/reading", data).content.decode()
    assert "Before the interview ends, ask for permission to call" in html
    assert "9:00 AM" in html and "5:30 PM" in html
    assert "the best way to reach you when I call" in html
    assert 'name="agreed_at"' in html


def test_a_granted_permission_plans_the_call_at_the_agreed_time(
    alice_client: Client, alice: Seeker
) -> None:
    agreed = dt.datetime.combine(_day(6), dt.time(17, 30))
    data = form(
        permission="granted",
        agreed_at=agreed.strftime("%Y-%m-%dT%H:%M"),
        way_through="ask Sam at the front desk",
    )
    assert alice_client.post("/interviews/new", data).status_code == 302
    call = Action.objects.get(kind="call", status=ActionStatus.PLANNED)
    assert call.local_due().replace(tzinfo=None) == agreed
    assert "asked me to call today at 5:30 PM" in call.script
    assert Interview.objects.get().way_through == "ask Sam at the front desk"


def test_another_interview_for_a_campaign(alice_client: Client, acme: Campaign) -> None:
    page = alice_client.get(f"/campaigns/{acme.pk}/interviews/new").content.decode()
    assert "Another interview" in page
    assert "company_name" not in page
    response = alice_client.post(
        f"/campaigns/{acme.pk}/interviews/new",
        {"date": _day(-1).isoformat(), "time": "11:00", "promise": "", "permission": "not_asked"},
    )
    assert response["Location"] == f"/campaigns/{acme.pk}"
    assert acme.interviews.count() == 1


def test_checking_the_reading_saves_nothing(alice_client: Client) -> None:
    response = alice_client.post("/interviews/new", form(check="1"))
    assert response.status_code == 200
    assert "“by Wednesday”" in response.content.decode()
    assert not Campaign.objects.exists()
