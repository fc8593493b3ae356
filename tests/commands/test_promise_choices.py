"""`pursuit interview log` never plans from a guess: an ambiguous promise saves nothing until a
reading is picked, a default one prints its notice, and the JSON says which it was."""

from __future__ import annotations

from collections.abc import Callable

from pursuit.accounts.models import Seeker
from pursuit.campaigns import services
from pursuit.campaigns.models import Campaign, Interview

from .conftest import Ran

Cli = Callable[..., Ran]
#: Monday, November 16, 2026, after an interview at 15:00.
MON = "2026-11-16T17:00-05:00"


def campaign_of(seeker: Seeker, name: str = "Acme Tools", **company_kw: object) -> Campaign:
    co = services.create_company(seeker=seeker, name=name, **company_kw)  # type: ignore[arg-type]
    return services.create_campaign(seeker=seeker, company=co, role="Buyer", contact_name="Dana")


def log(cli: Cli, campaign: Campaign, promise: str, *more: str) -> Ran:
    return cli(
        "interview", "log", str(campaign.pk), "--at", "2026-11-16T15:00", "--promise", promise,
        *more, now=MON,
    )  # fmt: skip


def test_an_ambiguous_promise_prints_both_readings_and_saves_nothing(
    cli: Cli, owner: Seeker
) -> None:
    campaign = campaign_of(owner)
    ran = log(cli, campaign, "We'll decide next Wednesday")
    assert ran.code == 2 and ran.out == ""
    assert "1: Wed 2026-11-25" in ran.err and "2: Wed 2026-11-18" in ran.err
    assert "--reading N" in ran.err and "--accept-first" in ran.err
    assert not Interview.objects.exists()


def test_accept_first_and_reading_pick_the_plan(cli: Cli, owner: Seeker) -> None:
    first = log(cli, campaign_of(owner), "We'll decide next Wednesday", "--accept-first", "--json")
    promise = first.json()["promise"]
    assert (promise["latest"], promise["ambiguous"], promise["defaulted"]) == (
        "2026-11-25",
        True,
        False,
    )
    campaign = campaign_of(owner, "Globex")
    second = log(cli, campaign, "We'll decide next Wednesday", "--reading", "2", "--json")
    assert second.json()["promise"]["latest"] == "2026-11-18"
    both = log(
        cli, campaign_of(owner, "Initech"), "next Wednesday", "--reading", "2", "--accept-first"
    )
    assert both.code == 2


def test_a_default_reading_prints_the_notice_and_flags_the_json(cli: Cli, owner: Seeker) -> None:
    campaign = campaign_of(owner)
    ran = log(cli, campaign, "we'll be in touch")
    assert ran.code == 0, ran.err
    assert "No date was said: we'll call on Tuesday 2026-11-24. Change it?" in ran.out
    assert f"pursuit interview check-in {campaign.pk} --on DATE" in ran.out
    data = log(cli, campaign_of(owner, "Globex"), "we'll be in touch", "--json").json()
    assert (data["promise"]["defaulted"], data["promise"]["ambiguous"]) == (True, False)


def test_the_check_in_day_moves_up_front_and_afterwards(cli: Cli, owner: Seeker) -> None:
    campaign = campaign_of(owner)
    data = log(cli, campaign, "we'll be in touch", "--call-on", "2026-11-30", "--json").json()
    call = next(a for a in data["next_actions"] if a["kind"] == "call")
    assert call["due_at"] == "2026-11-30T09:00:00-05:00"
    moved = cli(
        "interview", "check-in", str(campaign.pk), "--on", "2026-12-02", "--json", now=MON
    ).json()
    assert [a["due_at"] for a in moved["next_actions"]] == ["2026-12-02T09:00:00-05:00"]


def test_a_company_added_in_london_reads_its_numbers_day_first(cli: Cli, owner: Seeker) -> None:
    added = cli(
        "company", "add", "Thames Ltd", "--tz", "Europe/London", "--country", "GB", "--json"
    ).json()
    assert cli("company", "add", "Other", "--locale", "british").code == 1
    campaign = services.create_campaign(
        seeker=owner, company=owner.companies.get(pk=added["id"]), role="Buyer"
    )
    ran = log(cli, campaign, "by 4/12")
    assert ran.code == 2 and "1: Fri 2026-12-04" in ran.err and "2: Mon 2027-04-12" in ran.err


def test_lang_passes_through_to_the_reader(cli: Cli, owner: Seeker) -> None:
    campaign = campaign_of(owner, country="DE", zone="Europe/Berlin")
    data = log(cli, campaign, "Wir melden uns bis Mittwoch", "--lang", "de", "--json").json()
    assert data["promise"]["latest"] == "2026-11-18"
    assert data["promise"]["defaulted"] is False
    refused = log(cli, campaign_of(owner, "Globex"), "by Friday", "--lang", "fr")
    assert refused.code == 2 and "unknown language 'fr'" in refused.err
