"""Every way in stores one-line names on one line and plans only inside 1970–2100.

A name with a line break once split the email header of every reminder that named it, and a day
off ending 9999-12-31 broke a job shared by every seeker: these tests hold each way in (the
services the web and API call, the CSV import, the account import) to the same bounds.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from pursuit.accounts.models import Seeker
from pursuit.accounts.services import add_blackout, create_seeker, create_token, update_profile
from pursuit.campaigns import services
from pursuit.campaigns.models import Campaign, Company, Contact
from pursuit.documents import archive, exchange
from pursuit.documents.tracker_csv import import_applications
from pursuit.errors import ServiceError
from pursuit.reminders.services import pause_campaign, pause_everything

NY = ZoneInfo("America/New_York")
NOW = dt.datetime(2026, 11, 23, 8, 0, tzinfo=NY)


def test_it_keeps_a_poisoned_company_name_on_one_line(alice: Seeker) -> None:
    company = services.create_company(seeker=alice, name="Acme\r\nBcc: everyone\u2028Tools")
    assert company.name == "Acme Bcc: everyone Tools"


@pytest.mark.parametrize(
    ("field", "values"),
    [
        ("company", {"name": "Acme\x00"}),
        ("company", {"name": "x" * 201}),
        ("phone", {"name": "Acme", "phone": "555\x00"}),
        ("address", {"name": "Acme", "address": "y" * 301}),
    ],
    ids=["nul-name", "long-name", "nul-phone", "long-address"],
)
def test_a_company_with_control_characters_or_too_long_is_refused(
    alice: Seeker, field: str, values: dict[str, str]
) -> None:
    with pytest.raises(ServiceError) as caught:
        services.create_company(seeker=alice, **values)
    assert caught.value.field == field
    assert not Company.objects.exists()


def test_a_poisoned_contact_and_role_are_kept_on_one_line(alice: Seeker) -> None:
    company = services.create_company(seeker=alice, name="Acme")
    campaign = services.create_campaign(
        seeker=alice, company=company, role="Buyer\n", contact_name="Dana\r\nReyes"
    )
    assert campaign.role == "Buyer"
    assert Contact.objects.get().name == "Dana Reyes"
    with pytest.raises(ServiceError, match="contact name: 120 characters at most"):
        services.create_campaign(seeker=alice, company=company, role="B", contact_name="x" * 121)


def test_an_interview_far_in_the_future_is_refused_with_the_range(acme: Campaign) -> None:
    with pytest.raises(ServiceError, match="at: pick a date between 1970-01-01 and 2100-12-31"):
        services.log_interview(campaign=acme, at=dt.datetime(9999, 12, 31, 9, 0), now=NOW)
    assert not acme.interviews.exists()


def test_a_move_to_year_9999_is_refused(acme: Campaign) -> None:
    services.log_interview(campaign=acme, at=dt.datetime(2026, 11, 19, 15, 0), now=NOW)
    step = acme.actions.filter(status="planned").first()
    assert step is not None
    with pytest.raises(ServiceError, match="due at: pick a date between"):
        services.move_action(action=step, due_at=dt.datetime(9999, 12, 31, 9, 0), now=NOW)


@pytest.mark.parametrize(
    "pause",
    [
        lambda seeker, campaign, end: pause_campaign(
            campaign=campaign, start=dt.date(2026, 12, 1), end=end, now=NOW
        ),
        lambda seeker, campaign, end: pause_everything(
            seeker=seeker, start=dt.date(2026, 12, 1), end=end, now=NOW
        ),
        lambda seeker, campaign, end: add_blackout(
            seeker=seeker, start=dt.date(2100, 12, 1), end=end
        ),
    ],
    ids=["pause", "time-off", "day-off"],
)
def test_a_pause_or_day_off_ending_in_9999_is_refused(
    alice: Seeker, acme: Campaign, pause: object
) -> None:
    with pytest.raises(ServiceError, match="end: pick a date between") as caught:
        pause(alice, acme, dt.date(9999, 12, 31))  # type: ignore[operator]
    assert caught.value.field == "end"
    assert not alice.blackouts.exists()


def test_profile_and_token_names_refuse_nul_and_fold_lines(alice: Seeker) -> None:
    with pytest.raises(ServiceError, match="name: remove the control character U\\+0000"):
        update_profile(
            seeker=alice, name="Al\x00ice", zone="America/New_York", locale="en_US", country="US"
        )
    update_profile(
        seeker=alice, name="Alice\nMoreau", zone="America/New_York", locale="en_US", country="US"
    )
    assert alice.name == "Alice Moreau"
    with pytest.raises(ServiceError, match="name: 100 characters at most"):
        create_token(user=alice.user, name="t" * 101)


def test_a_csv_cell_over_several_lines_becomes_a_one_line_name(alice: Seeker) -> None:
    data = (
        "Company,Position,Contact,Interview Date,Status\n"
        '"Acme\r\nTools",Buyer,"Dana\u2028Reyes",2026-11-19 15:00,interviewing\n'
        "Acme Tools,Planner,,,interviewing\n"
    ).encode()
    report = import_applications(seeker=alice, data=data, now=NOW)
    assert not report.problems
    assert list(Company.objects.values_list("name", flat=True)) == ["Acme Tools"]
    assert list(Contact.objects.values_list("name", flat=True)) == ["Dana Reyes"]


def test_a_csv_row_with_nul_is_refused_by_row_and_column(alice: Seeker) -> None:
    data = b"Company,Position,Status\nAcme\x00,Buyer,interviewing\n"
    report = import_applications(seeker=alice, data=data, now=NOW)
    assert [(p.row, p.column) for p in report.problems] == [(2, "Company")]
    assert "U+0000" in report.problems[0].message
    assert not Company.objects.exists()


def test_an_account_import_folds_names_and_refuses_far_dates(alice: Seeker, bob: Seeker) -> None:
    services.create_company(seeker=alice, name="Acme Tools")
    source = archive.read_source(archive.archive_bytes(alice), into=bob)
    source.document["companies"][0]["name"] = "Acme\r\nTools"
    exchange.load(seeker=bob, source=source)
    assert Company.objects.get(seeker=bob).name == "Acme Tools"

    carol = create_seeker(email="carol@example.com", name="Carol")
    nul = archive.read_source(archive.archive_bytes(alice), into=carol)
    nul.document["companies"][0]["name"] = "Acme\x00"
    with pytest.raises(ServiceError, match=r"companies\[0\]\.name: remove the control character"):
        exchange.load(seeker=carol, source=nul)

    add_blackout(seeker=alice, start=dt.date(2026, 12, 1), end=dt.date(2026, 12, 2))
    far = archive.read_source(archive.archive_bytes(alice), into=carol)
    far.document["blackouts"][0]["end"] = "9999-12-31"
    with pytest.raises(ServiceError, match=r"blackouts\[0\]\.end: pick a date between"):
        exchange.load(seeker=carol, source=far)
    assert not Company.objects.filter(seeker=carol).exists()
