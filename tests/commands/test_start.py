"""What a short command skips at start (the `holidays` import and the migration graph), and the
files it leaves behind."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import stat
from contextlib import closing
from pathlib import Path

import pytest
from django.db import connection

from pursuit import bootstrap
from pursuit.method import calendar
from pursuit.method.calendar import BusinessCalendar

from .conftest import Pursuit


def test_holidays_learned_from_an_earlier_process_are_used(monkeypatch: pytest.MonkeyPatch) -> None:
    # A made-up holiday proves the learned days are read instead of the `holidays` package.
    monkeypatch.setattr(calendar, "_PUBLIC_HOLIDAYS", {})
    calendar.learn_holidays({"public": {"US|NY|2031": ["2031-01-07"]}})
    cal = BusinessCalendar(zone="America/New_York", country="US", subdiv="NY")
    assert not cal.is_business_day(dt.date(2031, 1, 7))
    assert calendar.known_holidays()["public"] == {"US|NY|2031": ["2031-01-07"]}


def test_the_second_command_does_not_import_holidays(pursuit: Pursuit) -> None:
    pursuit.now = "2026-11-23T08:00-05:00"
    assert pursuit("init --email sam@example.com").code == 0
    assert pursuit("agenda --json").json() == []
    saved = json.loads((pursuit.data_dir / bootstrap.HOLIDAYS_FILE).read_text())
    assert "US||2026" in saved["public"]

    ran = pursuit("agenda --json", python=["-X", "importtime"])
    assert ran.code == 0
    imported = {line.split("|")[-1].strip() for line in ran.err.splitlines()}
    assert "holidays" not in imported
    assert "django.db.migrations.loader" not in imported


def test_migrations_on_record_is_false_when_one_is_missing(db: None) -> None:
    assert bootstrap.migrations_on_record()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM django_migrations WHERE app = 'campaigns'")
    assert not bootstrap.migrations_on_record()


def test_it_keeps_the_database_private_in_a_data_dir_that_already_exists(
    pursuit: Pursuit,
) -> None:
    pursuit.data_dir.mkdir(mode=0o755)
    pursuit.data_dir.chmod(0o755)
    loose = os.umask(0o022)  # the usual umask: files 0644 unless Pursuit closes them
    try:
        done = pursuit("init --email sam@example.com")
        assert done.code == 0, done.err
        database = pursuit.data_dir / "pursuit.sqlite3"
        assert mode(database) == 0o600
        # SQLite gives the WAL and SHM files the database's own mode.
        with closing(sqlite3.connect(database)) as connection:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("CREATE TABLE probe (id INTEGER)")
            assert mode(Path(f"{database}-wal")) == 0o600
            assert mode(Path(f"{database}-shm")) == 0o600
        written = pursuit.data_dir / "export.zip"
        assert pursuit(f"export -o {written}").code == 0
        assert mode(written) == 0o600
    finally:
        os.umask(loose)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)
