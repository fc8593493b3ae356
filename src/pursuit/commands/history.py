"""Correcting the record from the command line: undo the last write, move a planned step.

Each command reads its options, calls one service and prints what it did.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from pursuit.commands import (
    USAGE,
    DataDir,
    Json,
    User,
    acting_seeker,
    cli_actor,
    emit,
    fail,
    fetch_owned,
    now,
    open_db,
    parse_time,
    refusals,
)


def undo(
    campaign_id: Annotated[
        int | None,
        typer.Option(
            "--campaign",
            metavar="N",
            help="The campaign whose last change to undo (default: your most recent change).",
            show_default=False,
        ),
    ] = None,
    data_dir: DataDir = None,
    user: User = None,
    as_json: Json = False,
) -> None:
    """Undo the last change on a campaign; again to walk further back."""
    open_db(data_dir)
    seeker = acting_seeker(user)
    from pursuit.campaigns import history
    from pursuit.campaigns.access import owned
    from pursuit.campaigns.models import Campaign, CampaignEvent

    if campaign_id is not None:
        campaign = fetch_owned(Campaign, seeker, campaign_id, "company")
    else:
        latest = (
            CampaignEvent.objects.filter(campaign__in=owned(Campaign, seeker.user))
            .select_related("campaign__company")
            .order_by("-id")
            .first()
        )
        if latest is None:
            fail("there is nothing to undo yet")
        campaign = latest.campaign
    with refusals():
        undone = history.undo_last(campaign=campaign, actor=cli_actor(seeker), now=now())
    data = {
        "campaign_ids": [c.pk for c in undone.campaigns],
        "undone": history.event_json(undone.event, seeker),
    }
    emit(data, as_json, table=lambda d: f"Undone: {d['undone']['summary']}")


def move(
    action_id: Annotated[int, typer.Argument(metavar="ACTION", help="The planned step's id.")],
    to: Annotated[
        str | None,
        typer.Option(
            "--to",
            metavar="TIME",
            help="The new time, e.g. 2026-12-02T09:00 in the company's zone.",
        ),
    ] = None,
    next_slot: Annotated[
        bool, typer.Option("--next-slot", help="The first free time in its window, a day later.")
    ] = False,
    yes: Annotated[
        bool,
        typer.Option(
            "--yes", help="Move even onto a closed day, outside the good hours or an agreed time."
        ),
    ] = False,
    data_dir: DataDir = None,
    user: User = None,
    as_json: Json = False,
) -> None:
    """Move a planned step (any step, a campaign's only one too) to another time."""
    if (to is None) == (not next_slot):
        fail("say where to: --to TIME or --next-slot", USAGE)
    moment = parse_time(to, "--to") if to else None
    open_db(data_dir)
    seeker = acting_seeker(user)
    from pursuit.campaigns import services
    from pursuit.campaigns.models import Action
    from pursuit.campaigns.serialize import ACTION_RELATED, action_json

    action = fetch_owned(Action, seeker, action_id, *ACTION_RELATED)
    with refusals("Run it again with --yes to move it anyway."):
        services.move_action(
            action=action,
            due_at=moment,
            next_slot=next_slot,
            confirm=yes,
            now=now(),
            actor=cli_actor(seeker),
        )
    moved = fetch_owned(Action, seeker, action_id, *ACTION_RELATED)
    emit(action_json(moved), as_json, table=_moved)


def _moved(step: dict[str, Any]) -> str:
    when = step["due_at"][:16].replace("T", " ")
    return f"Moved: {step['kind']} at {when}, {step['company']}'s time"
