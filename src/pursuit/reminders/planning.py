"""Which reminders a seeker should get, read from their steps, promises and settings.

Planning is a pure function of the database at a moment: it writes a `Reminder` row for each
message that should exist, under a key that names exactly what the message is about. Running it
twice, or in two workers at once, writes each row once (the key is unique). A step that moves gets
a new key (its due time is in it), and the old row is dropped at send time because the step no
longer matches it; the same checks run here and at send time, so a row is never planned again
right after being dropped.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.db import DatabaseError
from django.db.models import Q

from pursuit.accounts.models import Seeker
from pursuit.campaigns.models import Action, Promise, Touch
from pursuit.campaigns.queries import seeker_calendar
from pursuit.method.calendar import wall_time, zone_named
from pursuit.method.vocab import ActionStatus, CampaignStatus, Outcome
from pursuit.reminders.describe import TIMED_KINDS
from pursuit.reminders.models import Reminder, ReminderSettings

logger = logging.getLogger(__name__)

#: Steps this far ahead get their reminder row now (the longest lead is two hours).
LEAD_HORIZON = dt.timedelta(hours=2, minutes=10)
#: A step this far in the past still gets its reminder (say, after the worker was down).
LATE_LIMIT = dt.timedelta(days=1)
#: A morning digest more than this late is not worth sending any more.
DIGEST_LATE_LIMIT = dt.timedelta(hours=12)
#: Promises missed this many days ago or fewer still get their notice.
NOTICE_DAYS = 7
#: What counts as hearing from the company after a promise.
HEARD_BACK = frozenset(
    {
        Outcome.REACHED_PENDING,
        Outcome.REACHED_REJECTED,
        Outcome.REACHED_VERBAL_OFFER,
        Outcome.REACHED_INTERVIEW,
        Outcome.THEY_CALLED,
        Outcome.MET,
    }
)


@contextmanager
def alone(job: str, seeker_id: int) -> Iterator[None]:
    """One seeker's part of a job shared by all: if their data breaks it, the failure is logged
    with who and what, and the job goes on with the next seeker. A database that fails is
    everyone's problem, not one row's, and still stops the round."""
    try:
        yield
    except DatabaseError:
        raise
    except Exception:
        logger.exception("%s: skipped seeker %s, whose data it could not handle", job, seeker_id)


def step_key(action_id: int, step_due: dt.datetime, lead: int) -> str:
    return f"step:{action_id}:{int(step_due.timestamp())}:{lead}"


def digest_key(seeker_id: int, day: dt.date) -> str:
    return f"digest:{seeker_id}:{day.isoformat()}"


def missed_key(promise_id: int) -> str:
    return f"missed:{promise_id}"


def ensure_settings() -> None:
    """Every seeker gets reminder settings with the defaults, email on."""
    missing = list(Seeker.objects.filter(reminders__isnull=True).values_list("pk", flat=True))
    ReminderSettings.objects.bulk_create(
        [ReminderSettings(seeker_id=pk) for pk in missing], ignore_conflicts=True
    )


def plan(now: dt.datetime) -> int:
    """Write the reminder rows that should exist now; returns how many were added or revived."""
    ensure_settings()
    return _create_missing(
        {**before_steps(now), **digests(now), **missed_promises(now)}.items(), now
    )


def _create_missing(wanted: Iterable[tuple[str, Reminder]], now: dt.datetime) -> int:
    rows = dict(wanted)
    if not rows:
        return 0
    existing = dict(Reminder.objects.filter(key__in=list(rows)).values_list("key", "status"))
    # A step moved away and back again wants its old reminder once more.
    back = [key for key, status in existing.items() if status == Reminder.Status.OBSOLETE]
    revived = 0
    if back:
        revived = Reminder.objects.filter(key__in=back, status=Reminder.Status.OBSOLETE).update(
            status=Reminder.Status.PENDING, last_error=""
        )
    new = [row for key, row in rows.items() if key not in existing]
    Reminder.objects.bulk_create(new, ignore_conflicts=True)
    return revived + len(new)


# -- the three kinds -----------------------------------------------------------------------------


def before_steps(now: dt.datetime) -> dict[str, Reminder]:
    """A heads-up `lead_minutes` before each planned call, callback and visit."""
    steps = Action.objects.filter(
        status=ActionStatus.PLANNED,
        kind__in=[k.value for k in TIMED_KINDS],
        due_at__gte=now - LATE_LIMIT,
        due_at__lte=now + LEAD_HORIZON,
        seeker__reminders__email_enabled=True,
    ).values_list("pk", "seeker_id", "due_at", "seeker__reminders__lead_minutes")
    # A reminder sent for a step that an undo then removed: the step made again is the same
    # step at the same moment, and its seeker has been reminded of it already.
    sent = set(
        Reminder.objects.filter(
            kind=Reminder.Kind.BEFORE_STEP,
            action__isnull=True,
            status=Reminder.Status.SENT,
            step_due_at__gte=now - LATE_LIMIT,
            step_due_at__lte=now + LEAD_HORIZON,
        ).values_list("seeker_id", "step_due_at")
    )
    wanted = {}
    for pk, seeker_id, due, lead in steps:
        if (seeker_id, due) in sent:
            continue
        key = step_key(pk, due, lead)
        at = due - dt.timedelta(minutes=lead)
        wanted[key] = Reminder(
            key=key,
            kind=Reminder.Kind.BEFORE_STEP,
            seeker_id=seeker_id,
            action_id=pk,
            step_due_at=due,
            due_at=at,
            run_at=at,
        )
    return wanted


def before_step_wanted(action: Action, prefs: ReminderSettings, reminder: Reminder) -> str:
    """Why a step's reminder must not go any more, or "" when it still should."""
    if not prefs.email_enabled:
        return "email switched off"
    if action.status != ActionStatus.PLANNED:
        return f"the step is {action.status}"
    if action.due_at != reminder.step_due_at:
        return "the step moved"
    if reminder.key != step_key(action.pk, action.due_at, prefs.lead_minutes):
        return "the reminder time changed"
    return ""


