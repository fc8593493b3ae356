"""Reads shared by the command line, the web pages and the API: each a fixed number of queries,
whatever the size of the seeker's data.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet

from pursuit.accounts.models import Seeker, User
from pursuit.campaigns.access import owned
from pursuit.campaigns.models import Action, Campaign
from pursuit.campaigns.serialize import ACTION_RELATED
from pursuit.method.calendar import BusinessCalendar, zone_named
from pursuit.method.ladder import campaign_warnings
from pursuit.method.vocab import ActionStatus, CampaignStatus


def seeker_calendar(seeker: Seeker) -> BusinessCalendar:
    """The seeker's own business days (their country, their days off): the agenda's horizon, the
    digest's day. Reads the days off through `seeker.blackouts` (prefetch it for many seekers)."""
    blackout = [d for b in seeker.blackouts.all() for d in b.days()]
    return BusinessCalendar(
        zone=seeker.zone, country=seeker.country, subdiv=seeker.subdiv or None, blackout=blackout
    )


def agenda_range(
    seeker: Seeker, *, now: dt.datetime, start: dt.date | None = None, days: int | None = None
) -> tuple[dt.datetime | None, dt.datetime]:
    """The moments the agenda spans, in the seeker's zone: from the start of `start` (None: from
    the first overdue step) to the end of the `days`-th business day after it (default: the
    playbook's horizon, 5). Without `start` the range begins today."""
    zone = zone_named(seeker.zone)
    today = now.astimezone(zone).date()
    first = start or today
    if days is None:
        days = seeker.playbook.quiet_horizon_business_days
    last = seeker_calendar(seeker).add_business_days(first, days)
    begin = dt.datetime.combine(first, dt.time(), tzinfo=zone) if start else None
    return begin, dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), tzinfo=zone)


def warnings(seeker: Seeker, *, now: dt.datetime) -> list[str]:
    """The never-stop-campaigning warnings (METHOD §4.9), as the pages show them: too few active
    campaigns, or nothing planned soon, until a campaign is won."""
    user = seeker.user
    statuses = list(owned(Campaign, user).values_list("status", flat=True))
    soonest = (
        owned(Action, user)
        .filter(status=ActionStatus.PLANNED)
        .order_by("due_at")
        .values_list("due_at", flat=True)
        .first()
    )
    zone = zone_named(seeker.zone)
    return campaign_warnings(
        active=statuses.count(CampaignStatus.ACTIVE),
        any_won=CampaignStatus.WON in statuses,
        next_planned=soonest.astimezone(zone).date() if soonest else None,
        today=now.astimezone(zone).date(),
        calendar=seeker_calendar(seeker),
        playbook=seeker.playbook,
    )


def agenda(user: User, *, start: dt.datetime | None, end: dt.datetime) -> QuerySet[Action]:
    """Planned steps due before `end` (and from `start`, when given), soonest first, with what
    `serialize.action_json` reads."""
    steps = owned(Action, user).filter(status=ActionStatus.PLANNED, due_at__lt=end)
    if start is not None:
        steps = steps.filter(due_at__gte=start)
    return steps.select_related(*ACTION_RELATED).order_by("due_at", "id")


def campaigns_with_next(
    user: User, *, status: CampaignStatus | None = None
) -> list[tuple[Campaign, Action | None]]:
    """The user's campaigns, most recently changed first, each with its soonest planned step."""
    campaigns = owned(Campaign, user).select_related("company", "contact")
    if status is not None:
        campaigns = campaigns.filter(status=status)
    rows = list(campaigns.order_by("-updated_at", "-id"))
    soonest: dict[int, Action] = {}
    planned = owned(Action, user).filter(status=ActionStatus.PLANNED)
    if status is not None:
        planned = planned.filter(campaign__status=status)
    for action in planned.select_related(*ACTION_RELATED).order_by("-due_at", "-id"):
        soonest[action.campaign_id] = action  # the soonest comes last and wins
    return [(c, soonest.get(c.pk)) for c in rows]
