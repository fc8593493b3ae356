"""The work-search log: every contact in a period, as CSV and as a report for an agency."""

from __future__ import annotations

import datetime as dt
import io

from pursuit.accounts.models import Seeker
from pursuit.campaigns import services
from pursuit.campaigns.models import Campaign
from pursuit.documents import worklog
from pursuit.method.vocab import Outcome

from .conftest import local_campaign, ny, page_texts, to_visit

NOW = ny("2026-12-31T12:00")


def log(seeker: Seeker, start: str, end: str) -> list[worklog.Entry]:
    return worklog.entries(
        seeker, start=dt.date.fromisoformat(start), end=dt.date.fromisoformat(end), now=NOW
    )


def test_it_lists_interviews_calls_and_emails_and_leaves_out_what_made_no_contact(
    alice: Seeker, acme: Campaign
) -> None:
    services.log_interview(
        campaign=acme,
        at=ny("2026-11-19T15:00"),
        promise_text="we'll call you by Wednesday",
        now=ny("2026-11-19T18:00"),
    )
    thanks = acme.actions.get(kind="thank_you")
    services.log_outcome(
        action=thanks, outcome=Outcome.DONE, at=ny("2026-11-20T09:10"), now=ny("2026-11-20T09:10")
    )
    call = acme.actions.get(kind="call", status="planned")
    services.log_outcome(
        action=call,
        outcome=Outcome.SKIPPED,
        at=call.due_at,
        now=call.due_at,
    )

    entries = log(alice, "2026-11-01", "2026-11-30")

    assert [(e.day, e.time, e.method, e.result) for e in entries] == [
        ("2026-11-19", "15:00", "interview", "interviewed; they said: by Wednesday"),
        ("2026-11-20", "09:10", "email", "thank-you note sent"),
    ]
    assert entries[0].person == "Dana Reyes"
    assert entries[0].phone == "+1 212 555 0100"


def test_calls_visits_and_their_calls_show_with_their_outcome(
    alice: Seeker, acme: Campaign
) -> None:
    _, visit = to_visit(acme)
    services.log_outcome(
        action=visit, outcome=Outcome.UNAVAILABLE, at=visit.due_at, now=visit.due_at, note="left it"
    )
    services.log_inbound(campaign=acme, at=ny("2026-12-22T11:00"), now=ny("2026-12-22T11:00"))

    methods = [(e.method, e.result) for e in log(alice, "2026-11-20", "2026-12-31")]

    assert methods.count(("call", "no answer")) == 5
    assert ("visit", "contact unavailable, note left; left it") in methods
    assert methods[-1] == ("call", "they got in touch")


def test_the_period_is_the_seekers_own_days(alice: Seeker, acme: Campaign) -> None:
    # 23:30 in New York is already the next day in UTC.
    services.log_interview(campaign=acme, at=ny("2026-11-19T23:30"), now=ny("2026-11-20T08:00"))

    assert [e.day for e in log(alice, "2026-11-19", "2026-11-19")] == ["2026-11-19"]
    assert log(alice, "2026-11-20", "2026-11-20") == []


def test_another_seekers_contacts_stay_out(alice: Seeker, bob: Seeker) -> None:
    services.log_interview(
        campaign=local_campaign(bob), at=ny("2026-11-19T15:00"), now=ny("2026-11-19T18:00")
    )
    assert log(alice, "2026-11-01", "2026-11-30") == []


def test_csv_and_pdf_carry_every_contact(alice: Seeker, acme: Campaign) -> None:
    services.log_interview(campaign=acme, at=ny("2026-11-19T15:00"), now=ny("2026-11-19T18:00"))
    entries = log(alice, "2026-11-01", "2026-11-30")

    out = io.StringIO()
    worklog.write_csv(entries, out)
    assert out.getvalue().splitlines() == [
        "date,time,company,role,person,method,result,phone,address",
        "2026-11-19,15:00,Acme Tools,Buyer,Dana Reyes,interview,interviewed,'+1 212 555 0100,"
        '"1 Main St, New York"',
    ]

    report = worklog.render_pdf(
        alice, entries, start=dt.date(2026, 11, 1), end=dt.date(2026, 11, 30)
    )
    text = page_texts(report)[0]
    assert "Work-search log" in text
    assert "Alice Moreau" in text
    assert "2026-11-01 to 2026-11-30" in text
    assert "Acme Tools" in text and "interview" in text
