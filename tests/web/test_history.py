"""The web's Undo, the question before an early outcome, moving a step, and the history."""

from __future__ import annotations

import datetime as dt
import re

from django.test import Client

from pursuit.campaigns.models import Action, Campaign, CampaignEvent, Touch
from pursuit.method.vocab import ActionStatus

from .test_today import just_now

HX = {"HX-Request": "true"}


def test_an_early_outcome_asks_when_it_happened_and_not_yet_leaves_the_step(
    alice_client: Client, planned_call: Action
) -> None:
    url = f"/steps/{planned_call.pk}/outcome"
    asked = alice_client.post(url, {"outcome": "no_answer"}, headers=HX).content.decode()
    assert re.search(r"This call is planned for .+\. Did you call earlier\?", asked)
    assert 'name="at" value="20' in asked  # now, editable
    assert not Touch.objects.exists()

    back = alice_client.post(url, {"not_yet": "1"}, headers=HX).content.decode()
    assert "What happened?" in back and "Did you call earlier" not in back
    planned_call.refresh_from_db()
    assert planned_call.status == ActionStatus.PLANNED

    done = alice_client.post(url, {"outcome": "no_answer", "at": just_now()}, headers=HX)
    assert "No answer" in done.content.decode()
    assert Touch.objects.get().action_id == planned_call.pk


def test_undo_on_todays_card_brings_the_step_back(
    alice_client: Client, acme: Campaign, planned_call: Action
) -> None:
    url = f"/steps/{planned_call.pk}/outcome"
    before = sorted(acme.actions.values_list("id", "status", "due_at"))
    done = alice_client.post(url, {"outcome": "no_answer", "at": just_now()}, headers=HX)
    page = done.content.decode()
    event = CampaignEvent.objects.get(kind="outcome")
    assert f'name="event_id" value="{event.pk}"' in page and ">Undo</button>" in page

    undone = alice_client.post(
        f"/campaigns/{acme.pk}/undo", {"event_id": event.pk, "step": planned_call.pk}, headers=HX
    ).content.decode()
    assert f'id="step-{planned_call.pk}"' in undone and "What happened?" in undone
    assert not Touch.objects.exists()
    assert sorted(acme.actions.values_list("id", "status", "due_at")) == before


def test_a_stale_undo_is_refused_and_says_why(
    alice_client: Client, acme: Campaign, planned_call: Action
) -> None:
    alice_client.post(
        f"/steps/{planned_call.pk}/outcome", {"outcome": "no_answer", "at": just_now()}
    )
    seen = CampaignEvent.objects.get(kind="outcome")
    alice_client.post(f"/campaigns/{acme.pk}/withdraw")
    response = alice_client.post(f"/campaigns/{acme.pk}/undo", {"event_id": seen.pk}, follow=True)
    page = response.content.decode()
    assert "“Withdrew” came after “No answer" in page
    acme.refresh_from_db()
    assert acme.status == "withdrawn"


def test_the_campaign_page_shows_the_last_change_and_the_history(
    alice_client: Client, acme: Campaign, planned_call: Action
) -> None:
    alice_client.post(f"/campaigns/{acme.pk}/withdraw")
    page = alice_client.get(f"/campaigns/{acme.pk}").content.decode()
    withdrew = CampaignEvent.objects.get(kind="withdraw")
    assert f'name="event_id" value="{withdrew.pk}"' in page
    assert "Last change, " in page
    assert 'Withdrew <span class="muted">· you, on the web</span>' in page
    assert "Interview logged for" in page

    response = alice_client.post(
        f"/campaigns/{acme.pk}/undo", {"event_id": withdrew.pk}, follow=True
    )
    assert "Undone: Withdrew." in response.content.decode()
    acme.refresh_from_db()
    assert acme.status == "active"


def test_the_only_step_moves_to_the_next_good_slot_from_the_page(
    alice_client: Client, acme: Campaign, planned_call: Action
) -> None:
    acme.actions.exclude(pk=planned_call.pk).delete()
    page = alice_client.get(f"/campaigns/{acme.pk}").content.decode()
    assert "Next good slot" in page
    response = alice_client.post(f"/steps/{planned_call.pk}/move", {"next_slot": "on"})
    assert response.status_code == 302
    before = planned_call.due_at
    planned_call.refresh_from_db()
    assert planned_call.due_at > before


def test_a_move_onto_a_weekend_asks_then_moves_anyway(
    alice_client: Client, acme: Campaign, planned_call: Action
) -> None:
    saturday = planned_call.local_due().date()
    saturday += dt.timedelta(days=(5 - saturday.weekday()) % 7 or 7)
    value = f"{saturday.isoformat()}T09:00"
    asked = alice_client.post(f"/steps/{planned_call.pk}/move", {"due_at": value})
    assert asked.status_code == 400
    page = asked.content.decode()
    assert "is not a business day (weekend): move anyway?" in page
    assert ">Move anyway</button>" in page
    moved = alice_client.post(f"/steps/{planned_call.pk}/move", {"due_at": value, "confirm": "on"})
    assert moved.status_code == 302
    planned_call.refresh_from_db()
    assert planned_call.local_due().date() == saturday
