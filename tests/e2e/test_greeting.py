"""How the contact is greeted, chosen on the campaign page, in a real browser.

GIVEN a seeker who logged an interview with Dana Reyes at a US company,
WHEN they open the people at the company and say to greet her as "Ms. Reyes",
THEN the thank-you draft opens "Dear Ms. Reyes," and the form keeps her choice on the phone.
Screenshots at 1280 and 390 px land in tests/e2e/screenshots/.

    uv run pytest -m e2e tests/e2e/test_greeting.py
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from .conftest import DESK, PASSWORD, PHONE, SHOTS, new_context
from .seed import last_tuesday

pytestmark = pytest.mark.e2e


def test_the_seeker_chooses_how_the_contact_is_greeted(server: str, browser: Any) -> None:
    desk = new_context(browser, DESK)
    page = desk.new_page()
    page.goto(server + "/")
    page.fill("#id_email", "kim@example.com")
    page.fill("#id_name", "Kim Park")
    page.fill("#id_password", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.click("text=Create my account")
    page.wait_for_url("**/interviews/new")
    page.fill("#id_company_name", "Acme Tools")
    page.fill("#id_role", "Senior Buyer")
    page.fill("#id_contact_name", "Dana Reyes")
    page.fill("#id_date", last_tuesday(dt.datetime.now(dt.UTC)).isoformat())
    page.fill("#id_time", "14:00")
    page.fill("#id_promise", "We'll call you by Wednesday")
    page.click("text=Save and plan the follow-up")
    page.wait_for_url("**/campaigns/*")
    campaign_url = page.url

    page.click("#edit-people > summary")
    page.locator("#edit-people details summary", has_text="Dana Reyes").click()
    greet = page.locator("#edit-people input[name$='-address_as']").first
    greet.fill("Ms. Reyes")
    page.screenshot(path=SHOTS / "greet-1-contact-form.png", full_page=True)
    page.locator("#edit-people details[open] button.primary", has_text="Save").first.click()
    page.wait_for_url(campaign_url)
    assert "Saved." in page.inner_text("main")
    assert "Dear Ms. Reyes," in page.inner_text("main")  # the thank-you draft, written again

    phone = new_context(browser, PHONE, device_scale_factor=2)
    phone.add_cookies(desk.cookies())
    small = phone.new_page()
    small.goto(campaign_url)
    small.click("#edit-people > summary")
    small.locator("#edit-people details summary", has_text="Dana Reyes").click()
    small.screenshot(path=SHOTS / "greet-2-phone-contact-form.png", full_page=True)
    assert small.locator("#edit-people input[name$='-address_as']").first.input_value() == (
        "Ms. Reyes"
    )
