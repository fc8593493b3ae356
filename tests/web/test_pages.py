"""Every page of the site, walked from the URL patterns: each can be reached by a link from
another page, and none shows a time in UTC.

The walk reads the patterns from the root urlconf, so a page added later is walked too. A new
pattern with arguments needs a row to fill them (`ARGS` below); a new page needs a link from
some other page, or a line in `ENTERED_WITHOUT_A_LINK` saying how a seeker gets there.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.contrib.auth.tokens import default_token_generator
from django.db import models
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from pypdf import PdfWriter

from pursuit.accounts.models import Blackout, Seeker
from pursuit.accounts.services import create_seeker, create_token, invite
from pursuit.campaigns import services
from pursuit.campaigns.models import Action, Offer
from pursuit.documents import services as documents
from pursuit.method.vocab import ActionStatus, Outcome
from pursuit.reminders import services as reminders
from pursuit.reminders.mail import unsubscribe_token
from pursuit.reminders.models import OutboxMessage

#: Parts of the site that are not pages for a person: the admin has its own index, the API its
#: own docs page, linked from Settings.
NOT_PAGES = ("admin/", "api/")

#: Pages a seeker reaches without a link on another page, and how.
ENTERED_WITHOUT_A_LINK = {
    "today": "the site's address itself",
    "setup": "the first visit, before any account exists",
    "signup": "the invitation email, or the login page when sign-up is open",
    "password_reset_confirm": "the link in the password-reset email",
    "password_reset_done": "where the password-reset form goes",
    "password_reset_complete": "where the new-password form goes",
    "password_change_done": "where the change-password form goes",
    "reminders:unsubscribe": "the link in every reminder email",
    "documents:applications": "where the tracker upload goes, to match its columns",
}

#: A moment every stored time of the account is set to: 14:37 in UTC, which reads 9:37 AM in
#: New York and 20:07 in Kolkata. Seen anywhere as 14:37 or 2:37 PM, a page printed UTC.
MARK = dt.datetime(2026, 11, 20, 14, 37, tzinfo=dt.UTC)
UTC_READING = re.compile(r"\b(14:37|2:37\s?PM)\b")


def blank_pdf() -> io.BytesIO:
    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    out = io.BytesIO()
    writer.write(out)
    out.seek(0)
    out.name = "cv.pdf"
    return out


@dataclass
class Account:
    seeker: Seeker
    args: dict[str, dict[str, Any]]


def seeded(seeker: Seeker) -> Account:
    """An account with a row of every kind a page shows: a campaign at its visit (with the note
    to print), a won one with its offer, a résumé, a token, an invitation, a day off, a pause
    and a message in the outbox."""
    company = services.create_company(
        seeker=seeker, name="Acme Tools", local=True, phone="+1 212 555 0100"
    )
    visiting = services.create_campaign(
        seeker=seeker, company=company, role="Buyer", contact_name="Dana Reyes"
    )
    now = timezone.now()
    services.log_interview(campaign=visiting, at=now - dt.timedelta(days=2))
    for _ in range(5):
        call = visiting.actions.filter(status=ActionStatus.PLANNED, kind="call").first()
        if call is None:
            break
        services.log_outcome(action=call, outcome=Outcome.NO_ANSWER, at=now, now=now)
    note_step = Action.objects.filter(campaign=visiting, kind="leave_note").first()
    # Today shows the next few business days: bring the printing of the note within them.
    Action.objects.filter(campaign=visiting, kind="leave_note").update(
        due_at=now + dt.timedelta(hours=1)
    )
    won = services.create_campaign(
        seeker=seeker, company=company, role="Lead Buyer", contact_name="Sam Ortiz"
    )
    services.record_offer(campaign=won, written=True, wanted=True, salary="90k")
    offer = Offer.objects.get(campaign=won)
    documents.attach_offer_letter(offer=offer, upload=blank_pdf(), filename="offer.pdf")
    resume = documents.add_resume(seeker=seeker, upload=blank_pdf(), label="Main")
    token, _secret = create_token(user=seeker.user, name="phone")
    invite(by=seeker.user, email=f"friend-{seeker.pk}@example.com")
    blackout = reminders.pause_everything(
        seeker=seeker, start=dt.date(2027, 1, 4), end=dt.date(2027, 1, 5)
    ).pause
    pause = reminders.pause_campaign(
        campaign=visiting, start=dt.date(2027, 2, 1), end=dt.date(2027, 2, 2)
    ).pause
    message = OutboxMessage.objects.create(
        seeker=seeker, to=seeker.user.email, subject="Today: 1 step", body_text="Call Acme."
    )
    feed_token = reminders.settings_for(seeker).feed_token
    step = note_step or visiting.actions.first()
    assert step is not None
    assert isinstance(blackout, Blackout)
    return Account(
        seeker,
        {
            **{
                name: {"pk": visiting.pk}
                for name in (
                    "campaign",
                    "campaign_interview",
                    "campaign_answer",
                    "campaign_check_in",
                    "campaign_inbound",
                    "campaign_offer",
                    "campaign_withdraw",
                    "campaign_close",
                    "campaign_reopen",
                    "campaign_undo",
                )
            },
            **{name: {"pk": visiting.pk} for name in ("campaign_edit", "company_edit")},
            "contact_add": {"pk": visiting.pk},
            # POST only, like the rest of the corrections: a GET is refused before a row is read.
            "interview_edit": {"pk": visiting.pk, "interview_pk": 1},
            "promise_edit": {"pk": visiting.pk, "promise_pk": 1},
            "contact_edit": {"pk": visiting.pk, "contact_pk": 1},
            "offer_edit": {"pk": won.pk, "offer_pk": offer.pk},
            "trash_delete": {"pk": visiting.pk, "kind": "campaign", "item_pk": visiting.pk},
            "trash_restore": {"kind": "campaign", "pk": visiting.pk},
            "documents:note": {"action_id": step.pk},
            "documents:note_pdf": {"action_id": step.pk},
            "documents:offers": {"campaign_id": won.pk},
            "documents:wind_down": {"campaign_id": won.pk},
            "documents:offer_letter": {"offer_id": offer.pk},
            "documents:offer_letter_add": {"offer_id": offer.pk},
            "documents:resume_file": {"pk": resume.pk},
            "documents:resume_delete": {"pk": resume.pk},
            "reminders:outbox_message": {"pk": message.pk},
            "reminders:step_ics": {"pk": step.pk},
            "reminders:end_pause": {"pk": pause.pk},
            "blackout_delete": {"pk": blackout.pk},
            "action_outcome": {"pk": step.pk},
            "action_move": {"pk": step.pk},
            "token_revoke": {"pk": token.pk},
            "user_password": {"pk": seeker.user.pk},
            "reminders:feed": {"token": feed_token},
            "reminders:unsubscribe": {"token": unsubscribe_token(seeker)},
            "documents:applications": {"token": "0" * 32},
            "password_reset_confirm": {
                "uidb64": urlsafe_base64_encode(force_bytes(seeker.user.pk)),
                "token": default_token_generator.make_token(seeker.user),
            },
        },
    )


def mark_every_time() -> None:
    """Every stored moment of every table at MARK, so a time printed in UTC is recognisable."""
    for model in apps.get_models():
        if not model.__module__.startswith("pursuit."):
            continue
        stamps = models.DateTimeField
        fields = [f.name for f in model._meta.concrete_fields if isinstance(f, stamps)]
        if fields:
            model._default_manager.update(**dict.fromkeys(fields, MARK))


def patterns(
    resolver: URLResolver | None = None, prefix: str = "", namespace: str = ""
) -> Iterator[tuple[str, str, URLPattern]]:
    """(name with its namespace, route, pattern) for every pattern of the root urlconf."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from patterns(entry, route, inner)
        else:
            yield f"{namespace}{entry.name}", route, entry


