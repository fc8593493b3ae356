"""The interview form never plans from a guess, seen in a real browser at 1280 and 390 px.

GIVEN a seeker logging yesterday's interview with a London company,
WHEN the interviewer said "we'll be in touch", THEN the form names the check-in day and lets
them change it before saving; WHEN they said "by 4/12", THEN it offers 4 December and April 12
as a choice and plans nothing until one is picked. Screenshots land in tests/e2e/screenshots/.

    uv run pytest -m e2e tests/e2e
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from .conftest import DESK, EMAIL, PASSWORD, PHONE, SHOTS, ZONE, new_context, sign_in

pytestmark = pytest.mark.e2e


def _fill_interview(page: Any, promise: str) -> None:
    page.fill("#id_company_name", "Thames Ltd")
    page.fill("#id_company_zone", "Europe/London")
    page.fill("#id_company_country", "GB")
    page.fill("#id_role", "Senior Buyer")
    page.fill("#id_contact_name", "Dana Reyes")
    yesterday = dt.datetime.now(ZoneInfo(ZONE)).date() - dt.timedelta(days=1)
    page.fill("#id_date", yesterday.isoformat())
    page.fill("#id_time", "14:00")
    page.fill("#id_promise", promise)


def _shoot(page: Any, name: str, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=SHOTS / f"promise-{name}-{width}.png", full_page=True)


def test_the_form_shows_the_default_day_and_the_readings_before_saving(
    browser: Any, server: str
) -> None:
    first = new_context(browser, DESK).new_page()
    first.goto(server + "/setup")
    first.fill("#id_email", EMAIL)
    first.fill("#id_name", "Alex Kim")
    first.fill("#id_password", PASSWORD)
    first.fill("#id_password2", PASSWORD)
    first.click("text=Create my account")
    first.wait_for_url("**/interviews/new")
    first.context.close()
    for viewport in (DESK, PHONE):
        width = viewport["width"]
        view = sign_in(new_context(browser, viewport), server)
        view.goto(server + "/interviews/new")
        _fill_interview(view, "We'll be in touch")
        view.wait_for_selector("#reading >> text=roughly then")
        reading = view.inner_text("#reading")
        assert "No date was said" in reading and "Change it?" in reading
        assert "timeline" not in reading
        assert view.locator("#reading input[name=call_on]").input_value()
        _shoot(view, "default", width)
        view.fill("#id_promise", "We'll decide by 4/12")
        view.wait_for_selector("#reading >> text=Which did they mean?")
        reading = view.inner_text("#reading")
        assert "Fri Dec 4" in reading and "Apr 12" in reading
        assert "nothing is planned from a guess" in reading
        _shoot(view, "ambiguous", width)
        view.context.close()
