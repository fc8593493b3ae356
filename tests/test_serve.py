"""The commands as a seeker runs them: a real process, a real port, a fresh data dir."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from pursuit.bootstrap import SECRET_KEY_FILE


def pursuit(*args: str) -> list[str]:
    return [sys.executable, "-m", "pursuit", *args]


def clean_env() -> dict[str, str]:
    """The seeker's default: SQLite in the data dir, a key made on the first run."""
    env = dict(os.environ)
    for name in ("DATABASE_URL", "PURSUIT_SECRET_KEY", "PURSUIT_DATA_DIR", "PURSUIT_PORT"):
        env.pop(name, None)
    return env


@pytest.fixture
def listening() -> Iterator[int]:
    """A loopback port some other program already listens on."""
    with socket.create_server(("127.0.0.1", 0)) as sock:
        yield sock.getsockname()[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def test_it_prints_its_version() -> None:
    out = subprocess.run(pursuit("--version"), capture_output=True, text=True, check=True).stdout
    assert out.startswith("pursuit ")


def test_a_busy_port_stops_it_with_one_line_and_exit_2(listening: int, tmp_path: Path) -> None:
    done = subprocess.run(
        pursuit("serve", "--port", str(listening), "--data-dir", str(tmp_path / "data")),
        capture_output=True,
        text=True,
        env=clean_env(),
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr == f"port {listening} is in use; pass --port with a free one\n"
    assert done.stdout == ""
    assert not (tmp_path / "data").exists()


def test_an_unwritable_data_dir_stops_it_with_one_line_and_exit_2(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    done = subprocess.run(
        pursuit("serve", "--port", str(free_port()), "--data-dir", str(blocker / "data")),
        capture_output=True,
        text=True,
        env=clean_env(),
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr.startswith(f"cannot write to the data dir {blocker / 'data'}: ")
    assert done.stderr.count("\n") == 1


def wait_for_ok(url: str, server: subprocess.Popen[str], seconds: float) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"pursuit serve exited early: {server.communicate()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return str(response.read().decode())
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"no answer from {url} within {seconds:g} s")


def test_it_starts_on_a_fresh_data_dir_answers_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    port = free_port()
    data = tmp_path / "data"
    server = subprocess.Popen(
        pursuit("serve", "--port", str(port), "--data-dir", str(data)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=clean_env(),
    )
    try:
        assert wait_for_ok(f"http://127.0.0.1:{port}/healthz", server, 60) == "ok"
    finally:
        server.send_signal(signal.SIGINT)
        try:
            out, err = server.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.communicate()
            raise
    assert server.returncode == 0, err
    assert f"http://127.0.0.1:{port}/" in out
    assert str(data) in out
    assert (data / SECRET_KEY_FILE).exists()
    assert (data / "pursuit.sqlite3").exists()


def heartbeats(database: Path) -> list[str]:
    try:
        with sqlite3.connect(database) as db:
            return [name for (name,) in db.execute("SELECT name FROM reminders_workerheartbeat")]
    except sqlite3.Error:
        return []


def _ignore_ctrl_c() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


# A shell script starts a command in the background (`cmd &`) with SIGINT ignored, and Python
# then installs no handler of its own: the worker must still stop when sent SIGINT.
@pytest.mark.parametrize("inherited", [None, _ignore_ctrl_c], ids=["foreground", "background"])
def test_the_worker_runs_in_the_foreground_and_stops_on_ctrl_c(
    tmp_path: Path, inherited: Callable[[], None] | None
) -> None:
    database = tmp_path / "data" / "pursuit.sqlite3"
    worker = subprocess.Popen(
        pursuit("worker", "--data-dir", str(tmp_path / "data")),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=clean_env(),
        preexec_fn=inherited,
    )
    try:
        deadline = time.monotonic() + 60
        while not heartbeats(database) and time.monotonic() < deadline:
            assert worker.poll() is None, worker.communicate()
            time.sleep(0.2)
        assert heartbeats(database) == ["worker"]
    finally:
        worker.send_signal(signal.SIGINT)
        try:
            _, err = worker.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.communicate()
            raise
    assert worker.returncode == 0, err
