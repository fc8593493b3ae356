"""Pages are tested through the whole stack with Django's test client, as alice (and bob)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.test import Client
from django.utils import timezone

from pursuit.accounts.models import Seeker, User
from pursuit.campaigns import services
from pursuit.campaigns.models import Action, Campaign, Company, Contact
from pursuit.method.vocab import ActionKind, ActionStatus, Basis, Window


@pytest.fixture
def alice_owns(alice: Seeker) -> Seeker:
    """Alice as the account made on the first run, so visitors are sent to sign in."""
    User.objects.filter(pk=alice.user_id).update(is_staff=True, is_superuser=True)
    alice.user.refresh_from_db()
    return alice


@pytest.fixture
def alice_client(client: Client, alice: Seeker) -> Client:
    client.force_login(alice.user)
    return client


@pytest.fixture
def bob_client(bob: Seeker) -> Client:
    other = Client()
    other.force_login(bob.user)
    return other


def new_campaign(seeker: Seeker, company: str = "Acme Tools", **company_kw: object) -> Campaign:
    co = services.create_company(
        seeker=seeker,
        name=company,
        phone="212-555-0100",
        **company_kw,  # type: ignore[arg-type]
    )
    return services.create_campaign(
        seeker=seeker,
        company=co,
        role="Senior Buyer",
        contact_name="Dana Reyes",
        contact_title="Head of Purchasing",
        way_through="ask Sam at the front desk",
    )


@pytest.fixture
def acme(alice: Seeker) -> Campaign:
    return new_campaign(alice)


@pytest.fixture
def planned_call(acme: Campaign) -> Action:
    """A follow-up call planned by the service, a few business days from now."""
    now = timezone.now()
    services.log_interview(
        campaign=acme, at=now - dt.timedelta(days=1), promise_text="we'll call you tomorrow"
    )
    return acme.actions.get(kind=ActionKind.CALL, status=ActionStatus.PLANNED)


SeedFn = Callable[[Seeker, int], None]


def seed(seeker: Seeker, campaigns: int, *, steps: int = 10) -> None:
    """Many campaigns at once, each with one planned step in the days ahead and a history of
    finished ones; rows go in with bulk_create so hundreds take a moment."""
    now = timezone.now()
    first = Company.objects.filter(seeker=seeker).count()
    companies = Company.objects.bulk_create(
        Company(seeker=seeker, name=f"Company {i:04d}", phone="+1 212 555 0100")
        for i in range(first, first + campaigns)
    )
    contacts = Contact.objects.bulk_create(
        Contact(seeker=seeker, company=c, name=f"Contact {i}", way_through="direct line")
        for i, c in enumerate(companies)
    )
    rows = Campaign.objects.bulk_create(
        Campaign(seeker=seeker, company=co, contact=ct, role="Buyer")
        for co, ct in zip(companies, contacts, strict=True)
    )
    actions = []
    for i, campaign in enumerate(rows):
        for j in range(steps):
            ahead = j == steps - 1
            due = (
                now + dt.timedelta(hours=3 + (i * 7) % 400)
                if ahead
                else now - dt.timedelta(days=j + 1)
            )
            actions.append(
                Action(
                    seeker=seeker,
                    campaign=campaign,
                    kind=ActionKind.CALL,
                    due_at=due,
                    zone="America/New_York",
                    window=Window.MORNING,
                    status=ActionStatus.PLANNED if ahead else ActionStatus.DONE,
                    basis=Basis.RETRY,
                    reason="no answer: try again at the start of the day",
                    script=f"Call Contact {i} at Company {i:04d}.\nWhen someone answers: …",
                )
            )
    Action.objects.bulk_create(actions, batch_size=500)
