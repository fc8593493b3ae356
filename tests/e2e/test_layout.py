"""The layout on a phone and at large zoom: the navigation fits from 320 px up, every tap target
in a card is at least 44 × 44 px, the words to say read without sideways scrolling at 200% zoom.
Screenshots at 320, 390 and 1280 px land in tests/e2e/screenshots/.

    uv run pytest -m e2e tests/e2e/test_layout.py
"""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import SHOTS, Seeded, new_context, sign_in

pytestmark = pytest.mark.e2e

DESTINATIONS = {"/", "/campaigns", "/interviews/new", "/documents/", "/settings"}


def _fully_visible(page: Any, selector: str) -> list[str]:
    """The elements matching `selector` that are shown but cut off, covered or off-screen."""
    found: list[str] = page.evaluate(
        """(selector) => {
            const bad = [];
            for (const el of document.querySelectorAll(selector)) {
                const r = el.getBoundingClientRect();
                if (r.width === 0 && r.height === 0) continue;  // not shown at this width
                const inside = r.left >= 0 && r.top >= 0 && r.right <= innerWidth
                    && r.bottom <= innerHeight;
                const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                const clipped = el.scrollWidth > el.clientWidth + 1;
                if (!inside || clipped || !(hit && el.contains(hit))) {
                    const at = `${Math.round(r.left)},${Math.round(r.top)}`;
                    bad.push(`${el.textContent.trim()} at ${at} ${r.width}x${r.height}`);
                }
            }
            return bad;
        }""",
        selector,
    )
    return found


def _shown_links(page: Any, selector: str) -> set[str]:
    hrefs: list[str] = page.evaluate(
        """(selector) => [...document.querySelectorAll(selector)]
            .filter((a) => a.getBoundingClientRect().width > 0)
            .map((a) => new URL(a.href).pathname)""",
        selector,
    )
    return set(hrefs)


@pytest.mark.parametrize("width", [320, 390, 768])
def test_the_navigation_fits_the_screen_from_320_px(
    browser: Any, seeded: Seeded, width: int
) -> None:
    context = new_context(browser, {"width": width, "height": 700})
    page = sign_in(context, seeded.url)
    for path in ("/", "/campaigns", "/documents/", "/settings"):
        page.goto(seeded.url + path)
        scroll = page.evaluate("document.documentElement.scrollWidth")
        assert scroll <= width, f"{path} is {scroll} px wide on a {width} px screen"
        assert _fully_visible(page, "header.top a, header.top nav a") == [], path
        # Every destination is one tap away, whatever the width.
        assert _shown_links(page, "header.top a") >= DESTINATIONS, path
    page.goto(seeded.url + "/")
    page.screenshot(path=SHOTS / f"nav-{width}.png")
    context.close()


def test_every_button_and_link_in_a_card_is_a_44_px_target_on_a_phone(
    browser: Any, seeded: Seeded
) -> None:
    context = new_context(browser, {"width": 390, "height": 844})
    page = sign_in(context, seeded.url)
    for path in ("/", f"/campaigns/{seeded.ids['campaign']}"):
        page.goto(seeded.url + path)
        # Open every reveal, so the buttons inside are measured too.
        page.evaluate("document.querySelectorAll('.card details').forEach(d => d.open = true)")
        small: list[str] = page.evaluate(
            """() => [...document.querySelectorAll(
                    'article.card button, article.card a, article.card summary')]
                .map((el) => [el, el.getBoundingClientRect()])
                .filter(([el, r]) => r.width > 0 && (r.width < 44 || r.height < 44))
                .map(([el, r]) => `${el.textContent.trim()}: ${r.width}x${r.height}`)"""
        )
        count = page.locator("article.card button, article.card a").count()
        assert count > 0, f"{path} shows no card to measure"
        assert small == [], f"{path}: {small}"
    context.close()


def test_the_words_to_say_read_at_200_percent_zoom_without_scrolling_sideways(
    browser: Any, seeded: Seeded
) -> None:
    # 200% zoom on a 1280 px window lays the page out 640 CSS px wide; 400% (WCAG's reflow
    # case) at 320.
    for width in (640, 320):
        context = new_context(browser, {"width": width, "height": 450}, device_scale_factor=2)
        page = sign_in(context, seeded.url)
        words = page.locator("article.card.kind-call:not(.done) details.words").first
        if words.get_attribute("open") is None:
            words.locator("summary").click()
        script = words.locator(".script")
        assert "never leave a message" in script.inner_text()
        scroll = page.evaluate("document.documentElement.scrollWidth")
        assert scroll <= width, f"Today is {scroll} px wide at {width} px"
        box = script.bounding_box()
        assert box is not None
        assert box["x"] >= 0
        assert box["x"] + box["width"] <= width
        page.screenshot(path=SHOTS / f"zoom-{width}-words.png")
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots_of_the_main_pages_at_320_390_and_1280_px(
    browser: Any, seeded: Seeded, scheme: str
) -> None:
    campaign = f"/campaigns/{seeded.ids['campaign']}"
    for width in (320, 390, 1280):
        context = new_context(browser, {"width": width, "height": 900}, color_scheme=scheme)
        page = sign_in(context, seeded.url)
        for name, path in (("today", "/"), ("campaign", campaign), ("campaigns", "/campaigns")):
            page.goto(seeded.url + path)
            assert page.evaluate("document.documentElement.scrollWidth") <= width, path
            page.screenshot(path=SHOTS / f"{name}-{width}-{scheme}.png", full_page=True)
        context.close()
