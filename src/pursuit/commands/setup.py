"""`pursuit init` and `pursuit password`: the data dir, its owner, and how they sign in."""

from __future__ import annotations

from typing import Annotated

import typer

from pursuit.commands import (
    REFUSED,
    DataDir,
    Json,
    User,
    acting_seeker,
    emit,
    fail,
    open_db,
    refusals,
)


def init(
    email: Annotated[str, typer.Option(help="The owner's email: they sign in with it.")],
    name: Annotated[str, typer.Option(help="The owner's name, used to sign notes.")] = "",
    tz: Annotated[
        str, typer.Option("--tz", help="The owner's time zone (IANA name).")
    ] = "America/New_York",
    country: Annotated[str, typer.Option(help="Country for public holidays (ISO code).")] = "US",
    subdiv: Annotated[str, typer.Option(help="Subdivision for holidays, e.g. a state.")] = "",
    locale: Annotated[
        str,
        typer.Option(
            metavar="LOCALE",
            help="Dates and clock, e.g. en_US or en_GB (default: from the country).",
            show_default=False,
        ),
    ] = "",
    data_dir: DataDir = None,
    as_json: Json = False,
) -> None:
    """Create the data dir, the database and its owner; running it again changes nothing."""
    path = open_db(data_dir)
    from pursuit.accounts import services
    from pursuit.accounts.models import Seeker

    owner = (
        Seeker.objects.select_related("user")
        .filter(user__is_superuser=True)
        .order_by("user_id")
        .first()
    )
    created = owner is None
    if owner is None:
        with refusals():
            owner = services.create_seeker(
                email=email,
                name=name,
                zone=tz,
                country=country,
                subdiv=subdiv,
                locale=locale,
                owner=True,
            )
    elif owner.user.email != email.strip().lower():
        fail(f"this data dir already belongs to {owner.user.email}", REFUSED)
    data = {
        "email": owner.user.email,
        "data_dir": str(path),
        "created": created,
        "password_set": owner.user.has_usable_password(),
    }
    emit(data, as_json, table=_init_lines)


def _init_lines(data: dict[str, object]) -> str:
    first = "Created" if data["created"] else "Already set up:"
    lines = [f"{first} {data['data_dir']}, owned by {data['email']}."]
    if not data["password_set"]:
        lines.append("Set a password with `pursuit password` (or on the first page of the site).")
    return "\n".join(lines)


def password(data_dir: DataDir = None, user: User = None, as_json: Json = False) -> None:
    """Set the password to sign in with (asked twice, never shown)."""
    open_db(data_dir)
    seeker = acting_seeker(user)
    from pursuit.accounts import services

    # The questions go to stderr, so that stdout holds only the answer (one JSON document).
    new = typer.prompt("New password", hide_input=True, confirmation_prompt=True, err=True)
    with refusals():
        services.set_password(user=seeker.user, password=new)
    emit(
        {"email": seeker.user.email, "password_set": True},
        as_json,
        table=lambda data: f"Password set for {data['email']}.",
    )
