"""Correcting a mistake and taking back a deletion, in a real browser against `pursuit serve`.

GIVEN a seeker who logged an interview with the company's name mistyped,
WHEN they fix the name on the campaign page, delete the campaign and restore it from the Trash,
THEN the name is right everywhere and the campaign comes back with its planned steps.
Screenshots at 1280 and 390 px land in tests/e2e/screenshots/.

    uv run pytest -m e2e tests/e2e/test_corrections.py
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from .conftest import DESK, PASSWORD, PHONE, SHOTS, new_context
from .seed import last_tuesday

pytestmark = pytest.mark.e2e


def test_a_mistyped_company_is_fixed_and_a_deleted_campaign_comes_back(
    server: str, browser: Any
) -> None:
    desk = new_context(browser, DESK)
    page = desk.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)

    page.goto(server + "/")
    page.fill("#id_email", "sam@example.com")
    page.fill("#id_name", "Sam Rivera")
    page.fill("#id_password", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.click("text=Create my account")
    page.wait_for_url("**/interviews/new")
    page.fill("#id_company_name", "Acme Tols")
    page.fill("#id_role", "Senior Buyer")
    page.fill("#id_contact_name", "Dana Reyes")
    page.fill("#id_date", last_tuesday(dt.datetime.now(dt.UTC)).isoformat())
    page.fill("#id_time", "14:00")
    page.fill("#id_promise", "We'll call you by Wednesday")
    page.click("text=Save and plan the follow-up")
    page.wait_for_url("**/campaigns/*")
    campaign_url = page.url

    # The typo, fixed where it is shown.
    page.click("#edit-company > summary")
    page.fill("#id_company-name", "Acme Tools")
    page.screenshot(path=SHOTS / "fix-1-company-form.png", full_page=True)
    page.locator("#edit-company button.primary").click()
    page.wait_for_url(campaign_url)
    assert "Saved." in page.inner_text("main")
    assert "Acme Tools" in page.inner_text(".campaign-head")
    # The old spelling stays only in the history, as the change it records.
    assert "Acme Tols" not in page.inner_text(".campaign-head")
    assert all("Acme Tols" not in card for card in page.locator("article.card").all_inner_texts())
    assert "Corrected the company Acme Tols" in page.inner_text("main")

    # Deleted, then restored from the Trash with its planned steps.
    page.click("#delete > summary")
    page.locator("#delete button", has_text="Delete this campaign").click()
    page.wait_for_url("**/trash")
    assert "Senior Buyer at Acme Tools" in page.inner_text("main")
    page.screenshot(path=SHOTS / "fix-2-trash.png", full_page=True)
    page.goto(server + "/campaigns")
    assert "Senior Buyer" not in page.inner_text("main")

    phone = new_context(browser, PHONE, device_scale_factor=2)
    phone.add_cookies(desk.cookies())
    small = phone.new_page()
    small.goto(server + "/trash")
    small.screenshot(path=SHOTS / "fix-3-phone-trash.png", full_page=True)
    small.locator("button", has_text="Restore").first.click()
    small.wait_for_url("**/campaigns/*")
    assert "Restored" in small.inner_text("main")
    small.click("#edit-company > summary")
    small.screenshot(path=SHOTS / "fix-4-phone-campaign.png", full_page=True)

    page.goto(server + "/")
    assert "Acme Tools" in page.inner_text("main")
    page.goto(campaign_url)
    page.click("#edit-company > summary")
    page.screenshot(path=SHOTS / "fix-5-campaign.png", full_page=True)
    assert problems == []
    desk.close()
    phone.close()
