"""The reminder worker's jobs: recover, keep pauses, plan, deliver. Each returns True when it
did something, as `worker.Worker` expects; tests call them directly with a controllable clock.

Delivery follows healthchecks' `sendalerts`: pick due rows, then claim them with one conditional
UPDATE (`... WHERE status = 'pending' AND run_at <= now`), stamping them with a token unique to
this round. Only the rows that carry the token afterwards are this worker's: on PostgreSQL a
second worker's UPDATE waits for the first, re-reads the rows and finds them claimed, so no row is
ever claimed twice. A claim is a lease: a worker killed mid-batch leaves rows that another worker
takes back once the lease ends, or at once when a worker starts on the same host and sees that
the process holding them is gone.

With the outbox (no SMTP server), writing a message and marking its reminder sent is one
transaction: a kill at any moment leaves either both or neither, so nothing is lost or doubled.
With SMTP the message leaves before the row is marked; a kill in the few milliseconds between
can send one reminder twice, with the same Message-ID (docs/reminders.md).
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import os
import smtplib
import socket
from collections.abc import Callable
from typing import Any

from django.core.mail import EmailMultiAlternatives, mailers
from django.db import DatabaseError, transaction
from django.db.models import F, Q
from django.utils import timezone

from pursuit.accounts.models import Blackout, Seeker
from pursuit.campaigns import trash
from pursuit.campaigns.models import Action
from pursuit.campaigns.queries import seeker_calendar
from pursuit.errors import ServiceError
from pursuit.method.vocab import ActionStatus
from pursuit.reminders import mail, planning
from pursuit.reminders.describe import TIMED_KINDS
from pursuit.reminders.models import CampaignPause, Reminder, ReminderSettings
from pursuit.reminders.services import move_out_of_pauses
from pursuit.validation import FIRST_DAY, LAST_DAY

logger = logging.getLogger(__name__)

Clock = Callable[[], dt.datetime]
Status = Reminder.Status

#: How long a claim holds before another worker may take the row back.
LEASE = dt.timedelta(minutes=5)
BATCH = 100
#: After this many failed sends a reminder is kept in the outbox with the error, not retried.
MAX_ATTEMPTS = 8
#: The pause keeper looks for steps inside pauses this often.
KEEP_PAUSES_EVERY = dt.timedelta(minutes=1)
#: What waited its 30 days in the Trash is looked for this often.
PURGE_TRASH_EVERY = dt.timedelta(hours=1)
#: The digest lists overdue steps from this far back.
OVERDUE_WINDOW = dt.timedelta(days=30)


def backoff(attempts: int) -> dt.timedelta:
    """1, 2, 4, … minutes after each failure, at most an hour."""
    return dt.timedelta(seconds=min(60 * 2 ** max(attempts - 1, 0), 3600))


def _is_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class ReminderJobs:
    def __init__(
        self, *, clock: Clock = timezone.now, ident: str | None = None, batch: int = BATCH
    ) -> None:
        self.clock = clock
        self.host = socket.gethostname()
        self.ident = ident or f"{self.host}:{os.getpid()}"
        self.batch = batch
        self._rounds = itertools.count(1)
        self._recovered = False
        self._next_keep: dt.datetime | None = None
        self._next_purge: dt.datetime | None = None

    def jobs(self) -> list[Callable[[], bool]]:
        return [self.recover, self.keep_pauses, self.plan, self.deliver, self.purge_trash]

    def purge_trash(self) -> bool:
        """Delete for good, files included, what has been in the Trash for 30 days."""
        now = self.clock()
        if self._next_purge is not None and now < self._next_purge:
            return False
        self._next_purge = now + PURGE_TRASH_EVERY
        return trash.purge(now=now) > 0

    # -- recover -------------------------------------------------------------------------------

    def recover(self) -> bool:
        """Once per start: release rows claimed by a process of this host that has died."""
        if self._recovered:
            return False
        self._recovered = True
        released = 0
        claims = Reminder.objects.filter(status=Status.CLAIMED, claimed_by__startswith=self.host)
        for token in set(claims.values_list("claimed_by", flat=True)):
            host, pid, _round = token.rsplit(":", 2)
            if host != self.host or not pid.isdigit() or int(pid) == os.getpid():
                continue
            if _is_alive(int(pid)):
                continue
            released += Reminder.objects.filter(status=Status.CLAIMED, claimed_by=token).update(
                status=Status.PENDING, claimed_by="", claimed_until=None
            )
        if released:
            logger.info("took back %d reminders from a worker that stopped", released)
        return released > 0

    # -- pauses and planning ---------------------------------------------------------------------

    def keep_pauses(self) -> bool:
        """Move planned steps that landed inside a pause or blackout (a blackout added in the
        profile, a step the ladder planned while its campaign was paused)."""
        now = self.clock()
        if self._next_keep is not None and now < self._next_keep:
            return False
        self._next_keep = now + KEEP_PAUSES_EVERY
        since = now.date() - dt.timedelta(days=1)
        spans: dict[int, list[tuple[dt.date, dt.date]]] = {}
        for sid, start, end in Blackout.objects.filter(end__gte=since).values_list(
            "seeker_id", "start", "end"
        ):
            spans.setdefault(sid, []).append((start, end))
        for sid, start, end in CampaignPause.objects.filter(end__gte=since).values_list(
            "campaign__seeker_id", "start", "end"
        ):
            spans.setdefault(sid, []).append((start, end))
        moved = 0
        for sid, ranges in spans.items():
            with planning.alone("keeping pauses", sid):
                moved += self._keep_pauses_of(sid, ranges, now)
        return moved > 0

    def _keep_pauses_of(
        self, sid: int, ranges: list[tuple[dt.date, dt.date]], now: dt.datetime
    ) -> int:
        near = Q()
        for start, end in ranges:
            # A day either side: a company zone's date can differ from UTC's. Clamped to the
            # days anything is planned in, so a pause written before dates were bounded (one
            # ending 9999-12-31) still reads.
            near |= Q(due_at__date__gte=max(start, FIRST_DAY) - dt.timedelta(days=1)) & Q(
                due_at__date__lte=min(end, LAST_DAY) + dt.timedelta(days=1)
            )
        planned = Action.objects.filter(seeker_id=sid, status=ActionStatus.PLANNED)
        if not planned.filter(near, due_at__gte=now - dt.timedelta(days=2)).exists():
            return 0
        try:
            return len(move_out_of_pauses(seeker=Seeker(pk=sid), now=now))
        except ServiceError as exc:
            logger.warning("could not move steps out of a pause for seeker %s: %s", sid, exc)
            return 0

    def plan(self) -> bool:
        return planning.plan(self.clock()) > 0

    # -- delivery --------------------------------------------------------------------------------

    def claim(self, now: dt.datetime) -> tuple[str, list[int], bool]:
        """Claim up to `batch` due rows: (token, ids claimed, whether any were due at all)."""
        due = Q(status=Status.PENDING, run_at__lte=now) | Q(
            status=Status.CLAIMED, claimed_until__lt=now
        )
        candidates = list(
            Reminder.objects.filter(due)
            .order_by("run_at", "id")
            .values_list("id", flat=True)[: self.batch]
        )
        if not candidates:
            return "", [], False
        token = f"{self.ident}:{next(self._rounds)}"
        Reminder.objects.filter(due, id__in=candidates).update(
            status=Status.CLAIMED,
            claimed_by=token,
            claimed_until=now + LEASE,
            attempts=F("attempts") + 1,
        )
        mine = list(
            Reminder.objects.filter(claimed_by=token, status=Status.CLAIMED).values_list(
                "id", flat=True
            )
        )
        return token, mine, True

    def deliver(self) -> bool:
        now = self.clock()
        token, ids, any_due = self.claim(now)
        if not ids:
            # Rows were due but another worker claimed them first: look again straight away.
            return any_due
        mailer = mailers.default
        try:
            if isinstance(mailer, mail.OutboxBackend):
                self._to_outbox(token, ids, now, mailer)
            else:
                self._by_smtp(token, ids, now, mailer)
        except Exception:
            # Whatever was not marked sent goes back at once rather than waiting out the
            # lease: a worker that stops after this round must not leave its claims behind.
            self._release(token)
            raise
        return True

    def _release(self, token: str) -> None:
        try:
            Reminder.objects.filter(claimed_by=token, status=Status.CLAIMED).update(
                status=Status.PENDING,
                claimed_by="",
                claimed_until=None,
                attempts=F("attempts") - 1,
            )
        except DatabaseError:
            logger.exception("could not hand back claimed reminders; their lease will")

    def _rows(self, token: str, ids: list[int]) -> Any:
        return Reminder.objects.filter(
            id__in=ids, claimed_by=token, status=Status.CLAIMED
        ).select_related(
            "seeker__user",
            "action__campaign__company",
            "action__campaign__contact",
            "promise__campaign__company",
        )

    def _to_outbox(
        self, token: str, ids: list[int], now: dt.datetime, mailer: mail.OutboxBackend
    ) -> None:
        with transaction.atomic():
            rows = list(self._rows(token, ids).select_for_update(of=("self",)))
            prefs = _prefs_for(rows)
            messages, sent = [], []
            for row in rows:
                try:
                    message, reason, status = compose(row, prefs[row.seeker_id], now)
                except Exception as exc:
                    logger.exception("could not write reminder %s", row.pk)
                    self._failed(row, exc, now, prefs[row.seeker_id], None)
                    continue
                if message is None:
                    _close(row, status, reason)
                else:
                    messages.append(message)
                    sent.append(row.pk)
            mailer.send_messages(messages)
            Reminder.objects.filter(id__in=sent).update(
                status=Status.SENT, sent_at=now, claimed_until=None, last_error=""
            )

    def _by_smtp(self, token: str, ids: list[int], now: dt.datetime, mailer: Any) -> None:
        rows = list(self._rows(token, ids))
        prefs = _prefs_for(rows)
        try:
            mailer.open()
            _no_delay(mailer)
        except Exception as exc:
            # No connection: the first row spends an attempt (and backs off), the rest wait.
            if rows:
                self._failed(rows[0], exc, now, prefs[rows[0].seeker_id], None)
                self._give_back(rows[1:], token, exc, now + backoff(rows[0].attempts))
            return
        mine = {row.pk for row in rows}
        renew_at = now + LEASE / 2
        try:
            for i, row in enumerate(rows):
                if self.clock() >= renew_at:
                    # Half the lease is gone (a slow server): extend it for the rest of the
                    # batch, and skip any row another worker took back in the meantime.
                    mine = self._renew(token, [r.pk for r in rows[i:]])
                    renew_at = self.clock() + LEASE / 2
                if row.pk not in mine:
                    continue
                message: EmailMultiAlternatives | None = None
                try:
                    message, reason, status = compose(row, prefs[row.seeker_id], now)
                    if message is None:
                        _close(row, status, reason)
                        continue
                    # Built here rather than inside the mailer, so that a message that cannot be
                    # built (a header holding a line break) is known as this row's own fault.
                    message.message()
                except DatabaseError:
                    raise
                except Exception as exc:
                    logger.exception("reminder %s cannot be written", row.pk)
                    _unsendable(row, exc, message)
                    continue
                try:
                    mailer.send_messages([message])
                except Exception as exc:
                    if _refused_for_good(exc):
                        # One address or one message refused for good: the rest still go.
                        _unsendable(row, exc, message)
                        continue
                    self._failed(row, exc, now, prefs[row.seeker_id], message)
                    # The server is refusing: the rest of the batch waits too, unattempted.
                    self._give_back(rows[i + 1 :], token, exc, now + backoff(row.attempts))
                    return
                Reminder.objects.filter(pk=row.pk, claimed_by=token).update(
                    status=Status.SENT, sent_at=self.clock(), claimed_until=None, last_error=""
                )
        finally:
            mailer.close()

    def _renew(self, token: str, ids: list[int]) -> set[int]:
        still = Reminder.objects.filter(pk__in=ids, claimed_by=token, status=Status.CLAIMED)
        still.update(claimed_until=self.clock() + LEASE)
        return set(still.values_list("pk", flat=True))

    def _failed(
        self,
        row: Reminder,
        exc: BaseException,
        now: dt.datetime,
        prefs: ReminderSettings,
        message: EmailMultiAlternatives | None,
    ) -> None:
        error = f"{type(exc).__name__}: {exc}"[:2000]
        logger.warning("reminder %s: attempt %d failed: %s", row.pk, row.attempts, error)
        mine = Reminder.objects.filter(pk=row.pk, claimed_by=row.claimed_by)
        if row.attempts < MAX_ATTEMPTS:
            mine.update(
                status=Status.PENDING,
                run_at=now + backoff(row.attempts),
                claimed_by="",
                claimed_until=None,
                last_error=error,
            )
            return
        if message is None:
            try:
                message = compose(row, prefs, now)[0]
            except Exception:
                logger.exception("reminder %s cannot be written at all", row.pk)
        with transaction.atomic():
            if mine.update(status=Status.FAILED, claimed_until=None, last_error=error) and message:
                mail.keep_in_outbox(message, error)

    def _give_back(
        self, rows: list[Reminder], token: str, exc: BaseException, run_at: dt.datetime
    ) -> None:
        """Rows claimed but never tried: back to waiting, attempt not spent. They wait as long as
        the row that failed, so a server that is down is not asked again every round."""
        if not rows:
            return
        Reminder.objects.filter(id__in=[r.pk for r in rows], claimed_by=token).update(
            status=Status.PENDING,
            run_at=run_at,
            claimed_by="",
            claimed_until=None,
            attempts=F("attempts") - 1,
            last_error=f"{type(exc).__name__}: {exc}"[:2000],
        )


def _refused_for_good(exc: BaseException) -> bool:
    """Whether the server refused this one message permanently (a 5xx reply to its recipients or
    its content) rather than being unreachable, busy (4xx) or refusing the sender of them all."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return bool(exc.recipients) and all(code >= 500 for code, _ in exc.recipients.values())
    return isinstance(exc, smtplib.SMTPDataError) and exc.smtp_code >= 500


