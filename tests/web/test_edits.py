"""Corrections on the campaign page, deleting to the Trash and the Trash page, through the
whole stack: typed values survive a refusal, a second writer is told, another seeker gets 404."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from pursuit.accounts.models import Seeker
from pursuit.campaigns import edits
from pursuit.campaigns.models import Action, Campaign, Company, Contact, Interview, Offer, Promise
from pursuit.method.vocab import ActionStatus


def company_post(company: Company, **changes: Any) -> dict[str, Any]:
    data = {
        "company-version": company.version,
        "company-name": company.name,
        "company-zone": company.zone,
        "company-country": company.country,
        "company-subdiv": company.subdiv,
        "company-phone": company.phone,
        "company-address": company.address,
        "company-closure_days": "",
    }
    return {**data, **{f"company-{k}": v for k, v in changes.items()}}


def test_a_mistyped_company_is_fixed_and_the_page_says_what_moved(
    alice_client: Client, acme: Campaign, planned_call: Action
) -> None:
    page = alice_client.get(f"/campaigns/{acme.pk}").content.decode()
    assert 'value="Acme Tools"' in page and 'id="edit-company"' in page
    answer = alice_client.post(
        f"/campaigns/{acme.pk}/company",
        company_post(acme.company, name="Acme Tools Inc.", zone="America/Los_Angeles"),
        follow=True,
    )
    page = answer.content.decode()
    assert "Acme Tools Inc." in page
    assert "The call moved from" in page
    assert "because the company&#x27;s time zone changed" in page
    assert Company.objects.get().zone == "America/Los_Angeles"


def test_a_refused_edit_keeps_what_was_typed(alice_client: Client, acme: Campaign) -> None:
    answer = alice_client.post(
        f"/campaigns/{acme.pk}/company",
        company_post(acme.company, name="Acme Typo Corp", zone="Mars/Olympus"),
    )
    assert answer.status_code == 400
    page = answer.content.decode()
    assert 'value="Acme Typo Corp"' in page and 'value="Mars/Olympus"' in page
    assert Company.objects.get().name == "Acme Tools"


def test_a_second_tab_is_told_the_new_value_and_keeps_its_own(
    alice_client: Client, acme: Campaign
) -> None:
    edits.edit_company(company=acme.company, version=1, name="Acme Tools Inc.")
    answer = alice_client.post(
        f"/campaigns/{acme.pk}/company", company_post(acme.company, name="Acme Corp", version=1)
    )
    assert answer.status_code == 409
    page = answer.content.decode()
    assert "changed meanwhile" in page
    assert "name: “Acme Tools Inc.”" in page
    assert 'value="Acme Corp"' in page  # what this tab typed
    assert 'name="company-version" value="2"' in page  # saving again is now a choice
    assert Company.objects.get().name == "Acme Tools Inc."


@pytest.mark.parametrize(
    ("path", "data", "field"),
    [
        (
            "/edit",
            {"campaign-version": 1, "campaign-role": "", "campaign-source": "a fair"},
            "a fair",
        ),
        (
            "/edit",
            {"campaign-version": 1, "campaign-role": "Buyer", "campaign-job_url": "ftp://x"},
            "ftp://x",
        ),
        (
            "/contacts",
            {"contact-name": "", "contact-role": "receptionist", "contact-title": "Desk"},
            "Desk",
        ),
    ],
    ids=["empty-role", "bad-link", "contact-without-name"],
)
def test_every_form_keeps_its_input_on_error(
    alice_client: Client, acme: Campaign, path: str, data: dict[str, Any], field: str
) -> None:
    answer = alice_client.post(f"/campaigns/{acme.pk}{path}", data)
    assert answer.status_code == 400
    assert f'value="{field}"' in answer.content.decode()


def test_interview_promise_contact_and_offer_forms(
    alice_client: Client, acme: Campaign, planned_call: Action
) -> None:
    interview, promise = Interview.objects.get(), Promise.objects.get()
    base = f"/campaigns/{acme.pk}"
    # The promise first: a new interview time reads a promise said at it again (version 2).
    ok = [
        (f"{base}/promises/{promise.pk}", {"promise-version": 1, "promise-text": "by next Friday"}),
        (
            f"{base}/interviews/{interview.pk}",
            {
                "interview-version": 1,
                "interview-at": "2026-11-02T10:00",
                "interview-with_name": "Dana",
            },
        ),
        (f"{base}/contacts", {"contact-name": "Maria", "contact-role": "receptionist"}),
        (
            f"{base}/edit",
            {"campaign-version": 1, "campaign-role": "Lead Buyer", "campaign-source": "referral"},
        ),
    ]
    for path, data in ok:
        answer = alice_client.post(path, data)
        assert answer.status_code == 302, (path, answer.content.decode()[:2000])
    assert Interview.objects.get().with_name == "Dana"
    assert Promise.objects.get().version == 3
    assert Campaign.objects.get().source == "referral"
    maria = Contact.objects.get(name="Maria")
    answer = alice_client.post(
        f"{base}/contacts/{maria.pk}",
        {
            f"contact-{maria.pk}-version": 1,
            f"contact-{maria.pk}-name": "María",
            f"contact-{maria.pk}-role": "assistant",
        },
    )
    assert answer.status_code == 302
    assert Contact.objects.get(pk=maria.pk).role == "assistant"
    alice_client.post(f"{base}/offer", {"written": "0", "wanted": "on", "salary": "90k"})
    offer = Offer.objects.get()
    answer = alice_client.post(
        f"{base}/offers/{offer.pk}",
        {f"offer-{offer.pk}-version": 1, f"offer-{offer.pk}-salary": "95k"},
    )
    assert answer.status_code == 302
    assert Offer.objects.get().salary == "95k"


def test_delete_and_restore_a_campaign(
    alice_client: Client, acme: Campaign, planned_call: Action
) -> None:
    answer = alice_client.post(f"/campaigns/{acme.pk}/delete/campaign/{acme.pk}", follow=True)
    page = answer.content.decode()
    assert "Senior Buyer at Acme Tools" in page and "Restore" in page
    assert alice_client.get(f"/campaigns/{acme.pk}").status_code == 404
    assert "Senior Buyer" not in alice_client.get("/campaigns").content.decode()
    assert not Action.objects.filter(status=ActionStatus.PLANNED).exists()
    answer = alice_client.post(f"/trash/campaign/{acme.pk}/restore", follow=True)
    assert answer.status_code == 200
    assert Action.objects.filter(status=ActionStatus.PLANNED).exists()
    assert "Trash" in alice_client.get("/settings").content.decode()


def test_a_company_goes_only_with_its_campaigns(alice_client: Client, acme: Campaign) -> None:
    path = f"/campaigns/{acme.pk}/delete/company/{acme.company_id}"
    page = alice_client.post(path, follow=True).content.decode()
    assert "delete them too" in page
    assert Company.objects.exists()
    alice_client.post(path, {"with_campaigns": "on"})
    assert not Company.objects.exists() and not Campaign.objects.exists()
    alice_client.post("/trash/empty")
    assert not Campaign.with_trash.exists()


def test_another_seeker_gets_404_everywhere(
    bob_client: Client, alice: Seeker, acme: Campaign, planned_call: Action
) -> None:
    interview, promise = Interview.objects.get(), Promise.objects.get()
    contact = Contact.objects.get()
    edits_offer = Offer.objects.create(campaign=acme, written=False, at=interview.at)
    base = f"/campaigns/{acme.pk}"
    for path in (
        f"{base}/offers/{edits_offer.pk}",
        f"{base}/edit",
        f"{base}/company",
        f"{base}/interviews/{interview.pk}",
        f"{base}/promises/{promise.pk}",
        f"{base}/contacts",
        f"{base}/contacts/{contact.pk}",
        f"{base}/delete/campaign/{acme.pk}",
        f"{base}/delete/company/{acme.company_id}",
        f"/trash/campaign/{acme.pk}/restore",
    ):
        assert bob_client.post(path, {"with_campaigns": "on"}).status_code == 404, path
    bob_client.post("/trash/empty")
    assert Campaign.objects.get() == acme
    assert Company.objects.get().name == "Acme Tools"
    assert "Acme" not in bob_client.get("/trash").content.decode()


def test_it_greets_the_contact_as_the_seeker_chose_on_the_campaign_page(
    alice_client: Client, acme: Campaign, planned_call: Action
) -> None:
    dana = Contact.objects.get(name="Dana Reyes")
    page = alice_client.get(f"/campaigns/{acme.pk}").content.decode()
    assert f'name="contact-{dana.pk}-address_as"' in page
    assert "Hi Dana, it's" in Action.objects.get(pk=planned_call.pk).script
    answer = alice_client.post(
        f"/campaigns/{acme.pk}/contacts/{dana.pk}",
        {
            f"contact-{dana.pk}-version": 1,
            f"contact-{dana.pk}-name": "Dana Reyes",
            f"contact-{dana.pk}-role": "decision_maker",
            f"contact-{dana.pk}-address_as": "Ms. Reyes",
        },
    )
    assert answer.status_code == 302
    assert Contact.objects.get(pk=dana.pk).address_as == "Ms. Reyes"
    script = acme.actions.get(kind=planned_call.kind, status=ActionStatus.PLANNED).script
    assert "Hi Ms. Reyes, it's" in script and "calling for Dana Reyes" in script
