"""Every page of the site, read from the URL patterns and filled in with seed.py's ids, so that a
new page is checked without anyone adding it to a list.

A pattern whose arguments nobody seeded fails the test that asks for the pages: give it values
in `ARGS` (and seed what they point at) or, if it is no page, say why in `NOT_PAGES`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver, reverse

#: Prefixes that are not Pursuit's own pages: Django's admin, and the JSON API (its OpenAPI
#: page is the library's viewer).
ELSEWHERE = ("admin/", "api/")
#: Files, not pages: the browser downloads them.
DOWNLOADS = (".pdf", ".ics", ".zip")
#: The work-search log: a file made from the form on Documents, with that form's fields.
NOT_PAGES = {"documents:worklog"}
#: Reached by a signed-out visitor; every other page is visited signed in.
PUBLIC = {
    "login",
    "signup",
    "setup",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "reminders:unsubscribe",
}


def ARGS(ids: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The arguments of each pattern that takes some, from seed.py's ids."""
    campaign = {"pk": ids["campaign"]}
    return {
        "action_outcome": {"pk": ids["call"]},
        "action_move": {"pk": ids["call"]},
        "campaign": campaign,
        "campaign_interview": campaign,
        "campaign_answer": campaign,
        "campaign_inbound": campaign,
        "campaign_offer": campaign,
        "campaign_withdraw": campaign,
        "campaign_close": campaign,
        "campaign_reopen": {"pk": ids["lost_campaign"]},
        "campaign_undo": campaign,
        "campaign_check_in": campaign,
        "blackout_delete": {"pk": ids["blackout"]},
        "token_revoke": {"pk": ids["token"]},
        "user_password": {"pk": ids["other_user"]},
        "password_reset_confirm": {"uidb64": ids["uidb64"], "token": ids["reset_token"]},
        "documents:resume_delete": {"pk": ids["resume"]},
        "documents:note": {"action_id": ids["note_step"]},
        "documents:offers": {"campaign_id": ids["won_campaign"]},
        "documents:wind_down": {"campaign_id": ids["won_campaign"]},
        "documents:applications": {"token": ids["upload"]},
        "reminders:outbox_message": {"pk": ids["outbox_message"]},
        "reminders:end_pause": {"pk": ids["pause"]},
        "reminders:unsubscribe": {"token": ids["unsubscribe"]},
        "documents:offer_letter_add": {"offer_id": ids["offer"]},
        # Corrections and the Trash answer POST only: a GET is refused before any row is read.
        "campaign_edit": campaign,
        "company_edit": campaign,
        "interview_edit": {**campaign, "interview_pk": 1},
        "promise_edit": {**campaign, "promise_pk": 1},
        "offer_edit": {"pk": ids["won_campaign"], "offer_pk": ids["offer"]},
        "contact_add": campaign,
        "contact_edit": {**campaign, "contact_pk": 1},
        "trash_delete": {**campaign, "kind": "campaign", "item_pk": ids["campaign"]},
        "trash_restore": {"kind": "campaign", "pk": ids["campaign"]},
    }


def MORE(ids: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """Pages that look different in another state: (label, URL name, arguments)."""
    return [
        ("campaign (won)", "campaign", {"pk": ids["won_campaign"]}),
        ("campaign (lost)", "campaign", {"pk": ids["lost_campaign"]}),
        ("campaign (visit)", "campaign", {"pk": ids["local_campaign"]}),
        ("documents:offers (verbal)", "documents:offers", {"campaign_id": ids["verbal_campaign"]}),
    ]


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    public: bool
    #: What the page answers; 405 means POST only, nothing to look at.
    status: int = 200


_ARG = re.compile(r"<(?:\w+:)?(\w+)>")


def _patterns(
    patterns: list[Any], prefix: str = "", namespace: str = ""
) -> Iterator[tuple[str, str]]:
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _patterns(entry.url_patterns, route, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", route


def pages(ids: dict[str, Any]) -> list[Page]:
    """Every route that may be a page, with its arguments filled in; POST-only ones are among
    them (the browser finds they answer GET with 405)."""
    args = ARGS(ids)
    found, missing = [], []
    for name, route in _patterns(get_resolver().url_patterns):
        if route.startswith(ELSEWHERE) or route.endswith(DOWNLOADS) or name in NOT_PAGES:
            continue
        values = args.get(name, {})
        if not set(_ARG.findall(route)) <= values.keys():
            missing.append(name)
            continue
        path = "/" + _ARG.sub(lambda m, v=values: str(v[m.group(1)]), route)
        found.append(Page(name, path, name in PUBLIC))
    assert not missing, f"seed values for {missing} in tests/e2e/pages.py ARGS"
    found += [Page(label, reverse(name, kwargs=kw), False) for label, name, kw in MORE(ids)]
    return [*found, Page("a page that does not exist", "/no-such-page", False, 404)]
