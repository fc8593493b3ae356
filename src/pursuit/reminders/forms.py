"""The reminder settings and pause forms; they validate shapes, the services validate rules."""

from __future__ import annotations

from django import forms

from pursuit.campaigns.models import Campaign
from pursuit.web.forms import DayField


class ReminderSettingsForm(forms.Form):
    email_enabled = forms.BooleanField(label="Email me reminders", required=False)
    digest_enabled = forms.BooleanField(label="Morning digest on business days", required=False)
    digest_at = forms.TimeField(
        label="Digest time (your zone)", widget=forms.TimeInput(attrs={"type": "time"})
    )
    lead_minutes = forms.IntegerField(
        label="Email me this many minutes before a call or visit", min_value=1, max_value=120
    )
    alarm_minutes = forms.IntegerField(
        label="Calendar alarm, minutes before each step", min_value=0, max_value=1440
    )


class PauseForm(forms.Form):
    campaign = forms.ModelChoiceField(
        queryset=Campaign.objects.none(),
        required=False,
        empty_label="Everything (time off)",
        label="What to pause",
    )
    start = DayField(label="First day")
    end = DayField(label="Last day")
    note = forms.CharField(label="Note", max_length=200, required=False)

    def __init__(self, *args: object, campaigns: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        if campaigns is not None:
            self.fields["campaign"].queryset = campaigns  # type: ignore[attr-defined]
