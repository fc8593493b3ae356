"""The leave-behind note and the account export at size, each as a ratio to its target.

    uv run python bench/documents.py [--campaigns 10000] [--runs 10]

In a throwaway SQLite data dir (the default a seeker runs on):

- note: the one-page note rendered by WeasyPrint with a 2-page résumé appended by pypdf, as the
  visit card's download makes it; the first (cold: fonts and templates load) and the median of
  `--runs` renders.
- export: one seeker with `--campaigns` campaigns, each with its company, contact, interview,
  promise, three steps with their scripts and two touches (an offer on every tenth), written as
  the JSON document `pursuit export` makes. Best of three runs. Loading that document into an
  empty account is timed too, for information (it has no target).

A ratio above 1.00 beats the target. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

NOTE_TARGET_S = 0.5
EXPORT_TARGET_S = 5.0

SCRIPT = (
    "Call {contact} at {company}: Tuesday, December 1 at 9:00 AM.\nPhone: +1 212 555 0100\n"
    "Best way through: ask for the assistant\n\nWhen someone answers:\n“Hi, this is Bench "
    "Seeker, calling for {contact} — could you put me through?”\nIf they ask what it is about:\n"
    "“It's a personal matter — we met recently.”\n\nIf {contact} is not available, never leave "
    "a message, with them or on voicemail. Ask:\n“I'd rather not leave a message. When would be "
    "a good time to call back and catch {contact}?”\nNote the time they give: the callback goes "
    "in at exactly that time.\n\nWhen {contact} comes on the line:\n“Hi {contact}, it's Bench "
    "Seeker — thank you for taking my call. We met on November 19 about the Buyer role, and I'm "
    "still very interested. Where do things stand?”"
)


def setup(data_dir: Path) -> None:
    os.environ["PURSUIT_DATA_DIR"] = str(data_dir)
    os.environ["PURSUIT_SECRET_KEY"] = "bench-" + "x" * 44
    os.environ["DJANGO_SETTINGS_MODULE"] = "pursuit.settings"
    os.environ.pop("DATABASE_URL", None)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def resume_pdf() -> bytes:
    from weasyprint import HTML

    lines = "".join(
        f"<li>Led purchasing project {i}: cut lead times, renegotiated supplier terms.</li>"
        for i in range(30)
    )
    page = f"<h1>Bench Seeker</h1><h2>Experience</h2><ul>{lines}</ul>"
    return HTML(string=f"<section style='break-after: page'>{page}</section>{page}").write_pdf()


def bench_note(runs: int) -> None:
    from pursuit.accounts.services import create_seeker
    from pursuit.campaigns import services as campaigns
    from pursuit.documents import note, pdf, services

    seeker = create_seeker(email="note@example.com", name="Bench Seeker")
    company = campaigns.create_company(seeker=seeker, name="Acme Tools", local=True)
    campaign = campaigns.create_campaign(
        seeker=seeker, company=company, role="Buyer", contact_name="Dana Reyes"
    )
    action = campaigns.log_interview(
        campaign=campaign, at=dt.datetime(2026, 11, 19, 15, 0), now=dt.datetime.now(dt.UTC)
    ).actions[-1]
    resume = services.add_resume(seeker=seeker, upload=io.BytesIO(resume_pdf()))

    started = time.perf_counter()
    printed = note.note_pdf(action, resume=resume)
    cold = time.perf_counter() - started
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        note.note_pdf(action, resume=resume)
        times.append(time.perf_counter() - started)
    median = statistics.median(times)
    print(
        f"note + 2-page résumé ({pdf.page_count(printed)} pages, {len(printed) // 1024} KiB): "
        f"median {median:.3f} s, cold {cold:.3f} s; target {NOTE_TARGET_S} s; "
        f"ratio {NOTE_TARGET_S / median:.2f} (cold {NOTE_TARGET_S / cold:.2f})"
    )


def seed(n: int) -> Any:
    from django.utils import timezone

    from pursuit.accounts.models import Seeker, User
    from pursuit.campaigns.models import (
        Action,
        Campaign,
        Company,
        Contact,
        Interview,
        Offer,
        Promise,
        Touch,
    )

    user = User.objects.create_user("export@example.com", None)
    seeker = Seeker.objects.create(user=user, name="Bench Seeker", phone="+1 917 555 0123")
    now = timezone.now()
    companies = Company.objects.bulk_create(
        Company(seeker=seeker, name=f"Company {i:05d}", phone="+1 212 555 0100", local=i % 2 == 0)
        for i in range(n)
    )
    contacts = Contact.objects.bulk_create(
        Contact(seeker=seeker, company=c, name=f"Contact {i}", way_through="ask for the assistant")
        for i, c in enumerate(companies)
    )
    campaigns = Campaign.objects.bulk_create(
        Campaign(seeker=seeker, company=co, contact=ct, role="Buyer", attempts=1)
        for co, ct in zip(companies, contacts, strict=True)
    )
    interviews = Interview.objects.bulk_create(
        Interview(campaign=c, at=now - dt.timedelta(days=12), with_name="Contact")
        for c in campaigns
    )
    Promise.objects.bulk_create(
        Promise(
            campaign=c,
            interview=iv,
            text="We'll call you by Wednesday",
            said_at=iv.at,
            earliest=(iv.at + dt.timedelta(days=6)).date(),
            latest=(iv.at + dt.timedelta(days=6)).date(),
            kind="by",
            confidence=0.9,
            matched="by Wednesday",
            explanation="the first Wednesday after the day it was said",
        )
        for c, iv in zip(campaigns, interviews, strict=True)
    )
    steps = Action.objects.bulk_create(
        Action(
            seeker=seeker,
            campaign=c,
            kind=kind,
            due_at=now + dt.timedelta(days=days),
            zone="America/New_York",
            window="morning",
            status=status,
            basis="retry",
            reason="the last attempt did not reach them",
            script=SCRIPT.format(contact=f"Contact {i}", company=f"Company {i:05d}"),
        )
        for i, c in enumerate(campaigns)
        for kind, days, status in (
            ("thank_you", -11, "done"),
            ("call", -4, "done"),
            ("call", 2, "planned"),
        )
    )
    Touch.objects.bulk_create(
        Touch(
            campaign=a.campaign,
            action=a,
            outcome="done" if a.kind == "thank_you" else "no_answer",
            at=a.due_at,
        )
        for a in steps
        if a.status == "done"
    )
    Offer.objects.bulk_create(
        Offer(campaign=c, written=False, at=now, salary="80,000") for c in campaigns[::10]
    )
    return seeker


def bench_export(n: int, out: Path) -> None:
    from pursuit.accounts.services import create_seeker
    from pursuit.documents import archive, exchange

    seeker = seed(n)
    times = []
    for _ in range(3):
        started = time.perf_counter()
        archive.write(seeker, out)
        times.append(time.perf_counter() - started)
    best = min(times)
    print(
        f"export, {n} campaigns ({out.stat().st_size // (1024 * 1024)} MiB of JSON): "
        f"best {best:.2f} s of 3; target {EXPORT_TARGET_S} s; ratio {EXPORT_TARGET_S / best:.2f}"
    )
    fresh = create_seeker(email="fresh@example.com", name="Fresh")
    started = time.perf_counter()
    exchange.load(seeker=fresh, source=archive.read_path(out))
    print(f"import of that document into an empty account: {time.perf_counter() - started:.2f} s")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--campaigns", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        setup(Path(tmp))
        bench_note(args.runs)
        bench_export(args.campaigns, Path(tmp) / "export.json")


if __name__ == "__main__":
    main(sys.argv[1:])
