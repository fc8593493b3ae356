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
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from .conftest import PASSWORD, SHOTS, ZONE
from .seed import last_tuesday

pytestmark = pytest.mark.e2e


def test_a_first_morning_with_pursuit(browser: Any, server: str) -> None:
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
    page.fill("#id_date", last_tuesday(dt.datetime.now(ZoneInfo(ZONE))).isoformat())
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
    # The words sit folded on a card that is not due yet: read them whether shown or not.
    assert "never leave a message" in (call.locator(".script").text_content() or "")
    assert call.locator("a.tel").get_attribute("href") == "tel:+12125550100"
    page.screenshot(path=SHOTS / "walk-3-today.png", full_page=True)

    # No answer: the card gives way to the retry, with its reason and time.
    call.locator("button", has_text="No answer").click()
    # A call not due yet asks first when it happened (the default: now).
    page.locator("article.card.done, .outcomes.asked").first.wait_for()
    if page.locator(".outcomes.asked").count():
        page.locator(".outcomes.asked button", has_text="Record it").click()
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

    assert problems == [], problems
