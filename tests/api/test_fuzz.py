"""Schemathesis sends generated requests from the OpenAPI schema, through the whole middleware
stack: no input, however odd, may make the server fail (a 5xx), and every answer must match the
schema."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from pursuit.accounts.models import Seeker
from pursuit.accounts.services import create_token
from pursuit.campaigns import services

from .conftest import next_week


@pytest.fixture
def token(alice: Seeker) -> str:
    """Alice's token, with a campaign in flight so real rows are there to find."""
    import datetime as dt

    company = services.create_company(seeker=alice, name="Acme Tools")
    campaign = services.create_campaign(seeker=alice, company=company, role="Buyer")
    services.log_interview(campaign=campaign, at=dt.datetime.fromisoformat(next_week()))
    return create_token(user=alice.user, name="fuzz")[1]


@pytest.fixture(autouse=True)
def keep_the_test_connection(db: None) -> Iterator[None]:
    # As Django's test client does: a request must not close the connection that holds the
    # test's transaction.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


# The schema is read once, at collection: it needs no database.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", WSGIHandler())


@schema.parametrize()
@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_no_generated_request_makes_the_server_fail(case: Any, token: str) -> None:
    case.call_and_validate(
        headers={"Authorization": f"Bearer {token}"},
        # A request the schema allows may still be refused by the method (reopening an active
        # campaign, moving a step into the past): that is a 400 with a reason, not a fault.
        excluded_checks=[positive_data_acceptance],
    )
