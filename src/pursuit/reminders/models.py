"""What keeps a seeker from missing a step: their reminder settings, the reminders the worker
sends, the outbox that keeps every message when no mail server is set, and campaign pauses.

A `Reminder` row is one message to send, keyed so that planning it twice is a no-op. The worker
claims rows with a conditional UPDATE (see jobs.py), so two workers never send the same row.
"""

from __future__ import annotations

import datetime as dt
import secrets

from django.db import models

from pursuit.accounts.models import Seeker
from pursuit.campaigns.models import Action, Campaign, Promise

#: 32 random bytes: 256 bits, well past the 128 a guessable feed URL must not fall below.
TOKEN_BYTES = 32


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def new_uid_salt() -> str:
    return secrets.token_hex(8)


class WorkerHeartbeat(models.Model):
    """A worker loop's last sign of life, so a page can warn when reminders have stopped."""

    name = models.CharField(max_length=100, unique=True)
    pid = models.PositiveIntegerField()
    host = models.CharField(max_length=255)
    last_beat = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.name} (pid {self.pid} on {self.host}) at {self.last_beat:%Y-%m-%d %H:%M:%S}"


class ReminderSettings(models.Model):
    """How and when one seeker hears about their steps; made with defaults on first use."""

    seeker = models.OneToOneField(Seeker, on_delete=models.CASCADE, related_name="reminders")
    #: The secret in the calendar feed's URL; rotating it makes the old URL a 404.
    feed_token = models.CharField(max_length=64, unique=True, default=new_token)
    #: Part of every event UID: keeps UIDs unique across installations, and stable across
    #: token rotations (a calendar that re-subscribes keeps its events).
    uid_salt = models.CharField(max_length=16, default=new_uid_salt)
    email_enabled = models.BooleanField("email me", default=True)
    digest_enabled = models.BooleanField("morning digest", default=True)
    digest_at = models.TimeField("digest time", default=dt.time(7, 30))
    lead_minutes = models.PositiveSmallIntegerField("minutes before a call or visit", default=15)
    alarm_minutes = models.PositiveSmallIntegerField("calendar alarm, minutes before", default=15)
    #: The feed's last body hash and when it changed, for ETag and a truthful Last-Modified.
    feed_etag = models.CharField(max_length=64, blank=True)
    feed_changed_at = models.DateTimeField(null=True, blank=True)
    token_rotated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "reminder settings"

    def __str__(self) -> str:
        return f"reminder settings of {self.seeker}"


class Reminder(models.Model):
    """One message due at a time: a morning digest, a heads-up before a step, a missed promise."""

    class Kind(models.TextChoices):
        DIGEST = "digest", "morning digest"
        BEFORE_STEP = "before_step", "before a call or visit"
        MISSED_PROMISE = "missed_promise", "missed promise"

    class Status(models.TextChoices):
        PENDING = "pending", "waiting"
        CLAIMED = "claimed", "being sent"
        SENT = "sent", "sent"
        FAILED = "failed", "gave up"
        #: The step moved, was done or cancelled, or email was switched off before it went.
        OBSOLETE = "obsolete", "no longer needed"
        #: A digest with nothing in it.
        SKIPPED = "skipped", "nothing to send"

    #: What makes planning idempotent: "step:<action>:<epoch>", "digest:<seeker>:<date>", ...
    key = models.CharField(max_length=120, unique=True)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    seeker = models.ForeignKey(Seeker, on_delete=models.CASCADE, related_name="reminder_rows")
    action = models.ForeignKey(Action, on_delete=models.CASCADE, null=True, blank=True)
    promise = models.ForeignKey(Promise, on_delete=models.CASCADE, null=True, blank=True)
    #: The step's due time when this reminder was planned; a step moved since makes it obsolete.
    step_due_at = models.DateTimeField(null=True, blank=True)
    #: The local day a digest or notice is about.
    day = models.DateField(null=True, blank=True)
    due_at = models.DateTimeField()
    #: When the next attempt may start: `due_at`, then later after each failed send.
    run_at = models.DateTimeField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    claimed_by = models.CharField(max_length=120, blank=True)
    claimed_until = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_at", "id"]
        indexes = [models.Index(fields=["status", "run_at"], name="reminder_due")]

    def __str__(self) -> str:
        return f"{self.kind} due {self.due_at:%Y-%m-%d %H:%M}Z ({self.status})"


class OutboxMessage(models.Model):
    """A message kept in the database: every message when no mail server is configured, and any
    message the mail server kept refusing, so that nothing meant for a seeker is lost unseen."""

    reminder = models.OneToOneField(
        Reminder, on_delete=models.SET_NULL, null=True, blank=True, related_name="outbox"
    )
    seeker = models.ForeignKey(
        Seeker, on_delete=models.CASCADE, null=True, blank=True, related_name="outbox"
    )
    to = models.CharField(max_length=500)
    subject = models.CharField(max_length=300)
    body_text = models.TextField()
    body_html = models.TextField(blank=True)
    #: Why it is here rather than in an inbox, when a mail server refused it.
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["seeker", "-created_at"], name="outbox_by_seeker")]

    def __str__(self) -> str:
        return f"{self.subject} → {self.to}"


class CampaignPause(models.Model):
    """A campaign on hold for some days: its steps move past the end (a seeker-wide pause is a
    blackout in the profile)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="pauses")
    start = models.DateField()
    end = models.DateField()
    note = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")), name="pause_end_after_start"
            )
        ]

    def days(self) -> list[dt.date]:
        return [self.start + dt.timedelta(days=i) for i in range((self.end - self.start).days + 1)]
