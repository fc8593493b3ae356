"""The JSON shapes only the commands print (docs/cli.md shows each one); ACTION and the other
shapes the API shares live in campaigns/serialize.py.

Every time is ISO 8601 in the company's zone, with its UTC offset; every date is ISO 8601.
Import this module inside a command body: it loads the models.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pursuit.campaigns.models import Action, Campaign, Promise, Touch
from pursuit.campaigns.serialize import ACTION_RELATED, action_json
from pursuit.commands import iso
from pursuit.method.calendar import zone_named

if TYPE_CHECKING:
    from pursuit.campaigns.services import Result
    from pursuit.method.slots import ClosingAsk


def promise_json(promise: Promise | None, zone: Any) -> dict[str, Any] | None:
    """How Pursuit read a promise: its date window, and other readings when it is ambiguous."""
    if promise is None:
        return None
    return {
        "id": promise.pk,
        "text": promise.text,
        "said_at": iso(promise.said_at, zone),
        "earliest": promise.earliest.isoformat(),
        "latest": promise.latest.isoformat(),
        "kind": promise.kind,
        "confidence": promise.confidence,
        "matched": promise.matched,
        "explanation": promise.explanation,
        "alternatives": promise.alternatives,
    }


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
    return {
        "options": [option.isoformat() for option in ask.options],
        "alternate_day": ask.alternate_day.isoformat(),
        "script": script,
    }


def campaign_row_json(campaign: Campaign, next_action: Action | None) -> dict[str, Any]:
    """One line of `campaign list`."""
    return {
        "id": campaign.pk,
        "status": campaign.status,
        "company": campaign.company.name,
        "role": campaign.role,
        "contact": campaign.contact.name if campaign.contact else None,
        "next_action": action_json(next_action) if next_action else None,
    }


def campaign_story_json(campaign: Campaign) -> dict[str, Any]:
    """`campaign show`: the campaign, every step (any status) and every touch, oldest first."""
    zone = zone_named(campaign.company.zone)
    actions = campaign.actions.select_related(*ACTION_RELATED).order_by("due_at", "id")
    return {
        "id": campaign.pk,
        "status": campaign.status,
        "company": campaign.company.name,
        "role": campaign.role,
        "contact": campaign.contact.name if campaign.contact else None,
        "attempts": campaign.attempts,
        "lesson": campaign.lesson,
        "actions": [action_json(a) for a in actions],
        "touches": [touch_json(t, zone) for t in campaign.touches.all()],
    }


def step_json(result: Result) -> dict[str, Any]:
    """What an outcome, an offer, a close, a reopen or a withdrawal did."""
    return {
        "campaign_id": result.campaign.pk,
        "campaign_status": result.campaign.status,
        "next_actions": [action_json(a) for a in result.actions],
        "note": result.note,
    }
