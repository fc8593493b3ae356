"""A seeker's first morning with Pursuit, in a real browser against `pursuit serve`.

GIVEN a fresh data dir and a server started the way a seeker starts it,
WHEN they create their account, log yesterday's interview ("we'll call you by Wednesday"),
open Today and tap "No answer" on the follow-up call,
THEN the call shows with its words and a tel: link, and the retry takes its place.
Screenshots (desktop and a 390 px phone) land in tests/e2e/screenshots/.

    uv run pytest -m e2e tests/e2e
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

pytestmark = pytest.mark.e2e

SHOTS = Path(__file__).parent / "screenshots"
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
PASSWORD = "a-long-pass-phrase-1"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = _free_port()
    data = tmp_path_factory.mktemp("pursuit-data")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PURSUIT_", "DJANGO_"))}
    process = subprocess.Popen(
        [sys.executable, "-m", "pursuit", "serve", "--port", str(port), "--data-dir", str(data)],
        env=env,
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


def _last_tuesday() -> dt.date:
    """A past Tuesday, so "by Wednesday" has just run out and the call is due right away."""
    today = dt.datetime.now(ZoneInfo(ZONE)).date()
    back = (today.weekday() - 1) % 7 or 7
    return today - dt.timedelta(days=back)


def test_a_first_morning_with_pursuit(server: str) -> None:
    playwright = pytest.importorskip("playwright.sync_api")
    SHOTS.mkdir(exist_ok=True)
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        desk = browser.new_context(
            viewport={"width": 1280, "height": 900}, timezone_id=ZONE, locale="en-US"
        )
        page = desk.new_page()
        problems: list[str] = []
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)

        # First run: every page leads to setup; the zone comes from the browser.
        page.goto(server + "/")
        assert page.url.endswith("/setup")
        assert page.input_value("#id_zone") == ZONE
        page.fill("#id_email", "alex@example.com")
        page.fill("#id_name", "Alex Kim")
        page.fill("#id_password", PASSWORD)
        page.fill("#id_password2", PASSWORD)
        page.screenshot(path=SHOTS / "walk-1-setup.png", full_page=True)
        page.click("text=Create my account")
        page.wait_for_url("**/interviews/new")

        # The interview, with the promise read as it is typed.
        page.fill("#id_company_name", "Acme Tools")
        page.fill("#id_company_phone", "212-555-0100")
        page.fill("#id_role", "Senior Buyer")
        page.fill("#id_contact_name", "Dana Reyes")
        page.fill("#id_contact_title", "Head of Purchasing")
        page.fill("#id_date", _last_tuesday().isoformat())
        page.fill("#id_time", "14:00")
        page.fill("#id_promise", "We'll call you by Wednesday")
        page.wait_for_selector("#reading >> text=“by Wednesday”")
        assert "you'll call" in page.inner_text("#reading")
        page.screenshot(path=SHOTS / "walk-2-interview.png", full_page=True)
        page.click("text=Save and plan the follow-up")
        page.wait_for_url("**/campaigns/*")
        assert "Interview saved" in page.inner_text("main")

        # Today: the follow-up call, its words and a number to tap.
        page.goto(server + "/")
        call = page.locator("article.card.kind-call").first
        assert "Acme Tools" in call.inner_text()
        assert "never leave a message" in call.locator(".script").inner_text()
        assert call.locator("a.tel").get_attribute("href") == "tel:+12125550100"
        page.screenshot(path=SHOTS / "walk-3-today.png", full_page=True)

        # No answer: the card gives way to the retry, with its reason and time.
        call.locator("button", has_text="No answer").click()
        done = page.locator("article.card.done")
        done.wait_for()
        text = done.inner_text()
        assert "No answer" in text
        assert "Next: call" in text
        assert "try again at the" in text
        page.screenshot(path=SHOTS / "walk-4-retry.png", full_page=True)

        # The same account on a phone.
        phone = browser.new_context(
            viewport={"width": 390, "height": 844},
            device_scale_factor=2,
            is_mobile=True,
            has_touch=True,
            timezone_id=ZONE,
            locale="en-US",
        )
        small = phone.new_page()
        small.goto(server + "/login")
        small.fill("#id_username", "alex@example.com")
        small.fill("#id_password", PASSWORD)
        small.click("button.primary")
        small.wait_for_url(server + "/")
        width = small.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, "the page scrolls sideways on a phone"
        small.screenshot(path=SHOTS / "walk-5-phone-today.png", full_page=True)
        small.goto(server + "/campaigns")
        small.screenshot(path=SHOTS / "walk-6-phone-campaigns.png", full_page=True)

        browser.close()
        assert problems == [], problems
