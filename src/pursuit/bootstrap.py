"""The start sequence shared by `pursuit serve` and `pursuit worker`, one step a function.

Django is imported inside the functions: settings are read once, at `setup_django()`, after the
data dir and the secret key exist and are exported for every process that loads them.
"""

from __future__ import annotations

import os
import secrets
import tempfile
from pathlib import Path

SECRET_KEY_FILE = "secret_key"


def data_dir_from(value: str | os.PathLike[str] | None) -> Path:
    """Where a seeker's data lives: the given path, else the per-user data dir."""
    if value:
        return Path(value).expanduser().resolve()
    from platformdirs import user_data_dir

    return Path(user_data_dir("pursuit", appauthor=False))


class StartupError(Exception):
    """Why Pursuit cannot start, in one line a seeker can act on."""


def ensure_data_dir(path: Path) -> Path:
    path = path.expanduser().resolve()
    try:
        # 0700: the data dir holds a seeker's campaigns, contacts and the secret key.
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        # An existing directory can still refuse writes (read-only mount, another owner).
        with tempfile.TemporaryFile(dir=path):
            pass
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise StartupError(f"cannot write to the data dir {path}: {reason}") from error
    return path


def ensure_secret_key(data_dir: Path) -> str:
    """`PURSUIT_SECRET_KEY` if set, else the key kept in the data dir, made on the first run."""
    if key := os.environ.get("PURSUIT_SECRET_KEY", "").strip():
        return key
    path = data_dir / SECRET_KEY_FILE
    if path.exists():
        return path.read_text().strip()
    return _create_secret_key(path)


def _create_secret_key(path: Path) -> str:
    key = secrets.token_urlsafe(50)
    # mkstemp creates the file with mode 0600, so the key is never readable by others.
    fd, draft = tempfile.mkstemp(dir=path.parent, prefix=".secret_key.")
    try:
        with os.fdopen(fd, "w") as file:
            file.write(key + "\n")
        # link() never replaces an existing file: when two commands start at once, both end up
        # with the key that was written first.
        os.link(draft, path)
    except FileExistsError:
        return path.read_text().strip()
    finally:
        os.unlink(draft)
    return key


def setup_django(*, data_dir: Path, secret_key: str) -> None:
    """Load the settings with this data dir and key; server worker processes inherit both."""
    os.environ["PURSUIT_DATA_DIR"] = str(data_dir)
    os.environ["PURSUIT_SECRET_KEY"] = secret_key
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pursuit.settings")

    import django

    django.setup()


def pending_migrations() -> list[str]:
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]


def migrate_if_needed() -> bool:
    """Apply pending migrations quietly; True when there were some."""
    from django.core.management import call_command
    from django.db import OperationalError, connections

    try:
        if not pending_migrations():
            return False
        call_command("migrate", interactive=False, verbosity=0)
        return True
    except OperationalError as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else repr(error)
        raise StartupError(f"cannot use the database: {first_line}") from error
    finally:
        # The server's processes and the worker open their own connections.
        connections.close_all()
