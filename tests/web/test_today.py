"""Today: the planned steps with their words, and one tap to say what happened."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from pursuit.accounts.models import Seeker
from pursuit.campaigns import services
from pursuit.campaigns.models import Action, Touch
from pursuit.method.vocab import ActionStatus
from pursuit.reminders.models import WorkerHeartbeat

from .conftest import new_campaign, seed


def just_now() -> str:
    """When a step was done, as the seeker types it (their zone): a moment ago."""
    moment = timezone.now() - dt.timedelta(minutes=1)
    return f"{timezone.localtime(moment, ZoneInfo('America/New_York')):%Y-%m-%dT%H:%M}"


def test_it_sends_a_visitor_to_sign_in(client: Client, alice_owns: Seeker) -> None:
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login?next=/")


def test_today_shows_a_planned_call_with_its_script_and_tel_link(
    alice_client: Client, planned_call: Action
) -> None:
    page = alice_client.get("/").content.decode()
    assert "Acme Tools" in page
    assert "Dana Reyes" in page
    assert 'href="tel:+12125550100"' in page
    assert "(212) 555-0100" in page
    assert "ask Sam at the front desk" in page
    # The exact words, open on the first card, and the reason for the step.
    assert '<details class="words" open>' in page
    assert "never leave a message" in page
    assert planned_call.reason in page
    for label in ("No answer", "Voicemail — left no message", "They gave a time to call back"):
        assert label in page


def test_the_outcome_buttons_are_the_ones_the_kind_allows(
    alice_client: Client, planned_call: Action
) -> None:
    page = alice_client.get("/").content.decode()
    assert 'value="no_answer"' in page
    assert 'value="gatekeeper_callback"' in page
    assert 'value="met"' not in page  # a visit's outcome, not a call's


def test_an_outcome_through_htmx_swaps_the_card_for_the_next_step(
    alice_client: Client, planned_call: Action
) -> None:
    response = alice_client.post(
        f"/steps/{planned_call.pk}/outcome",
        {"outcome": "no_answer", "at": just_now()},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="step-{planned_call.pk}"' in html
    assert "No answer" in html
    assert "Next:" in html
    assert "call " in html
    assert "try again at the" in html
    assert "<html" not in html  # a fragment, not a page
    planned_call.refresh_from_db()
    assert planned_call.status == ActionStatus.DONE


def test_each_card_is_an_article_named_by_its_heading_and_its_buttons_say_what_they_record(
    alice_client: Client, planned_call: Action
) -> None:
    page = alice_client.get("/").content.decode()
    card = page[page.index(f'<article class="card kind-call" id="step-{planned_call.pk}"') :]
    card = card[: card.index("</article>")]
    assert '<h3 class="card-title">' in card
    assert '<fieldset class="outcomes"><legend class="outcomes-label">What happened?' in card
    assert 'value="no_answer">No answer<span class="vh"> — record this outcome</span>' in card


def test_an_answer_takes_the_focus_and_is_announced_in_the_pages_live_region(
    alice_client: Client, planned_call: Action
) -> None:
    assert (
        '<div id="announce" class="vh" role="status"></div>'
        in alice_client.get("/").content.decode()
    )
    html = alice_client.post(
        f"/steps/{planned_call.pk}/outcome",
        {"outcome": "no_answer", "at": just_now()},
        headers={"HX-Request": "true"},
    ).content.decode()
    # An article named by its heading, not a status region: that would hide it is an article.
    assert f'tabindex="-1" autofocus aria-labelledby="done-{planned_call.pk}"' in html
    assert f'<h3 class="done-head" id="done-{planned_call.pk}">' in html
    assert 'role="status"' not in html
    announced = html[html.index('<div id="announce" hx-swap-oob="innerHTML">') :]
    assert announced.startswith('<div id="announce" hx-swap-oob="innerHTML">Acme Tools: No answer')


def test_a_card_that_comes_back_takes_the_focus_its_button_had(
    alice_client: Client, planned_call: Action
) -> None:
    url = f"/steps/{planned_call.pk}/outcome"
    # A call not due yet asks when it happened: the answer's field takes the focus.
    asked = alice_client.post(url, {"outcome": "no_answer"}, headers={"HX-Request": "true"})
    assert 'name="at"' in asked.content.decode().split("autofocus")[0][-200:]
    # "Not yet": the card as it was, focused itself.
    back = alice_client.post(url, {"not_yet": "1"}, headers={"HX-Request": "true"})
    assert f'id="step-{planned_call.pk}" tabindex="-1" autofocus ' in back.content.decode()


def test_an_outcome_without_javascript_redirects_with_the_next_step(
    alice_client: Client, planned_call: Action
) -> None:
    response = alice_client.post(
        f"/steps/{planned_call.pk}/outcome",
        {"outcome": "no_answer", "at": just_now(), "next": "/"},
        follow=True,
    )
    assert response.redirect_chain == [("/", 302)]
    page = response.content.decode()
    assert "No answer — next: call" in page
    assert "try again at the" in page


def test_a_second_tap_on_the_same_outcome_is_refused_gracefully(
    alice_client: Client, planned_call: Action
) -> None:
    url = f"/steps/{planned_call.pk}/outcome"
    alice_client.post(
        url, {"outcome": "no_answer", "at": just_now()}, headers={"HX-Request": "true"}
    )
    again = alice_client.post(
        url, {"outcome": "no_answer", "at": just_now()}, headers={"HX-Request": "true"}
    )
    assert again.status_code == 200
    assert "Already recorded" in again.content.decode()
    assert Touch.objects.count() == 1
    assert Action.objects.filter(kind="call", status=ActionStatus.PLANNED).count() == 1


def test_a_callback_time_in_the_past_keeps_what_was_typed(
    alice_client: Client, planned_call: Action
) -> None:
    response = alice_client.post(
        f"/steps/{planned_call.pk}/outcome",
        {"outcome": "gatekeeper_callback", "callback_at": "2020-01-02T10:30"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "That time has passed" in html
    assert 'value="2020-01-02T10:30"' in html
    assert '<details class="reveal" open>' in html
    planned_call.refresh_from_db()
    assert planned_call.status == ActionStatus.PLANNED


def test_a_callback_at_a_time_ahead_plans_the_callback(
    alice_client: Client, planned_call: Action
) -> None:
    ahead = (timezone.now() + dt.timedelta(days=2)).astimezone(dt.UTC)
    local = ahead.astimezone(planned_call.local_due().tzinfo).strftime("%Y-%m-%dT%H:%M")
    response = alice_client.post(
        f"/steps/{planned_call.pk}/outcome",
        {"outcome": "gatekeeper_callback", "callback_at": local, "at": just_now()},
        headers={"HX-Request": "true"},
    )
    assert "Callback time noted" in response.content.decode()
    assert Action.objects.filter(kind="callback", status=ActionStatus.PLANNED).count() == 1


def test_a_reply_with_a_new_promise_plans_the_follow_up_from_it(
    alice_client: Client, planned_call: Action
) -> None:
    response = alice_client.post(
        f"/steps/{planned_call.pk}/outcome",
        {"outcome": "reached_pending", "promise": "we'll decide next week", "at": just_now()},
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert "You reached them" in html
    assert "their word was by" in html


def test_it_warns_when_the_background_worker_is_silent(
    alice_client: Client, planned_call: Action
) -> None:
    assert "Reminders are paused" in alice_client.get("/").content.decode()
    WorkerHeartbeat.objects.create(name="worker", pid=1, host="here", last_beat=timezone.now())
    assert "Reminders are paused" not in alice_client.get("/").content.decode()


def test_it_warns_until_three_campaigns_are_active(
    alice_client: Client, planned_call: Action
) -> None:
    assert "only 1 active campaign" in alice_client.get("/").content.decode()


def test_an_empty_agenda_invites_logging_an_interview(alice_client: Client) -> None:
    page = alice_client.get("/").content.decode()
    assert "Nothing to do in the next few business days" in page
    assert "nothing planned in the next 5 business days" in page


def _today_queries(client: Client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("more", [290])
def test_today_runs_the_same_number_of_queries_for_10_and_300_campaigns(
    alice_client: Client, alice: Seeker, more: int
) -> None:
    seed(alice, 10)
    small = _today_queries(alice_client)
    seed(alice, more)
    assert Action.objects.filter(status=ActionStatus.PLANNED).count() == 10 + more
    large = _today_queries(alice_client)
    assert large == small
    assert small <= 8  # session, user, seeker, days off, seeker ids, steps, counts


def test_a_phone_abroad_reads_as_dialled_from_home(alice_client: Client, alice: Seeker) -> None:
    paris = new_campaign(alice, "Maison Claire", zone="Europe/Paris", country="FR")
    paris.company.phone = "01 42 68 53 00"
    paris.company.save()
    services.log_interview(
        campaign=paris, at=timezone.now() - dt.timedelta(days=1), promise_text="demain"
    )
    page = alice_client.get("/").content.decode()
    assert 'href="tel:+33142685300"' in page
    assert "+33 1 42 68 53 00" in page


def test_an_outcome_answer_keeps_the_address_of_the_page(
    alice_client: Client, planned_call: Action
) -> None:
    response = alice_client.post(
        f"/steps/{planned_call.pk}/outcome",
        {"outcome": "no_answer"},
        headers={"HX-Request": "true"},
    )
    assert response["HX-Push-Url"] == "false"
