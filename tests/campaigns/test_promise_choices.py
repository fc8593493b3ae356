"""Never plan from a guess (METHOD §5.2): an ambiguous promise waits for its reading, a default
reading is flagged and its check-in day can be chosen; numbers read in the company's locale."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from pursuit.accounts.models import Seeker
from pursuit.campaigns import services
from pursuit.campaigns.models import Action, Campaign, Company, Promise
from pursuit.errors import ServiceError
from pursuit.method.vocab import ActionKind, ActionStatus, Basis

from .conftest import make_campaign

NY = ZoneInfo("America/New_York")
LONDON = ZoneInfo("Europe/London")
#: Monday, November 16, 2026, after the interview.
NOW = dt.datetime(2026, 11, 16, 17, 0, tzinfo=NY)


def call(campaign: Campaign) -> Action:
    return campaign.actions.get(kind=ActionKind.CALL, status=ActionStatus.PLANNED)


def log(campaign: Campaign, promise: str, **kw: object) -> services.Result:
    return services.log_interview(
        campaign=campaign,
        at=dt.datetime(2026, 11, 16, 15, 0),
        promise_text=promise,
        now=NOW,
        **kw,  # type: ignore[arg-type]
    )


def test_an_ambiguous_promise_is_refused_until_a_reading_is_picked(acme: Campaign) -> None:
    with pytest.raises(ServiceError) as refused:
        log(acme, "We'll decide next Wednesday")
    assert refused.value.field == "reading"
    assert "1: Wed 2026-11-25" in refused.value.message
    assert "2: Wed 2026-11-18" in refused.value.message
    assert not acme.interviews.exists() and not Promise.objects.exists()


@pytest.mark.parametrize(
    ("reading", "latest", "call_day"),
    [
        pytest.param(1, "2026-11-25", "2026-11-30", id="first-next-week"),  # Thanksgiving week
        pytest.param(2, "2026-11-18", "2026-11-19", id="second-this-week"),
    ],
)
def test_the_picked_reading_is_stored_and_planned(
    acme: Campaign, reading: int, latest: str, call_day: str
) -> None:
    result = log(acme, "We'll decide next Wednesday", reading=reading)
    assert result.promise is not None
    assert result.promise.latest.isoformat() == latest
    assert result.promise.alternatives  # it was ambiguous, and stays flagged so
    assert call(acme).local_due().date().isoformat() == call_day


def test_a_reading_that_does_not_exist_is_refused(acme: Campaign) -> None:
    with pytest.raises(ServiceError, match="pick reading 1 to 2"):
        log(acme, "We'll decide next Wednesday", reading=3)
    with pytest.raises(ServiceError, match=r"pick reading 1$"):
        log(acme, "by Friday", reading=2)


def test_a_default_reading_is_stored_as_such_and_planned_as_a_check_in(acme: Campaign) -> None:
    result = log(acme, "we'll be in touch")
    assert result.promise is not None and result.promise.defaulted
    planned = call(acme)
    assert planned.basis == Basis.NO_PROMISE
    assert planned.reason == "no date was said: check in after the usual wait"
    assert "timeline" not in planned.script and "I'm checking in" in planned.script


def test_a_check_in_day_can_be_picked_before_and_after_saving(acme: Campaign) -> None:
    log(acme, "we'll be in touch", call_on=dt.date(2026, 11, 30))
    assert call(acme).local_due() == dt.datetime(2026, 11, 30, 9, 0, tzinfo=NY)
    services.choose_check_in_day(campaign=acme, day=dt.date(2026, 12, 3), now=NOW)
    planned = call(acme)
    assert planned.local_due() == dt.datetime(2026, 12, 3, 9, 0, tzinfo=NY)
    assert "you picked Thursday, December 3" in planned.reason
    assert acme.actions.filter(kind=ActionKind.CALL, status=ActionStatus.CANCELLED).count() == 1


def test_a_check_in_day_has_no_place_when_they_named_a_date(acme: Campaign) -> None:
    with pytest.raises(ServiceError) as refused:
        log(acme, "by Friday", call_on=dt.date(2026, 11, 30))
    assert refused.value.field == "call_on"
    log(acme, "by Friday")
    with pytest.raises(ServiceError, match="only a check-in"):
        services.choose_check_in_day(campaign=acme, day=dt.date(2026, 12, 3), now=NOW)


def test_a_past_check_in_day_is_refused(acme: Campaign) -> None:
    with pytest.raises(ServiceError, match="2026-11-16 or later"):
        log(acme, "", call_on=dt.date(2026, 11, 13))


@pytest.mark.parametrize(
    ("country", "locale"),
    [("US", "en_US"), ("GB", "en_GB"), ("IE", "en_IE"), ("DE", "de_DE"), ("AU", "en_AU")],
)
def test_a_company_locale_defaults_from_its_country(
    alice: Seeker, country: str, locale: str
) -> None:
    company = services.create_company(seeker=alice, name="Co", country=country)
    assert company.locale == locale


def test_a_company_locale_given_is_kept_and_a_bad_one_refused(alice: Seeker) -> None:
    company = services.create_company(seeker=alice, name="Co", country="GB", locale="en-us")
    assert company.locale == "en_US"
    with pytest.raises(ServiceError) as refused:
        services.create_company(seeker=alice, name="Other", locale="british")
    assert refused.value.field == "locale"


def test_a_london_company_reads_4_12_as_4_december_with_the_swap_as_a_choice(
    alice: Seeker,
) -> None:
    # The seeker is American: the company's locale decides, not the seeker's.
    campaign = make_campaign(alice, "Thames Ltd", zone="Europe/London", country="GB")
    at = dt.datetime(2026, 11, 16, 15, 0)
    with pytest.raises(ServiceError) as refused:
        services.log_interview(campaign=campaign, at=at, promise_text="by 4/12", now=NOW)
    assert "1: Fri 2026-12-04" in refused.value.message
    assert "2: Mon 2027-04-12" in refused.value.message
    result = services.log_interview(
        campaign=campaign, at=at, promise_text="by 4/12", reading=1, now=NOW
    )
    assert result.promise is not None and result.promise.latest == dt.date(2026, 12, 4)
    assert call(campaign).local_due() == dt.datetime(2026, 12, 7, 9, 0, tzinfo=LONDON)


def test_the_seeker_locale_defaults_from_the_country(db: None) -> None:
    from pursuit.accounts.services import create_seeker

    assert create_seeker(email="a@example.com", country="GB").locale == "en_GB"
    assert create_seeker(email="b@example.com", country="US").locale == "en_US"
    # A country whose own locale is not on the list reads dates day first, 24 hours.
    assert create_seeker(email="c@example.com", country="DE").locale == "en_GB"
    assert create_seeker(email="d@example.com", country="GB", locale="en_US").locale == "en_US"


def test_existing_rows_migrate_to_their_countrys_locale(alice: Seeker) -> None:
    from importlib import import_module

    from django.apps import apps

    Company.objects.create(seeker=alice, name="Berlin GmbH", country="DE")
    alice.country, alice.locale = "GB", "en_US"
    alice.save()
    companies = import_module("pursuit.campaigns.migrations.0003_company_locale_promise_defaulted")
    seekers = import_module("pursuit.accounts.migrations.0004_seeker_locale_from_country")
    companies.locales_from_countries(apps, None)
    seekers.locales_from_countries(apps, None)
    assert Company.objects.get(name="Berlin GmbH").locale == "de_DE"
    alice.refresh_from_db()
    assert alice.locale == "en_GB"
