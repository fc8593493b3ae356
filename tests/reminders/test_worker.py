from __future__ import annotations

import os
import signal
import sqlite3
import threading
import time

import pytest

from pursuit.reminders.models import WorkerHeartbeat
from pursuit.reminders.worker import BEAT_EVERY, Worker


@pytest.mark.django_db
def test_it_records_a_heartbeat_on_the_first_round() -> None:
    assert Worker("alice-laptop").run_once() is True
    beat = WorkerHeartbeat.objects.get(name="alice-laptop")
    assert beat.pid == os.getpid()
    assert beat.host


@pytest.mark.django_db
def test_it_beats_at_most_once_a_period() -> None:
    worker = Worker()
    assert worker.heartbeat() is True
    assert worker.heartbeat() is False

    stale = WorkerHeartbeat.objects.get(name="worker").last_beat - BEAT_EVERY
    WorkerHeartbeat.objects.update(last_beat=stale)
    assert worker.heartbeat() is True
    assert WorkerHeartbeat.objects.get().last_beat > stale


@pytest.mark.django_db
def test_a_round_reports_work_when_any_job_did_some() -> None:
    worker = Worker(jobs=[lambda: False, lambda: True])
    worker.heartbeat()
    assert worker.run_once() is True
    assert Worker(jobs=[lambda: False]).run_once() is False


@pytest.mark.django_db
def test_a_failing_job_does_not_stop_the_jobs_after_it() -> None:
    ran: list[str] = []

    def broken() -> bool:
        raise RuntimeError("boom")

    def reminders() -> bool:
        ran.append("reminders")
        return False

    Worker(jobs=[broken, reminders]).run_once()
    assert ran == ["reminders"]


@pytest.mark.django_db(transaction=True)
def test_the_loop_ends_once_stop_is_set() -> None:
    worker = Worker()
    rounds: list[int] = []

    def stop_after_two_rounds() -> bool:
        rounds.append(1)
        if len(rounds) == 2:
            worker.stop.set()
        return False

    worker.jobs.append(stop_after_two_rounds)
    worker.run_forever()
    assert len(rounds) == 2
    assert WorkerHeartbeat.objects.filter(name="worker").exists()


# Transactional: between rounds the loop drops connections, as it does between requests.
@pytest.mark.django_db(transaction=True)
def test_until_idle_stops_when_a_round_finds_nothing_to_do() -> None:
    work = [True, True, False]
    worker = Worker(jobs=[lambda: work.pop(0)])
    assert worker.run_until_idle() == 3


@pytest.mark.django_db(transaction=True)
def test_until_idle_tries_again_after_a_round_that_failed(monkeypatch: pytest.MonkeyPatch) -> None:
    outcomes: list[bool | Exception] = [RuntimeError("database is locked"), True, False]

    def flaky() -> bool:
        outcome = outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    worker = Worker(jobs=[flaky])
    monkeypatch.setattr(worker.stop, "wait", lambda seconds: False)
    worker.heartbeat()
    assert worker.run_until_idle() == 3
    assert outcomes == []


@pytest.mark.django_db(transaction=True)
def test_a_ctrl_c_that_sqlite_swallows_still_stops_the_foreground_loop() -> None:
    """sqlite3 turns an exception raised inside a Python SQL function (Django's `__date` lookups
    run one) into an OperationalError: a Ctrl-C landing there reached the loop as an ordinary
    job failure, and the loop went on."""
    worker = Worker()
    rounds: list[int] = []

    def ctrl_c_inside_a_sql_function() -> bool:
        rounds.append(1)
        if len(rounds) == 3:  # the loop missed the signal: end the test instead of hanging
            worker.stop.set()
        db = sqlite3.connect(":memory:")

        def interrupted() -> int:
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(5)  # the handler runs, and raises, in here
            return 1

        db.create_function("interrupted", 0, interrupted)
        db.execute("SELECT interrupted()")
        return True

    worker.jobs.append(ctrl_c_inside_a_sql_function)
    # Whatever Ctrl-C did before (a shell that starts the suite in the background ignores it),
    # the loop hands it back unchanged.
    before = signal.getsignal(signal.SIGINT)
    worker.run_in_foreground()
    assert len(rounds) == 1
    assert signal.getsignal(signal.SIGINT) is before


@pytest.mark.django_db(transaction=True)
def test_sigterm_stops_the_foreground_loop_while_it_sleeps() -> None:
    worker = Worker()
    worker.heartbeat()  # so the first round finds nothing to do and the loop goes to sleep
    rounds: list[int] = []

    def idle() -> bool:
        rounds.append(1)
        if len(rounds) == 2:  # the signal did not end the sleep: end the test instead
            worker.stop.set()
        return False

    worker.jobs.append(idle)
    terminate = threading.Timer(0.5, os.kill, (os.getpid(), signal.SIGTERM))
    terminate.start()
    try:
        worker.run_in_foreground()
    finally:
        terminate.cancel()
    assert rounds == [1]


def test_beside_the_server_it_logs_itself_as_a_thread_not_a_process(
    caplog: pytest.LogCaptureFixture,
) -> None:
    worker = Worker()
    worker.stop.set()  # the loop logs its start and its stop, and runs no round
    with caplog.at_level("INFO", logger="pursuit.reminders.worker"):
        worker.start_thread().join(timeout=60)
    started = caplog.messages[0]
    assert started == "background worker 'worker' started as a thread of the server"
    assert "pid" not in " ".join(caplog.messages)
