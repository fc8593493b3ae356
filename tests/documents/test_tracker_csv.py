"""Applications from another tracker's CSV: mapped, previewed, all rows or none."""

from __future__ import annotations

import datetime as dt

import pytest

from pursuit.accounts.models import Seeker
from pursuit.campaigns.models import Campaign, Company, Interview
from pursuit.documents import tracker_csv
from pursuit.documents.tracker_csv import Problem, import_applications, parse_interview_time
from pursuit.errors import ServiceError

from .conftest import ny

NOW = ny("2026-11-23T08:00")

GOOD = """Company,Position,Contact,Interview Date,Promise,Status
Acme Tools,Buyer,Dana Reyes,2026-11-19 15:00,we'll call you by Wednesday,interviewing
Globex,Planner,Sam Lee,11/18/2026,,offer
Initech,Analyst,,,,rejected
Acme Tools,Senior Buyer,Dana Reyes,2026-11-20,,
"""

ONE_BAD = """Company,Position,Contact,Interview Date,Promise,Status
Acme Tools,Buyer,Dana Reyes,2026-11-19 15:00,we'll call you by Wednesday,interviewing
Globex,Planner,Sam Lee,next tuesday-ish,,offer
Initech,Analyst,,,,rejected
"""


def csv_bytes(text: str, encoding: str = "utf-8") -> bytes:
    return text.encode(encoding)


def test_it_imports_every_row_through_the_campaign_rules(alice: Seeker) -> None:
    report = import_applications(seeker=alice, data=csv_bytes(GOOD), now=NOW)

    assert report.saved and not report.problems
    assert [(r.row, r.company, r.status) for r in report.imported] == [
        (2, "Acme Tools", "active"),
        (3, "Globex", "offer_verbal"),
        (4, "Initech", "lost"),
        (5, "Acme Tools", "active"),
    ]
    assert Company.objects.filter(seeker=alice).count() == 3
    acme = Campaign.objects.get(seeker=alice, role="Buyer")
    assert acme.contact is not None and acme.contact.name == "Dana Reyes"
    # The promise was read and the ladder planned the call for the day after it.
    # (Thursday is Thanksgiving, Friday a de-facto closure.)
    assert report.imported[0].next_step.startswith("Call: Monday, November 30")
    assert report.imported[1].next_step.startswith("Ask for the offer in writing")
    assert Interview.objects.get(campaign__role="Planner").at == ny("2026-11-18T10:00")


def test_one_bad_row_keeps_every_row_out_and_is_named_by_row_and_column(alice: Seeker) -> None:
    report = import_applications(seeker=alice, data=csv_bytes(ONE_BAD), now=NOW)

    assert not report.saved
    assert report.problems == [
        Problem(3, "Interview Date", report.problems[0].message),
    ]
    assert "not a date" in report.problems[0].message
    assert str(report.problems[0]).startswith("row 3, column 'Interview Date': ")
    assert not Campaign.objects.filter(seeker=alice).exists()
    assert not Company.objects.filter(seeker=alice).exists()


def test_skip_bad_imports_the_rest_and_reports_the_bad_row(alice: Seeker) -> None:
    report = import_applications(seeker=alice, data=csv_bytes(ONE_BAD), skip_bad=True, now=NOW)

    assert report.saved
    assert [p.row for p in report.problems] == [3]
    assert sorted(Campaign.objects.filter(seeker=alice).values_list("role", flat=True)) == [
        "Analyst",
        "Buyer",
    ]


def test_a_dry_run_previews_the_import_and_saves_nothing(alice: Seeker) -> None:
    report = import_applications(seeker=alice, data=csv_bytes(GOOD), dry_run=True, now=NOW)

    assert not report.saved
    assert len(report.imported) == 4
    assert report.imported[0].next_step
    assert not Campaign.objects.filter(seeker=alice).exists()


def test_a_company_from_a_rolled_back_row_is_made_again_by_a_later_row(alice: Seeker) -> None:
    text = (
        "Company,Role,Interview Date\n"
        "Umbrella,,2026-11-19 15:00\n"
        "Umbrella,Planner,2026-11-19 16:00\n"
    )
    report = import_applications(seeker=alice, data=csv_bytes(text), skip_bad=True, now=NOW)

    assert [(p.row, p.column) for p in report.problems] == [(2, "Role")]
    assert Campaign.objects.get(seeker=alice).company.name == "Umbrella"


def test_columns_can_be_mapped_by_hand(alice: Seeker) -> None:
    text = "Employer,What,Boss,When\nAcme Tools,Buyer,Dana Reyes,19.11.2026 15:00\n"
    report = import_applications(
        seeker=alice,
        data=csv_bytes(text),
        mapping={"role": "What", "contact": "Boss", "interview_date": "When"},
        now=NOW,
    )

    assert report.mapping == {
        "company": "Employer",
        "role": "What",
        "contact": "Boss",
        "interview_date": "When",
    }
    assert Interview.objects.get().at == ny("2026-11-19T15:00")


def test_an_unknown_status_names_its_column(alice: Seeker) -> None:
    text = "Company,Role,Stage\nAcme Tools,Buyer,ghosted\n"
    report = import_applications(seeker=alice, data=csv_bytes(text), now=NOW)

    assert [(p.row, p.column) for p in report.problems] == [(2, "Stage")]
    assert "unknown status" in report.problems[0].message


def test_a_file_without_a_company_column_is_refused(alice: Seeker) -> None:
    with pytest.raises(ServiceError, match="no column for company"):
        import_applications(seeker=alice, data=csv_bytes("Name,Role\nx,y\n"), now=NOW)
    with pytest.raises(ServiceError, match="no column 'Nope'"):
        import_applications(
            seeker=alice, data=csv_bytes(GOOD), mapping={"contact": "Nope"}, now=NOW
        )


def test_it_reads_semicolons_and_windows_encodings(alice: Seeker) -> None:
    text = "Société;Poste\nCafé Crème;Acheteur\n"
    header, rows = tracker_csv.read_table(csv_bytes(text, "cp1252"))

    assert header == ["Société", "Poste"]
    assert rows == [{"Société": "Café Crème", "Poste": "Acheteur"}]


@pytest.mark.parametrize(
    ("text", "locale", "expected"),
    [
        ("2026-11-19", "en_US", "2026-11-19T10:00"),
        ("2026-11-19T15:30", "en_GB", "2026-11-19T15:30"),
        ("11/19/2026", "en_US", "2026-11-19T10:00"),
        ("19/11/2026", "en_GB", "2026-11-19T10:00"),
        ("03/12/2026 3:00 PM", "en_US", "2026-03-12T15:00"),
        ("03/12/2026 15:00", "en_GB", "2026-12-03T15:00"),
        ("19.11.26", "en_US", "2026-11-19T10:00"),
        ("Nov 19, 2026", "en_US", "2026-11-19T10:00"),
        ("19 November 2026 3pm", "en_GB", "2026-11-19T15:00"),
    ],
)
def test_interview_dates_read_in_the_seekers_order(text: str, locale: str, expected: str) -> None:
    assert parse_interview_time(text, locale) == dt.datetime.fromisoformat(expected)


@pytest.mark.parametrize("text", ["soon", "31/02/2026", "Nov 19", "13/13/2026"])
def test_a_cell_that_is_no_date_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="not a date"):
        parse_interview_time(text, "en_GB")
