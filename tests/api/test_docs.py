"""The schema and the docs page: served from here (no CDN), working under the CSP."""

from __future__ import annotations

import re
import shutil

import pytest
from django.test import Client


def test_the_docs_page_loads_its_assets_from_this_server(db: None) -> None:
    response = Client().get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    for asset in re.findall(r"""(?:src|href)="(/static/[^"]+)""", html):
        assert Client().get(asset).status_code == 200, asset


def test_the_docs_page_has_no_inline_script_to_block(db: None) -> None:
    response = Client().get("/api/v1/docs")
    html = response.content.decode()
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    for attributes, body in scripts:
        # External files run under script-src 'self'; the one inline block is JSON data.
        assert "src=" in attributes or 'type="application/json"' in attributes
        assert "src=" in attributes or body.strip().startswith("{")
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]


def test_the_schema_lists_every_resource(db: None) -> None:
    schema = Client().get("/api/v1/openapi.json").json()
    paths = set(schema["paths"])
    assert {
        "/api/v1/companies",
        "/api/v1/companies/{company_id}",
        "/api/v1/campaigns",
        "/api/v1/campaigns/{campaign_id}",
        "/api/v1/campaigns/{campaign_id}/inbound",
        "/api/v1/campaigns/{campaign_id}/check-in",
        "/api/v1/campaigns/{campaign_id}/close",
        "/api/v1/campaigns/{campaign_id}/reopen",
        "/api/v1/campaigns/{campaign_id}/withdraw",
        "/api/v1/campaigns/{campaign_id}/history",
        "/api/v1/campaigns/{campaign_id}/undo",
        "/api/v1/interviews",
        "/api/v1/interviews/{interview_id}",
        "/api/v1/interviews/{interview_id}/answer",
        "/api/v1/actions",
        "/api/v1/actions/{action_id}",
        "/api/v1/actions/{action_id}/outcome",
        "/api/v1/actions/{action_id}/move",
        "/api/v1/agenda",
        "/api/v1/offers",
        "/api/v1/offers/{offer_id}",
        "/api/v1/contacts",
        "/api/v1/contacts/{contact_id}",
        "/api/v1/promises/{promise_id}",
        "/api/v1/trash",
        "/api/v1/trash/{kind}/{item_id}/restore",
    } == paths
    schemes = schema["components"]["securitySchemes"]
    assert {s["type"] for s in schemes.values()} == {"http", "apiKey"}


@pytest.mark.e2e
@pytest.mark.django_db(transaction=True)
def test_the_docs_page_renders_in_a_browser_without_a_policy_violation(live_server: object) -> None:
    playwright = pytest.importorskip("playwright.sync_api")
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.skip("needs Debian's chromium")
    problems: list[str] = []
    outside: list[str] = []
    url = str(live_server)
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page()
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.on("request", lambda r: None if r.url.startswith(url) else outside.append(r.url))
        page.add_init_script(
            "document.addEventListener('securitypolicyviolation',"
            " e => console.error('CSP ' + e.violatedDirective + ' ' + e.blockedURI))"
        )
        schema = page.request.get(url + "/api/v1/openapi.json").json()
        page.goto(url + "/api/v1/docs")
        page.wait_for_selector(".opblock", timeout=20_000)
        operations = page.locator(".opblock").count()
        browser.close()
    # One block per operation of the schema: the page showed all of them.
    assert operations == sum(len(methods) for methods in schema["paths"].values())
    assert operations >= 21
    assert problems == []
    assert outside == []
