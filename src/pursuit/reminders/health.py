"""Is anything keeping a seeker from hearing about a step? One check per part: the database,
its files, the worker, the reminders waiting, email, the calendar feed. `pursuit doctor` shows
them."""

from __future__ import annotations

import datetime as dt
import smtplib
import stat
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.urls import reverse

from pursuit.accounts.models import Seeker
from pursuit.reminders.feed import feed_steps, render_feed
from pursuit.reminders.mail import absolute, sends_mail
from pursuit.reminders.models import OutboxMessage, Reminder, WorkerHeartbeat
from pursuit.reminders.services import settings_for

#: The worker beats every 30 s; this much silence means reminders have stopped.
WORKER_SILENCE = dt.timedelta(minutes=5)
#: A due reminder still waiting after this long means the worker is not keeping up.
BACKLOG_GRACE = dt.timedelta(minutes=5)
SMTP_TIMEOUT = 5


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    ok: bool
    summary: str
    details: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def _age(delta: dt.timedelta) -> str:
    seconds = int(delta.total_seconds())
    if seconds < 120:
        return f"{seconds} s"
    if seconds < 7200:
        return f"{seconds // 60} min"
    if seconds < 172800:
        return f"{seconds // 3600} h"
    return f"{seconds // 86400} days"


def database() -> Check:
    from pursuit.bootstrap import pending_migrations

    started = time.perf_counter()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        pending = pending_migrations()
    except Exception as exc:
        return Check("database", False, f"cannot use it: {exc}")
    ms = (time.perf_counter() - started) * 1000
    name = connection.settings_dict["NAME"]
    summary = f"{connection.vendor} {name}, answered in {ms:.0f} ms"
    if pending:
        return Check("database", False, summary, (f"migrations not applied: {', '.join(pending)}",))
    return Check("database", True, summary)


def files() -> Check:
    """The data dir and the SQLite database (sessions, password hashes) must be closed to other
    users of the machine; a dir made before Pursuit ran keeps whatever mode it had."""
    data_dir = Path(settings.DATA_DIR)
    paths = [data_dir]
    if connection.vendor == "sqlite":
        database = Path(str(connection.settings_dict["NAME"]))
        paths += [database, Path(f"{database}-wal"), Path(f"{database}-shm")]
    open_to_others = []
    for path in paths:
        try:
            mode = stat.S_IMODE(path.stat().st_mode)
        except OSError:
            continue  # not there (no WAL between runs, an in-memory test database)
        if mode & 0o077:
            private = "700" if path.is_dir() else "600"
            open_to_others.append(f"{path} is {mode:o}: run chmod {private} {path}")
    if open_to_others:
        return Check(
            "files", False, "other users of this machine can read your data", tuple(open_to_others)
        )
    return Check("files", True, f"{data_dir} is readable by you only")


def worker(now: dt.datetime) -> Check:
    beats = list(WorkerHeartbeat.objects.order_by("-last_beat"))
    if not beats:
        return Check(
            "worker", False, "has never run: start `pursuit serve`, or `pursuit worker` beside it"
        )
    details = tuple(
        f"{b.name}: pid {b.pid} on {b.host}, last seen {_age(now - b.last_beat)} ago" for b in beats
    )
    latest = beats[0]
    if now - latest.last_beat > WORKER_SILENCE:
        silent = _age(now - latest.last_beat)
        return Check("worker", False, f"silent for {silent}: reminders are not going out", details)
    return Check("worker", True, f"alive, last seen {_age(now - latest.last_beat)} ago", details)


def reminders(now: dt.datetime) -> Check:
    waiting = Reminder.objects.filter(status__in=[Reminder.Status.PENDING, Reminder.Status.CLAIMED])
    late = waiting.filter(due_at__lte=now - BACKLOG_GRACE).count()
    failed = Reminder.objects.filter(status=Reminder.Status.FAILED)
    retrying = waiting.exclude(last_error="").count()
    sent_today = Reminder.objects.filter(
        status=Reminder.Status.SENT, sent_at__gte=now - dt.timedelta(days=1)
    ).count()
    upcoming = waiting.filter(due_at__gt=now).order_by("due_at").first()
    details = [f"sent in the last 24 h: {sent_today}"]
    if upcoming:
        details.append(f"next: {upcoming.kind.replace('_', ' ')} in {_age(upcoming.due_at - now)}")
    if retrying:
        last = waiting.exclude(last_error="").order_by("-run_at").first()
        details.append(f"{retrying} retrying; last error: {last.last_error if last else ''}")
    if failed.exists():
        last_failed = failed.order_by("-run_at").first()
        details.append(
            f"{failed.count()} gave up (kept in the outbox); last error: "
            f"{last_failed.last_error if last_failed else ''}"
        )
    ok = late == 0 and retrying == 0
    summary = "none late" if late == 0 else f"{late} due more than 5 min ago and not sent"
    if failed.exists():
        ok = False
    return Check("reminders", ok, summary, tuple(details))


def email(*, connect: bool = True) -> Check:
    if not sends_mail():
        kept = OutboxMessage.objects.count()
        return Check(
            "email",
            True,
            f"no SMTP server set (PURSUIT_EMAIL_HOST): messages are kept in the outbox ({kept})",
        )
    options = settings.MAILERS["default"].get("OPTIONS", {})
    host, port = options.get("host", ""), options.get("port", 25)
    where = f"SMTP {host}:{port}"
    if not connect:
        return Check("email", True, where)
    try:
        with smtplib.SMTP(host, port, timeout=SMTP_TIMEOUT) as smtp:
            smtp.ehlo()
            if options.get("use_tls"):
                smtp.starttls()
                smtp.ehlo()
            if options.get("username"):
                smtp.login(options["username"], options.get("password", ""))
            smtp.noop()
    except (OSError, smtplib.SMTPException) as exc:
        return Check("email", False, f"{where}: {type(exc).__name__}: {exc}")
    return Check("email", True, f"{where} accepts a connection")


def feed(seeker: Seeker) -> Check:
    prefs = settings_for(seeker)
    started = time.perf_counter()
    try:
        body = render_feed(seeker, prefs)
    except Exception as exc:
        return Check("feed", False, f"cannot be built: {type(exc).__name__}: {exc}")
    ms = (time.perf_counter() - started) * 1000
    count = len(feed_steps(seeker))
    bits = len(prefs.feed_token) * 6 // 8 * 8
    url = absolute(reverse("reminders:feed", kwargs={"token": prefs.feed_token}))
    details = (f"address: {url}", f"token: {bits} random bits")
    summary = (
        f"{count} planned step{'s' if count != 1 else ''}, {len(body) // 1024} KiB in {ms:.0f} ms"
    )
    return Check("feed", bits >= 128, summary, details)


def all_checks(seeker: Seeker | None, now: dt.datetime, *, connect: bool = True) -> list[Check]:
    checks = [database()]
    if not checks[0].ok and checks[0].summary.startswith("cannot"):
        return checks
    checks += [files(), worker(now), reminders(now), email(connect=connect)]
    if seeker is not None:
        checks.append(feed(seeker))
    return checks