def path_of(name: str, route: str, pattern: URLPattern, account: Account) -> str:
    from django.urls import reverse

    wanted = set(pattern.pattern.regex.groupindex)
    if not wanted:
        return reverse(name)
    kwargs = account.args.get(name)
    assert kwargs is not None and set(kwargs) == wanted, (
        f"{route} ({name}) takes {sorted(wanted)}: add to ARGS in seeded() which row fills them"
    )
    return reverse(name, kwargs=kwargs)


@dataclass
class Walked:
    pages: dict[str, str]  # name -> HTML
    links: dict[str, set[str]]  # name -> names of the pages it links to


def links_in(html: str) -> set[str]:
    found = set()
    for target in re.findall(r'(?:href|action)="([^"#]*)', html):
        path = urlsplit(target).path
        if not path.startswith("/"):
            continue
        try:
            match = resolve(path)
        except Resolver404:
            continue
        found.add(match.view_name)
    return found


def walk(account: Account) -> Walked:
    """GET every pattern as the seeker and as a visitor; an HTML answer is a page."""
    seeker_client, visitor = Client(), Client()
    seeker_client.force_login(account.seeker.user)
    walked = Walked({}, {})
    for name, route, pattern in patterns():
        if route.startswith(NOT_PAGES):
            continue
        path = path_of(name, route, pattern, account)
        for client in (seeker_client, visitor):
            response = client.get(path)
            # A page is a whole document: not a download, not a fragment for htmx.
            if response.status_code != 200 or response.streaming:
                continue
            if not response["Content-Type"].startswith("text/html"):
                continue
            html = response.content.decode()
            if "<html" in html:
                walked.pages[name] = walked.pages.get(name, "") + html
                walked.links.setdefault(name, set()).update(links_in(html))
    return walked


