"""The commands one case at a time, in this process on the test database: exit codes, one-line
errors that change nothing, ownership, the agenda's range and the JSON shapes."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import pytest

from pursuit.accounts.models import Seeker
from pursuit.accounts.services import create_seeker
from pursuit.campaigns import services
from pursuit.campaigns.models import Action, Campaign, Interview, Touch
from pursuit.method.vocab import Outcome

from .conftest import Pursuit, Ran

Cli = Callable[..., Ran]
THU = "2026-11-19T08:00-05:00"


def one_line(ran: Ran) -> str:
    lines = ran.err.strip().splitlines()
    assert len(lines) == 1, ran.err
    assert ran.out == ""
    return lines[0]


def campaign_of(seeker: Seeker, company: str = "Acme Tools", **company_kw: object) -> Campaign:
    co = services.create_company(
        seeker=seeker,
        name=company,
        **company_kw,  # type: ignore[arg-type]
    )
    return services.create_campaign(seeker=seeker, company=co, role="Buyer", contact_name="Dana")


def interviewed(campaign: Campaign, at: str = "2026-11-19T15:00") -> list[Action]:
    result = services.log_interview(
        campaign=campaign,
        at=dt.datetime.fromisoformat(at),
        promise_text="We'll call you by Wednesday",
        now=dt.datetime.fromisoformat("2026-11-19T16:00-05:00"),
    )
    return result.actions


# -- bad usage: exit 2, one line, nothing changed -------------------------------------------------


@pytest.mark.parametrize(
    ("args", "says"),
    [
        pytest.param(
            ["campaign", "add", "--role", "Buyer"], "Missing option '--company'", id="no-company"
        ),
        pytest.param(["outcome", "{call}", "maybe"], "unknown 'maybe'", id="unknown-result"),
        pytest.param(
            ["outcome", "{call}", "reached-pending"], "needs --promise", id="pending-no-promise"
        ),
        pytest.param(
            ["outcome", "{call}", "reached-interview"],
            "needs --interview-at",
            id="interview-no-time",
        ),
        pytest.param(
            ["outcome", "{call}", "gatekeeper-callback"],
            "needs --callback-at",
            id="callback-no-time",
        ),
        pytest.param(
            ["outcome", "{call}", "no-answer", "--at", "Monday"],
            "give a date and time",
            id="malformed-time",
        ),
        pytest.param(
            ["outcome", "{call}", "no-answer", "--at", "2026-11-30"],
            "give a date and time",
            id="a-date-without-a-time",
        ),
        pytest.param(
            ["interview", "log", "{campaign}", "--at", "2026-12-01T10:00", "--permission", "yes"],
            "unknown 'yes'",
            id="unknown-permission",
        ),
        pytest.param(
            [
                "interview",
                "log",
                "{campaign}",
                "--at",
                "2026-12-01T10:00",
                "--permission",
                "granted",
            ],
            "needs --call-at",
            id="granted-without-a-time",
        ),
        pytest.param(["offer", "{campaign}"], "--verbal or --written", id="offer-of-no-kind"),
        pytest.param(["campaign", "list", "--status", "open"], "unknown status", id="bad-status"),
        pytest.param(["agenda", "--from", "next week"], "give a date", id="bad-from"),
        pytest.param(["campaign", "show", "one"], "Invalid value for 'ID'", id="bad-id"),
        pytest.param(["agenda", "--user", "nobody@example.com"], "no user", id="unknown-user"),
    ],
)
def test_bad_usage_is_one_line_exit_2_and_changes_nothing(
    cli: Cli, owner: Seeker, args: list[str], says: str
) -> None:
    campaign = campaign_of(owner)
    call = next(a for a in interviewed(campaign) if a.kind == "call")
    ids = {"campaign": str(campaign.pk), "call": str(call.pk)}
    before = (Action.objects.count(), Touch.objects.count(), Interview.objects.count())

    ran = cli(*[a.format(**ids) for a in args])

    assert ran.code == 2
    assert says in one_line(ran)
    assert (Action.objects.count(), Touch.objects.count(), Interview.objects.count()) == before
    call.refresh_from_db()
    assert call.status == "planned"


def test_without_an_owner_it_says_to_run_init(cli: Cli, transactional_db: None) -> None:
    ran = cli("agenda")
    assert ran.code == 2
    assert "pursuit init" in one_line(ran)


def test_a_malformed_clock_is_bad_usage(cli: Cli, owner: Seeker) -> None:
    ran = cli("agenda", now="2026-11-19T08:00")
    assert ran.code == 2
    assert "PURSUIT_NOW" in one_line(ran)


# -- refused by the rules: exit 1 -----------------------------------------------------------------


def test_logging_an_interview_before_any_campaign_says_what_to_run_first(
    cli: Cli, owner: Seeker
) -> None:
    ran = cli("interview", "log", "1", "--at", "2026-12-01T10:00")
    assert ran.code == 1
    assert one_line(ran) == (
        "no campaign yet: start one with `pursuit company add NAME`, "
        "then `pursuit campaign add --company NAME --role TITLE`"
    )


def test_someone_elses_campaign_is_no_such_campaign(cli: Cli, owner: Seeker) -> None:
    campaign_of(owner, "Own Company")
    bob = create_seeker(email="bob@example.com", name="Bob")
    theirs = campaign_of(bob, "Bob's Company")
    step = interviewed(theirs)[0]

    for args in (
        ["campaign", "show", str(theirs.pk)],
        ["interview", "log", str(theirs.pk), "--at", "2026-12-01T10:00"],
        ["offer", str(theirs.pk), "--verbal"],
        ["withdraw", str(theirs.pk)],
    ):
        ran = cli(*args)
        assert ran.code == 1
        assert one_line(ran) == f"no such campaign: {theirs.pk}"
    ran = cli("outcome", str(step.pk), "done")
    assert (ran.code, one_line(ran)) == (1, f"no such action: {step.pk}")
    theirs.refresh_from_db()
    assert theirs.status == "active"
    assert Touch.objects.count() == 0
    # Bob, named with --user, sees his own.
    assert cli("campaign", "show", str(theirs.pk), "--user", "bob@example.com", "--json").code == 0


def test_a_refused_write_is_exit_1_with_the_services_words(cli: Cli, owner: Seeker) -> None:
    assert cli("company", "add", "Acme Tools").code == 0
    ran = cli("company", "add", "Acme Tools")
    assert ran.code == 1
    assert one_line(ran) == "you already have a company named 'Acme Tools'"
    ran = cli("campaign", "add", "--company", "Nobody Inc", "--role", "Buyer")
    assert ran.code == 1
    assert "no company named 'Nobody Inc'" in one_line(ran)


def test_an_outcome_a_step_cannot_have_is_refused_and_leaves_the_step_planned(
    cli: Cli, owner: Seeker
) -> None:
    thanks = interviewed(campaign_of(owner))[0]
    ran = cli("outcome", str(thanks.pk), "no-answer", now="2026-11-20T09:30-05:00")
    assert ran.code == 1
    assert "cannot end with 'no_answer'" in one_line(ran)
    thanks.refresh_from_db()
    assert thanks.status == "planned"
    assert Touch.objects.count() == 0


# -- what the commands print ----------------------------------------------------------------------


def test_every_time_in_json_carries_the_companys_offset(cli: Cli, owner: Seeker) -> None:
    company = cli(
        "company", "add", "Berlin GmbH", "--tz", "Europe/Berlin", "--country", "DE", "--json"
    ).json()
    campaign = cli(
        "campaign", "add", "--company", "Berlin GmbH", "--role", "Buyer", "--json"
    ).json()
    assert company == {"id": company["id"]} and campaign == {"id": campaign["id"]}
    logged = cli(
        "interview",
        "log",
        str(campaign["id"]),
        "--at",
        "2026-12-01T10:00",
        "--promise",
        "in two weeks",
        "--json",
        now="2026-11-30T08:00-05:00",
    ).json()
    assert logged["promise"]["said_at"] == "2026-12-01T10:00:00+01:00"
    assert logged["closing_ask"]["options"][0].endswith("+01:00")
    assert all(a["due_at"].endswith("+01:00") for a in logged["next_actions"])
    assert set(logged["next_actions"][0]) == {
        "id",
        "campaign_id",
        "kind",
        "due_at",
        "window",
        "status",
        "company",
        "contact",
        "script",
        "reason",
    }


def test_a_past_interview_has_no_closing_ask(cli: Cli, owner: Seeker) -> None:
    campaign = campaign_of(owner)
    logged = cli(
        "interview", "log", str(campaign.pk), "--at", "2026-11-18T15:00", "--json", now=THU
    ).json()
    assert "closing_ask" not in logged
    assert logged["promise"] is None


def test_the_answer_given_at_an_interview_plans_the_agreed_call(cli: Cli, owner: Seeker) -> None:
    campaign = campaign_of(owner)
    cli("interview", "log", str(campaign.pk), "--at", "2026-12-01T10:00", now=THU)
    refused = cli("interview", "answer", str(campaign.pk), "--permission", "granted", now=THU)
    assert refused.code == 2
    answered = cli(
        "interview", "answer", str(campaign.pk), "--permission", "granted",
        "--call-at", "2026-12-08T17:30", "--json", now="2026-12-01T11:30-05:00",
    ).json()  # fmt: skip
    assert [(a["kind"], a["due_at"], a["window"]) for a in answered["next_actions"]] == [
        ("call", "2026-12-08T17:30:00-05:00", None)
    ]


def test_they_called_with_an_interview_plans_that_interview(cli: Cli, owner: Seeker) -> None:
    campaign = campaign_of(owner)
    call = next(a for a in interviewed(campaign) if a.kind == "call")
    done = cli(
        "outcome",
        str(call.pk),
        "they-called",
        "--interview-at",
        "2026-12-08T10:00",
        "--json",
        now="2026-11-27T11:00-05:00",
    ).json()
    assert [a["kind"] for a in done["next_actions"]] == ["thank_you", "call"]
    assert Interview.objects.filter(campaign=campaign).count() == 2
    assert Touch.objects.get().outcome == "they_called"


def test_the_agenda_spans_overdue_today_and_five_business_days(cli: Cli, owner: Seeker) -> None:
    """Monday Nov 23 of Thanksgiving week: five business days reach Wednesday Dec 2."""
    campaign = campaign_of(owner)
    interviewed(campaign)  # thank-you Fri Nov 20 (overdue by Monday), call Mon Nov 30
    services.record_offer(
        campaign=campaign,
        written=False,
        at=dt.datetime.fromisoformat("2026-12-01T10:00-05:00"),
        now=dt.datetime.fromisoformat("2026-12-01T10:00-05:00"),
    )  # asks for the written offer Wed Dec 2
    later = campaign_of(owner, "Later Inc")
    services.log_interview(
        campaign=later,
        at=dt.datetime.fromisoformat("2026-12-02T15:00"),
        now=dt.datetime.fromisoformat("2026-11-20T10:00-05:00"),
    )  # thank-you Thu Dec 3: past the horizon

    def due(*args: str) -> list[str]:
        ran = cli("agenda", *args, "--json", now="2026-11-23T08:00-05:00")
        return [f"{a['kind']} {a['due_at'][:10]}" for a in ran.json()]

    assert due() == [
        "thank_you 2026-11-20",
        "request_written_offer 2026-12-02",
    ]
    assert due("--days", "6") == [
        "thank_you 2026-11-20",
        "request_written_offer 2026-12-02",
        "thank_you 2026-12-03",
    ]
    assert due("--from", "2026-12-03", "--days", "0") == ["thank_you 2026-12-03"]


def test_people_get_tables_and_lines(cli: Cli, owner: Seeker) -> None:
    campaign = campaign_of(owner)
    interviewed(campaign)
    agenda = cli("agenda", now="2026-11-20T08:00-05:00")
    assert agenda.code == 0
    assert "Acme Tools" in agenda.out and "thank_you" in agenda.out
    listed = cli("campaign", "list")
    assert "Acme Tools" in listed.out and "active" in listed.out
    shown = cli("campaign", "show", str(campaign.pk))
    assert shown.out.startswith(f"Campaign {campaign.pk}: Buyer at Acme Tools — active")


def test_json_is_exactly_one_document(cli: Cli, owner: Seeker) -> None:
    campaign = campaign_of(owner)
    interviewed(campaign)
    for args in (["agenda"], ["campaign", "list"], ["campaign", "show", str(campaign.pk)]):
        ran = cli(*args, "--json")
        assert ran.code == 0 and ran.err == ""
        json.loads(ran.out)  # raises on anything but one document


# -- set-up --------------------------------------------------------------------------------------


def test_init_twice_is_harmless_and_another_owner_is_refused(pursuit: Pursuit) -> None:
    first = pursuit("init --email Sam@Example.com --tz Europe/Paris --country FR")
    assert first.code == 0, first.err
    again = pursuit("init --email sam@example.com --json").json()
    assert again["created"] is False and again["email"] == "sam@example.com"
    other = pursuit("init --email kim@example.com")
    assert other.code == 1
    assert one_line(other) == "this data dir already belongs to sam@example.com"
    assert (pursuit.data_dir / "pursuit.sqlite3").exists()


def test_password_is_asked_twice_and_held_to_the_rules(pursuit: Pursuit) -> None:
    pursuit("init --email sam@example.com")
    weak = pursuit("password", stdin="abc\nabc\n")
    assert weak.code == 1
    assert "too short" in weak.err
    mismatch = pursuit("password", stdin="a-long-pass-phrase\nanother-one-entirely\n")
    assert mismatch.code != 0
    done = pursuit("password --json", stdin="a-long-pass-phrase\na-long-pass-phrase\n")
    assert done.code == 0, done.err
    assert json.loads(done.out) == {
        "email": "sam@example.com",
        "password_set": True,
    }
    assert pursuit("init --email sam@example.com --json").json()["password_set"]


def test_the_agenda_shows_the_phone_the_first_words_and_the_warnings_within_the_width(
    cli: Cli, owner: Seeker, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    campaign = campaign_of(owner, phone="212-555-0100")
    interviewed(campaign)
    ran = cli("agenda", "--days", "10", now="2026-11-27T08:00-05:00")
    lines = ran.out.splitlines()
    assert ran.code == 0
    assert all(len(line) <= 60 for line in lines), lines
    assert lines[0] == "Keep going: only 1 active campaign: keep at least 3 going u…"
    call = next(i for i, line in enumerate(lines) if " call  " in line)
    assert "  call  (212) 555-0100  Acme Tools" in lines[call]
    assert lines[call + 1].startswith("       “Hi, this is Sam Lee")


def test_campaign_show_prints_outcomes_as_they_are_typed(cli: Cli, owner: Seeker) -> None:
    campaign = campaign_of(owner)
    call = next(a for a in interviewed(campaign) if a.kind == "call")
    moment = call.due_at + dt.timedelta(minutes=5)
    services.log_outcome(action=call, outcome=Outcome.NO_ANSWER, at=moment, now=moment)
    shown = cli("campaign", "show", str(campaign.pk))
    assert "  no-answer" in shown.out and "no_answer" not in shown.out
