"""`pursuit token`: personal tokens for the JSON API (docs/api.md).

A token is printed once, when it is made; only its digest is kept, so a lost token is revoked and
replaced, never shown again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

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

if TYPE_CHECKING:
    from pursuit.accounts.models import ApiToken

token_app = typer.Typer(help="Personal tokens for the JSON API: create, list, revoke.")


def token_json(token: ApiToken, zone: Any) -> dict[str, Any]:
    """TOKEN: what is kept of a token (never the token itself); times in the seeker's zone."""

    def at(moment: Any) -> str | None:
        return moment.astimezone(zone).isoformat() if moment else None

    return {
        "id": token.pk,
        "name": token.name,
        "prefix": token.prefix,
        "created_at": at(token.created_at),
        "last_used_at": at(token.last_used_at),
        "revoked_at": at(token.revoked_at),
        "active": token.is_active,
    }


@token_app.command("create")
def create(
    name: Annotated[
        str, typer.Option("--name", metavar="NAME", help="What it is for: calendar, phone…")
    ] = "",
    data_dir: DataDir = None,
    user: User = None,
    as_json: Json = False,
) -> None:
    """Make a token and print it, this once: copy it now."""
    open_db(data_dir)
    seeker = acting_seeker(user)
    from pursuit.accounts.services import create_token
    from pursuit.method.calendar import zone_named

    with refusals():
        row, plain = create_token(user=seeker.user, name=name)
    data = token_json(row, zone_named(seeker.zone)) | {"token": plain}
    emit(data, as_json, table=_created_lines)


def _created_lines(data: dict[str, Any]) -> str:
    label = f"{data['name']!r} " if data["name"] else ""
    return "\n".join(
        [
            f"Token {label}made (id {data['id']}, {data['prefix']}…). Copy it now; it is not shown "
            "again:",
            "",
            f"    {data['token']}",
            "",
            "Send it as the header `Authorization: Bearer <token>` (docs/api.md).",
        ]
    )


@token_app.command("list")
def list_tokens(data_dir: DataDir = None, user: User = None, as_json: Json = False) -> None:
    """Your tokens, newest first: name, prefix, when made, last used and revoked."""
    open_db(data_dir)
    seeker = acting_seeker(user)
    from pursuit.method.calendar import zone_named

    zone = zone_named(seeker.zone)
    emit([token_json(t, zone) for t in seeker.user.api_tokens.all()], as_json, table=_table)


def _table(rows: list[dict[str, Any]]) -> Any:
    from rich.table import Table

    if not rows:
        return "No tokens yet: `pursuit token create --name NAME`."
    table = Table(box=None, pad_edge=False)
    for column in ("id", "name", "prefix", "made", "last used", "revoked"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(
            str(row["id"]),
            row["name"] or "—",
            row["prefix"],
            _minute(row["created_at"]),
            _minute(row["last_used_at"]) or "never",
            _minute(row["revoked_at"]) or "—",
        )
    return table


def _minute(iso: str | None) -> str:
    return iso[:16].replace("T", " ") if iso else ""


@token_app.command("revoke")
def revoke(
    token_id: Annotated[int, typer.Argument(metavar="ID", help="The token's id (token list).")],
    data_dir: DataDir = None,
    user: User = None,
    as_json: Json = False,
) -> None:
    """Stop a token working, at once; what used it gets 401 from then on."""
    open_db(data_dir)
    seeker = acting_seeker(user)
    from pursuit.accounts.services import revoke_token
    from pursuit.method.calendar import zone_named

    # A token is its user's own, not a seeker's row: another user's id reads as no such token.
    row = seeker.user.api_tokens.filter(pk=token_id).first()
    if row is None:
        fail(f"no such token: {token_id}", REFUSED)
    revoke_token(token=row)
    emit(token_json(row, zone_named(seeker.zone)), as_json, table=_revoked_line)


def _revoked_line(data: dict[str, Any]) -> str:
    label = f" {data['name']!r}" if data["name"] else ""
    return f"Revoked token{label} ({data['prefix']}…): it no longer works."