@pytest.fixture
def owner(db: None) -> Seeker:
    return create_seeker(email="alice@example.com", name="Alice Moreau", owner=True)


def test_it_links_every_page_from_another_page(owner: Seeker) -> None:
    walked = walk(seeded(owner))
    linked = {target for name, targets in walked.links.items() for target in targets - {name}}
    unreached = sorted(
        name for name in walked.pages if name not in linked and name not in ENTERED_WITHOUT_A_LINK
    )
    assert not unreached, (
        f"no page links to {unreached}: link each from the page a seeker comes from, or say in "
        "ENTERED_WITHOUT_A_LINK how they get there"
    )


@pytest.mark.parametrize(
    ("origin", "target"),
    [
        ("today", "documents:note"),
        ("today", "documents:note_pdf"),
        ("campaign", "documents:note"),
        ("campaign", "documents:offers"),
        ("settings", "tokens"),
    ],
    ids=lambda name: name.replace(":", "-"),
)
def test_it_links_the_page_from_where_a_seeker_needs_it(
    owner: Seeker, origin: str, target: str
) -> None:
    walked = walk(seeded(owner))
    assert target in walked.links[origin]


@pytest.mark.parametrize(
    ("zone", "locale", "local_time"),
    [
        ("America/New_York", "en_US", "9:37 AM"),
        ("Asia/Kolkata", "en_IN", "20:07"),
    ],
    ids=["new-york-12-hour", "kolkata-24-hour"],
)
def test_it_shows_no_time_in_utc_on_any_page(
    db: None, zone: str, locale: str, local_time: str
) -> None:
    seeker = create_seeker(
        email="far@example.com", name="Ravi Far", zone=zone, locale=locale, owner=True
    )
    account = seeded(seeker)
    mark_every_time()
    walked = walk(account)
    in_utc = {name: UTC_READING.findall(html) for name, html in walked.pages.items()}
    assert not {name: found for name, found in in_utc.items() if found}
    for name in ("reminders:outbox", "reminders:outbox_message", "tokens"):
        assert local_time in walked.pages[name], name
