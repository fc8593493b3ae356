"""What creating the account, signing in and tapping an outcome cost on the server, beside the
password hash that the first two must pay.

    uv run python bench/accounts.py [--campaigns 30] [--runs 5]

Runs each request in this process through the whole middleware stack with Django's own
password hasher (the strength a seeker gets), in a throwaway SQLite data dir, and prints the
median CPU time of each, the hash's share of it, and the rest against its target. CPU time, not
wall time: on a shared machine a request waits for a core as long as the others keep it, which
says nothing about the request. It asserts nothing.
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
from pathlib import Path

PASSWORD = "a-long-pass-phrase-1"
#: Besides the hash, a sign-up or a sign-in should cost no more than a page.
TARGET_OTHER_MS = 50.0
TARGET_TAP_MS = 50.0


def setup(data_dir: Path) -> None:
    os.environ["PURSUIT_DATA_DIR"] = str(data_dir)
    os.environ["PURSUIT_SECRET_KEY"] = "bench-" + "x" * 44
    os.environ["DJANGO_SETTINGS_MODULE"] = "pursuit.settings"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def cpu_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.process_time()
        fn()
        times.append((time.process_time() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--campaigns", type=int, default=30)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        setup(Path(tmp))
        from django.conf import settings
        from django.contrib.auth import get_user_model
        from django.contrib.auth.hashers import get_hasher
        from django.test import Client
        from django.utils import timezone

        from pursuit.accounts.models import Seeker
        from pursuit.campaigns import services
        from pursuit.campaigns.models import Action

        settings.ALLOWED_HOSTS = ["testserver"]
        hasher = get_hasher()
        hash_ms = cpu_ms(lambda: hasher.encode(PASSWORD, hasher.salt()), args.runs)
        account = {
            "email": "alex@example.com",
            "name": "Alex Kim",
            "password": PASSWORD,
            "password2": PASSWORD,
            "zone": "America/New_York",
            "country": "US",
            "locale": "en_US",
        }
        client = Client()
        client.get("/setup")  # imports and first-use caches, paid once per process

        def create_account() -> None:
            get_user_model().objects.all().delete()
            answer = client.post("/setup", account)
            assert answer.status_code == 302, answer.status_code

        signup = cpu_ms(create_account, args.runs)
        client.get("/login")

        def sign_in() -> None:
            client.logout()  # signed in, the page would only send them on
            answer = client.post("/login", {"username": account["email"], "password": PASSWORD})
            assert answer.status_code == 302, answer.status_code

        signin = cpu_ms(sign_in, args.runs)

        seeker = Seeker.objects.get()
        past = timezone.now() - dt.timedelta(days=8)
        for i in range(args.campaigns):
            services.start_campaign(
                seeker=seeker,
                role="Buyer",
                interview_at=past,
                company_name=f"Company {i:03d}",
                contact_name="Dana Reyes",
                promise_text="we'll call you by Wednesday",
            )
        calls = iter(Action.objects.filter(kind="call", status="planned").order_by("pk"))

        def tap() -> None:
            url = f"/steps/{next(calls).pk}/outcome"
            answer = client.post(url, {"outcome": "no_answer"}, HTTP_HX_REQUEST="true")
            assert answer.status_code == 200, answer.status_code

        tap()  # the first tap's imports
        outcome = cpu_ms(tap, min(args.runs * 4, args.campaigns - 1))

    print(f"Django's hasher: {hasher.algorithm}, {hasher.iterations:,} iterations")
    print(f"one hash                 {hash_ms:7.1f} ms CPU")
    for name, total in (("create the account", signup), ("sign in", signin)):
        other = total - hash_ms
        ratio = other / TARGET_OTHER_MS
        print(
            f"{name:24} {total:7.1f} ms CPU: the hash {hash_ms / total:4.0%}, the rest "
            f"{other:5.1f} ms (target {TARGET_OTHER_MS:.0f} ms, ratio {ratio:.2f})"
        )
    print(
        f"{'an outcome tap (htmx)':24} {outcome:7.1f} ms CPU with {args.campaigns} campaigns "
        f"(target {TARGET_TAP_MS:.0f} ms, ratio {outcome / TARGET_TAP_MS:.2f})"
    )


if __name__ == "__main__":
    sys.exit(main())
