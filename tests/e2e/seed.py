"""Fill a fresh data dir with one seeker whose campaigns reach every kind of page, and print the
ids and tokens the pages' URLs need as one JSON document.

Run as a program in the environment the server gets (`PURSUIT_DATA_DIR`), before it starts: the
browser tests then find a call due now, a visit with its note, a verbal offer, a won and a lost
campaign, a message in the outbox, an API token and an uploaded tracker file.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import secrets
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

EMAIL = "alex@example.com"
ZONE = "America/New_York"


def last_tuesday(now: dt.datetime) -> dt.date:
    """A past Tuesday, so "by Wednesday" has just run out and the call is due right away."""
    today = now.astimezone(ZoneInfo(ZONE)).date()
    back = (today.weekday() - 1) % 7 or 7
    return today - dt.timedelta(days=back)


def main(password: str) -> None:
    from pursuit import bootstrap

    data = bootstrap.ensure_data_dir(Path(os.environ["PURSUIT_DATA_DIR"]))
    bootstrap.setup_django(data_dir=data, secret_key=bootstrap.ensure_secret_key(data))
    bootstrap.migrate_if_needed()

    from django.contrib.auth.tokens import default_token_generator
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from django.utils import timezone
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode
    from pypdf import PdfWriter

    from pursuit.accounts.services import add_blackout, create_seeker, create_token
    from pursuit.campaigns import services
    from pursuit.campaigns.models import Action
    from pursuit.documents.services import add_resume
    from pursuit.method.vocab import Outcome
    from pursuit.reminders.mail import unsubscribe_token
    from pursuit.reminders.models import OutboxMessage
    from pursuit.reminders.services import pause_campaign

    now = timezone.now()
    zone = ZoneInfo(ZONE)
    seeker = create_seeker(email=EMAIL, password=password, name="Alex Kim", zone=ZONE, owner=True)
    interview = dt.datetime.combine(last_tuesday(now), dt.time(14), zone)

    def start(company: str, role: str, contact: str, **extra: object) -> services.Result:
        return services.start_campaign(
            seeker=seeker,
            role=role,
            interview_at=interview,
            company_name=company,
            company_phone="212-555-0100",
            contact_name=contact,
            contact_title="Head of Purchasing",
            promise_text="We'll call you by Wednesday",
            **extra,  # type: ignore[arg-type]
        )

    due = start("Acme Tools", "Senior Buyer", "Dana Reyes").campaign
    # More calls due now, so each test that records an outcome finds one still open.
    for company in ("Hooli", "Vandelay Industries", "Wonka Foods"):
        start(company, "Buyer", "Chris Lee")

    # A local company whose calls all went unanswered: a visit, and a note to print before it.
    local = start("Corner Bakery", "Store Manager", "Sam Ortiz", company_local=True).campaign
    for _ in range(5):
        call = Action.objects.filter(campaign=local, kind="call", status="planned").first()
        if call is None:
            break
        services.log_outcome(action=call, outcome=Outcome.NO_ANSWER, at=timezone.now())
    note_step = Action.objects.get(campaign=local, kind="leave_note", status="planned")

    verbal = start("Globex", "Purchasing Lead", "Lee Chan").campaign
    services.record_offer(campaign=verbal, written=False)
    offer = verbal.offers.get()

    won = start("Initech", "Buyer", "Pat Morgan").campaign
    services.record_offer(campaign=won, written=True, wanted=True)

    lost = start("Umbrella", "Category Buyer", "Kim Park").campaign
    services.close_out(campaign=lost, lesson="Ask for the decision date before leaving.")

    message = OutboxMessage.objects.create(
        seeker=seeker,
        to=EMAIL,
        subject="Today: 1 step, first call Acme Tools",
        body_text="Call Dana Reyes at Acme Tools.",
        body_html="<p>Call Dana Reyes at Acme Tools.</p>",
    )
    token, _ = create_token(user=seeker.user, name="phone")
    # Someone else on this server, whose password the owner can reset.
    other = create_seeker(email="sam@example.com", name="Sam Ortiz", zone=ZONE)
    later = now.astimezone(zone).date() + dt.timedelta(days=60)
    blackout = add_blackout(seeker=seeker, start=later, end=later, note="Dentist")
    pause = pause_campaign(campaign=verbal, start=later, end=later, note="They are away").pause
    pdf = io.BytesIO()
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.write(pdf)
    pdf.seek(0)
    resume = add_resume(seeker=seeker, upload=pdf, label="Buyer", filename="resume.pdf")
    upload = secrets.token_hex(16)
    default_storage.save(
        f"imports/{seeker.pk}/{upload}.csv",
        ContentFile(b"Company,Role,Applied\nHooli,Buyer,2026-10-01\n"),
    )

    print(
        json.dumps(
            {
                "campaign": due.pk,
                "call": Action.objects.get(campaign=due, kind="call", status="planned").pk,
                "note_step": note_step.pk,
                "local_campaign": local.pk,
                "verbal_campaign": verbal.pk,
                "offer": offer.pk,
                "won_campaign": won.pk,
                "lost_campaign": lost.pk,
                "outbox_message": message.pk,
                "upload": upload,
                "token": token.pk,
                "other_user": other.user.pk,
                "blackout": blackout.pk,
                "pause": pause.pk,
                "resume": resume.pk,
                "unsubscribe": unsubscribe_token(seeker),
                "uidb64": urlsafe_base64_encode(force_bytes(seeker.user.pk)),
                "reset_token": default_token_generator.make_token(seeker.user),
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