def _unsendable(row: Reminder, exc: BaseException, message: EmailMultiAlternatives | None) -> None:
    """Fail one reminder for good, with the reason in the seeker's outbox; no retry, since the
    same row would be built or refused the same way again."""
    error = f"{type(exc).__name__}: {exc}"[:2000]
    logger.warning("reminder %s failed for good: %s", row.pk, error)
    with transaction.atomic():
        mine = Reminder.objects.filter(pk=row.pk, claimed_by=row.claimed_by)
        if mine.update(status=Status.FAILED, claimed_until=None, last_error=error):
            if message is not None:
                mail.keep_in_outbox(message, error)
            else:
                mail.keep_unwritten(row, error)


def _no_delay(mailer: Any) -> None:
    """smtplib writes a message's end in a small second packet; with Nagle's algorithm that
    packet waits for the server's delayed ACK, about 40 ms a message. Send it at once."""
    sock = getattr(getattr(mailer, "connection", None), "sock", None)
    if sock is not None:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def _prefs_for(rows: list[Reminder]) -> dict[int, ReminderSettings]:
    found = ReminderSettings.objects.filter(seeker_id__in={r.seeker_id for r in rows})
    prefs = {p.seeker_id: p for p in found}
    for row in rows:
        if row.seeker_id in prefs:
            prefs[row.seeker_id].seeker = row.seeker
        else:
            prefs[row.seeker_id] = ReminderSettings.objects.create(seeker=row.seeker)
    return prefs


