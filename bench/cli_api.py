"""How fast the command line and the JSON API answer, each as a ratio to its target.

    uv run python bench/cli_api.py [--runs 9] [--campaigns 300]

A data dir with N campaigns is made once (in a child process, through the services, so the rows
are the ones real use makes). Each bench function in BENCHES takes that data dir and returns
result rows; main() prints them. Add a bench by appending a function to BENCHES.

The CLI bench: a cold `pursuit agenda --json` (a fresh process each run) against the floor of any
Django command, a fresh process that only runs `django.setup()` with the same settings. Both run
with bytecode caches allowed (PYTHONDONTWRITEBYTECODE is dropped for the children), as on any
installed copy; one warm-up run of each goes first. Medians of --runs runs, taken in turns, of the
wall time and of the child's CPU time (the steadier of the two when other work shares the
machine).

The API bench: the agenda and the campaign list at 10,000 campaigns, seeded with bulk_create in a
data dir of its own, each GET sent in-process through the whole middleware stack with a token
(WSGIHandler, as a server calls it); medians of 300 requests against a 20 ms target.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

#: The agenda may cost at most this many times the bare `django.setup()`.
AGENDA_TARGET = 1.3
#: The fixed "now" of the data and the agenda: a Tuesday, steps overdue and ahead.
NOW = "2026-12-01T08:00-05:00"


@dataclass(frozen=True)
class Bench:
    data_dir: Path
    runs: int
    campaigns: int


@dataclass(frozen=True)
class Row:
    name: str
    value: float  # seconds
    unit: str = "s"
    floor: float | None = None  # seconds, for a ratio
    target: float | None = None  # the ratio to stay under

    def line(self) -> str:
        text = f"{self.name:<62} {self.value:7.3f} {self.unit}"
        if self.floor is not None:
            ratio = self.value / self.floor
            text += f"   ratio {ratio:.2f}"
            if self.target is not None:
                verdict = "ok" if ratio <= self.target else "over"
                text += f" (target ≤ {self.target}; {ratio / self.target:.2f} of it: {verdict})"
        return text


def child_env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PURSUIT_", "DATABASE_"))}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env |= {"PURSUIT_DATA_DIR": str(data_dir), "PURSUIT_NOW": NOW}
    return env


@dataclass(frozen=True)
class Timing:
    wall: float  # seconds a person waits
    cpu: float  # user + system seconds of the child: steadier on a busy machine


def timed(argv: list[str], env: dict[str, str]) -> Timing:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timing(wall, cpu)


def medians(commands: dict[str, list[str]], runs: int) -> dict[str, Timing]:
    """Each (argv, env) once to warm up, then `runs` times in turns, so a machine that gets
    busier slows them all alike; the median wall and CPU time of each."""
    times: dict[str, list[Timing]] = {name: [] for name in commands}
    for argv, env in commands.values():
        timed(argv, env)
    for _ in range(runs):
        for name, (argv, env) in commands.items():
            times[name].append(timed(argv, env))
    return {
        name: Timing(
            statistics.median(t.wall for t in values), statistics.median(t.cpu for t in values)
        )
        for name, values in times.items()
    }


# -- the command line ----------------------------------------------------------------------------

DJANGO_FLOOR = (
    "import os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'pursuit.settings'); "
    "import django; django.setup()"
)


def cli_cold_agenda(bench: Bench) -> list[Row]:
    env = child_env(bench.data_dir)
    # The floor does not run the start sequence, so it is handed the key the data dir holds.
    floor_env = env | {"PURSUIT_SECRET_KEY": (bench.data_dir / "secret_key").read_text().strip()}
    agenda = [sys.executable, "-m", "pursuit", "agenda", "--json"]
    shown = subprocess.run(agenda, env=env, check=True, capture_output=True, text=True).stdout
    steps = shown.count('"campaign_id"')
    took = medians(
        {"floor": ([sys.executable, "-c", DJANGO_FLOOR], floor_env), "agenda": (agenda, env)},
        bench.runs,
    )
    floor, command = took["floor"], took["agenda"]
    name = f"pursuit agenda --json ({bench.campaigns} campaigns, {steps} steps)"
    return [
        Row("django.setup() alone (the floor), wall", floor.wall),
        Row(f"{name}, wall", command.wall, floor=floor.wall, target=AGENDA_TARGET),
        Row("django.setup() alone (the floor), CPU", floor.cpu),
        Row(f"{name}, CPU", command.cpu, floor=floor.cpu, target=AGENDA_TARGET),
    ]


# -- the JSON API --------------------------------------------------------------------------------

#: Campaigns in the API's data: one seeker with a coach's load, written with bulk_create.
API_CAMPAIGNS = 10_000
#: A list's median time in milliseconds, in-process through the whole middleware stack.
API_TARGET_MS = 20.0
API_PATHS = ("/api/v1/agenda", "/api/v1/campaigns")
API_REQUESTS = 300


def api_lists(bench: Bench) -> list[Row]:
    """The agenda and the campaign list at API_CAMPAIGNS campaigns: medians of API_REQUESTS
    token-authenticated GETs each, wall and CPU time, as ratios to API_TARGET_MS.

    It runs in a child process with a data dir of its own, so this process stays free of Django
    for the cold-start benches."""
    with tempfile.TemporaryDirectory(prefix="pursuit-api-bench-") as tmp:
        data_dir = Path(tmp) / "data"
        argv = [sys.executable, __file__, "--api-child", str(data_dir)]
        env = child_env(data_dir)
        out = subprocess.run(argv, env=env, check=True, capture_output=True, text=True).stdout
    rows = []
    for line in out.splitlines():
        path, wall, cpu, p90, queries, items = line.split("\t")
        name = f"GET {path} ({API_CAMPAIGNS} campaigns; {items} rows, {queries} queries)"
        rows.append(Row(f"{name}, p50 wall", float(wall), "ms", API_TARGET_MS, 1.0))
        rows.append(Row(f"{name}, p50 CPU", float(cpu), "ms", API_TARGET_MS, 1.0))
        rows.append(Row(f"{name}, p90 wall", float(p90), "ms"))
    return rows


def api_child(data_dir: Path) -> None:
    """Seed the data, then time each list; one tab-separated line per list on stdout."""
    import io
    import json

    from pursuit import bootstrap

    path = bootstrap.ensure_data_dir(data_dir)
    bootstrap.setup_django(data_dir=path, secret_key=bootstrap.ensure_secret_key(path))
    bootstrap.migrate_if_needed()

    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    token = seed_api(API_CAMPAIGNS)
    app = WSGIHandler()

    def get(url: str) -> bytes:
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": url,
            "QUERY_STRING": "",
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "8000",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": "127.0.0.1:8000",
            "HTTP_AUTHORIZATION": f"Bearer {token}",
            "wsgi.input": io.BytesIO(b""),
            "wsgi.url_scheme": "http",
            "wsgi.errors": sys.stderr,
        }
        status: list[str] = []
        body = b"".join(app(environ, lambda line, headers: status.append(line)))
        if not status[0].startswith("200"):
            raise RuntimeError(f"{url}: {status[0]} {body[:200]!r}")
        return body

    for url in API_PATHS:
        for _ in range(20):
            get(url)
        wall, cpu = [], []
        for _ in range(API_REQUESTS):
            started, used = time.perf_counter(), time.process_time()
            get(url)
            cpu.append((time.process_time() - used) * 1000)
            wall.append((time.perf_counter() - started) * 1000)
        with CaptureQueriesContext(connection) as queries:
            items = len(json.loads(get(url))["items"])
        p90 = statistics.quantiles(wall, n=10)[-1]
        line = [url, statistics.median(wall), statistics.median(cpu), p90, len(queries), items]
        print("\t".join(f"{v:.3f}" if isinstance(v, float) else str(v) for v in line))


def seed_api(campaigns: int) -> str:
    """One seeker with `campaigns` campaigns across 500 companies, each with its thank-you note
    done and a call planned in the weeks ahead; returns an API token for the seeker."""
    import datetime as dt

    from pursuit.accounts.services import create_seeker, create_token
    from pursuit.campaigns.models import Action, Campaign, Company, Contact

    seeker = create_seeker(email="api-bench@example.com", name="Bench Seeker", owner=True)
    zones = ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"]
    companies = Company.objects.bulk_create(
        Company(seeker=seeker, name=f"Company {n}", zone=zones[n % 4]) for n in range(500)
    )
    contacts = Contact.objects.bulk_create(
        Contact(seeker=seeker, company=companies[n % 500], name=f"Contact {n}")
        for n in range(campaigns)
    )
    made = Campaign.objects.bulk_create(
        Campaign(seeker=seeker, company=companies[n % 500], role=f"Role {n}", contact=contacts[n])
        for n in range(campaigns)
    )
    now = dt.datetime.fromisoformat(NOW).astimezone(dt.UTC)
    # About as long as a real call script, so the answer weighs what a real one does.
    script = "Ask for the decision maker by name; never leave a message. " * 12
    steps = []
    for n, campaign in enumerate(made):
        zone = companies[n % 500].zone
        sent = now - dt.timedelta(days=n % 10 + 1)
        steps += [
            Action(
                seeker=seeker,
                campaign=campaign,
                kind="thank_you",
                due_at=sent,
                zone=zone,
                window="morning",
                status="done",
                basis="after_interview",
                reason="thank them the next business day",
                script=script,
                closed_at=sent,
            ),
            Action(
                seeker=seeker,
                campaign=campaign,
                kind="call",
                due_at=now + dt.timedelta(minutes=15 * n),
                zone=zone,
                window="morning",
                status="planned",
                basis="missed_promise",
                reason="if they have not called by Friday",
                script=script,
            ),
        ]
    Action.objects.bulk_create(steps, batch_size=2000)
    return create_token(user=seeker.user, name="bench")[1]


BENCHES: list[Callable[[Bench], list[Row]]] = [cli_cold_agenda, api_lists]


# -- the data ------------------------------------------------------------------------------------


def fill(data_dir: Path, campaigns: int) -> None:
    """In a child process: an owner and `campaigns` campaigns across 60 companies, each with an
    interview and its promise, logged over the fortnight before NOW."""
    import datetime as dt

    from pursuit import bootstrap

    path = bootstrap.ensure_data_dir(data_dir)
    bootstrap.setup_django(data_dir=path, secret_key=bootstrap.ensure_secret_key(path))
    bootstrap.migrate_if_needed()

    from pursuit.accounts.services import create_seeker
    from pursuit.campaigns import services

    now = dt.datetime.fromisoformat(NOW)
    seeker = create_seeker(email="bench@example.com", name="Bench Seeker", owner=True)
    zones = ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"]
    companies = [
        services.create_company(
            seeker=seeker, name=f"Company {n}", zone=zones[n % 4], local=n % 3 == 0
        )
        for n in range(60)
    ]
    promises = ["We'll call you by Friday", "next week", "in a few days", "by the end of the month"]
    for n in range(campaigns):
        campaign = services.create_campaign(
            seeker=seeker,
            company=companies[n % len(companies)],
            role=f"Role {n}",
            contact_name=f"Contact {n}",
        )
        interviewed = now - dt.timedelta(days=n % 14, hours=n % 5)
        services.log_interview(
            campaign=campaign,
            at=interviewed,
            promise_text=promises[n % len(promises)],
            now=interviewed + dt.timedelta(hours=2),
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="timed runs of each command")
    parser.add_argument("--campaigns", type=int, default=300)
    parser.add_argument("--fill", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--api-child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.api_child:
        api_child(args.api_child)
        return
    if args.fill:
        fill(args.fill, args.campaigns)
        return
    with tempfile.TemporaryDirectory(prefix="pursuit-bench-") as tmp:
        data_dir = Path(tmp) / "data"
        env = child_env(data_dir)
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, __file__, "--fill", str(data_dir), "--campaigns", str(args.campaigns)],
            env=env,
            check=True,
        )
        print(f"data: {args.campaigns} campaigns in {time.perf_counter() - started:.1f} s")
        bench = Bench(data_dir, args.runs, args.campaigns)
        print(f"medians of {args.runs} runs each")
        for run in BENCHES:
            for row in run(bench):
                print(row.line())


if __name__ == "__main__":
    main()
