"""`pursuit … edit|delete`, `pursuit contact …` and `pursuit trash …`, in this process."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

import pytest

from pursuit.accounts.models import Seeker
from pursuit.accounts.services import create_seeker
from pursuit.campaigns import services
from pursuit.campaigns.models import Campaign, Company, Contact

from .conftest import Ran

Cli = Callable[..., Ran]
THU = "2026-11-19T18:00-05:00"


def ny(iso: str) -> dt.datetime:
    return dt.datetime.fromisoformat(iso).replace(tzinfo=ZoneInfo("America/New_York"))


def logged(seeker: Seeker, name: str = "Acme Tools") -> Campaign:
    company = services.create_company(seeker=seeker, name=name, zone="America/New_York")
    campaign = services.create_campaign(seeker=seeker, company=company, role="Buyer")
    services.log_interview(
        campaign=campaign,
        at=ny("2026-11-19T15:00"),
        promise_text="by Wednesday",
        now=ny("2026-11-19T18:00"),
    )
    return campaign


def test_a_company_edit_prints_what_moved(cli: Cli, owner: Seeker) -> None:
    campaign = logged(owner)
    ran = cli(
        "company", "edit", str(campaign.company_id), "--closed", "2026-11-30", "--json", now=THU
    )
    data = ran.json()
    assert data["version"] == 2
    assert data["moved"] == [
        "the call moved from Monday, Nov 30 at 9:00 AM to Tuesday, Dec 1 at 9:00 AM "
        "because the company's closure days changed"
    ]
    stale = cli("company", "edit", str(campaign.company_id), "--name", "X", "--if-version", "1")
    assert stale.code == 1
    assert "changed meanwhile" in stale.err and "version=2" in stale.err
    assert Company.objects.get().name == "Acme Tools"


def test_campaign_interview_and_contact_edits(cli: Cli, owner: Seeker) -> None:
    campaign = logged(owner)
    assert cli("campaign", "edit", str(campaign.pk), "--source", "referral", now=THU).code == 0
    added = cli(
        "contact",
        "add",
        "--company",
        "Acme Tools",
        "--name",
        "Maria",
        "--role",
        "receptionist",
        "--json",
    ).json()
    assert "Hi Maria, this is" in campaign.actions.get(kind="call").script
    assert cli("contact", "edit", str(added["id"]), "--title", "Front desk").code == 0
    moved = cli(
        "interview", "edit", str(campaign.pk), "--promise", "by December 2", "--json", now=THU
    ).json()["moved"]
    assert moved and "because the promise changed" in moved[0]
    assert Campaign.objects.get().source == "referral"
    assert Contact.objects.get(name="Maria").title == "Front desk"
    bad = cli("contact", "edit", str(added["id"]), "--role", "boss")
    assert bad.code == 1 and "unknown role" in bad.err


def test_a_contact_keeps_how_the_scripts_greet_them(cli: Cli, owner: Seeker) -> None:
    logged(owner)
    added = cli(
        "contact",
        "add",
        "--company",
        "Acme Tools",
        "--name",
        "Anna Weber",
        "--address-as",
        "Frau Weber",
        "--json",
    ).json()
    assert Contact.objects.get(pk=added["id"]).address_as == "Frau Weber"
    assert cli("contact", "edit", str(added["id"]), "--address-as", "Frau Dr. Weber").code == 0
    listed = cli("contact", "list", "--json").json()
    assert [c["address_as"] for c in listed] == ["Frau Dr. Weber"]


def test_delete_list_restore_and_empty(cli: Cli, owner: Seeker) -> None:
    campaign = logged(owner)
    refused = cli("company", "delete", str(campaign.company_id))
    assert refused.code == 1 and "delete them too" in refused.err
    assert cli("company", "delete", str(campaign.company_id), "--with-campaigns").code == 0
    assert cli("campaign", "list", "--json").json() == []
    items = cli("trash", "list", "--json").json()
    assert [(i["kind"], i["id"]) for i in items][-1] == ("company", campaign.company_id)
    assert cli("trash", "restore", "company", str(campaign.company_id)).code == 0
    assert len(cli("campaign", "list", "--json").json()) == 1
    assert cli("campaign", "delete", str(campaign.pk)).code == 0
    assert cli("trash", "empty", "--yes", "--json").json() == {"deleted": 1}
    assert not Campaign.with_trash.exists()


@pytest.mark.parametrize(
    "args",
    [
        ["company", "edit", "{company}", "--name", "Mine"],
        ["company", "delete", "{company}", "--with-campaigns"],
        ["campaign", "edit", "{campaign}", "--role", "Mine"],
        ["campaign", "delete", "{campaign}"],
        ["interview", "edit", "{campaign}", "--with", "Mine"],
        ["interview", "delete", "{interview}"],
        ["contact", "edit", "{contact}", "--name", "Mine"],
        ["contact", "delete", "{contact}"],
        ["contact", "add", "--company", "Bob's Company", "--name", "Mine"],
        ["trash", "restore", "campaign", "{trashed}"],
    ],
    ids=lambda a: " ".join(a[:2]),
)
def test_another_seekers_rows_are_refused(cli: Cli, owner: Seeker, args: list[str]) -> None:
    bob = create_seeker(email="bob@example.com", name="Bob")
    theirs = logged(bob, "Bob's Company")
    gone = logged(bob, "Bob's Other")
    from pursuit.campaigns import edits, trash

    contact = edits.add_contact(company=theirs.company, name="Dana")
    trash.trash(row=gone)
    ids = {
        "company": theirs.company_id,
        "campaign": theirs.pk,
        "interview": theirs.interviews.get().pk,
        "contact": contact.pk,
        "trashed": gone.pk,
    }
    ran = cli(*[a.format(**ids) for a in args])
    assert ran.code == 1, ran.err
    assert any(
        w in ran.err
        for w in (
            "no such",
            "no company",
            "no campaign",
            "no contact",
            "no interview",
            "in the Trash",
        )
    ), ran.err
    assert Company.objects.get(pk=theirs.company_id).name == "Bob's Company"
    assert Campaign.objects.filter(seeker=bob).count() == 1
