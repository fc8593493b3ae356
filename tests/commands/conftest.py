"""Two ways to run `pursuit`: a real process on a temporary data dir (the stories), and in this
process on the test database (the many small cases, fast)."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from pursuit.accounts.models import Seeker
from pursuit.accounts.services import create_seeker
from pursuit.cli import app
from pursuit.commands import run


@dataclass
class Ran:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        assert self.code == 0, self.err
        return json.loads(self.out)


class Pursuit:
    """`pursuit` as a seeker runs it: a fresh process each time, SQLite in `data_dir`, and the
    clock set with PURSUIT_NOW (ISO 8601 with an offset)."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.now = ""

    def __call__(
        self, command: str, stdin: str | None = None, python: tuple[str, ...] | list[str] = ()
    ) -> Ran:
        """`pursuit COMMAND`, the words split as a shell would: `campaign add --role 'A B'`;
        `python` holds options for the interpreter."""
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PURSUIT_", "DATABASE_"))}
        env |= {"PURSUIT_DATA_DIR": str(self.data_dir), "PURSUIT_NOW": self.now}
        # Each process would otherwise compile Django anew: the stories would take minutes.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        done = subprocess.run(
            [sys.executable, *python, "-m", "pursuit", *shlex.split(command)],
            capture_output=True,
            text=True,
            env=env,
            input=stdin,
            timeout=120,
            # No controlling terminal: a hidden prompt reads the answers from stdin.
            start_new_session=True,
        )
        return Ran(done.returncode, done.stdout, done.stderr)


@pytest.fixture
def pursuit(tmp_path: Path) -> Pursuit:
    return Pursuit(tmp_path / "data")


@pytest.fixture
def cli(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> Callable[..., Ran]:
    """`pursuit ARGS` in this process, on the test database; `now=` sets PURSUIT_NOW."""
    # open_db() exports the data dir and key for child processes; keep them to this test.
    monkeypatch.setenv("PURSUIT_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("PURSUIT_SECRET_KEY", "only-for-tests-" + "y" * 40)

    def invoke(*args: str, now: str = "2026-11-19T08:00-05:00") -> Ran:
        monkeypatch.setenv("PURSUIT_NOW", now)
        capsys.readouterr()
        code = run(app, list(args))
        captured = capsys.readouterr()
        return Ran(code, captured.out, captured.err)

    return invoke


@pytest.fixture
def owner(transactional_db: None) -> Seeker:
    return create_seeker(email="sam@example.com", name="Sam Lee", owner=True)
