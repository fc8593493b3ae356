from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from pursuit.bootstrap import data_dir_from
from pursuit.settings import (
    database_from,
    env_bool,
    env_int,
    env_list,
    env_str,
    mailers_from,
)

ROOT = Path(__file__).resolve().parents[1]
VAR = "PURSUIT_TEST_VALUE"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1", True),
        ("true", True),
        ("True", True),
        (" yes ", True),
        ("on", True),
        ("0", False),
        ("false", False),
        ("FALSE", False),
        ("no", False),
        ("off", False),
    ],
)
def test_env_bool_reads_the_usual_spellings(
    monkeypatch: pytest.MonkeyPatch, raw: str, expected: bool
) -> None:
    monkeypatch.setenv(VAR, raw)
    assert env_bool(VAR) is expected


@pytest.mark.parametrize("raw", [None, "", "  "], ids=["unset", "empty", "blank"])
def test_env_bool_falls_back_to_the_default_when_unset_or_blank(
    monkeypatch: pytest.MonkeyPatch, raw: str | None
) -> None:
    if raw is None:
        monkeypatch.delenv(VAR, raising=False)
    else:
        monkeypatch.setenv(VAR, raw)
    assert env_bool(VAR, True) is True
    assert env_bool(VAR, False) is False


def test_env_bool_refuses_a_value_it_cannot_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(VAR, "maybe")
    with pytest.raises(ImproperlyConfigured, match=f"{VAR}='maybe': use true or false"):
        env_bool(VAR)


def test_env_int_reads_a_number_or_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(VAR, raising=False)
    assert env_int(VAR, 587) == 587
    monkeypatch.setenv(VAR, " 25 ")
    assert env_int(VAR, 587) == 25


def test_env_int_refuses_a_value_that_is_not_a_whole_number(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(VAR, "25.5")
    with pytest.raises(ImproperlyConfigured, match="use a whole number"):
        env_int(VAR, 587)


def test_env_str_trims_and_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(VAR, raising=False)
    assert env_str(VAR, "fallback") == "fallback"
    monkeypatch.setenv(VAR, "  smtp.example.org \n")
    assert env_str(VAR) == "smtp.example.org"


def test_env_list_splits_on_commas_and_drops_blanks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(VAR, " pursuit.example.org, ,127.0.0.1,")
    assert env_list(VAR) == ["pursuit.example.org", "127.0.0.1"]
    monkeypatch.delenv(VAR)
    assert env_list(VAR, "127.0.0.1,localhost,[::1]") == ["127.0.0.1", "localhost", "[::1]"]


def test_data_dir_is_the_given_path_made_absolute(tmp_path: Path) -> None:
    assert data_dir_from(str(tmp_path / "a" / ".." / "b")) == tmp_path / "b"


def test_data_dir_defaults_to_the_per_user_data_dir() -> None:
    path = data_dir_from("")
    assert path.is_absolute()
    assert path.name == "pursuit"


def test_database_is_sqlite_in_the_data_dir_with_wal_and_immediate_transactions(
    tmp_path: Path,
) -> None:
    db = database_from("", tmp_path)
    assert db["ENGINE"] == "django.db.backends.sqlite3"
    assert db["NAME"] == tmp_path / "pursuit.sqlite3"
    assert "PRAGMA journal_mode=WAL" in db["OPTIONS"]["init_command"]
    assert "PRAGMA busy_timeout=" in db["OPTIONS"]["init_command"]
    assert db["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


def test_database_url_switches_to_postgresql_with_persistent_connections(
    tmp_path: Path,
) -> None:
    db = database_from("postgres://coach:pw@db.example.org:5433/pursuit", tmp_path)
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["NAME"], db["USER"], db["HOST"], db["PORT"]) == (
        "pursuit",
        "coach",
        "db.example.org",
        5433,
    )
    assert db["CONN_MAX_AGE"] == 600
    assert db["CONN_HEALTH_CHECKS"] is True


def test_email_goes_to_the_outbox_until_a_host_is_set() -> None:
    mailers = mailers_from("", port=587, username="", password="", use_tls=True)
    assert mailers == {"default": {"BACKEND": "pursuit.reminders.mail.OutboxBackend"}}


def test_email_goes_out_by_smtp_once_a_host_is_set() -> None:
    mailer = mailers_from(
        "smtp.example.org", port=465, username="coach", password="pw", use_tls=True
    )["default"]
    assert mailer["BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert mailer["OPTIONS"] == {
        "host": "smtp.example.org",
        "port": 465,
        "use_tls": True,
        "timeout": 30,
        "username": "coach",
        "password": "pw",
    }


def test_importing_the_settings_creates_nothing(tmp_path: Path) -> None:
    data_dir = tmp_path / "not-yet"
    env = {**os.environ, "PURSUIT_DATA_DIR": str(data_dir)}
    env.pop("DATABASE_URL", None)
    code = "import pursuit.settings as s; print(s.DATABASES['default']['NAME'])"
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == str(data_dir / "pursuit.sqlite3")
    assert not data_dir.exists()


def test_every_variable_the_code_reads_is_documented() -> None:
    code = "".join(path.read_text() for path in (ROOT / "src" / "pursuit").rglob("*.py"))
    read = set(re.findall(r"\b(PURSUIT_[A-Z_]+|DATABASE_URL)\b", code))
    documented = set(
        re.findall(r"`(PURSUIT_[A-Z_]+|DATABASE_URL)`", (ROOT / "docs" / "settings.md").read_text())
    )
    assert read - documented == set()
