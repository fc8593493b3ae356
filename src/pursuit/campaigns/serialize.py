"""The JSON shape of a planned step, one for every reader: `pursuit … --json` and the API.

A step's time is written in the company's zone with its UTC offset (2026-12-01T09:00:00-05:00),
so a reader sees the moment the seeker will act without knowing the company.
"""

from __future__ import annotations

from typing import Any

from pursuit.campaigns.models import Action

#: What `action_json` reads besides the step itself: fetch it with the steps, in one query.
ACTION_RELATED = ("campaign__company", "campaign__contact")


def action_json(action: Action) -> dict[str, Any]:
    campaign = action.campaign
    contact = campaign.contact
    return {
        "id": action.pk,
        "campaign_id": action.campaign_id,
        "kind": action.kind,
        "due_at": action.local_due().isoformat(),
        # An empty window is an exact time (an agreed call, a callback, a moved step).
        "window": action.window or None,
        "status": action.status,
        "company": campaign.company.name,
        "contact": contact.name if contact else None,
        "script": action.script,
        "reason": action.reason,
    }
