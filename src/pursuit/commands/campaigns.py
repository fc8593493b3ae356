"""`pursuit company …` and `pursuit campaign …`: the opportunities a seeker follows up."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from pursuit.commands import (
    REFUSED,
    USAGE,
    DataDir,
    Json,
    User,
    acting_seeker,
    emit,
    fail,
    fetch_owned,
    open_db,
    refusals,
)

company_app = typer.Typer(help="Companies you interview with.", no_args_is_help=True)
campaign_app = typer.Typer(help="Campaigns: one company, one role.", no_args_is_help=True)


@company_app.command("add")
def company_add(
    name: Annotated[str, typer.Argument(help="The company's name.")],
    tz: Annotated[
        str, typer.Option("--tz", help="Its time zone (default: yours).", show_default=False)
    ] = "",
    country: Annotated[
        str, typer.Option(help="Its country, for holidays (default: yours).", show_default=False)
    ] = "",
    subdiv: Annotated[str, typer.Option(help="Its subdivision (a state), for holidays.")] = "",
    local: Annotated[
        bool, typer.Option("--local/--remote", help="Close enough to visit in person.")
    ] = False,
    phone: Annotated[str, typer.Option(help="The reception's phone number.")] = "",
    data_dir: DataDir = None,
    user: User = None,
    as_json: Json = False,
) -> None:
    """Add a company; its zone and country decide when steps are planned."""
    open_db(data_dir)
    seeker = acting_seeker(user)
    from pursuit.campaigns import services

    with refusals():
        company = services.create_company(
            seeker=seeker,
            name=name,
            zone=tz,
            country=country,
            subdiv=subdiv,
            local=local,
            phone=phone,
        )
    emit({"id": company.pk}, as_json, table=lambda d: f"Company {d['id']}: {company.name}")


@campaign_app.command("add")
def campaign_add(
    company: Annotated[str, typer.Option(help="The company's name (`pursuit company add`).")],
    role: Annotated[str, typer.Option(help="The role you interviewed for.")],
    contact: Annotated[str, typer.Option(help="The decision maker's name.")] = "",
    contact_phone: Annotated[str, typer.Option(help="Their direct phone number.")] = "",
    data_dir: DataDir = None,
    user: User = None,
    as_json: Json = False,
) -> None:
    """Start a campaign for a role at one of your companies."""
    open_db(data_dir)
    seeker = acting_seeker(user)
    from pursuit.campaigns import services
    from pursuit.campaigns.access import owned
    from pursuit.campaigns.models import Company
    from pursuit.validation import limit, one_line

    with refusals():
        # Read as the company's name was stored, which also keeps a NUL out of the query.
        name = one_line(company, field="--company", max_length=limit(Company, "name"))
    found = owned(Company, seeker.user).filter(name=name).first()
    if found is None:
        fail(f"no company named {company!r}: add it with `pursuit company add`", REFUSED)
    with refusals():
        campaign = services.create_campaign(
            seeker=seeker,
            company=found,
            role=role,
            contact_name=contact,
            contact_phone=contact_phone,
        )
    emit({"id": campaign.pk}, as_json, table=lambda d: f"Campaign {d['id']}: {campaign}")


@campaign_app.command("list")
def campaign_list(
    status: Annotated[
        str | None,
        typer.Option(help="Only this status: active, offer_verbal, won, lost or withdrawn."),
    ] = None,
    data_dir: DataDir = None,
    user: User = None,
    as_json: Json = False,
) -> None:
    """Your campaigns, the most recently changed first, each with its next planned step."""
    from pursuit.method.vocab import CampaignStatus

    wanted = None
    if status is not None:
        try:
            wanted = CampaignStatus(status.strip().lower().replace("-", "_"))
        except ValueError:
            choices = ", ".join(s.value for s in CampaignStatus)
            fail(f"unknown status {status!r}: use one of {choices}", USAGE)
    open_db(data_dir)
    seeker = acting_seeker(user)
    from pursuit.campaigns import queries
    from pursuit.campaigns.serialize import campaign_json

    rows = queries.campaigns_with_next(seeker.user, status=wanted)
    emit([campaign_json(c, a) for c, a in rows], as_json, table=_campaign_table)


def _campaign_table(rows: list[dict[str, Any]]) -> Any:
    from rich.table import Table

    table = Table(box=None, pad_edge=False)
    for column in ("id", "status", "company", "role", "next step"):
        table.add_column(column, overflow="fold", no_wrap=column == "next step")
    for row in rows:
        step = row["next_action"]
        nxt = f"{step['kind']} {step['due_at'][:16].replace('T', ' ')}" if step else "—"
        table.add_row(str(row["id"]), row["status"], row["company"], row["role"], nxt)
    return table if rows else "No campaigns yet: `pursuit campaign add`."


@campaign_app.command("show")
def campaign_show(
    campaign_id: Annotated[int, typer.Argument(metavar="ID", help="The campaign's id.")],
    data_dir: DataDir = None,
    user: User = None,
    as_json: Json = False,
) -> None:
    """One campaign: its status, every step (planned or done) and what happened."""
    open_db(data_dir)
    seeker = acting_seeker(user)
    from pursuit.campaigns.models import Campaign
    from pursuit.commands.shapes import campaign_story_json

    campaign = fetch_owned(Campaign, seeker, campaign_id, "company", "contact")
    emit(campaign_story_json(campaign), as_json, table=_story_lines)


def _story_lines(data: dict[str, Any]) -> str:
    lines = [f"Campaign {data['id']}: {data['role']} at {data['company']} — {data['status']}"]
    if data["contact"]:
        lines.append(f"Contact: {data['contact']}")
    lines.append("Steps:")
    for a in data["actions"]:
        when = a["due_at"][:16].replace("T", " ")
        lines.append(f"  {a['id']:>5}  {when}  {a['kind']:<22} {a['status']:<9} {a['reason']}")
    if data["touches"]:
        lines.append("What happened:")
        for t in data["touches"]:
            lines.append(
                f"  {t['at'][:16].replace('T', ' ')}  {_dashed(t['outcome'])}  {t['note']}".rstrip()
            )
    if data["lesson"]:
        lines.append(f"Lesson: {data['lesson']}")
    if data["history"]:
        lines.append("History:")
        for e in data["history"]:
            when, undone = e["at"][:16].replace("T", " "), " (undone)" if e["undone"] else ""
            lines.append(f"  {when}  {e['summary']}{undone} — {e['by']} via {e['via']}")
    return "\n".join(lines)


def _dashed(value: str) -> str:
    """A vocabulary word as it is typed on the command line: `no-answer`."""
    return value.replace("_", "-")
