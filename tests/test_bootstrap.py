from __future__ import annotations

import stat
from pathlib import Path

import pytest
from django.core.management import call_command

from pursuit.bootstrap import (
    SECRET_KEY_FILE,
    StartupError,
    ensure_data_dir,
    ensure_secret_key,
    migrate_if_needed,
    pending_migrations,
)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_it_creates_the_data_dir_private_to_the_seeker(tmp_path: Path) -> None:
    path = ensure_data_dir(tmp_path / "home" / "pursuit")
    assert path == tmp_path / "home" / "pursuit"
    assert path.is_dir()
    assert mode(path) == 0o700


def test_it_accepts_an_existing_data_dir(tmp_path: Path) -> None:
    assert ensure_data_dir(tmp_path) == tmp_path


def test_it_explains_in_one_line_when_the_data_dir_cannot_be_written(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    with pytest.raises(StartupError) as error:
        ensure_data_dir(blocker / "pursuit")
    message = str(error.value)
    assert message.startswith(f"cannot write to the data dir {blocker / 'pursuit'}: ")
    assert "\n" not in message


def test_it_keeps_a_new_secret_key_readable_by_the_seeker_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PURSUIT_SECRET_KEY", raising=False)
    key = ensure_secret_key(tmp_path)
    path = tmp_path / SECRET_KEY_FILE
    assert len(key) >= 50
    assert path.read_text().strip() == key
    assert mode(path) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == [SECRET_KEY_FILE]


def test_it_reuses_the_secret_key_on_later_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PURSUIT_SECRET_KEY", raising=False)
    assert ensure_secret_key(tmp_path) == ensure_secret_key(tmp_path)


def test_an_explicit_secret_key_wins_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PURSUIT_SECRET_KEY", "from-the-coach's-vault")
    assert ensure_secret_key(tmp_path) == "from-the-coach's-vault"
    assert not (tmp_path / SECRET_KEY_FILE).exists()


@pytest.mark.django_db(transaction=True)
def test_it_migrates_only_when_migrations_are_pending() -> None:
    assert pending_migrations() == []
    assert migrate_if_needed() is False

    call_command("migrate", "reminders", "zero", verbosity=0)
    assert "reminders.0001_worker_heartbeat" in pending_migrations()
    assert migrate_if_needed() is True
    assert pending_migrations() == []
