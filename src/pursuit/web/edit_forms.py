"""The correction forms of the campaign page: one per thing shown there.

Each carries the `version` of the row it was filled from. When the row changed since (another
tab, the CLI), the service refuses with `Changed`; the form then keeps what the seeker typed,
says what the value is now, and takes the new version, so saving again is a choice made
knowing both.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from pursuit.campaigns.edits import Changed
from pursuit.campaigns.models import Campaign, Company, Contact, Interview, Offer, Promise
from pursuit.errors import ServiceError
from pursuit.web.format import sentence
from pursuit.web.forms import (
    DATETIME_LOCAL,
    LocalDateTimeField,
    ServiceForm,
    _country_field,
    _subdiv_field,
    _text,
    _zone_field,
)


class EditForm(ServiceForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    #: The fields the service takes under the same names.
    passed: tuple[str, ...] = ()

    def add_service_error(self, error: ServiceError) -> None:
        if not isinstance(error, Changed):
            super().add_service_error(error)
            return
        now_is = "; ".join(
            f"{k.replace('_', ' ')}: {_shown(v)}"
            for k, v in error.current.items()
            if k not in ("id", "version")
        )
        self.add_error(None, f"{sentence(error.message)} Now — {now_is}.")
        # Saving again overwrites knowingly: the form now carries the version just shown.
        data = self.data.copy()
        data[self.add_prefix("version")] = str(error.current["version"])
        self.data = data

    def service_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {"version": data["version"], **{k: data[k] for k in self.passed}}


def _shown(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return f"“{value}”" if value not in ("", None) else "none"


class CompanyEditForm(EditForm):
    prefix = "company"
    passed = ("name", "zone", "country", "subdiv", "local", "phone", "address")

    name = _text("Name", required=True, max_length=200)
    phone = _text("Main phone", max_length=40, type="tel")
    address = _text("Address", max_length=300)
    zone = _zone_field("Their time zone")
    country = _country_field()
    subdiv = _subdiv_field()
    local = forms.BooleanField(label="Close enough to visit in person", required=False)
    closure_days = forms.CharField(
        label="Days they are closed",
        required=False,
        max_length=2000,
        help_text="ISO dates, separated by commas: 2026-12-24, 2026-12-31",
    )

    @classmethod
    def of(cls, company: Company) -> CompanyEditForm:
        initial = {f: getattr(company, f) for f in cls.passed}
        initial["closure_days"] = ", ".join(company.closure_days)
        return cls(initial={**initial, "version": company.version})

    def clean_closure_days(self) -> list[dt.date]:
        days = []
        for part in self.cleaned_data["closure_days"].replace(";", ",").split(","):
            if part.strip():
                try:
                    days.append(dt.date.fromisoformat(part.strip()))
                except ValueError:
                    raise forms.ValidationError(
                        f"“{part.strip()}” is not a date: write it as 2026-12-24"
                    ) from None
        return days

    def service_kwargs(self) -> dict[str, Any]:
        return {**super().service_kwargs(), "closure_days": self.cleaned_data["closure_days"]}


class CampaignEditForm(EditForm):
    prefix = "campaign"
    passed = ("role", "job_url", "salary_note", "notes", "source")

    role = _text("Role", required=True, max_length=200)
    contact = forms.ModelChoiceField(
        label="Who decides", queryset=Contact.objects.none(), required=False
    )
    job_url = _text("Job link", max_length=500, type="url", placeholder="https://")
    salary_note = _text("Salary", max_length=200)
    source = _text("Where it came from", max_length=200, placeholder="e.g. a referral")
    notes = forms.CharField(
        label="Notes", required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, campaign: Campaign, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["contact"]
        field.queryset = Contact.objects.filter(company_id=campaign.company_id)

    @classmethod
    def of(cls, campaign: Campaign) -> CampaignEditForm:
        initial = {f: getattr(campaign, f) for f in cls.passed}
        initial |= {"contact": campaign.contact_id, "version": campaign.version}
        return cls(initial=initial, campaign=campaign)

    def service_kwargs(self) -> dict[str, Any]:
        return {**super().service_kwargs(), "contact": self.cleaned_data["contact"]}


class InterviewEditForm(EditForm):
    prefix = "interview"
    passed = ("at", "with_name")

    at = LocalDateTimeField(label="When (their local time)")
    with_name = _text("With", max_length=200)

    @classmethod
    def of(cls, interview: Interview, zone: dt.tzinfo) -> InterviewEditForm:
        at = interview.at.astimezone(zone).strftime(DATETIME_LOCAL)
        initial = {"at": at, "with_name": interview.with_name, "version": interview.version}
        return cls(initial=initial)


class PromiseEditForm(EditForm):
    prefix = "promise"
    passed = ("text",)

    text = forms.CharField(
        label="What they said about when you'll hear back",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    alternative = forms.TypedChoiceField(
        label="Read it as",
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "as read")],
    )

    def __init__(self, *args: Any, promise: Promise, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", f"as read: by {promise.latest:%A, %B} {promise.latest.day}")]
        for index, alt in enumerate(promise.alternatives):
            latest = dt.date.fromisoformat(alt["latest"])
            choices.append((str(index), f"by {latest:%A, %B} {latest.day}"))
        field: Any = self.fields["alternative"]
        field.choices = choices

    @classmethod
    def of(cls, promise: Promise) -> PromiseEditForm:
        return cls(initial={"text": promise.text, "version": promise.version}, promise=promise)

    def service_kwargs(self) -> dict[str, Any]:
        return {**super().service_kwargs(), "alternative": self.cleaned_data["alternative"]}


class ContactForm(EditForm):
    """A person at the company; without a version it is a new one."""

    prefix = "contact"
    passed = ("name", "role", "title", "phone", "email", "way_through", "address_as")
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)

    name = _text("Name", required=True, max_length=120)
    role = forms.ChoiceField(label="Role", choices=Contact.Role.choices)
    title = _text("Title", max_length=120)
    phone = _text("Direct line", max_length=40, type="tel")
    email = forms.EmailField(label="Email", required=False, max_length=254)
    way_through = _text("Best way through", max_length=300)
    address_as = forms.CharField(
        label="Greet them as",
        required=False,
        max_length=120,
        help_text="“Dana”, “Ms. Reyes”, “Frau Dr. Weber”. Blank: the usual form in the "
        "company's country.",
    )

    @classmethod
    def of(cls, contact: Contact) -> ContactForm:
        initial = {f: getattr(contact, f) for f in cls.passed}
        return cls(initial={**initial, "version": contact.version}, prefix=f"contact-{contact.pk}")


class OfferEditForm(EditForm):
    passed = ("salary", "start_date", "terms")

    salary = _text("Salary", max_length=100)
    start_date = forms.DateField(
        label="Start date", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    terms = forms.CharField(
        label="Terms", required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 2})
    )

    @classmethod
    def of(cls, offer: Offer) -> OfferEditForm:
        initial = {f: getattr(offer, f) for f in cls.passed}
        return cls(initial={**initial, "version": offer.version}, prefix=f"offer-{offer.pk}")
