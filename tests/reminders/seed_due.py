"""Fill a fresh database with COUNT reminders that are due now, for the multi-process tests.

Run as a program (`python seed_due.py COUNT`) in the environment the workers will get: the same
DATABASE_URL or data dir. The test process cannot write them itself: its own database is the
test database, which a worker process cannot see.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path


def main(count: int) -> None:
    from pursuit import bootstrap

    data = bootstrap.ensure_data_dir(Path(os.environ["PURSUIT_DATA_DIR"]))
    bootstrap.setup_django(data_dir=data, secret_key=bootstrap.ensure_secret_key(data))
    bootstrap.migrate_if_needed()

    from django.utils import timezone

    from pursuit.accounts.services import create_seeker
    from pursuit.campaigns import services
    from pursuit.campaigns.models import Action
    from pursuit.reminders import planning
    from pursuit.reminders.models import Reminder
    from pursuit.reminders.services import settings_for

    seeker = create_seeker(email="load@example.com", name="Load Test")
    prefs = settings_for(seeker)
    prefs.digest_enabled = False
    prefs.save()
    company = services.create_company(seeker=seeker, name="Acme Tools")
    campaign = services.create_campaign(
        seeker=seeker, company=company, role="Buyer", contact_name="Ms. Jones"
    )
    now = timezone.now()
    Action.objects.bulk_create(
        Action(
            seeker=seeker,
            campaign=campaign,
            kind="call",
            due_at=now + dt.timedelta(minutes=10, milliseconds=i),
            zone="America/New_York",
            basis="retry",
            script=f"Call number {i}.",
        )
        for i in range(count)
    )
    planning.plan(now)
    print(Reminder.objects.filter(status="pending", run_at__lte=now).count())


if __name__ == "__main__":
    main(int(sys.argv[1]))
