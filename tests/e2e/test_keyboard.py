"""The daily loop with the keyboard alone: sign in, reach a call on Today, open the words, record
"No answer", undo it when the card offers that. Each Tab lands on something with a visible focus
ring that nothing covers; the answer takes the focus and is announced in the live region.

    uv run pytest -m e2e tests/e2e/test_keyboard.py
"""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import DESK, EMAIL, PASSWORD, PHONE, SHOTS, Seeded, new_context
from .test_accessibility import axe_violations, describe

pytestmark = pytest.mark.e2e

#: Why the focused element cannot be seen ("" when it can).
UNSEEN = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return "nothing has the focus";
    const name = `${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 40)}"`;
    const style = getComputedStyle(el);
    const ring = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
    if (!el.matches(":focus-visible") || !ring) return `no focus ring on ${name}`;
    const r = el.getBoundingClientRect();
    const x = Math.min(Math.max(r.left + 4, 0), innerWidth - 1);
    const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
    const hit = document.elementFromPoint(x, y);
    if (!hit || !(el.contains(hit) || hit.contains(el))) return `${name} is covered or off screen`;
    return "";
}"""
#: Whether the element the selector names has the focus.
FOCUSED = "(s) => document.activeElement !== null && document.activeElement.matches(s)"


def tab_to(page: Any, selector: str, limit: int = 150) -> None:
    """Press Tab until `selector` has the focus, checking the focus ring at every stop."""
    if page.evaluate("(s) => document.activeElement.matches(s)", selector):
        return  # there already (a field with autofocus)
    for _ in range(limit):
        before = page.evaluate_handle("document.activeElement")
        page.keyboard.press("Tab")
        # Tab inside a date-and-time field moves between its parts, which the field highlights.
        if not page.evaluate("(el) => el === document.activeElement", before):
            assert page.evaluate(UNSEEN) == ""
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"{limit} presses of Tab never reached {selector}")


@pytest.mark.parametrize("viewport", [DESK, PHONE], ids=["1280", "390"])
def test_the_daily_loop_works_with_the_keyboard_alone(
    browser: Any, seeded: Seeded, viewport: dict[str, int]
) -> None:
    context = new_context(browser, viewport)
    page = context.new_page()
    page.goto(seeded.url + "/login")
    tab_to(page, "#id_username")
    page.keyboard.type(EMAIL)
    tab_to(page, "#id_password")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(seeded.url + "/")

    call = page.locator("article.card.kind-call:not(.done)").first
    card = f"#{call.get_attribute('id')}"
    tab_to(page, f"{card} details.words > summary")
    if page.locator(f"{card} details.words[open]").count() == 0:
        page.keyboard.press("Enter")
    assert "never leave a message" in page.locator(f"{card} .script").inner_text()

    tab_to(page, f"{card} button[value='no_answer']")
    page.keyboard.press("Enter")
    done = page.locator(f"{card}.done")
    asked = page.locator(f"{card} input[name='at']")
    done.or_(asked).wait_for()
    if asked.count():
        # A call not due yet asks when it happened, with the focus on the answer (now); htmx
        # gives the focus as the swap settles, a moment after the field appears.
        page.wait_for_function(FOCUSED, arg=f"{card} [name='at']")
        assert page.evaluate(UNSEEN) == ""
        tab_to(page, f"{card} button.primary[name='outcome']")
        page.keyboard.press("Enter")
    done.wait_for()
    # The button pressed is gone: the answer takes the focus, and is read out.
    page.wait_for_function(FOCUSED, arg=f"{card}.done")
    assert page.evaluate(UNSEEN) == ""
    assert "No answer" in page.locator("#announce").inner_text()
    page.screenshot(path=SHOTS / f"keyboard-{viewport['width']}-answered.png")
    found = axe_violations(page)
    assert found == [], describe(found)

    if page.locator(f"{card} form.undo button").count():
        tab_to(page, f"{card} form.undo button")
        page.keyboard.press("Enter")
        page.locator(f"{card}:not(.done)").wait_for()
        # The call is back, and has the focus the Undo button had.
        page.wait_for_function(FOCUSED, arg=card)
        assert page.evaluate(UNSEEN) == ""
    context.close()
