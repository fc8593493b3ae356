"""The Trash: a deleted campaign, company or document leaves every list, comes back whole on
restore, and emptying the Trash (or 30 days) deletes its stored files too."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.storage import default_storage

from pursuit.accounts.models import Seeker
from pursuit.campaigns import services, trash
from pursuit.campaigns.access import owned
from pursuit.campaigns.models import Action, Campaign, Company, Contact, Interview, Offer, Touch
from pursuit.documents.models import OfferLetter, Resume
from pursuit.documents.services import add_resume
from pursuit.errors import ServiceError
from pursuit.method.vocab import ActionStatus, Outcome
from pursuit.reminders.feed import render_feed
from pursuit.reminders.services import settings_for

from .conftest import local_campaign, make_pdf, ny, upload

NOW = ny("2026-11-19T18:00")


@pytest.fixture
def full(alice: Seeker) -> Campaign:
    """A campaign with steps, a touch, an offer letter on file and a résumé beside it."""
    campaign = local_campaign(alice)
    services.log_interview(campaign=campaign, at=ny("2026-11-19T15:00"), now=NOW)
    thanks = campaign.actions.get(kind="thank_you")
    services.log_outcome(action=thanks, outcome=Outcome.DONE, now=ny("2026-11-20T09:30"))
    services.record_offer(
        campaign=campaign,
        written=False,
        salary="90k",
        now=ny("2026-11-20T10:00"),
    )
    services.record_offer(
        campaign=campaign,
        written=True,
        wanted=False,
        letter=upload(make_pdf("Offer")),
        now=ny("2026-11-20T11:00"),
    )
    return campaign


def uids(alice: Seeker) -> set[str]:
    body = render_feed(alice, settings_for(alice)).decode()
    return {line for line in body.splitlines() if line.startswith("UID:")}


def test_a_trashed_campaign_leaves_every_list_and_comes_back_whole(
    alice: Seeker, full: Campaign
) -> None:
    feed_before = uids(alice)
    planned_before = set(full.actions.filter(status=ActionStatus.PLANNED).values_list("pk"))
    assert feed_before and planned_before
    trash.trash(row=full, now=NOW)
    assert not owned(Campaign, alice.user).exists()
    assert not owned(Action, alice.user).exists()
    assert not owned(Offer, alice.user).exists()
    assert not owned(Touch, alice.user).exists()
    assert uids(alice) == set()
    trash.restore(row=Campaign.with_trash.get(pk=full.pk))
    assert owned(Campaign, alice.user).get() == full
    assert set(full.actions.filter(status=ActionStatus.PLANNED).values_list("pk")) == (
        planned_before
    )
    assert uids(alice) == feed_before
    assert Touch.objects.filter(campaign=full).count() == 1
    assert OfferLetter.objects.filter(offer__campaign=full).count() == 1


def test_a_company_with_campaigns_asks_before_taking_them(alice: Seeker, full: Campaign) -> None:
    company = full.company
    with pytest.raises(ServiceError, match="has 1 campaign: delete them too") as refused:
        trash.trash(row=company)
    assert refused.value.field == "with_campaigns"
    trash.trash(row=company, with_campaigns=True, now=NOW)
    assert not owned(Campaign, alice.user).exists()
    assert not owned(Contact, alice.user).exists()
    trash.restore(row=Company.with_trash.get(pk=company.pk))
    assert owned(Campaign, alice.user).count() == 1
    assert owned(Contact, alice.user).count() == 1


def test_restoring_a_campaign_brings_its_company_back(alice: Seeker, full: Campaign) -> None:
    trash.trash(row=full.company, with_campaigns=True, now=NOW)
    trash.restore(row=Campaign.with_trash.get(pk=full.pk))
    assert owned(Company, alice.user).get() == full.company


def test_emptying_the_trash_deletes_the_files_too(
    alice: Seeker, full: Campaign, django_capture_on_commit_callbacks: object
) -> None:
    letter = OfferLetter.objects.get().file.name
    resume = add_resume(seeker=alice, upload=upload(make_pdf("CV")), label="CV")
    assert default_storage.exists(letter) and default_storage.exists(resume.file.name)
    trash.trash(row=full, now=NOW)
    trash.trash(row=resume, now=NOW)
    assert [kind for kind, _ in trash.in_trash(alice)] == ["campaign", "resume"]
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        gone = trash.empty(seekers=[alice.pk])
    assert gone == 2
    assert not Campaign.with_trash.exists() and not Resume.with_trash.exists()
    assert not default_storage.exists(letter)
    assert not default_storage.exists(resume.file.name)
    assert Company.objects.count() == 1  # the company was not in the Trash


def test_the_worker_purges_only_what_has_waited_thirty_days(alice: Seeker, full: Campaign) -> None:
    interview = Interview.objects.get()
    trash.trash(row=full, now=NOW)
    trash.trash(row=interview, now=NOW + dt.timedelta(days=20))
    assert trash.purge(now=NOW + dt.timedelta(days=29)) == 0
    assert trash.purge(now=NOW + dt.timedelta(days=31)) == 1
    assert not Campaign.with_trash.exists()


def test_another_seekers_trash_is_left_alone(alice: Seeker, bob: Seeker, full: Campaign) -> None:
    trash.trash(row=full, now=NOW)
    assert trash.empty(seekers=[bob.pk]) == 0
    assert trash.in_trash(bob) == []
    assert Campaign.with_trash.count() == 1
