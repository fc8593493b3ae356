"""No date was said (METHOD §5.2): the interview form shows the check-in day before saving, with
the day editable, and the campaign page lets the seeker move it afterwards."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.test import Client
from django.utils import timezone

from pursuit.accounts.models import Seeker
from pursuit.campaigns import services
from pursuit.campaigns.models import Action, Campaign
from pursuit.method.vocab import ActionKind, ActionStatus, Basis

from .test_interviews import form

NY = ZoneInfo("America/New_York")


def _day(days: int) -> dt.date:
    return (timezone.now().astimezone(NY) + dt.timedelta(days=days)).date()


def _call() -> Action:
    return Action.objects.get(kind=ActionKind.CALL, status=ActionStatus.PLANNED)


def test_the_form_shows_the_check_in_day_before_saving_and_keeps_a_picked_one(
    alice_client: Client, alice: Seeker
) -> None:
    data = form(promise="we'll be in touch", date=_day(-1).isoformat())
    html = alice_client.get("/interviews/reading", data).content.decode()
    assert "No date was said: we'll call on" in html and "Change it?" in html
    assert 'type="date" name="call_on"' in html
    assert "the timeline" not in html
    picked = _day(20)
    alice_client.post("/interviews/new", data | {"call_on": picked.isoformat()})
    call = _call()
    assert call.local_due().date() >= picked and "you picked" in call.reason
    assert call.basis == Basis.NO_PROMISE


def test_a_dated_promise_shows_no_check_in_choice(alice_client: Client) -> None:
    html = alice_client.get("/interviews/reading", form()).content.decode()
    assert "No date was said" not in html and 'name="call_on"' not in html
    assert "If they haven't called by then, you'll call" in html


def test_an_interview_ahead_names_one_target_day_once(alice_client: Client) -> None:
    data = form(date=_day(3).isoformat(), time="10:00", promise="")
    html = alice_client.get("/interviews/reading", data).content.decode()
    assert html.count("Target day:") == 1
    assert "you'll call" not in html and "No date was said" not in html


def test_the_campaign_page_moves_the_check_in_day(alice_client: Client, acme: Campaign) -> None:
    services.log_interview(
        campaign=acme, at=timezone.now() - dt.timedelta(days=1), promise_text="we'll be in touch"
    )
    page = alice_client.get(f"/campaigns/{acme.pk}").content.decode()
    assert "No date was said: we'll call on" in page
    assert "no date was said: check in after the usual wait" in page  # the card's why-now
    assert "their word was" not in page
    picked = _day(25)
    response = alice_client.post(f"/campaigns/{acme.pk}/check-in", {"call_on": picked.isoformat()})
    assert response.status_code == 302
    assert _call().local_due().date() >= picked


def test_the_campaign_page_offers_no_check_in_for_a_dated_promise(
    alice_client: Client, acme: Campaign
) -> None:
    services.log_interview(
        campaign=acme, at=timezone.now() - dt.timedelta(days=1), promise_text="by Friday"
    )
    assert "No date was said" not in alice_client.get(f"/campaigns/{acme.pk}").content.decode()
    refused = alice_client.post(f"/campaigns/{acme.pk}/check-in", {"call_on": _day(9)})
    assert refused.status_code == 400
    assert "only a check-in" in refused.content.decode().lower()


def test_the_usual_day_sent_back_is_no_pick_even_after_the_interview_date_moved(
    alice_client: Client, alice: Seeker
) -> None:
    # The form showed the usual day for one interview date; the date was then changed.
    shown = _day(6).isoformat()
    data = form(promise="we'll be in touch", date=_day(-1).isoformat())
    data |= {"call_on": shown, "call_default": shown}
    alice_client.post("/interviews/new", data)
    assert _call().reason == "no date was said: check in after the usual wait"


def test_a_day_picked_then_a_date_typed_plans_from_the_date(alice_client: Client) -> None:
    data = form(date=_day(-1).isoformat()) | {"call_on": _day(20).isoformat()}
    html = alice_client.get("/interviews/reading", data).content.decode()
    assert "If they haven't called by then, you'll call" in html
    assert "They named a date" not in html
