"""`pursuit calendar export` and `pursuit doctor`, in this process on the test database."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import icalendar
import pytest
from django.test import override_settings

from pursuit.accounts.models import Seeker
from pursuit.campaigns import services
from pursuit.reminders.models import WorkerHeartbeat

from .conftest import Ran

pytestmark = pytest.mark.django_db(transaction=True)


def plan_a_call(owner: Seeker) -> None:
    company = services.create_company(seeker=owner, name="Acme Tools", phone="+1 212 555 0100")
    campaign = services.create_campaign(
        seeker=owner, company=company, role="Buyer", contact_name="Ms. Jones"
    )
    services.log_interview(
        campaign=campaign,
        at=dt.datetime(2026, 11, 17, 10, 0),
        promise_text="by Friday",
        now=dt.datetime(2026, 11, 17, 17, 0, tzinfo=dt.UTC),
    )


def test_calendar_export_writes_every_planned_step(
    cli: Callable[..., Ran], owner: Seeker, tmp_path: Path
) -> None:
    plan_a_call(owner)
    target = tmp_path / "plan.ics"
    done = cli("calendar", "export", "-o", str(target))
    assert done.code == 0, done.err
    assert done.out.strip() == f"Wrote 2 planned steps to {target}"
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    summaries = sorted(str(e["SUMMARY"]) for e in calendar.walk("VEVENT"))
    assert summaries == ["Call Ms. Jones — Acme Tools", "Thank-you note to Ms. Jones — Acme Tools"]


def test_calendar_export_prints_to_standard_output(cli: Callable[..., Ran], owner: Seeker) -> None:
    plan_a_call(owner)
    done = cli("calendar", "export")
    assert done.code == 0, done.err
    assert done.out.startswith("BEGIN:VCALENDAR")


def test_doctor_says_when_the_worker_never_ran(cli: Callable[..., Ran], owner: Seeker) -> None:
    done = cli("doctor", "--offline", "--json")
    assert done.code == 1
    report = json.loads(done.out)
    checks = {c["name"]: c for c in report["checks"]}
    assert report["ok"] is False
    assert checks["worker"]["ok"] is False
    assert "never run" in checks["worker"]["summary"]
    assert checks["database"]["ok"] and checks["email"]["ok"] and checks["feed"]["ok"]


def test_doctor_is_happy_with_a_live_worker_and_the_outbox(
    cli: Callable[..., Ran], owner: Seeker
) -> None:
    WorkerHeartbeat.objects.create(
        name="worker", pid=1, host="here", last_beat=dt.datetime.now(dt.UTC)
    )
    done = cli("doctor", "--offline")
    assert done.code == 0, done.out + done.err
    assert "ok      worker" in done.out
    assert "ok      feed" in done.out
    assert "All good." in done.out


def test_doctor_warns_when_others_can_read_the_data_dir(
    cli: Callable[..., Ran], owner: Seeker, tmp_path: Path
) -> None:
    WorkerHeartbeat.objects.create(
        name="worker", pid=1, host="here", last_beat=dt.datetime.now(dt.UTC)
    )
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o755)
    with override_settings(DATA_DIR=shared):
        done = cli("doctor", "--offline", "--json")
    assert done.code == 1
    checks = {c["name"]: c for c in json.loads(done.out)["checks"]}
    assert checks["files"]["ok"] is False
    assert checks["files"]["details"] == [f"{shared} is 755: run chmod 700 {shared}"]
    shared.chmod(0o700)
    with override_settings(DATA_DIR=shared):
        assert cli("doctor", "--offline").code == 0
