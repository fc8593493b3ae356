"""The background loop: runs each job in turn and sleeps when none of them found work.

A job is a function that returns True when it did something, so the loop goes straight on to
the next round while work remains. Tests call `run_once()`, `run_until_idle()` or a job itself;
nothing here sleeps unless `run_forever()` runs. `pursuit serve` runs the loop in a daemon thread,
`pursuit worker` in the foreground; both with the reminder jobs of `reminders.jobs`.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import signal
import socket
import threading
from collections.abc import Callable, Sequence
from types import FrameType

from django.db import close_old_connections
from django.utils import timezone

from pursuit.reminders.models import WorkerHeartbeat

Job = Callable[[], bool]

logger = logging.getLogger(__name__)

IDLE_SECONDS = 5.0
#: How many failed rounds in a row `run_until_idle` retries before it stops.
RETRIES_WHEN_IDLE = 3
BEAT_EVERY = dt.timedelta(seconds=30)


class Worker:
    def __init__(self, name: str = "worker", *, jobs: Sequence[Job] = ()) -> None:
        self.name = name
        self.jobs: list[Job] = [self.heartbeat, *jobs]
        self.stop = threading.Event()
        # Set by a signal handler, where Event.set() could deadlock on the event's own lock.
        self.signalled = False
        self.failures = 0

    @property
    def stopping(self) -> bool:
        return self.signalled or self.stop.is_set()

    def heartbeat(self) -> bool:
        """Record that this loop is alive, at most once every BEAT_EVERY."""
        now = timezone.now()
        alive = {"pid": os.getpid(), "host": socket.gethostname(), "last_beat": now}
        # A conditional UPDATE, so two loops with one name never both write in the same period.
        stale = WorkerHeartbeat.objects.filter(name=self.name, last_beat__lte=now - BEAT_EVERY)
        if stale.update(**alive):
            return True
        _, created = WorkerHeartbeat.objects.get_or_create(name=self.name, defaults=alive)
        return created

    def run_once(self) -> bool:
        """Run every job once; True when any did work. `failures` counts the jobs that raised."""
        did_work = False
        self.failures = 0
        for job in self.jobs:
            if self.stopping:
                break
            try:
                did_work = job() or did_work
            except Exception:
                # One broken job must not stop the others, reminders above all.
                self.failures += 1
                logger.exception("worker job %s failed", getattr(job, "__name__", job))
        return did_work

    def run_forever(self) -> None:
        if threading.current_thread() is threading.main_thread():
            logger.info("background worker %r started (pid %d)", self.name, os.getpid())
        else:  # `pursuit serve` runs it beside the server, in the server's own process
            logger.info("background worker %r started as a thread of the server", self.name)
        while not self.stopping:
            did_work = self.run_once()
            # What a request's end does for views: drop connections that broke or grew too old.
            close_old_connections()
            if not did_work and not self.stopping:
                self.stop.wait(IDLE_SECONDS)
        logger.info("background worker %r stopped", self.name)

    def run_in_foreground(self) -> None:
        """The loop in the main thread until Ctrl-C or SIGTERM, for `pursuit worker`.

        A KeyboardInterrupt alone is not enough to stop it: raised while SQLite runs one of
        Django's Python SQL functions (a `__date` lookup), sqlite3 turns it into an
        OperationalError, which reaches `run_once` as an ordinary job failure, and the loop went
        on as if the signal had never come. So the handler also records the signal, and the loop
        stops at the next job whatever became of the exception."""

        def interrupt(signum: int, frame: FrameType | None) -> None:
            self.signalled = True
            # Cuts a wait short: the idle sleep, a busy database, a slow mail server.
            raise KeyboardInterrupt

        previous = {sig: signal.signal(sig, interrupt) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            self.run_forever()
        except KeyboardInterrupt:
            logger.info("background worker %r stopped", self.name)
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    def run_until_idle(self, max_rounds: int = 1_000_000) -> int:
        """Rounds until one finds nothing to do, then return how many ran: a bounded run for
        tests and for a scheduler that starts the worker now and then."""
        rounds = retries = 0
        while rounds < max_rounds and not self.stopping:
            rounds += 1
            if self.run_once():
                retries = 0
            elif self.failures and retries < RETRIES_WHEN_IDLE:
                # A round that failed (a database busy for longer than its timeout, say) is not
                # a round with nothing to do: try again a few times before calling it idle.
                retries += 1
                self.stop.wait(retries)
            else:
                break
            close_old_connections()
        return rounds

    def start_thread(self) -> threading.Thread:
        # A daemon thread: Ctrl-C on the server must not wait for a sleeping loop.
        thread = threading.Thread(target=self.run_forever, name=f"pursuit-{self.name}", daemon=True)
        thread.start()
        return thread
