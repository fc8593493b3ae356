"""The interview form's live reading shows the plan the save makes: one planning function
(`planning.plan_interview`) serves both, so what the form promises is what gets planned."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.utils import timezone

from pursuit.accounts.models import Seeker
from pursuit.campaigns import services
from pursuit.campaigns.models import Action, Campaign
from pursuit.method.vocab import ActionKind, ActionStatus
from pursuit.web import preview

from .conftest import new_campaign
from .test_interviews import form

NY = ZoneInfo("America/New_York")


def _today() -> dt.date:
    return timezone.now().astimezone(NY).date()


def _last(weekday: int, weeks_back: int = 0) -> dt.date:
    """The latest `weekday` (0 = Monday) strictly before today, `weeks_back` weeks earlier."""
    today = _today()
    back = (today.weekday() - weekday - 1) % 7 + 1
    return today - dt.timedelta(days=back + 7 * weeks_back)


#: (id, interview day, time, promise, extra form fields)
ROWS = [
    ("logged-after-the-promise-date", lambda: _last(0, 2), "14:00",
     "we'll call you by Wednesday", {}),
    ("logged-before-the-promise-date", lambda: _today() - dt.timedelta(days=1), "11:00",
     "you'll hear from us in two weeks", {}),
    ("interview-on-a-saturday", lambda: _last(5), "10:00", "we'll let you know next week", {}),
    ("interview-on-a-sunday-no-promise", lambda: _last(6), "16:00", "", {}),
    ("no-date-said", lambda: _today() - dt.timedelta(days=1), "15:00", "we'll be in touch", {}),
    ("no-date-said-day-picked", lambda: _today() - dt.timedelta(days=1), "15:00",
     "we'll be in touch", {"call_on": (_today() + dt.timedelta(days=12)).isoformat()}),
    ("interview-ahead", lambda: _today() + dt.timedelta(days=3), "10:00", "", {}),
    ("interview-ahead-with-a-promise", lambda: _today() + dt.timedelta(days=2), "09:30",
     "decision by the end of the month", {}),
]  # fmt: skip


@pytest.fixture
def busy(alice: Seeker) -> Campaign:
    """Another campaign whose calls sit where the new follow-up would go by default."""
    other = new_campaign(alice, "Globex")
    services.log_interview(
        campaign=other, at=timezone.now() - dt.timedelta(days=1), promise_text=""
    )
    return other


@pytest.mark.parametrize(
    ("day", "time", "promise", "extra"),
    [pytest.param(*row[1:], id=row[0]) for row in ROWS],
)
def test_the_live_reading_shows_the_follow_up_the_save_plans(
    alice_client: Client,
    alice: Seeker,
    busy: Campaign,
    day: Callable[[], dt.date],
    time: str,
    promise: str,
    extra: dict[str, str],
) -> None:
    data = form(date=day().isoformat(), time=time, promise=promise) | extra
    reading, ask = preview.preview(data, user=alice.user, seeker=alice)
    assert not reading.problem
    response = alice_client.post("/interviews/new", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    call = Action.objects.get(
        campaign__company__name="Acme Tools", kind=ActionKind.CALL, status=ActionStatus.PLANNED
    )
    assert reading.follow_up_at == call.due_at
    if ask.ahead:
        assert reading.target_day and ask.options


def test_an_ambiguous_promise_previews_each_reading_as_the_save_plans_it(
    alice_client: Client, alice: Seeker
) -> None:
    monday = _last(0, 1)
    data = form(promise="They'll decide next Wednesday", date=monday.isoformat())
    reading, _ = preview.preview(data, user=alice.user, seeker=alice)
    assert [o.value for o in reading.alternatives] == ["1", "2"]
    assert reading.follow_up_at is None  # nothing planned from a guess
    picked, _ = preview.preview(data | {"reading": "2"}, user=alice.user, seeker=alice)
    assert alice_client.post("/interviews/new", data | {"reading": "2"}).status_code == 302
    call = Action.objects.get(kind=ActionKind.CALL, status=ActionStatus.PLANNED)
    assert picked.follow_up_at == call.due_at
    assert [o.checked for o in picked.alternatives] == [False, True]


def test_a_new_london_company_reads_4_12_day_first_in_the_preview_as_in_the_save(
    alice_client: Client, alice: Seeker
) -> None:
    london = {"company_zone": "Europe/London", "company_country": "GB", "company_subdiv": ""}
    data = form(promise="We'll decide by 4/12", date=_last(1).isoformat()) | london
    reading, _ = preview.preview(data, user=alice.user, seeker=alice)
    assert reading.alternatives[0].label.endswith("Dec 4")
    picked, _ = preview.preview(data | {"reading": "1"}, user=alice.user, seeker=alice)
    assert alice_client.post("/interviews/new", data | {"reading": "1"}).status_code == 302
    call = Action.objects.get(kind=ActionKind.CALL, status=ActionStatus.PLANNED)
    assert picked.follow_up_at == call.due_at
    assert Campaign.objects.get().company.locale == "en_GB"
