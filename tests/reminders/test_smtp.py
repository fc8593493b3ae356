"""Reminders through a real SMTP server (aiosmtpd on a free loopback port), parsed on arrival."""

from __future__ import annotations

import pytest
from django.test import override_settings

from pursuit.campaigns.models import Action
from pursuit.reminders.jobs import ReminderJobs, backoff
from pursuit.reminders.models import Reminder
from pursuit.reminders.services import settings_for

from .conftest import Clock, Inbox, free_port

pytestmark = pytest.mark.django_db


def smtp_to(port: int) -> dict[str, dict[str, object]]:
    options = {"host": "127.0.0.1", "port": port, "use_tls": False, "timeout": 5}
    return {
        "default": {"BACKEND": "django.core.mail.backends.smtp.EmailBackend", "OPTIONS": options}
    }


def run(jobs: ReminderJobs) -> None:
    for _ in range(50):
        if not any([job() for job in jobs.jobs()]):
            return


def parts(message: object) -> dict[str, str]:
    return {p.get_content_type(): p.get_content() for p in message.iter_parts()}  # type: ignore[attr-defined]


def test_the_digest_and_the_call_reminder_arrive_with_text_html_and_unsubscribe(
    call: Action, clock: Clock, smtp_server: tuple[int, Inbox]
) -> None:
    port, inbox = smtp_server
    jobs = ReminderJobs(clock=clock)
    with override_settings(MAILERS=smtp_to(port)):
        clock.set("2026-12-01T07:30")
        run(jobs)
        clock.set("2026-12-01T08:45")
        run(jobs)

    digest, reminder = inbox.messages
    assert digest["Subject"] == "Today: 1 step, first Call Ms. Jones — Acme Tools"
    assert reminder["Subject"] == "In 15 min: Call Ms. Jones — Acme Tools"
    for message in (digest, reminder):
        assert message["To"] == "alice@example.com"
        assert message.get_content_type() == "multipart/alternative"
        body = parts(message)
        assert set(body) == {"text/plain", "text/html"}
        assert "Ms. Jones asked me to call today at 9:00 AM" in body["text/plain"]
        assert "asked me to call today at 9:00 AM" in body["text/html"]
        assert "/reminders/unsubscribe/" in message["List-Unsubscribe"]
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert "http://127.0.0.1:8000/reminders/" in body["text/plain"]
    assert "tel:+12125550199" in parts(reminder)["text/html"]
    assert set(Reminder.objects.values_list("status", flat=True)) == {"sent"}


def test_a_server_that_is_down_is_retried_after_a_backoff_and_the_reminder_goes_later(
    call: Action, clock: Clock, smtp_server: tuple[int, Inbox]
) -> None:
    port, inbox = smtp_server
    prefs = settings_for(call.seeker)
    prefs.digest_enabled = False
    prefs.save()
    jobs = ReminderJobs(clock=clock)
    clock.set("2026-12-01T08:45")
    with override_settings(MAILERS=smtp_to(free_port())):  # nobody listens there
        run(jobs)
    row = Reminder.objects.get(kind="before_step")
    assert row.status == "pending"
    assert row.last_error.startswith("ConnectionRefusedError")
    assert row.attempts == 1
    assert row.run_at == clock.now + backoff(1)

    clock.advance(minutes=2)
    with override_settings(MAILERS=smtp_to(port)):
        run(jobs)
    subjects = [m["Subject"] for m in inbox.messages]
    assert "In 13 min: Call Ms. Jones — Acme Tools" in subjects
    assert Reminder.objects.get(kind="before_step").status == "sent"
