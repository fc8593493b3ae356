"""The calendar feed and the reminder worker at load, each as a ratio to its target.

    uv run python bench/reminders.py [--events 1000] [--reminders 10000] [--runs 20]

In a throwaway SQLite data dir (the default a seeker runs on): one seeker with `--events`
planned steps spread over the next months across three company zones; the feed is rendered
`--runs` times and the median is printed, with the first (cold) render. Then `--reminders` calls
due now, each with its heads-up planned, and one worker delivers them all to the outbox (no SMTP
server), timed from the first claim to the last commit. A ratio above 1.00 beats the target.
Nothing is asserted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

FEED_TARGET_MS = 100.0
DELIVERY_TARGET_S = 30.0
ZONES = ("America/New_York", "Europe/Berlin", "America/Los_Angeles")


def setup(data_dir: Path) -> None:
    os.environ["PURSUIT_DATA_DIR"] = str(data_dir)
    os.environ["PURSUIT_SECRET_KEY"] = "bench-" + "x" * 44
    os.environ["DJANGO_SETTINGS_MODULE"] = "pursuit.settings"
    os.environ.pop("PURSUIT_EMAIL_HOST", None)
    os.environ.pop("DATABASE_URL", None)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def seed(email: str, steps: int, *, start: dt.timedelta, spread: dt.timedelta) -> object:
    """A seeker with `steps` planned calls, one campaign per 10 steps, times spread evenly."""
    from django.utils import timezone

    from pursuit.accounts.models import Seeker, User
    from pursuit.campaigns.models import Action, Campaign, Company, Contact

    user = User.objects.create_user(email, None)
    seeker = Seeker.objects.create(user=user, name="Bench Seeker")
    n = max(1, steps // 10)
    companies = Company.objects.bulk_create(
        Company(seeker=seeker, name=f"Company {i:05d}", zone=ZONES[i % 3], phone="+1 212 555 0100")
        for i in range(n)
    )
    contacts = Contact.objects.bulk_create(
        Contact(seeker=seeker, company=c, name=f"Contact {i}", way_through="ask for the assistant")
        for i, c in enumerate(companies)
    )
    campaigns = Campaign.objects.bulk_create(
        Campaign(seeker=seeker, company=co, contact=ct, role="Buyer")
        for co, ct in zip(companies, contacts, strict=True)
    )
    script = (
        "Call {c} at {co}.\nPhone: +1 212 555 0100\n\nWhen someone answers:\n“Hi, this is Bench "
        "Seeker, calling for {c} — could you put me through?”\nIf they ask what it is about:\n"
        "“It's a personal matter — we met recently.”"
    )
    now = timezone.now()
    step = spread / steps
    Action.objects.bulk_create(
        Action(
            seeker=seeker,
            campaign=campaigns[i % n],
            kind="call",
            due_at=now + start + step * i,
            zone=campaigns[i % n].company.zone,
            basis="retry",
            script=script.format(c=f"Contact {i % n}", co=f"Company {i % n:05d}"),
        )
        for i in range(steps)
    )
    return seeker


def bench_feed(events: int, runs: int) -> None:
    from pursuit.reminders.feed import render_feed
    from pursuit.reminders.services import settings_for

    seeker = seed(
        "feed@example.com", events, start=dt.timedelta(hours=1), spread=dt.timedelta(days=120)
    )
    prefs = settings_for(seeker)
    started = time.perf_counter()
    body = render_feed(seeker, prefs)
    cold = (time.perf_counter() - started) * 1000
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        render_feed(seeker, prefs)
        times.append((time.perf_counter() - started) * 1000)
    median = statistics.median(times)
    print(
        f"feed, {events} events ({len(body) // 1024} KiB): median {median:.1f} ms, cold "
        f"{cold:.1f} ms; target {FEED_TARGET_MS:.0f} ms; ratio {FEED_TARGET_MS / median:.2f} "
        f"(cold {FEED_TARGET_MS / cold:.2f})"
    )


def bench_delivery(reminders: int) -> None:
    from django.utils import timezone

    from pursuit.reminders import planning
    from pursuit.reminders.jobs import ReminderJobs
    from pursuit.reminders.models import OutboxMessage, Reminder, ReminderSettings

    seed(
        "worker@example.com",
        reminders,
        start=dt.timedelta(minutes=10),
        spread=dt.timedelta(seconds=1),
    )
    ReminderSettings.objects.update(digest_enabled=False)
    planning.plan(timezone.now())
    due = Reminder.objects.filter(status="pending", run_at__lte=timezone.now()).count()
    jobs = ReminderJobs()
    started = time.perf_counter()
    while jobs.deliver():
        pass
    elapsed = time.perf_counter() - started
    sent = OutboxMessage.objects.count()
    rate = sent / elapsed
    print(
        f"worker, {due} due reminders to the outbox: {sent} sent in {elapsed:.1f} s "
        f"({rate:.0f}/s); target {DELIVERY_TARGET_S:.0f} s; ratio {DELIVERY_TARGET_S / elapsed:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--reminders", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="pursuit-bench-") as tmp:
        setup(Path(tmp))
        bench_feed(args.events, args.runs)
        bench_delivery(args.reminders)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