def _close(row: Reminder, status: str, reason: str) -> None:
    Reminder.objects.filter(pk=row.pk, claimed_by=row.claimed_by).update(
        status=status, claimed_until=None, last_error=reason, sent_at=None
    )


def compose(
    row: Reminder, prefs: ReminderSettings, now: dt.datetime
) -> tuple[EmailMultiAlternatives | None, str, str]:
    """The message a reminder row stands for now, or None with why and the status to record.

    The checks are the ones planning makes, so a row dropped here is not planned again."""
    if row.kind == Reminder.Kind.BEFORE_STEP:
        assert row.action is not None
        why = planning.before_step_wanted(row.action, prefs, row)
        if why:
            return None, why, Status.OBSOLETE
        return mail.before_step(row, row.action, prefs, now=now), "", Status.SENT
    if row.kind == Reminder.Kind.DIGEST:
        why = planning.digest_wanted(prefs)
        if why:
            return None, why, Status.OBSOLETE
        assert row.day is not None
        today, overdue = day_plan(row.seeker, row.day)
        if not today:
            return None, "nothing planned that day", Status.SKIPPED
        message = mail.digest(row, prefs, day=row.day, today=today, overdue=overdue)
        return message, "", Status.SENT
    assert row.promise is not None
    why = planning.missed_promise_wanted(row.promise, prefs)
    if why:
        return None, why, Status.OBSOLETE
    steps = Action.objects.filter(
        campaign=row.promise.campaign, status=ActionStatus.PLANNED
    ).select_related("campaign__company", "campaign__contact")
    # The chase is what the notice is about; a late thank-you note is the digest's business.
    chase = steps.filter(kind__in=[k.value for k in TIMED_KINDS]).order_by("due_at").first()
    next_step = chase or steps.order_by("due_at").first()
    return mail.missed_promise(row, row.promise, prefs, next_step), "", Status.SENT


def day_plan(seeker: Seeker, day: dt.date) -> tuple[list[Action], list[Action]]:
    """The seeker's planned steps on `day` (their zone), and the ones still open from before."""
    calendar = seeker_calendar(seeker)
    start = calendar.at(day, dt.time(0))
    end = calendar.at(day + dt.timedelta(days=1), dt.time(0))
    planned = Action.objects.filter(seeker=seeker, status=ActionStatus.PLANNED).select_related(
        "campaign__company", "campaign__contact"
    )
    today = list(planned.filter(due_at__gte=start, due_at__lt=end).order_by("due_at", "id"))
    overdue = list(
        planned.filter(due_at__gte=start - OVERDUE_WINDOW, due_at__lt=start).order_by("due_at")
    )
    return today, overdue
