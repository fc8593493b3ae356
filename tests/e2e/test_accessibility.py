"""WCAG 2.2 A and AA, checked by the axe-core engine on every page of the site (pages.py), in
light and dark, on a phone and a desktop. The counts per page print with the test, pass or fail.

    uv run pytest -m e2e tests/e2e/test_accessibility.py
"""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import DESK, PHONE, Seeded, new_context, sign_in
from .pages import Page, pages

pytestmark = pytest.mark.e2e

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SCHEMES = ("light", "dark")
VIEWPORTS = {"390": PHONE, "1280": DESK}


def axe_violations(page: Any) -> list[dict[str, Any]]:
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]}
    return list(Axe().run(page, options=options).response["violations"])


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        node = v["nodes"][0]
        why = (node["failureSummary"] or "").strip().splitlines()[-1:]
        lines.append(
            f"  {v['id']} ({v['impact']}, {len(v['nodes'])}×): {v['help']}\n"
            f"    {node['target']} {node['html'][:160]}\n"
            f"    {''.join(why).strip()}"
        )
    return "\n".join(lines)


def not_a_page(answer: Any) -> str:
    """Why a URL has no page to check ("" when it has one): it takes only POST, or it answers
    with something other than a whole HTML page (a part of one, or plain text)."""
    if answer.status == 405:
        return "POST"
    if not answer.headers.get("content-type", "").startswith("text/html"):
        return "not HTML"
    if not answer.text().lstrip().lower().startswith("<!doctype html"):
        return "a part"
    return ""


def test_every_page_has_no_wcag_a_or_aa_violations(
    browser: Any, seeded: Seeded, capsys: pytest.CaptureFixture[str]
) -> None:
    every = pages(seeded.ids)
    counts: dict[str, dict[str, int | str]] = {p.name: {} for p in every}
    problems: list[str] = []

    skipped: dict[str, str] = {}

    def check(context: Any, some: list[Page], combo: str) -> None:
        page = context.new_page()
        for target in some:
            if target.name not in skipped:
                skipped[target.name] = not_a_page(context.request.get(seeded.url + target.path))
            if skipped[target.name]:
                counts[target.name][combo] = skipped[target.name]
                continue
            response = page.goto(seeded.url + target.path)
            assert response is not None
            # The page asked for, or a refusal page in the layout (sign-up closed).
            allowed = {target.status, 403} if target.status == 200 else {target.status}
            assert response.status in allowed, f"{target.path} answered {response.status}"
            found = axe_violations(page)
            counts[target.name][combo] = sum(len(v["nodes"]) for v in found)
            if found:
                problems.append(f"{target.path} ({combo}):\n{describe(found)}")
        page.close()

    # Signed out first: signing in changes what the password-reset link is made from.
    for signed_in in (False, True):
        some = [p for p in every if p.public != signed_in]
        for scheme in SCHEMES:
            for width, viewport in VIEWPORTS.items():
                context = new_context(browser, viewport, color_scheme=scheme)
                if signed_in:
                    sign_in(context, seeded.url).close()
                check(context, some, f"{scheme}/{width}")
                context.close()

    with capsys.disabled():
        print("\naxe violations (nodes) per page, WCAG 2.2 A+AA:")
        for page in every:
            row = "  ".join(f"{combo} {n}" for combo, n in counts[page.name].items())
            print(f"  {page.name:32} {page.path:48} {row}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_promise_reading_htmx_swaps_in_has_no_violations(
    browser: Any, seeded: Seeded, scheme: str
) -> None:
    """The reading is a part of the interview form, answered as the promise is typed."""
    context = new_context(browser, PHONE, color_scheme=scheme)
    page = sign_in(context, seeded.url)
    page.goto(seeded.url + "/interviews/new")
    page.fill("#id_promise", "We'll call you by Wednesday")
    page.wait_for_selector("#reading >> text=“by Wednesday”")
    found = axe_violations(page)
    assert found == [], describe(found)
    context.close()
