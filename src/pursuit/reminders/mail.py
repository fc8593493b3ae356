"""The messages a seeker gets, and the outbox that keeps them when no mail server is configured.

Every message has a plain-text and an HTML part, a link to the reminder settings and a one-click
unsubscribe link (RFC 8058). Its Message-ID is derived from the reminder row, so if a crash ever
made the worker send a reminder twice, mail programs would see the same message.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from django.conf import settings as django_settings
from django.core import signing
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from pursuit.accounts.models import Seeker
from pursuit.campaigns.models import Action, Promise
from pursuit.method.calendar import zone_named
from pursuit.reminders.describe import describe
from pursuit.reminders.models import OutboxMessage, Reminder, ReminderSettings
from pursuit.web import format as fmt

REMINDER_HEADER = "X-Pursuit-Reminder"
SEEKER_HEADER = "X-Pursuit-Seeker"
_UNSUBSCRIBE_SALT = "pursuit.reminders.unsubscribe"


class OutboxBackend(BaseEmailBackend):
    """Stores each message as an OutboxMessage row, in the caller's transaction: the worker
    writes a reminder's message and marks it sent in one commit, so neither happens alone."""

    def send_messages(self, email_messages: Any) -> int:
        rows = [_outbox_row(message) for message in email_messages]
        OutboxMessage.objects.bulk_create(rows)
        return len(rows)


def _outbox_row(message: EmailMessage, error: str = "") -> OutboxMessage:
    html = ""
    if isinstance(message, EmailMultiAlternatives):
        html = next((str(c) for c, mime in message.alternatives if mime == "text/html"), "")
    headers = message.extra_headers
    return OutboxMessage(
        reminder_id=headers.get(REMINDER_HEADER) or None,
        seeker_id=headers.get(SEEKER_HEADER) or None,
        to=", ".join(message.to)[:500],
        subject=str(message.subject)[:300],
        body_text=str(message.body),
        body_html=html,
        error=error,
    )


def sends_mail() -> bool:
    """Whether messages leave this server (SMTP is set up) or only reach the outbox."""
    backend = django_settings.MAILERS["default"]["BACKEND"]
    return bool(backend != f"{OutboxBackend.__module__}.{OutboxBackend.__qualname__}")


def keep_in_outbox(message: EmailMessage, error: str) -> OutboxMessage:
    """A message the mail server would not take, kept where the seeker sees it."""
    row = _outbox_row(message, error)
    row.save()
    return row


def keep_unwritten(reminder: Reminder, error: str) -> OutboxMessage:
    """In place of a reminder that could not be written at all, a note in the seeker's outbox
    saying so, so that a missing reminder is never a silent one."""
    return OutboxMessage.objects.create(
        reminder=reminder,
        seeker_id=reminder.seeker_id,
        to=reminder.seeker.user.email,
        subject=f"A reminder could not be written ({reminder.get_kind_display()})",
        body_text="Pursuit could not write this reminder; check the step it is about on Today.",
        error=error,
    )


# -- links ---------------------------------------------------------------------------------------


def absolute(path: str) -> str:
    return f"{django_settings.PURSUIT_BASE_URL}{path}"


def unsubscribe_token(seeker: Seeker) -> str:
    return signing.dumps(seeker.pk, salt=_UNSUBSCRIBE_SALT)


def seeker_from_unsubscribe_token(token: str) -> int | None:
    try:
        value = signing.loads(token, salt=_UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None


# -- composing -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StepLine:
    """A step as a message lists it."""

    action: Action
    title: str
    when: str
    script: str
    details: list[str]
    phone: str

    @property
    def tel(self) -> str:
        """The phone number as a `tel:` link wants it: digits and a leading plus."""
        return re.sub(r"[^\d+]", "", self.phone)


def step_line(action: Action, seeker: Seeker) -> StepLine:
    text = describe(action)
    return StepLine(
        action=action,
        title=text.title,
        when=when_for(action.due_at, action.zone, seeker),
        script=text.script,
        details=text.details(),
        phone=text.phone,
    )


def when_for(moment: dt.datetime, zone: str, seeker: Seeker) -> str:
    """The time in the company's zone, and on the seeker's own clock when the two differ, as
    the pages say it."""
    own_zone, twelve = zone_named(seeker.zone), fmt.twelve_hour(seeker.locale)
    today = timezone.now().astimezone(own_zone).date()
    company_time = moment.astimezone(zone_named(zone))
    label = fmt.when(company_time, today, twelve, dated=True)
    yours = fmt.also_yours(company_time, own_zone, today, twelve) if zone != seeker.zone else ""
    return f"{label} ({yours})" if yours else label


def _message(
    reminder: Reminder,
    prefs: ReminderSettings,
    subject: str,
    template: str,
    context: dict[str, Any],
) -> EmailMultiAlternatives:
    seeker = prefs.seeker
    unsubscribe = absolute(
        reverse("reminders:unsubscribe", kwargs={"token": unsubscribe_token(seeker)})
    )
    context = context | {
        "seeker": seeker,
        "settings_url": absolute(reverse("reminders:settings")),
        "unsubscribe_url": unsubscribe,
        "app_url": absolute("/"),
    }
    # Any moment the templates print reads in the seeker's zone and clock, as on the pages.
    with fmt.seeker_clock(seeker.zone, seeker.locale):
        text = render_to_string(f"reminders/email/{template}.txt", context)
        html = render_to_string(f"reminders/email/{template}.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=django_settings.DEFAULT_FROM_EMAIL,
        to=[seeker.user.email],
        headers={
            "Message-ID": f"<reminder-{reminder.pk}.{prefs.uid_salt}@pursuit>",
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            REMINDER_HEADER: str(reminder.pk),
            SEEKER_HEADER: str(seeker.pk),
        },
    )
    message.attach_alternative(html, "text/html")
    return message


def before_step(
    reminder: Reminder, action: Action, prefs: ReminderSettings, *, now: dt.datetime
) -> EmailMultiAlternatives:
    seeker = prefs.seeker
    line = step_line(action, seeker)
    minutes = round((action.due_at - now).total_seconds() / 60)
    if minutes > 0:
        lead = f"In {minutes} min"
    elif minutes > -5:
        lead = "Now"
    else:
        lead = "Overdue"
    context = {"line": line, "lead": lead, "minutes": minutes}
    return _message(reminder, prefs, f"{lead}: {line.title}", "before_step", context)


def digest(
    reminder: Reminder,
    prefs: ReminderSettings,
    *,
    day: dt.date,
    today: list[Action],
    overdue: list[Action],
) -> EmailMultiAlternatives:
    seeker = prefs.seeker
    lines = [step_line(a, seeker) for a in today]
    late = [step_line(a, seeker) for a in overdue]
    count = len(lines)
    subject = f"Today: {count} step{'s' if count != 1 else ''}"
    if lines:
        subject += f", first {lines[0].title}"
    context = {"day": day, "lines": lines, "overdue": late}
    return _message(reminder, prefs, subject, "digest", context)


def missed_promise(
    reminder: Reminder, promise: Promise, prefs: ReminderSettings, next_step: Action | None
) -> EmailMultiAlternatives:
    seeker = prefs.seeker
    campaign = promise.campaign
    context = {
        "promise": promise,
        "company": campaign.company.name,
        "role": campaign.role,
        "next": step_line(next_step, seeker) if next_step else None,
    }
    subject = f"No word from {campaign.company.name} — your follow-up is ready"
    return _message(reminder, prefs, subject, "missed_promise", context)
