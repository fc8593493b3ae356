"""Corrections: each edit keeps done steps, moves the planned ones it affects, and says so."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.db import connection

from pursuit.accounts.models import Seeker
from pursuit.campaigns import edits, services
from pursuit.campaigns.models import Action, Campaign, Company, Contact, Promise
from pursuit.errors import ServiceError
from pursuit.method.vocab import ActionStatus, Outcome

from .conftest import make_campaign

NY = ZoneInfo("America/New_York")
NOW = "2026-11-19T18:00"


def ny(iso: str) -> dt.datetime:
    return dt.datetime.fromisoformat(iso).replace(tzinfo=NY)


def planned(campaign: Campaign) -> dict[str, str]:
    return {
        a.kind: a.local_due().isoformat(timespec="minutes")
        for a in campaign.actions.filter(status=ActionStatus.PLANNED)
    }


@pytest.fixture
def logged(acme: Campaign) -> Campaign:
    """Interview Thu Nov 19, "by Wednesday": thank-you Fri Nov 20, call Mon Nov 30."""
    services.log_interview(
        campaign=acme, at=ny("2026-11-19T15:00"), promise_text="by Wednesday", now=ny(NOW)
    )
    return acme


EDITS = [
    pytest.param(
        "company",
        {"zone": "America/Los_Angeles"},
        {"thank_you": "2026-11-20T09:00-08:00", "call": "2026-11-30T09:00-08:00"},
        "the company's time zone changed",
        id="zone",
    ),
    pytest.param(
        "company",
        {"country": "GB"},
        {"thank_you": "2026-11-20T09:00-05:00", "call": "2026-11-26T09:00-05:00"},
        "the company's country changed",
        id="country",
    ),
    pytest.param(
        "company",
        {"closure_days": [dt.date(2026, 11, 20)]},
        {"thank_you": "2026-11-23T09:00-05:00", "call": "2026-11-30T09:00-05:00"},
        "the company's closure days changed",
        id="closure-day",
    ),
    pytest.param(
        "interview",
        {"at": ny("2026-11-23T15:00")},
        # "by Wednesday" read again from Monday Nov 23 is still Nov 25.
        {"thank_you": "2026-11-24T09:00-05:00", "call": "2026-11-30T09:00-05:00"},
        "the interview's time changed",
        id="interview-time",
    ),
    pytest.param(
        "promise",
        {"text": "by December 2"},
        {"thank_you": "2026-11-20T09:00-05:00", "call": "2026-12-03T09:00-05:00"},
        "the promise changed",
        id="promise-text",
    ),
    pytest.param(
        "company",
        {"name": "Acme Tools Inc.", "phone": "+1 212 555 0100"},
        {"thank_you": "2026-11-20T09:00-05:00", "call": "2026-11-30T09:00-05:00"},
        None,
        id="name-and-phone-move-nothing",
    ),
]


def _edit(what: str, campaign: Campaign, changes: dict[str, Any]) -> edits.Edited[Any]:
    now = ny(NOW)
    if what == "company":
        return edits.edit_company(company=campaign.company, now=now, **changes)
    if what == "interview":
        return edits.edit_interview(interview=campaign.interviews.get(), now=now, **changes)
    return edits.edit_promise(promise=campaign.promises.get(), now=now, **changes)


@pytest.mark.parametrize(("what", "changes", "expected", "because"), EDITS)
def test_it_plans_again_what_the_edit_changes(
    logged: Campaign,
    what: str,
    changes: dict[str, Any],
    expected: dict[str, str],
    because: str | None,
) -> None:
    before = planned(logged)
    result = _edit(what, logged, changes)
    assert planned(logged) == expected
    moved = {m.action.kind for m in result.moved}
    assert moved == {k for k in expected if expected[k] != before[k]}
    assert all(m.because == because for m in result.moved)


def test_it_tells_the_seeker_what_moved_in_their_zone(logged: Campaign, alice: Seeker) -> None:
    result = edits.edit_company(
        company=logged.company, closure_days=[dt.date(2026, 11, 20)], now=ny(NOW)
    )
    assert [m.text(alice) for m in result.moved] == [
        "the thank-you note moved from Friday, Nov 20 at 9:00 AM to Monday, Nov 23 at 9:00 AM "
        "because the company's closure days changed"
    ]


def test_done_steps_never_move(logged: Campaign) -> None:
    thanks = logged.actions.get(kind="thank_you")
    services.log_outcome(action=thanks, outcome=Outcome.DONE, now=ny("2026-11-20T09:30"))
    edits.edit_company(company=logged.company, zone="America/Los_Angeles", now=ny(NOW))
    thanks.refresh_from_db()
    assert thanks.status == ActionStatus.DONE
    assert thanks.local_due().isoformat(timespec="minutes") == "2026-11-20T09:00-05:00"


def test_a_company_made_local_gets_a_visit_instead_of_a_close_out(alice: Seeker) -> None:
    campaign = make_campaign(alice)
    services.log_interview(campaign=campaign, at=ny("2026-11-19T15:00"), now=ny(NOW))
    thanks = campaign.actions.get(kind="thank_you")
    services.log_outcome(action=thanks, outcome=Outcome.DONE, now=thanks.due_at)
    for _ in range(5):
        call = campaign.actions.get(status=ActionStatus.PLANNED, kind="call")
        services.log_outcome(action=call, outcome=Outcome.NO_ANSWER, now=call.due_at)
    close_out = campaign.actions.get(status=ActionStatus.PLANNED, kind="close_out")
    result = edits.edit_company(company=campaign.company, local=True, now=close_out.created_at)
    assert {m.action.kind for m in result.moved} == {"visit", "leave_note"}
    assert set(planned(campaign)) == {"visit", "leave_note"}
    close_out.refresh_from_db()
    assert close_out.status == ActionStatus.CANCELLED


def test_a_gatekeeper_added_is_greeted_by_name(logged: Campaign) -> None:
    edits.add_contact(company=logged.company, name="Maria", role=Contact.Role.RECEPTIONIST)
    call = logged.actions.get(kind="call")
    assert "“Hi Maria, this is" in call.script
    # Written again in the company's clock, as first planned.
    assert "Call Ms. Jones at Acme Tools: Monday, November 30 at 9:00 AM." in call.script


def test_it_refuses_an_edit_from_an_old_copy_and_shows_the_new_value(logged: Campaign) -> None:
    company = Company.objects.get()
    edits.edit_company(company=company, version=1, name="Acme Tools Inc.")
    with pytest.raises(edits.Changed) as refused:
        edits.edit_company(company=company, version=1, name="Acme Corp")
    assert refused.value.current["name"] == "Acme Tools Inc."
    assert refused.value.current["version"] == 2
    assert Company.objects.get().name == "Acme Tools Inc."


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        pytest.param({"name": "  "}, "name", id="empty-name"),
        pytest.param({"zone": "Mars/Olympus"}, "zone", id="unknown-zone"),
        pytest.param({"country": "XX"}, "country", id="unknown-country"),
    ],
)
def test_a_refused_edit_names_its_field_and_changes_nothing(
    logged: Campaign, changes: dict[str, Any], field: str
) -> None:
    with pytest.raises(ServiceError) as refused:
        edits.edit_company(company=logged.company, **changes)
    assert refused.value.field == field
    assert Company.objects.get().version == 1


def test_a_campaign_keeps_its_new_fields(logged: Campaign) -> None:
    edits.edit_campaign(
        campaign=logged,
        role="Senior Buyer",
        job_url="https://example.com/jobs/1",
        salary_note="85k",
        notes="met the team",
        source="referral",
    )
    logged.refresh_from_db()
    assert (logged.role, logged.source, logged.version) == ("Senior Buyer", "referral", 2)
    with pytest.raises(ServiceError, match="http"):
        edits.edit_campaign(campaign=logged, job_url="example.com")


def test_a_promise_reading_can_be_picked(alice: Seeker) -> None:
    campaign = make_campaign(alice)
    services.log_interview(
        campaign=campaign,
        at=ny("2026-11-16T15:00"),
        promise_text="next Wednesday",
        reading=1,
        now=ny(NOW),
    )
    promise = Promise.objects.get()
    other = promise.alternatives[0]["latest"]
    edits.edit_promise(promise=promise, alternative=0, now=ny("2026-11-16T18:00"))
    promise.refresh_from_db()
    assert promise.latest.isoformat() == other


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_edits_of_one_company_let_one_through(alice: Seeker) -> None:
    """GIVEN a company read at version 1 in two places, WHEN both save at the same moment,
    THEN one is saved and the other is told it changed meanwhile."""
    if connection.vendor != "postgresql":
        pytest.skip("needs concurrent writers: runs on PostgreSQL")
    company = make_campaign(alice).company
    barrier, results = threading.Barrier(2), []

    def save(name: str) -> None:
        barrier.wait()
        try:
            edits.edit_company(company=company, version=1, name=name)
            results.append("saved")
        except edits.Changed:
            results.append("changed")
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(n,)) for n in ("One", "Two")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["changed", "saved"]
    assert Company.objects.get().version == 2


def test_edits_leave_other_campaigns_steps_alone(alice: Seeker, logged: Campaign) -> None:
    other = make_campaign(alice, "Globex")
    services.log_interview(campaign=other, at=ny("2026-11-19T16:00"), now=ny(NOW))
    before = planned(other)
    edits.edit_company(company=logged.company, zone="America/Chicago", now=ny(NOW))
    assert planned(other) == before
    assert Action.objects.filter(status=ActionStatus.PLANNED).count() == 4


def test_an_edit_is_in_the_history_and_its_undo_puts_the_plan_back(
    logged: Campaign, alice: Seeker
) -> None:
    from pursuit.campaigns import history, trash

    before = planned(logged)
    edits.edit_company(company=logged.company, zone="America/Los_Angeles", now=ny(NOW))
    event = history.last_write(logged)
    assert event is not None
    assert event.summary == "Corrected the company Acme Tools: zone"
    history.undo_last(campaign=logged, actor=history.Actor.seeker(alice), now=ny(NOW))
    assert planned(logged) == before
    assert Company.objects.get().zone == "America/New_York"

    trash.trash(row=logged, now=ny(NOW))
    assert not Campaign.objects.exists()
    history.undo_last(campaign=logged, actor=history.Actor.seeker(alice), now=ny(NOW))
    assert Campaign.objects.get() == logged
    assert planned(logged) == before