def digests(now: dt.datetime) -> dict[str, Reminder]:
    """Each business morning at the seeker's digest time, in their own zone."""
    wanted = {}
    chosen = ReminderSettings.objects.filter(email_enabled=True, digest_enabled=True)
    for prefs in chosen.select_related("seeker").prefetch_related("seeker__blackouts"):
        with alone("digest planning", prefs.seeker_id):
            calendar = seeker_calendar(prefs.seeker)
            today = calendar.today(now)
            if not calendar.is_business_day(today):
                continue
            at = calendar.at(today, prefs.digest_at)
            if now > at + DIGEST_LATE_LIMIT:
                continue
            key = digest_key(prefs.seeker_id, today)
            wanted[key] = Reminder(
                key=key,
                kind=Reminder.Kind.DIGEST,
                seeker_id=prefs.seeker_id,
                day=today,
                due_at=at,
                run_at=at,
            )
    return wanted


def digest_wanted(prefs: ReminderSettings) -> str:
    if not prefs.email_enabled:
        return "email switched off"
    if not prefs.digest_enabled:
        return "digest switched off"
    return ""


def missed_promises(now: dt.datetime) -> dict[str, Reminder]:
    """The morning after a promise's last day, when nothing was heard in between."""
    candidates = Promise.objects.filter(
        latest__gte=now.date() - dt.timedelta(days=NOTICE_DAYS + 1),
        latest__lte=now.date(),
        campaign__status=CampaignStatus.ACTIVE,
        campaign__seeker__reminders__email_enabled=True,
    ).select_related("campaign__seeker__reminders")
    wanted = {}
    for promise in candidates:
        seeker = promise.campaign.seeker
        with alone("missed-promise planning", seeker.pk):
            zone = zone_named(seeker.zone)
            today = now.astimezone(zone).date()
            if not today - dt.timedelta(days=NOTICE_DAYS) <= promise.latest < today:
                continue
            if missed_promise_wanted(promise, seeker.reminders):
                continue
            day = promise.latest + dt.timedelta(days=1)
            at = wall_time(day, seeker.reminders.digest_at, zone)
            key = missed_key(promise.pk)
            wanted[key] = Reminder(
                key=key,
                kind=Reminder.Kind.MISSED_PROMISE,
                seeker_id=seeker.pk,
                promise=promise,
                day=day,
                due_at=at,
                run_at=at,
            )
    return wanted


def missed_promise_wanted(promise: Promise, prefs: ReminderSettings) -> str:
    """Why a missed-promise notice must not go, or "" when the promise still stands missed."""
    if not prefs.email_enabled:
        return "email switched off"
    campaign = promise.campaign
    if campaign.status != CampaignStatus.ACTIVE:
        return f"the campaign is {campaign.status}"
    if Promise.objects.filter(campaign=campaign, said_at__gt=promise.said_at).exists():
        return "a newer promise replaced it"
    heard = Touch.objects.filter(
        Q(campaign=campaign)
        & Q(at__gte=promise.said_at)
        & Q(outcome__in=[o.value for o in HEARD_BACK])
    )
    if heard.exists():
        return "you heard back"
    return ""
