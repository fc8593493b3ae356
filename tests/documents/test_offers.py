"""Offers in writing: the letter kept with the offer, a win only for an offer wanted, and the
question (never forced) of winding the other campaigns down."""

from __future__ import annotations

import datetime as dt

import pytest

from pursuit.accounts.models import Seeker
from pursuit.campaigns import services as campaigns
from pursuit.campaigns.models import Campaign, Offer
from pursuit.documents import services
from pursuit.documents.models import OfferLetter
from pursuit.errors import ServiceError

from .conftest import local_campaign, make_pdf, ny, upload

NOW = ny("2026-12-01T10:00")


def test_a_written_offer_with_its_letter_and_terms_wins(acme: Campaign) -> None:
    campaigns.record_offer(campaign=acme, written=False, now=ny("2026-11-27T10:00"))
    result = campaigns.record_offer(
        campaign=acme,
        written=True,
        wanted=True,
        salary="85,000",
        start_date=dt.date(2027, 1, 4),
        terms="hybrid",
        letter=upload(make_pdf("Offer of employment"), "offer.pdf"),
        now=NOW,
    )

    assert result.campaign.status == "won"
    offer = Offer.objects.get(campaign=acme, written=True)
    assert (offer.salary, offer.start_date, offer.terms) == (
        "85,000",
        dt.date(2027, 1, 4),
        "hybrid",
    )
    assert offer.letter.filename == "offer.pdf"
    assert offer.letter.pages == 1


def test_a_written_offer_not_wanted_is_no_win(acme: Campaign) -> None:
    result = campaigns.record_offer(
        campaign=acme, written=True, wanted=False, letter=upload(make_pdf("Offer")), now=NOW
    )
    assert result.campaign.status == "offer_verbal"
    assert OfferLetter.objects.count() == 1


def test_a_bad_letter_leaves_no_offer_behind(acme: Campaign) -> None:
    with pytest.raises(ServiceError, match="not a PDF") as refused:
        campaigns.record_offer(
            campaign=acme, written=True, letter=upload(b"Dear Alice, congratulations"), now=NOW
        )
    assert refused.value.field == "letter"
    assert not Offer.objects.exists()
    acme.refresh_from_db()
    assert acme.status == "active"


def test_a_verbal_offer_has_no_letter(acme: Campaign) -> None:
    with pytest.raises(ServiceError, match="written offer"):
        campaigns.record_offer(
            campaign=acme, written=False, letter=upload(make_pdf("Offer")), now=NOW
        )
    assert not Offer.objects.exists()


def test_a_letter_that_comes_later_joins_the_written_offer(acme: Campaign) -> None:
    campaigns.record_offer(campaign=acme, written=True, now=NOW)
    offer = Offer.objects.get()

    services.attach_offer_letter(offer=offer, upload=upload(make_pdf("first")))
    services.attach_offer_letter(offer=offer, upload=upload(make_pdf("revised"), "revised.pdf"))

    assert OfferLetter.objects.get().filename == "revised.pdf"


def test_after_a_win_the_seeker_picks_which_campaigns_to_wind_down(
    alice: Seeker, acme: Campaign
) -> None:
    globex = local_campaign(alice, "Globex")
    initech = local_campaign(alice, "Initech")
    won = campaigns.record_offer(campaign=acme, written=True, now=NOW).campaign

    assert list(services.other_open_campaigns(won)) == [globex, initech]
    services.wind_down(won=won, campaigns=[globex], now=NOW)

    statuses = dict(Campaign.objects.values_list("company__name", "status"))
    assert statuses == {"Acme Tools": "won", "Globex": "withdrawn", "Initech": "active"}


def test_nothing_winds_down_before_a_win_or_for_someone_else(
    alice: Seeker, bob: Seeker, acme: Campaign
) -> None:
    bobs = local_campaign(bob)
    with pytest.raises(ServiceError, match="once this one is won"):
        services.wind_down(won=acme, campaigns=[], now=NOW)
    won = campaigns.record_offer(campaign=acme, written=True, now=NOW).campaign
    with pytest.raises(ServiceError, match="no such campaign"):
        services.wind_down(won=won, campaigns=[bobs], now=NOW)
    bobs.refresh_from_db()
    assert bobs.status == "active"
