"""Real `pursuit worker` processes sharing one database: exactly once, even across a SIGKILL.

The database is made for the test and dropped after it (a file for SQLite; on PostgreSQL a
database of its own, since worker processes cannot see the test database's open transaction).
The PostgreSQL runs need DATABASE_URL to point at a PostgreSQL server, as in CI.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from .conftest import Inbox

SEED = Path(__file__).with_name("seed_due.py")
COUNT = 1000
SERVER_URL = os.environ.get("DATABASE_URL", "")
ON_POSTGRES = SERVER_URL.startswith(("postgres://", "postgresql://"))


@dataclass
class SharedDatabase:
    env: dict[str, str]
    query: Any  # (sql) -> list of rows
    #: How many reminders to seed: the full thousand on PostgreSQL; fewer on a SQLite file,
    #: whose writers queue on one lock, to keep the suite quick on a small machine.
    count: int = COUNT

    def scalar(self, sql: str) -> int:
        return int(self.query(sql)[0][0])


def _base_env(data_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("DATABASE_URL", "PURSUIT_SECRET_KEY", "PURSUIT_EMAIL_HOST"):
        env.pop(name, None)
    env["PURSUIT_DATA_DIR"] = str(data_dir)
    env["PURSUIT_LOG_LEVEL"] = "WARNING"
    return env


@pytest.fixture(params=["sqlite-file", "postgres"])
def shared_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[SharedDatabase]:
    env = _base_env(tmp_path / "data")
    if request.param == "sqlite-file":
        path = tmp_path / "data" / "pursuit.sqlite3"

        def query(sql: str) -> list[tuple[Any, ...]]:
            with sqlite3.connect(path) as conn:
                return conn.execute(sql).fetchall()

        yield SharedDatabase(env, query, count=300)
        return
    if not ON_POSTGRES:
        pytest.skip("needs DATABASE_URL pointing at PostgreSQL")
    import psycopg
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    server = conninfo_to_dict(SERVER_URL)
    name = f"pursuit_workers_{uuid.uuid4().hex[:10]}"
    admin = make_conninfo(**{**server, "dbname": "postgres"})
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    target = make_conninfo(**{**server, "dbname": name})
    env["DATABASE_URL"] = SERVER_URL.rsplit("/", 1)[0] + f"/{name}"

    def pg_query(sql: str) -> list[tuple[Any, ...]]:
        with psycopg.connect(target) as conn:
            return conn.execute(sql).fetchall()  # type: ignore[arg-type]

    try:
        yield SharedDatabase(env, pg_query)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def seed(db: SharedDatabase) -> None:
    done = subprocess.run(
        [sys.executable, str(SEED), str(db.count)],
        env=db.env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.split()[-1]) == db.count


def worker(env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "pursuit", "worker", "--until-idle"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process: subprocess.Popen[str]) -> None:
    _, err = process.communicate(timeout=300)
    assert process.returncode == 0, err


def test_two_workers_send_each_reminder_exactly_once(
    shared_db: SharedDatabase, smtp_server: tuple[int, Inbox]
) -> None:
    port, inbox = smtp_server
    seed(shared_db)
    env = shared_db.env | {
        "PURSUIT_EMAIL_HOST": "127.0.0.1",
        "PURSUIT_EMAIL_PORT": str(port),
        "PURSUIT_EMAIL_USE_TLS": "false",
    }
    first, second = worker(env), worker(env)
    finish(first)
    finish(second)

    received = Counter(m["X-Pursuit-Reminder"] for m in inbox.messages)
    assert len(received) == shared_db.count
    assert set(received.values()) == {1}
    statuses = shared_db.query("SELECT status, count(*) FROM reminders_reminder GROUP BY status")
    assert statuses == [("sent", shared_db.count)]
    # Each row keeps the claim token it was sent under: "host:pid:round".
    tokens = shared_db.query("SELECT claimed_by FROM reminders_reminder")
    senders = {token.rsplit(":", 1)[0] for (token,) in tokens}
    print(f"senders: {Counter(t.rsplit(':', 1)[0] for (t,) in tokens)}")
    assert 1 <= len(senders) <= 2


def test_a_worker_killed_mid_batch_loses_and_doubles_nothing_after_a_restart(
    shared_db: SharedDatabase,
) -> None:
    seed(shared_db)
    victim = worker(shared_db.env)
    deadline = time.monotonic() + 60
    # Mid-batch: some batches committed, and the next one claimed but not yet written.
    while not (
        shared_db.scalar("SELECT count(*) FROM reminders_outboxmessage")
        and shared_db.scalar("SELECT count(*) FROM reminders_reminder WHERE status = 'claimed'")
    ):
        assert time.monotonic() < deadline, "the worker never got going"
        assert victim.poll() is None, victim.communicate()[1]
        time.sleep(0.01)
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    sent_before = shared_db.scalar("SELECT count(*) FROM reminders_outboxmessage")
    held = shared_db.scalar("SELECT count(*) FROM reminders_reminder WHERE status = 'claimed'")
    print(f"killed after {sent_before} sent, holding {held} claimed")
    assert 0 < sent_before < shared_db.count
    assert held > 0

    finish(worker(shared_db.env))

    rows = shared_db.query(
        "SELECT count(*), count(DISTINCT reminder_id) FROM reminders_outboxmessage"
    )
    assert rows == [(shared_db.count, shared_db.count)]
    statuses = shared_db.query("SELECT status, count(*) FROM reminders_reminder GROUP BY status")
    assert statuses == [("sent", shared_db.count)]
