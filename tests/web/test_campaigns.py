"""The board and one campaign's page: its timeline, and what a seeker records on it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from pursuit.accounts.models import Seeker
from pursuit.campaigns import services
from pursuit.campaigns.models import Action, Campaign, Offer
from pursuit.method.vocab import (
    ActionKind,
    ActionStatus,
    Basis,
    CampaignStatus,
    Outcome,
    PermissionAnswer,
    Window,
)

from .conftest import new_campaign


def test_the_board_groups_campaigns_by_status_with_their_next_step(
    alice_client: Client, alice: Seeker, planned_call: Action
) -> None:
    lost = new_campaign(alice, "Globex")
    services.withdraw(campaign=lost)
    page = alice_client.get("/campaigns").content.decode()
    assert 'Active <span class="count">1</span>' in page
    assert 'Withdrawn <span class="count">1</span>' in page
    assert "Acme Tools" in page and "Globex" in page
    first = Action.objects.filter(status="planned").order_by("due_at").first()
    assert first is not None and first.reason in page
    assert "only 1 active campaign" in page


def test_the_campaign_page_shows_the_next_step_and_the_timeline(
    alice_client: Client, acme: Campaign, planned_call: Action
) -> None:
    page = alice_client.get(f"/campaigns/{acme.pk}").content.decode()
    assert "Senior Buyer" in page and "Acme Tools" in page
    first = acme.actions.filter(status="planned").order_by("due_at").first()
    assert first is not None
    assert f'id="step-{first.pk}"' in page  # the next step, with its outcome buttons
    assert 'name="outcome"' in page
    assert "They said “we&#x27;ll call you tomorrow”" in page
    assert "Interview" in page


def test_an_interview_still_ahead_shows_the_closing_ask_on_the_campaign(
    alice_client: Client, acme: Campaign
) -> None:
    services.log_interview(campaign=acme, at=timezone.now() + dt.timedelta(days=2))
    page = alice_client.get(f"/campaigns/{acme.pk}").content.decode()
    assert "Before your interview ends" in page
    assert "may I give you a call" in page


def test_they_got_in_touch_with_a_new_promise(
    alice_client: Client, acme: Campaign, planned_call: Action
) -> None:
    response = alice_client.post(
        f"/campaigns/{acme.pk}/inbound",
        {"reply": "pending", "promise": "we'll decide by the end of next week"},
        follow=True,
    )
    assert "Noted that they got in touch — next: call" in response.content.decode()
    planned_call.refresh_from_db()
    assert planned_call.status == ActionStatus.CANCELLED


def test_another_interview_needs_its_time_and_keeps_the_note(
    alice_client: Client, acme: Campaign, planned_call: Action
) -> None:
    response = alice_client.post(
        f"/campaigns/{acme.pk}/inbound", {"reply": "interview", "note": "second round with HR"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Give the date and time of the next interview" in page
    assert "second round with HR" in page
    assert '<details class="panel reveal" id="inbound" open>' in page


def test_a_verbal_offer_then_a_written_one_wins_the_campaign(
    alice_client: Client, acme: Campaign, planned_call: Action
) -> None:
    alice_client.post(f"/campaigns/{acme.pk}/offer", {"written": "0", "wanted": "on"})
    acme.refresh_from_db()
    assert acme.status == CampaignStatus.OFFER_VERBAL
    assert acme.actions.filter(kind="request_written_offer", status="planned").exists()
    alice_client.post(
        f"/campaigns/{acme.pk}/offer",
        {"written": "1", "wanted": "on", "salary": "$85,000", "start_date": "2027-01-11"},
    )
    acme.refresh_from_db()
    assert acme.status == CampaignStatus.WON
    assert Offer.objects.filter(written=True, salary="$85,000").exists()
    page = alice_client.get(f"/campaigns/{acme.pk}").content.decode()
    assert "Written offer" in page and "starts Jan 11, 2027" in page


def test_moving_a_step_into_the_past_is_refused_and_keeps_the_time(
    alice_client: Client, acme: Campaign, planned_call: Action
) -> None:
    services.log_interview(campaign=acme, at=timezone.now() - dt.timedelta(hours=1))
    step = acme.actions.filter(status="planned").first()
    assert step is not None
    response = alice_client.post(f"/steps/{step.pk}/move", {"due_at": "2020-03-04T10:15"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Pick a time that is still ahead" in page
    assert 'value="2020-03-04T10:15"' in page


def test_moving_a_step_to_a_time_ahead(
    alice_client: Client, acme: Campaign, planned_call: Action
) -> None:
    ahead = (timezone.now() + dt.timedelta(days=9)).astimezone(planned_call.local_due().tzinfo)
    value = ahead.strftime("%Y-%m-%dT%H:%M")
    response = alice_client.post(
        f"/steps/{planned_call.pk}/move", {"due_at": value, "confirm": "on"}
    )
    assert response["Location"] == f"/campaigns/{acme.pk}"
    planned_call.refresh_from_db()
    assert planned_call.local_due().strftime("%Y-%m-%dT%H:%M") == value


def test_closing_out_keeps_the_lesson_and_reopening_plans_a_call(
    alice_client: Client, acme: Campaign, planned_call: Action
) -> None:
    alice_client.post(f"/campaigns/{acme.pk}/close", {"lesson": "Ask about the timeline earlier"})
    acme.refresh_from_db()
    assert acme.status == CampaignStatus.LOST
    assert acme.lesson == "Ask about the timeline earlier"
    assert not acme.actions.filter(status="planned").exists()
    page = alice_client.get(f"/campaigns/{acme.pk}").content.decode()
    assert "Reopen this campaign" in page
    alice_client.post(f"/campaigns/{acme.pk}/reopen")
    acme.refresh_from_db()
    assert acme.status == CampaignStatus.ACTIVE
    assert acme.actions.filter(kind="call", status="planned").exists()


def test_withdrawing_cancels_every_step(
    alice_client: Client, acme: Campaign, planned_call: Action
) -> None:
    response = alice_client.post(f"/campaigns/{acme.pk}/withdraw", follow=True)
    assert "Withdrawn" in response.content.decode()
    assert not acme.actions.filter(status="planned").exists()
    again = alice_client.post(f"/campaigns/{acme.pk}/withdraw")
    assert again.status_code == 400
    assert "already withdrawn" in again.content.decode()


def test_the_answer_given_at_an_interview_plans_the_agreed_call(
    alice_client: Client, acme: Campaign
) -> None:
    """GIVEN an interview logged ahead of time, WHEN the seeker records that they may call at
    an agreed time, THEN the call is planned at exactly that time."""
    services.log_interview(campaign=acme, at=dt.datetime(2030, 3, 5, 10, 0))
    page = alice_client.get(f"/campaigns/{acme.pk}").content.decode()
    assert "What they said at the interview" in page
    missing = alice_client.post(f"/campaigns/{acme.pk}/answer", {"permission": "granted"})
    assert missing.status_code == 400
    assert "Pick the time they agreed to" in missing.content.decode()
    done = alice_client.post(
        f"/campaigns/{acme.pk}/answer",
        {"permission": "granted", "agreed_at": "2030-03-12T17:30", "promise": "by Friday"},
    )
    assert done.status_code == 302
    call = Action.objects.get(campaign=acme, kind="call", status="planned")
    assert call.local_due().isoformat(timespec="minutes") == "2030-03-12T17:30-04:00"


def test_permission_declined_is_explained_on_the_card_and_the_timeline(
    alice_client: Client, acme: Campaign
) -> None:
    services.log_interview(
        campaign=acme,
        at=timezone.now() - dt.timedelta(hours=2),
        promise_text="we'll decide by Friday",
        permission=PermissionAnswer.DECLINED,
    )
    thanks = acme.actions.get(kind="thank_you")
    services.log_outcome(action=thanks, outcome=Outcome.DONE, at=timezone.now())
    page = alice_client.get(f"/campaigns/{acme.pk}").content.decode()
    card = page.split('class="card ', 1)[1].split("</article>", 1)[0]
    assert "they preferred you not call, so the follow-up waits" in card
    timeline = page.split('id="h-timeline"', 1)[1]
    assert "They preferred you not call, so the follow-up waits" in timeline
    assert "only asks when best to reach them" in timeline


def _step(campaign: Campaign, kind: ActionKind) -> Action:
    return Action.objects.create(
        seeker=campaign.seeker,
        campaign=campaign,
        kind=kind,
        due_at=timezone.now() - dt.timedelta(minutes=30),
        zone="America/New_York",
        window=Window.END_OF_DAY,
        basis=Basis.ATTEMPTS_EXHAUSTED,
        reason="five calls without reaching them",
    )


def test_the_close_out_card_asks_for_the_lesson_and_keeps_it(
    alice_client: Client, acme: Campaign
) -> None:
    close = _step(acme, ActionKind.CLOSE_OUT)
    card = alice_client.get(f"/campaigns/{acme.pk}").content.decode()
    form = card.split(f'id="step-{close.pk}"', 1)[1].split("</form>", 1)[0]
    assert '<textarea name="lesson"' in form and 'value="done"' in form
    alice_client.post(
        f"/steps/{close.pk}/outcome", {"outcome": "done", "lesson": "Ask who decides, and when"}
    )
    acme.refresh_from_db()
    assert (acme.status, acme.lesson) == (CampaignStatus.LOST, "Ask who decides, and when")


@pytest.mark.parametrize(
    ("kind", "said"),
    [
        (ActionKind.LEAVE_NOTE, "Note printed"),
        (ActionKind.CLOSE_OUT, "Confirmed out of the running"),
        (ActionKind.THANK_YOU, "Thank-you sent"),
    ],
    ids=["note", "close-out", "thank-you"],
)
def test_the_timeline_says_what_was_done_for_each_kind_of_step(
    alice_client: Client, acme: Campaign, kind: ActionKind, said: str
) -> None:
    step = _step(acme, kind)
    services.log_outcome(action=step, outcome=Outcome.DONE)
    page = alice_client.get(f"/campaigns/{acme.pk}").content.decode()
    timeline = page.split('id="h-timeline"')[1]
    assert f'<p class="entry-title">{said}' in timeline
    assert '<p class="entry-title">Done' not in timeline
