"""Correcting a slip in a real browser: "No answer" tapped on tomorrow's call.

GIVEN a seeker whose contact agreed to a call tomorrow at 9:00 (set up with the command line),
WHEN they tap "No answer" on it in Today,
THEN Pursuit asks when they called instead of stamping it now; "Not yet" gives the card back;
an earlier time records it; Undo puts the call back as it was; the campaign page lists the
changes. Screenshots at 1280 and 390 px land in tests/e2e/screenshots/.

    uv run pytest -m e2e tests/e2e/test_undo.py
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from .conftest import (
    DESK,
    EMAIL,
    PASSWORD,
    PHONE,
    SHOTS,
    ZONE,
    _clean_env,
    _serve,
    new_context,
    sign_in,
)

pytestmark = pytest.mark.e2e


def _next_weekday(day: dt.date) -> dt.date:
    day += dt.timedelta(days=1)
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def _pursuit(data: Path, *args: str, stdin: str | None = None) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pursuit", *args],
        env=_clean_env(data),
        capture_output=True,
        text=True,
        input=stdin,
        timeout=120,
        start_new_session=True,
    )
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def agreed_call(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server whose seeker has a call agreed for the next weekday at 9:00."""
    data = tmp_path_factory.mktemp("pursuit-undo")
    now = dt.datetime.now(ZoneInfo(ZONE))
    call = dt.datetime.combine(_next_weekday(now.date()), dt.time(9, 0))
    _pursuit(data, "init", "--email", EMAIL, "--name", "Alex Kim", "--tz", ZONE)
    _pursuit(data, "password", stdin=f"{PASSWORD}\n{PASSWORD}\n")
    _pursuit(data, "company", "add", "Acme Tools", "--phone", "212-555-0100")
    _pursuit(data, "campaign", "add", "--company", "Acme Tools", "--role", "Buyer",
             "--contact", "Dana Reyes")  # fmt: skip
    interview = (now - dt.timedelta(hours=2)).replace(tzinfo=None, microsecond=0)
    _pursuit(data, "interview", "log", "1", "--at", interview.isoformat(),
             "--permission", "granted", "--call-at", call.isoformat())  # fmt: skip
    yield from _serve(data)


@pytest.mark.parametrize("viewport", [DESK, PHONE], ids=["1280", "390"])
def test_a_slip_on_tomorrows_call_is_asked_about_and_undone(
    browser: Any, agreed_call: str, viewport: dict[str, int]
) -> None:
    size = viewport["width"]
    context = new_context(browser, viewport)
    page = sign_in(context, agreed_call)
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)

    call = page.locator("article.card.kind-call").first
    call.locator("button", has_text="No answer").click()
    question = call.locator(".outcomes.asked")
    question.wait_for()
    assert "is planned for" in question.inner_text()
    assert "Did you call earlier?" in question.inner_text()
    page.screenshot(path=SHOTS / f"undo-1-asked-{size}.png", full_page=True)

    question.locator("button", has_text="Not yet").click()
    call.locator("button", has_text="No answer").wait_for()
    assert page.locator("article.card.done").count() == 0

    call.locator("button", has_text="No answer").click()
    call.locator(".outcomes.asked").wait_for()
    earlier = dt.datetime.now(ZoneInfo(ZONE)) - dt.timedelta(minutes=20)
    call.locator("input[name=at]").fill(f"{earlier:%Y-%m-%dT%H:%M}")
    call.locator("button", has_text="Record it").click()
    done = page.locator("article.card.done")
    done.wait_for()
    assert "No answer" in done.inner_text()
    page.screenshot(path=SHOTS / f"undo-2-done-{size}.png", full_page=True)

    done.locator("button", has_text="Undo").click()
    back = page.locator("article.card.kind-call").first
    back.locator("button", has_text="No answer").wait_for()
    assert page.locator("article.card.done").count() == 0
    page.screenshot(path=SHOTS / f"undo-3-back-{size}.png", full_page=True)

    page.goto(agreed_call + back.locator("h3 a").get_attribute("href"))
    changes = page.locator("ol.history").inner_text()
    assert "Undid: No answer" in changes and "you, on the web" in changes
    assert page.evaluate("document.documentElement.scrollWidth") <= size
    page.screenshot(path=SHOTS / f"undo-4-campaign-{size}.png", full_page=True)
    context.close()
    assert problems == [], problems
