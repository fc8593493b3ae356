"""`pursuit undo`, `pursuit move`, outcome times and the history in `campaign show`."""

from __future__ import annotations

from collections.abc import Callable

from pursuit.accounts.models import Seeker
from pursuit.accounts.services import create_seeker
from pursuit.campaigns.models import Action, Campaign, CampaignEvent, Company, Touch
from pursuit.method.vocab import ActionStatus

from .conftest import Ran
from .test_commands import campaign_of, interviewed, one_line

Cli = Callable[..., Ran]
SUNDAY = "2026-11-29T16:00-05:00"


def the_call(seeker: Seeker) -> Action:
    return next(a for a in interviewed(campaign_of(seeker)) if a.kind == "call")


def test_an_outcome_on_tomorrows_call_asks_when_it_happened(cli: Cli, owner: Seeker) -> None:
    call = the_call(owner)
    ran = cli("outcome", str(call.pk), "no-answer", now=SUNDAY)
    assert ran.code == 1
    assert one_line(ran) == (
        "This call is planned for tomorrow at 9:00 AM. Did you call earlier? "
        "Give the time it happened with --at TIME (e.g. --at 2026-12-01T09:05)."
    )
    assert not Touch.objects.exists()
    done = cli("outcome", str(call.pk), "no-answer", "--at", "2026-11-29T15:30", now=SUNDAY)
    assert done.code == 0, done.err
    assert Touch.objects.get().at.isoformat() == "2026-11-29T20:30:00+00:00"


def test_undo_walks_back_the_most_recent_changes(cli: Cli, owner: Seeker) -> None:
    call = the_call(owner)
    cli(
        "outcome",
        str(call.pk),
        "no-answer",
        "--at",
        "2026-11-30T09:05",
        now="2026-11-30T10:00-05:00",
    )
    first = cli("undo", "--json").json()
    assert first["undone"]["summary"] == "No answer: the call of Mon Nov 30 9:00 AM"
    assert first["undone"]["via"] == "cli"
    call.refresh_from_db()
    assert call.status == ActionStatus.PLANNED
    second = cli("undo", "--campaign", str(call.campaign_id))
    assert second.out.strip() == "Undone: Interview logged for Thu Nov 19 3:00 PM"
    third = cli("undo")
    assert (third.code, one_line(third)) == (1, "there is nothing to undo on this campaign")


def test_campaign_show_prints_the_history(cli: Cli, owner: Seeker) -> None:
    call = the_call(owner)
    cli("move", str(call.pk), "--next-slot")
    shown = cli("campaign", "show", str(call.campaign_id)).out
    assert "History:" in shown
    assert "Moved the call from Mon Nov 30 9:00 AM to Tue Dec 1 9:00 AM — Sam Lee via cli" in shown
    data = cli("campaign", "show", str(call.campaign_id), "--json").json()
    assert [e["kind"] for e in data["history"]] == ["move", "interview"]


def test_move_asks_before_a_closed_day_and_moves_with_yes(cli: Cli, owner: Seeker) -> None:
    call = the_call(owner)
    asked = cli("move", str(call.pk), "--to", "2026-11-26T09:00")
    assert asked.code == 1
    assert one_line(asked) == (
        "Thursday 2026-11-26 is not a business day (Thanksgiving Day): move anyway? "
        "Run it again with --yes to move it anyway."
    )
    moved = cli("move", str(call.pk), "--to", "2026-11-26T09:00", "--yes", "--json").json()
    assert moved["due_at"] == "2026-11-26T09:00:00-05:00"
    assert (cli("move", str(call.pk)).code, CampaignEvent.objects.filter(kind="move").count()) == (
        2,
        1,
    )


def test_another_seekers_ids_are_no_such_rows(cli: Cli, owner: Seeker) -> None:
    # A campaign of the owner's own, written directly so that there is still nothing to undo:
    # with none at all, the commands would say to start one first.
    company = Company.objects.create(seeker=owner, name="Own Company")
    Campaign.objects.create(seeker=owner, company=company, role="Buyer")
    bob = create_seeker(email="bob@example.com", name="Bob")
    theirs = the_call(bob)
    ran = cli("undo", "--campaign", str(theirs.campaign_id))
    assert (ran.code, one_line(ran)) == (1, f"no such campaign: {theirs.campaign_id}")
    ran = cli("move", str(theirs.pk), "--next-slot")
    assert (ran.code, one_line(ran)) == (1, f"no such action: {theirs.pk}")
    ran = cli("undo")
    assert (ran.code, one_line(ran)) == (1, "there is nothing to undo yet")
    assert CampaignEvent.objects.filter(kind__in=["undo", "move"]).count() == 0
