"""Every test runs with a throwaway data dir and secret key, never a seeker's real ones.

pytest-django loads the settings before this file is read, so the test values are laid over them
for the whole session. A database test asks for it: the `db` fixture, or
`@pytest.mark.django_db(transaction=True)` when the code under test commits or opens threads.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings

from pursuit.accounts.models import Seeker
from pursuit.accounts.services import create_seeker

# Set for good rather than overridden: Django refuses to read an empty key even to restore it.
settings.SECRET_KEY = "only-for-tests-" + "x" * 40
# A real password hash takes about a second on a busy machine, and alice and bob sign up in most
# tests; the tests are about what happens after.
settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session", autouse=True)
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("data")
    with (
        pytest.MonkeyPatch.context() as env,
        override_settings(DATA_DIR=path, MEDIA_ROOT=path / "files"),
    ):
        env.setenv("PURSUIT_DATA_DIR", str(path))
        env.delenv("PURSUIT_SECRET_KEY", raising=False)
        yield path


@pytest.fixture
def alice(db: None) -> Seeker:
    return create_seeker(email="alice@example.com", password="pw-alice-1", name="Alice Moreau")


@pytest.fixture
def bob(db: None) -> Seeker:
    return create_seeker(email="bob@example.com", password="pw-bob-1", name="Bob Okafor")
