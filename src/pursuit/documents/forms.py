"""Forms of the documents pages: they parse what was sent; the services check and write."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.db.models import QuerySet

from pursuit.campaigns.models import Campaign
from pursuit.documents.models import Resume
from pursuit.documents.tracker_csv import FIELDS, REQUIRED
from pursuit.web.forms import DayField, OfferForm, ServiceForm

_PDF = {"accept": "application/pdf,.pdf"}
_DATE = {"type": "date"}

FIELD_LABELS = {
    "company": "Company",
    "role": "Role",
    "contact": "Contact",
    "interview_date": "Interview date",
    "promise": "What they promised",
    "status": "Status",
}


class ResumeForm(ServiceForm):
    file = forms.FileField(
        label="Résumé", help_text="A PDF, 10 MB at most.", widget=forms.FileInput(attrs=_PDF)
    )
    label = forms.CharField(
        label="Name this version",
        required=False,
        max_length=120,
        help_text="Such as “Buyer, one page”. Default: the file's name.",
    )


class NoteForm(ServiceForm):
    body = forms.CharField(
        label="The note",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text="The date, their name and address, and your signature line are printed "
        "around it.",
    )
    resume = forms.ModelChoiceField(
        label="Résumé to attach",
        queryset=Resume.objects.none(),
        required=False,
        empty_label="My newest résumé",
    )

    def __init__(self, *args: Any, resumes: QuerySet[Resume], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["resume"].queryset = resumes  # type: ignore[attr-defined]


class OfferWithLetterForm(OfferForm):
    """The campaign page's offer form, with the letter itself."""

    letter = forms.FileField(
        label="The offer letter",
        required=False,
        help_text="A PDF of the written offer, 10 MB at most.",
        widget=forms.FileInput(attrs=_PDF),
    )


class LetterForm(ServiceForm):
    letter = forms.FileField(label="The offer letter", widget=forms.FileInput(attrs=_PDF))


class WorkLogForm(forms.Form):
    start = DayField(label="From")
    end = DayField(label="To")
    format = forms.ChoiceField(
        label="As", choices=[("pdf", "PDF report"), ("csv", "CSV spreadsheet")], initial="pdf"
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if isinstance(start, dt.date) and isinstance(end, dt.date) and end < start:
            self.add_error("end", "The last day comes before the first.")
        return data


class AccountImportForm(forms.Form):
    file = forms.FileField(
        label="A Pursuit export",
        help_text="The .zip file an export downloads (or a .json file without files).",
        widget=forms.FileInput(attrs={"accept": ".zip,.json"}),
    )


class ApplicationsUploadForm(forms.Form):
    file = forms.FileField(
        label="A CSV file from another tracker",
        help_text="One application a row: company, role, contact, interview date, what they "
        "promised, status. Columns can have other names: you match them next.",
        widget=forms.FileInput(attrs={"accept": ".csv,text/csv"}),
    )


class MappingForm(forms.Form):
    """Which column of the file holds each of our fields; guessed from the column names."""

    skip_bad = forms.BooleanField(
        label="Import the good rows even if some are bad (the bad ones are listed)",
        required=False,
    )

    def __init__(self, *args: Any, header: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        columns = [("", "— not in this file —"), *((c, c) for c in header if c)]
        for ours in FIELDS:
            self.fields[ours] = forms.ChoiceField(
                label=FIELD_LABELS[ours], choices=columns, required=ours in REQUIRED
            )
        self.order_fields([*FIELDS, "skip_bad"])

    def mapping(self) -> dict[str, str]:
        return {ours: self.cleaned_data.get(ours) or "" for ours in FIELDS}


class WindDownForm(forms.Form):
    campaigns = forms.ModelMultipleChoiceField(
        label="Withdraw from",
        queryset=Campaign.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, others: QuerySet[Campaign], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["campaigns"]
        field.queryset = others  # type: ignore[attr-defined]
        field.label_from_instance = lambda c: f"{c.role} at {c.company.name}"  # type: ignore[attr-defined]
