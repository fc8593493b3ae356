"""The browser tests' servers: `pursuit serve` started as a seeker starts it, on a fresh data dir
(`server`) or on one filled by seed.py with a campaign in every state (`seeded`), and one
headless Chromium for the session."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

SHOTS = Path(__file__).parent / "screenshots"
SEED = Path(__file__).parent / "seed.py"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ZONE = "America/New_York"
EMAIL = "alex@example.com"
PASSWORD = "a-long-pass-phrase-1"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _clean_env(data: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PURSUIT_", "DJANGO_"))}
    env.pop("DATABASE_URL", None)
    return env | {"PURSUIT_DATA_DIR": str(data)}


def _serve(data: Path) -> Iterator[str]:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "pursuit", "serve", "--port", str(port)],
        env=_clean_env(data),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, process)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def _wait_until_up(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = process.stdout.read().decode() if process.stdout else ""
            pytest.fail(f"pursuit serve stopped:\n{output}")
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    pytest.fail("pursuit serve did not answer within a minute")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server on a fresh data dir: its first page makes the account."""
    yield from _serve(tmp_path_factory.mktemp("pursuit-data"))


@dataclass(frozen=True)
class Seeded:
    url: str
    ids: dict[str, Any]


@pytest.fixture(scope="session")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seeded]:
    """A server whose seeker (EMAIL, PASSWORD) has campaigns in every state (seed.py)."""
    data = tmp_path_factory.mktemp("pursuit-seeded")
    done = subprocess.run(
        [sys.executable, str(SEED), PASSWORD],
        env=_clean_env(data),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    ids = json.loads(done.stdout.strip().splitlines()[-1])
    for url in _serve(data):
        yield Seeded(url, ids)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    playwright = pytest.importorskip("playwright.sync_api")
    SHOTS.mkdir(exist_ok=True)
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


PHONE = {"width": 390, "height": 844}
DESK = {"width": 1280, "height": 900}


def new_context(browser: Any, viewport: dict[str, int], **options: Any) -> Any:
    """A page's context as a seeker has it: their zone and language; a phone gets touch."""
    phone = viewport["width"] < 800
    return browser.new_context(
        viewport=viewport,
        timezone_id=ZONE,
        locale="en-US",
        is_mobile=phone,
        has_touch=phone,
        **options,
    )


def sign_in(context: Any, url: str) -> Any:
    page = context.new_page()
    page.goto(url + "/login")
    page.fill("#id_username", EMAIL)
    page.fill("#id_password", PASSWORD)
    page.click("button.primary")
    page.wait_for_url(url + "/")
    return page
