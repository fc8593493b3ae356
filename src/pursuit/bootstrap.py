"""The start sequence shared by `pursuit serve` and `pursuit worker`, one step a function.

Django is imported inside the functions: settings are read once, at `setup_django()`, after the
data dir and the secret key exist and are exported for every process that loads them.
"""

from __future__ import annotations

import atexit
import json
import os
import secrets
import tempfile
from pathlib import Path

SECRET_KEY_FILE = "secret_key"
HOLIDAYS_FILE = "holidays.json"


def data_dir_from(value: str | os.PathLike[str] | None) -> Path:
    """Where a seeker's data lives: the given path, else the per-user data dir."""
    if value:
        return Path(value).expanduser().resolve()
    from platformdirs import user_data_dir

    return Path(user_data_dir("pursuit", appauthor=False))


#: Files the product creates are the seeker's alone (0600, directories 0700): the database holds
#: sessions and password hashes, and an existing data dir does not make it private by itself.
PRIVATE_UMASK = 0o077


def keep_files_private() -> None:
    """Every file created from here on, by this process and those it starts (the database, its
    WAL and SHM files, uploads, exports), is readable by its owner only."""
    os.umask(PRIVATE_UMASK)


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


def remember_holidays(data_dir: Path) -> None:
    """Start from the public holidays earlier commands looked up, and keep any new ones when this
    process ends: a short command then never imports the `holidays` package, which costs more
    than the rest of its work. The file is dropped when `holidays` is upgraded."""
    from pursuit.method import calendar

    path = data_dir / HOLIDAYS_FILE
    stamp = _holidays_stamp()
    try:
        saved = json.loads(path.read_text())
        if saved.get("stamp") == stamp:
            calendar.learn_holidays(saved)
    except (OSError, ValueError, KeyError, TypeError):
        pass  # missing or unreadable: it is only a cache, rebuilt as days are looked up
    if path not in _KEEPING:  # a process that opens the data dir again (a test) saves it once
        _KEEPING.add(path)
        atexit.register(_keep_holidays, path, stamp, calendar.known_holidays())


_KEEPING: set[Path] = set()


def _holidays_stamp() -> str:
    from importlib.util import find_spec

    spec = find_spec("holidays")
    origin = spec.origin if spec and spec.origin else ""
    return f"{origin}@{os.stat(origin).st_mtime_ns}" if origin else ""


def _keep_holidays(path: Path, stamp: str, before: dict[str, object]) -> None:
    from pursuit.method import calendar

    known = calendar.known_holidays()
    if known == before:
        return
    try:
        fd, draft = tempfile.mkstemp(dir=path.parent, prefix=".holidays.")
        with os.fdopen(fd, "w") as file:
            json.dump({"stamp": stamp, **known}, file)
        os.replace(draft, path)
    except OSError:
        pass  # a read-only data dir: the next command looks the days up again


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


def migrations_on_record() -> bool:
    """True when every migration file of every app is recorded as applied: the quick answer of a
    short command (a listing and one query, where loading the migration graph costs more than
    the command's own work). False sends the caller to the full check."""
    import pkgutil
    from importlib.util import find_spec

    from django.apps import apps
    from django.conf import settings
    from django.db import DatabaseError, connection

    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT app, name FROM django_migrations")
            applied = set(cursor.fetchall())
    except DatabaseError:
        return False  # no table yet: a new database
    for config in apps.get_app_configs():
        # Where Django's MigrationLoader looks, and the module names it takes as migrations.
        module = settings.MIGRATION_MODULES.get(config.label, f"{config.name}.migrations")
        try:
            spec = find_spec(module) if module else None
        except ModuleNotFoundError:
            spec = None
        if spec is None or not spec.submodule_search_locations:
            continue
        for found in pkgutil.iter_modules(spec.submodule_search_locations):
            named = not found.ispkg and found.name[0] not in "_~"
            if named and (config.label, found.name) not in applied:
                return False
    return True


def migrate_if_needed() -> bool:
    """Apply pending migrations quietly; True when there were some."""
    from django.core.management import call_command
    from django.db import OperationalError, connections

    try:
        if migrations_on_record() or not pending_migrations():
            return False
        call_command("migrate", interactive=False, verbosity=0)
        return True
    except OperationalError as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else repr(error)
        raise StartupError(f"cannot use the database: {first_line}") from error
    finally:
        # The server's processes and the worker open their own connections.
        connections.close_all()
