"""The JSON the commands print, built on the shapes the API shares (campaigns/serialize.py);
docs/cli.md shows each one. Only what no other reader needs is defined here.

Every time is ISO 8601 in the company's zone, with its UTC offset; every date is ISO 8601.
Import this module inside a command body: it loads the models.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pursuit.campaigns import serialize
from pursuit.campaigns.models import Campaign, Touch
from pursuit.campaigns.serialize import ACTION_RELATED, action_json
from pursuit.commands import iso
from pursuit.method.calendar import zone_named
from pursuit.method.vocab import ActionStatus

if TYPE_CHECKING:
    from pursuit.campaigns.services import Result
    from pursuit.method.slots import ClosingAsk


def touch_json(touch: Touch, zone: Any) -> dict[str, Any]:
    """TOUCH: what happened, with the step it answered (null when the company got in touch)."""
    return {
        "id": touch.pk,
        "action_id": touch.action_id,
        "outcome": touch.outcome,
        "at": iso(touch.at, zone),
        "callback_at": iso(touch.callback_at, zone),
        "note": touch.note,
    }


def closing_ask_json(ask: ClosingAsk, script: str) -> dict[str, Any]:
    """The closing ask's times, with the words to say them."""
    return {**serialize.closing_ask_json(ask), "script": script}


def campaign_story_json(campaign: Campaign) -> dict[str, Any]:
    """`campaign show`: the campaign, every step (any status) and every touch, oldest first,
    and its history (who changed what, newest first)."""
    from pursuit.campaigns import history

    actions = list(campaign.actions.select_related(*ACTION_RELATED).order_by("due_at", "id"))
    soonest = next((a for a in actions if a.status == ActionStatus.PLANNED), None)
    zone = zone_named(campaign.company.zone)
    return {
        **serialize.campaign_json(campaign, soonest),
        "actions": [action_json(a) for a in actions],
        "touches": [touch_json(t, zone) for t in campaign.touches.all()],
        "history": [history.event_json(e, campaign.seeker) for e in history.history_of(campaign)],
    }


def step_json(result: Result) -> dict[str, Any]:
    """What an outcome, an offer, a close, a reopen or a withdrawal did."""
    return {
        "campaign_id": result.campaign.pk,
        "campaign_status": result.campaign.status,
        "next_actions": [action_json(a) for a in result.actions],
        "note": result.note,
    }
