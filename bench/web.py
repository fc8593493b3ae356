"""How fast Today answers with a busy seeker, against the floor the same rows allow.

    uv run python bench/web.py [--campaigns 300] [--steps 10] [--runs 50]

Seeds one seeker with 300 campaigns and 3,000 steps (one planned step per campaign in the weeks
ahead, the rest finished history) in a throwaway SQLite data dir, then times GET / in this
process through the whole middleware stack (sessions, CSRF, auth, CSP, htmx) with a signed-in
test client. The "limit" reads the same planned rows with one raw SQL query and formats them
with plain string formatting: what any page showing those rows must pay at least. Prints both
medians, their ratio, and the targets; it asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from html import escape
from pathlib import Path

TARGET_MS = 10.0
TARGET_RATIO = 10.0
#: An undo at a campaign with this many steps should take no longer than UNDO_TARGET_MS.
UNDO_STEPS = 50
UNDO_TARGET_MS = 50.0


def setup(data_dir: Path) -> None:
    os.environ["PURSUIT_DATA_DIR"] = str(data_dir)
    os.environ["PURSUIT_SECRET_KEY"] = "bench-" + "x" * 44
    os.environ["DJANGO_SETTINGS_MODULE"] = "pursuit.settings"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def seed(campaigns: int, steps: int) -> object:
    """One seeker, `campaigns` campaigns, `steps` steps each; returns the seeker."""
    from django.utils import timezone

    from pursuit.accounts.services import create_seeker
    from pursuit.campaigns.models import Action, Campaign, Company, Contact
    from pursuit.method.vocab import ActionKind, ActionStatus, Basis, Window

    seeker = create_seeker(
        email="bench@example.com", password="bench-password-1", name="Bench Seeker", owner=True
    )
    now = timezone.now()
    companies = Company.objects.bulk_create(
        Company(seeker=seeker, name=f"Company {i:04d}", phone="+1 212 555 0100")
        for i in range(campaigns)
    )
    contacts = Contact.objects.bulk_create(
        Contact(seeker=seeker, company=c, name=f"Contact {i}", title="Hiring manager")
        for i, c in enumerate(companies)
    )
    rows = Campaign.objects.bulk_create(
        Campaign(seeker=seeker, company=co, contact=ct, role="Buyer")
        for co, ct in zip(companies, contacts, strict=True)
    )
    script = (
        "Call {c} at {co}: Wednesday, December 2 at 9:00 AM.\nPhone: +1 212 555 0100\n\n"
        "When someone answers:\n“Hi, this is Bench Seeker, calling for {c} — could you put me "
        "through?”\nIf they ask what it is about:\n“It's a personal matter — we met recently.”"
    )
    actions = []
    for i, campaign in enumerate(rows):
        for j in range(steps):
            planned = j == steps - 1
            # The planned steps spread over the next three weeks, as a busy seeker's would.
            ahead = dt.timedelta(hours=2 + (i * 37) % (21 * 24))
            due = now + ahead if planned else now - dt.timedelta(days=3 * (steps - j))
            actions.append(
                Action(
                    seeker=seeker,
                    campaign=campaign,
                    kind=ActionKind.CALL if j % 3 else ActionKind.THANK_YOU,
                    due_at=due,
                    zone="America/New_York",
                    window=Window.MORNING,
                    status=ActionStatus.PLANNED if planned else ActionStatus.DONE,
                    basis=Basis.RETRY,
                    reason="no answer: try again at the start of the day",
                    script=script.format(c=f"Contact {i}", co=f"Company {i:04d}"),
                )
            )
    Action.objects.bulk_create(actions, batch_size=1000)
    return seeker


def median_ms(fn: Callable[[], object], runs: int, warmup: int = 5) -> tuple[float, float]:
    """Median wall time and median CPU time of this process, in ms. On a shared machine the
    CPU time is the steadier of the two: other processes' work does not count in it."""
    for _ in range(warmup):
        fn()
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        cpu.append((time.process_time() - start_cpu) * 1000)
        wall.append((time.perf_counter() - start) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def raw_limit(seeker_id: int, until: dt.datetime) -> str:
    """The same planned rows as Today, read with one SQL query and formatted by hand."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT a.id, a.kind, a.due_at, a.reason, a.script, co.name, ct.name, co.phone "
            "FROM campaigns_action a JOIN campaigns_campaign c ON c.id = a.campaign_id "
            "JOIN campaigns_company co ON co.id = c.company_id "
            "LEFT JOIN campaigns_contact ct ON ct.id = c.contact_id "
            "WHERE a.seeker_id = %s AND a.status = 'planned' AND a.due_at < %s "
            "ORDER BY a.due_at, a.id",
            [seeker_id, until],
        )
        rows = cursor.fetchall()
    cards = [
        f'<article id="step-{pk}"><p>{due}</p><h3>{escape(kind)} {escape(co)}</h3>'
        f"<p>{escape(contact or '')} {escape(phone)}</p><p>{escape(reason)}</p>"
        f'<details><div class="script">{escape(script)}</div></details></article>'
        for pk, kind, due, reason, script, co, contact, phone in rows
    ]
    return "<!doctype html><main>" + "".join(cards) + "</main>"


def undo_cost(seeker: object, runs: int) -> tuple[float, float]:
    """Median wall and CPU ms of undoing an outcome at a campaign with UNDO_STEPS steps: each
    run logs its planned step done (not timed), then times the undo."""
    from django.utils import timezone

    from pursuit.campaigns import history, services
    from pursuit.campaigns.history import Actor
    from pursuit.campaigns.models import Action
    from pursuit.method.vocab import ActionStatus, Outcome

    step = Action.objects.filter(seeker=seeker, status=ActionStatus.PLANNED).first()
    assert step is not None, "the seed plans a step in every campaign"
    campaign = step.campaign
    done = list(campaign.actions.exclude(pk=step.pk)[:1])
    Action.objects.bulk_create(
        Action(
            **{
                f.attname: getattr(done[0], f.attname)
                for f in Action._meta.concrete_fields
                if not f.primary_key
            }
        )
        for _ in range(UNDO_STEPS - campaign.actions.count())
    )
    actor = Actor.seeker(seeker, "cli")  # type: ignore[arg-type]
    wall, cpu = [], []
    for _ in range(runs):
        now = timezone.now()
        services.log_outcome(action=step, outcome=Outcome.DONE, at=now, now=now)
        start, start_cpu = time.perf_counter(), time.process_time()
        history.undo_last(campaign=campaign, actor=actor, now=now)
        cpu.append((time.process_time() - start_cpu) * 1000)
        wall.append((time.perf_counter() - start) * 1000)
    assert campaign.actions.count() == UNDO_STEPS
    return statistics.median(wall), statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--campaigns", type=int, default=300)
    parser.add_argument("--steps", type=int, default=10, help="steps per campaign")
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="pursuit-bench-") as tmp:
        setup(Path(tmp))
        from django.test import Client

        from pursuit.web import queries

        seeker = seed(args.campaigns, args.steps)
        client = Client(HTTP_HOST="localhost")
        client.force_login(seeker.user)  # type: ignore[attr-defined]

        def today() -> None:
            response = client.get("/")
            if response.status_code != 200:
                sys.exit(f"GET / answered {response.status_code}")

        agenda = queries.agenda(seeker.user, seeker)  # type: ignore[attr-defined]
        until = dt.datetime.combine(agenda.horizon + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)
        page, page_cpu = median_ms(today, args.runs)
        limit, limit_cpu = median_ms(lambda: raw_limit(seeker.pk, until), args.runs)  # type: ignore[attr-defined]
        print(
            f"{args.campaigns} campaigns, {args.campaigns * args.steps} steps, "
            f"{agenda.count} cards on Today, {args.runs} runs"
        )
        for label, a, b in (("wall", page, limit), ("cpu", page_cpu, limit_cpu)):
            print(
                f"{label}: today: {a:.1f} ms median (target ≤ {TARGET_MS:.0f} ms, "
                f"ratio {a / TARGET_MS:.2f}); raw limit {b:.1f} ms; "
                f"today/limit {a / b:.1f} (target ≤ {TARGET_RATIO:.0f})"
            )
        undo, undo_cpu = undo_cost(seeker, max(5, args.runs // 5))
        print(
            f"undo at a campaign with {UNDO_STEPS} steps: {undo:.1f} ms wall, {undo_cpu:.1f} ms "
            f"cpu median (target ≤ {UNDO_TARGET_MS:.0f} ms; ratio "
            f"{undo / UNDO_TARGET_MS:.2f} wall, {undo_cpu / UNDO_TARGET_MS:.2f} cpu)"
        )


if __name__ == "__main__":
    main()
