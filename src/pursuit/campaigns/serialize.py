"""The JSON shapes of campaign data, one for every reader: `pursuit … --json` and the API.

Every time is written in the company's zone with its UTC offset (2026-12-01T09:00:00-05:00),
so a reader sees the moment as the company lives it without looking up the company.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet

from pursuit.campaigns.models import (
    Action,
    Campaign,
    Company,
    Contact,
    Interview,
    Offer,
    Promise,
)
from pursuit.method.calendar import zone_named
from pursuit.method.vocab import ActionStatus

if TYPE_CHECKING:
    from pursuit.campaigns.services import Result
    from pursuit.method.slots import ClosingAsk

#: What `action_json` reads besides the step itself: fetch it with the steps, in one query.
ACTION_RELATED = ("campaign__company", "campaign__contact")
#: The only columns `action_json` reads, for `.only()` on long lists: a page of steps then skips
#: the companies' JSON columns and the timestamps nobody shows.
ACTION_FIELDS = (
    "kind",
    "due_at",
    "zone",
    "window",
    "status",
    "script",
    "reason",
    "campaign__company__name",
    "campaign__contact__name",
)


def action_json(action: Action) -> dict[str, Any]:
    campaign = action.campaign
    contact = campaign.contact
    return _action(
        action.pk,
        action.campaign_id,
        action.kind,
        action.due_at,
        action.zone,
        action.window,
        action.status,
        campaign.company.name,
        contact.name if contact else None,
        action.script,
        action.reason,
    )


#: The columns `actions_json` reads, in `_action`'s order.
_ACTION_COLUMNS = (
    "id",
    "campaign_id",
    "kind",
    "due_at",
    "zone",
    "window",
    "status",
    "campaign__company__name",
    "campaign__contact__name",
    "script",
    "reason",
)


def actions_json(actions: QuerySet[Action]) -> list[dict[str, Any]]:
    """`action_json` of every step in `actions`, read as plain values instead of models: several
    times faster for a long agenda (bench/cli_api.py)."""
    return [_action(*row) for row in actions.values_list(*_ACTION_COLUMNS)]


def _action(
    pk: int,
    campaign_id: int,
    kind: str,
    due_at: dt.datetime,
    zone: str,
    window: str,
    status: str,
    company: str,
    contact: str | None,
    script: str,
    reason: str,
) -> dict[str, Any]:
    return {
        "id": pk,
        "campaign_id": campaign_id,
        "kind": kind,
        "due_at": due_at.astimezone(zone_named(zone)).isoformat(),
        # An empty window is an exact time (an agreed call, a callback, a moved step).
        "window": window or None,
        "status": status,
        "company": company,
        "contact": contact,
        "script": script,
        "reason": reason,
    }


def _local(moment: dt.datetime | None, zone: str) -> str | None:
    return moment.astimezone(zone_named(zone)).isoformat() if moment else None


def company_json(company: Company) -> dict[str, Any]:
    return {
        "id": company.pk,
        "name": company.name,
        "zone": company.zone,
        "country": company.country,
        "subdiv": company.subdiv or None,
        "locale": company.locale,
        "local": company.local,
        "phone": company.phone,
        "address": company.address,
        "closure_days": company.closure_days,
        "version": company.version,
        "created_at": _local(company.created_at, company.zone),
    }


def contact_json(contact: Contact) -> dict[str, Any]:
    return {
        "id": contact.pk,
        "company_id": contact.company_id,
        "name": contact.name,
        "role": contact.role,
        "title": contact.title,
        "phone": contact.phone,
        "email": contact.email,
        "way_through": contact.way_through,
        "address_as": contact.address_as,
        "version": contact.version,
    }


#: What `campaign_json` reads besides the campaign itself, and the only columns it reads.
CAMPAIGN_RELATED = ("company", "contact")
CAMPAIGN_FIELDS = (
    "role",
    "status",
    "attempts",
    "lesson",
    "job_url",
    "salary_note",
    "notes",
    "source",
    "version",
    "created_at",
    "updated_at",
    "company__name",
    "company__zone",
    "contact__name",
)


def campaign_json(campaign: Campaign, next_action: Action | None) -> dict[str, Any]:
    """A campaign and its next planned step (None when nothing is planned)."""
    zone = campaign.company.zone
    contact = campaign.contact
    return {
        "id": campaign.pk,
        "company_id": campaign.company_id,
        "company": campaign.company.name,
        "role": campaign.role,
        "contact": contact.name if contact else None,
        "status": campaign.status,
        "attempts": campaign.attempts,
        "lesson": campaign.lesson,
        "contact_id": campaign.contact_id,
        "job_url": campaign.job_url,
        "salary_note": campaign.salary_note,
        "notes": campaign.notes,
        "source": campaign.source,
        "version": campaign.version,
        "created_at": _local(campaign.created_at, zone),
        "updated_at": _local(campaign.updated_at, zone),
        "next_action": action_json(next_action) if next_action else None,
    }


def interview_json(interview: Interview) -> dict[str, Any]:
    zone = interview.campaign.company.zone
    return {
        "id": interview.pk,
        "campaign_id": interview.campaign_id,
        "at": _local(interview.at, zone),
        "with_name": interview.with_name,
        "permission": interview.permission,
        "agreed_at": _local(interview.agreed_at, zone),
        "way_through": interview.way_through,
        "notes": interview.notes,
        "version": interview.version,
    }


def promise_json(promise: Promise) -> dict[str, Any]:
    return {
        "id": promise.pk,
        "campaign_id": promise.campaign_id,
        "text": promise.text,
        "said_at": _local(promise.said_at, promise.campaign.company.zone),
        "earliest": promise.earliest.isoformat(),
        "latest": promise.latest.isoformat(),
        "kind": promise.kind,
        "confidence": promise.confidence,
        "matched": promise.matched,
        "explanation": promise.explanation,
        "alternatives": promise.alternatives,
        "defaulted": promise.defaulted,
        "ambiguous": bool(promise.alternatives),
        "version": promise.version,
    }


def offer_json(offer: Offer) -> dict[str, Any]:
    return {
        "id": offer.pk,
        "campaign_id": offer.campaign_id,
        "written": offer.written,
        "wanted": offer.wanted,
        "at": _local(offer.at, offer.campaign.company.zone),
        "salary": offer.salary,
        "start_date": offer.start_date.isoformat() if offer.start_date else None,
        "terms": offer.terms,
        "version": offer.version,
    }


def closing_ask_json(ask: ClosingAsk) -> dict[str, Any]:
    return {
        "target_day": ask.target_day.isoformat(),
        "options": [option.isoformat() for option in ask.options],
        "alternate_day": ask.alternate_day.isoformat(),
    }


def next_action_of(campaign: Campaign) -> Action | None:
    return (
        campaign.actions.filter(status=ActionStatus.PLANNED)
        .select_related(*ACTION_RELATED)
        .order_by("due_at", "id")
        .first()
    )


def result_json(result: Result) -> dict[str, Any]:
    """What a write did: the campaign after it, the steps it planned and what it read."""
    campaign = result.campaign
    return {
        "campaign": campaign_json(campaign, next_action_of(campaign)),
        "actions": [action_json(action) for action in result.actions],
        "promise": promise_json(result.promise) if result.promise else None,
        "closing_ask": closing_ask_json(result.closing_ask) if result.closing_ask else None,
        "note": result.note,
    }
