"""Corrections and the Trash from the terminal: `pursuit company edit|delete`, `pursuit campaign
edit|delete`, `pursuit interview edit|delete`, `pursuit contact add|edit|delete`,
`pursuit trash list|restore|empty`.

An option left out keeps its value. `--if-version N` refuses the edit when the row has changed
since version N was read (another tab, another device), and prints the value it has now.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from pursuit.commands import (
    REFUSED,
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
    parse_date,
    parse_time,
    refusals,
)
from pursuit.commands.campaigns import campaign_app, company_app
from pursuit.commands.steps import interview_app

if TYPE_CHECKING:
    from pursuit.accounts.models import Seeker
    from pursuit.campaigns.edits import Edited
    from pursuit.campaigns.models import Company

contact_app = typer.Typer(help="People at a company, gatekeepers among them.", no_args_is_help=True)
trash_app = typer.Typer(help="What you deleted, kept 30 days.", no_args_is_help=True)

IfVersion = Annotated[
    int | None,
    typer.Option(
        "--if-version",
        metavar="N",
        help="Refuse if the row changed since you read version N (shown by --json).",
        show_default=False,
    ),
]
Keep = Annotated[str | None, typer.Option(show_default=False)]


def _report(edited: Edited[Any], seeker: Seeker, data: dict[str, Any], as_json: bool) -> None:
    moved = [m.text(seeker) for m in edited.moved]
    data = {**data, "version": edited.row.version, "moved": moved}
    label = data.pop("label", "")

    def lines(d: dict[str, Any]) -> str:
        return "\n".join([f"Saved {label} (version {d['version']}).", *d["moved"]])

    emit(data, as_json, table=lines)


# -- companies -----------------------------------------------------------------------------------


@company_app.command("edit")
def company_edit(
    company_id: Annotated[int, typer.Argument(metavar="ID", help="The company's id.")],
    name: Keep = None,
    tz: Annotated[str | None, typer.Option("--tz", help="Its time zone.")] = None,
    country: Keep = None,
    subdiv: Keep = None,
    local: Annotated[
        bool | None,
        typer.Option(
            "--local/--remote", help="Close enough to visit in person.", show_default=False
        ),
    ] = None,
    phone: Keep = None,
    address: Keep = None,
    closed: Annotated[
        list[str] | None,
        typer.Option(
            "--closed",
            metavar="DATE",
            help="A day the company is closed (repeat; replaces the list; `none` clears it).",
            show_default=False,
        ),
    ] = None,
    if_version: IfVersion = None,
    data_dir: DataDir = None,
    user: User = None,
    as_json: Json = False,
) -> None:
    """Correct a company. A new zone, country, closure days or --local moves the planned steps
    of its campaigns, and each move is printed."""
    days = None
    if closed is not None:
        days = [] if closed == ["none"] else [parse_date(d, "--closed") for d in closed]
    open_db(data_dir)
    seeker = acting_seeker(user)
    from pursuit.campaigns import edits
    from pursuit.campaigns.models import Company

    company = fetch_owned(Company, seeker, company_id)
    with refusals():
        edited = edits.edit_company(
            company=company,
            version=if_version,
            name=name,
            zone=tz,
            country=country,
            subdiv=subdiv,
            local=local,
            phone=phone,
            address=address,
            closure_days=days,
            now=now(),
            actor=cli_actor(seeker),
        )
    data = {"id": company_id, "label": f"company {edited.row.name}"}
    _report(edited, seeker, data, as_json)


@company_app.command("delete")
def company_delete(
    company_id: Annotated[int, typer.Argument(metavar="ID", help="The company's id.")],
    with_campaigns: Annotated[
        bool, typer.Option("--with-campaigns", help="Its campaigns go to the Trash too.")
    ] = False,
    data_dir: DataDir = None,
    user: User = None,
    as_json: Json = False,
) -> None:
    """Move a company to the Trash (30 days). One with campaigns needs --with-campaigns."""
    _delete("company", company_id, data_dir, user, as_json, with_campaigns=with_campaigns)


def _delete(
    kind: str, pk: int, data_dir: Any, user: str | None, as_json: bool, **options: Any
) -> None:
    open_db(data_dir)
    seeker = acting_seeker(user)
    from pursuit.campaigns import trash

    row = fetch_owned(trash.kinds()[kind], seeker, pk)
    with refusals():
        trash.trash(row=row, now=now(), actor=cli_actor(seeker), **options)
    emit(
        {"trashed": kind, "id": pk},
        as_json,
        table=lambda d: f"Moved {kind} {pk} to the Trash: `pursuit trash restore {kind} {pk}`.",
    )


# -- campaigns -----------------------------------------------------------------------------------


@campaign_app.command("edit")
def campaign_edit(
    campaign_id: Annotated[int, typer.Argument(metavar="ID", help="The campaign's id.")],
    role: Keep = None,
    contact_id: Annotated[
        int | None,
        typer.Option("--contact-id", help="The decision maker: a contact at its company."),
    ] = None,
    job_url: Annotated[str | None, typer.Option("--job-url", help="The job ad.")] = None,
    salary: Annotated[str | None, typer.Option(help="A note on the salary.")] = None,
    notes: Keep = None,
    source: Annotated[str | None, typer.Option(help="Where it came from.")] = None,
    if_version: IfVersion = None,
    data_dir: DataDir = None,
    user: User = None,
    as_json: Json = False,
) -> None:
    """Correct a campaign: the role, its decision maker, the job link, salary, notes, source."""
    open_db(data_dir)
    seeker = acting_seeker(user)
    from pursuit.campaigns import edits
    from pursuit.campaigns.models import Campaign, Contact

    campaign = fetch_owned(Campaign, seeker, campaign_id, "company")
    contact = fetch_owned(Contact, seeker, contact_id) if contact_id else None
    with refusals():
        edited = edits.edit_campaign(
            campaign=campaign,
            version=if_version,
            role=role,
            contact=contact,
            job_url=job_url,
            salary_note=salary,
            notes=notes,
            source=source,
            now=now(),
            actor=cli_actor(seeker),
        )
    _report(edited, seeker, {"id": campaign_id, "label": f"campaign {campaign_id}"}, as_json)


@campaign_app.command("delete")
def campaign_delete(
    campaign_id: Annotated[int, typer.Argument(metavar="ID", help="The campaign's id.")],
    data_dir: DataDir = None,
    user: User = None,
    as_json: Json = False,
) -> None:
    """Move a campaign to the Trash with its steps, notes and documents (30 days)."""
    _delete("campaign", campaign_id, data_dir, user, as_json)


# -- interviews ----------------------------------------------------------------------------------


@interview_app.command("edit")
def interview_edit(
    campaign_id: Annotated[int, typer.Argument(metavar="CAMPAIGN", help="The campaign's id.")],
    interview_id: Annotated[
        int | None,
        typer.Option(
            "--interview", help="Which interview (default: the latest).", show_default=False
        ),
    ] = None,
    at: Annotated[
        str | None, typer.Option("--at", metavar="TIME", help="Its time, in the company's zone.")
    ] = None,
    with_name: Annotated[
        str | None, typer.Option("--with", metavar="NAME", help="Who interviewed you.")
    ] = None,
    promise: Annotated[
        str | None, typer.Option(metavar="TEXT", help="What they promised, corrected.")
    ] = None,
    alternative: Annotated[
        int | None,
        typer.Option(metavar="N", help="Keep the promise's N-th other reading (0 is the first)."),
    ] = None,
    if_version: IfVersion = None,
    data_dir: DataDir = None,
    user: User = None,
    as_json: Json = False,
) -> None:
    """Correct an interview's time or interviewer, or its promise: the thank-you and the
    follow-up move with them, and each move is printed."""
    moment = parse_time(at, "--at") if at is not None else None
    open_db(data_dir)
    seeker = acting_seeker(user)
    from pursuit.campaigns import edits
    from pursuit.campaigns.models import Campaign

    campaign = fetch_owned(Campaign, seeker, campaign_id, "company")
    interviews = campaign.interviews.order_by("-at", "-id")
    interview = interviews.filter(pk=interview_id).first() if interview_id else interviews.first()
    if interview is None:
        fail(f"no such interview in campaign {campaign_id}", REFUSED)
    with refusals():
        edited = edits.edit_interview(
            interview=interview,
            version=if_version,
            at=moment,
            with_name=with_name,
            now=now(),
            actor=cli_actor(seeker),
        )
        if promise is not None or alternative is not None:
            said = interview.promises.order_by("-said_at", "-id").first()
            if said is None:
                fail("no promise was logged with this interview: `pursuit interview answer`", USAGE)
            edited.moved += edits.edit_promise(
                promise=said,
                text=promise,
                alternative=alternative,
                now=now(),
                actor=cli_actor(seeker),
            ).moved
    data = {"id": interview.pk, "campaign_id": campaign_id, "label": f"interview {interview.pk}"}
    _report(edited, seeker, data, as_json)


@interview_app.command("delete")
def interview_delete(
    interview_id: Annotated[int, typer.Argument(metavar="ID", help="The interview's id.")],
    data_dir: DataDir = None,
    user: User = None,
    as_json: Json = False,
) -> None:
    """Move an interview to the Trash (30 days)."""
    _delete("interview", interview_id, data_dir, user, as_json)


# -- contacts ------------------------------------------------------------------------------------

Role = Annotated[
    str | None,
    typer.Option(
        help="decision_maker, interviewer, receptionist, assistant or gatekeeper.",
        show_default=False,
    ),
]
Title = Annotated[str | None, typer.Option(help="Their job title.", show_default=False)]
Phone = Annotated[str | None, typer.Option(help="Their direct line.", show_default=False)]
Email = Annotated[str | None, typer.Option(help="Their email address.", show_default=False)]
WayThrough = Annotated[
    str | None,
    typer.Option("--way-through", help="The best way to get through to them.", show_default=False),
]
AddressAs = Annotated[
    str | None,
    typer.Option(
        "--address-as",
        help='How the scripts greet them ("Dana", "Ms. Reyes", "Frau Weber"); blank: the usual '
        "form in the company's country.",
        show_default=False,
    ),
]


@contact_app.command("add")
def contact_add(
    company: Annotated[str, typer.Option(help="The company's name.")],
    name: Annotated[str, typer.Option(help="Their name.")],
    role: Role = None,
    title: Title = None,
    phone: Phone = None,
    email: Email = None,
    way_through: WayThrough = None,
    address_as: AddressAs = None,
    data_dir: DataDir = None,
    user: User = None,
    as_json: Json = False,
) -> None:
    """Add a person at a company. A receptionist or assistant is greeted by name in the
    call scripts ("Hi Maria")."""
    open_db(data_dir)
    seeker = acting_seeker(user)
    from pursuit.campaigns import edits

    found = _company_named(seeker, company)
    if found is None:
        fail(f"no company named {company!r}: add it with `pursuit company add`", REFUSED)
    with refusals():
        contact = edits.add_contact(
            company=found,
            name=name,
            role=role or "decision_maker",
            title=title or "",
            phone=phone or "",
            email=email or "",
            way_through=way_through or "",
            address_as=address_as or "",
            actor=cli_actor(seeker),
        )
    emit(
        {"id": contact.pk, "version": contact.version},
        as_json,
        table=lambda d: f"Contact {d['id']}: {contact.name} ({contact.get_role_display()})",
    )


@contact_app.command("edit")
def contact_edit(
    contact_id: Annotated[int, typer.Argument(metavar="ID", help="The contact's id.")],
    name: Keep = None,
    role: Role = None,
    title: Title = None,
    phone: Phone = None,
    email: Email = None,
    way_through: WayThrough = None,
    address_as: AddressAs = None,
    if_version: IfVersion = None,
    data_dir: DataDir = None,
    user: User = None,
    as_json: Json = False,
) -> None:
    """Correct a person's name, role, title, direct line, email, best way through or how the
    scripts greet them."""
    open_db(data_dir)
    seeker = acting_seeker(user)
    from pursuit.campaigns import edits
    from pursuit.campaigns.models import Contact

    contact = fetch_owned(Contact, seeker, contact_id, "company")
    with refusals():
        edited = edits.edit_contact(
            contact=contact,
            version=if_version,
            name=name,
            role=role,
            title=title,
            phone=phone,
            email=email,
            way_through=way_through,
            address_as=address_as,
            actor=cli_actor(seeker),
        )
    _report(edited, seeker, {"id": contact_id, "label": f"contact {edited.row.name}"}, as_json)


@contact_app.command("list")
def contact_list(
    company: Annotated[str | None, typer.Option(help="Only this company's people.")] = None,
    data_dir: DataDir = None,
    user: User = None,
    as_json: Json = False,
) -> None:
    """The people at your companies, with their ids."""
    open_db(data_dir)
    seeker = acting_seeker(user)
    from pursuit.campaigns.access import owned
    from pursuit.campaigns.models import Contact
    from pursuit.campaigns.serialize import contact_json

    rows = owned(Contact, seeker.user).select_related("company")
    if company is not None:
        found = _company_named(seeker, company)
        if found is None:
            fail(f"no company named {company.strip()[:200]!r}: see `pursuit contact list`", REFUSED)
        rows = rows.filter(company=found)
    data = [contact_json(c) | {"company": c.company.name} for c in rows]

    def lines(items: list[dict[str, Any]]) -> str:
        return (
            "\n".join(
                f"{c['id']:>5}  {c['name']}  ({c['role'].replace('_', ' ')}, {c['company']})"
                for c in items
            )
            or "No contacts yet: `pursuit contact add`."
        )

    emit(data, as_json, table=lines)


@contact_app.command("delete")
def contact_delete(
    contact_id: Annotated[int, typer.Argument(metavar="ID", help="The contact's id.")],
    data_dir: DataDir = None,
    user: User = None,
    as_json: Json = False,
) -> None:
    """Move a contact to the Trash (30 days)."""
    _delete("contact", contact_id, data_dir, user, as_json)


# -- the Trash -----------------------------------------------------------------------------------


@trash_app.command("list")
def trash_list(data_dir: DataDir = None, user: User = None, as_json: Json = False) -> None:
    """What is in the Trash, newest first, and when each goes for good."""
    open_db(data_dir)
    seeker = acting_seeker(user)
    from pursuit.api.trash import item_json
    from pursuit.campaigns import trash

    items = [item_json(kind, row) for kind, row in trash.in_trash(seeker)]

    def lines(rows: list[dict[str, Any]]) -> str:
        return (
            "\n".join(
                f"{r['kind']:<10} {r['id']:>5}  {r['label']}  (until {r['purge_after'][:10]})"
                for r in rows
            )
            or "The Trash is empty."
        )

    emit(items, as_json, table=lines)


@trash_app.command("restore")
def trash_restore(
    kind: Annotated[
        str, typer.Argument(help="campaign, company, contact, interview, offer, resume")
    ],
    item_id: Annotated[int, typer.Argument(metavar="ID")],
    data_dir: DataDir = None,
    user: User = None,
    as_json: Json = False,
) -> None:
    """Bring something back from the Trash, with everything under it."""
    open_db(data_dir)
    seeker = acting_seeker(user)
    from pursuit.campaigns import trash
    from pursuit.campaigns.access import trashed

    model = trash.kinds().get(kind.strip().lower())
    if model is None:
        fail(f"unknown kind {kind!r}: use one of {', '.join(trash.kinds())}", USAGE)
    row = trashed(model, seeker.user).filter(pk=item_id).first()
    if row is None:
        fail(f"no {kind} {item_id} in the Trash", REFUSED)
    with refusals():
        trash.restore(row=row, actor=cli_actor(seeker))
    emit({"restored": kind, "id": item_id}, as_json, table=lambda d: f"Restored {kind} {item_id}.")


@trash_app.command("empty")
def trash_empty(
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask.")] = False,
    data_dir: DataDir = None,
    user: User = None,
    as_json: Json = False,
) -> None:
    """Delete everything in the Trash for good, its files too."""
    open_db(data_dir)
    seeker = acting_seeker(user)
    from pursuit.campaigns import trash

    if not yes and not typer.confirm("Delete everything in the Trash for good?"):
        fail("nothing deleted", REFUSED)
    gone = trash.empty(seekers=[seeker.pk])
    emit({"deleted": gone}, as_json, table=lambda d: f"Deleted {d['deleted']} for good.")


def _company_named(seeker: Seeker, name: str) -> Company | None:
    """The seeker's company of that name, read as names are stored (which also keeps a NUL,
    that PostgreSQL cannot even be asked about, out of the query)."""
    from pursuit.campaigns.access import owned
    from pursuit.campaigns.models import Company
    from pursuit.validation import limit, one_line

    with refusals():
        stored = one_line(name, field="--company", max_length=limit(Company, "name"))
    return owned(Company, seeker.user).filter(name=stored).first()
