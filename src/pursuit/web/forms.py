"""Forms: they parse and check what was typed; the services decide and write.

A refused write comes back as a `ServiceError` naming the input it is about; `ServiceForm`
puts its message next to that field, so a form re-renders with every value the seeker typed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.contrib.auth import password_validation

from pursuit.accounts.models import User
from pursuit.accounts.services import LOCALES
from pursuit.campaigns.models import Company
from pursuit.errors import ServiceError
from pursuit.method.calendar import CalendarError, zone_named
from pursuit.method.ladder import ALLOWED_OUTCOMES
from pursuit.method.promises import MAX_TEXT_CHARS
from pursuit.method.vocab import ActionKind, Outcome, PermissionAnswer, Reply
from pursuit.validation import DAY_RANGE, FIRST_DAY, LAST_DAY, day
from pursuit.web.format import sentence

LOCALE_CHOICES = [
    ("en_US", "English (US) — 12-hour clock, month first"),
    ("en_GB", "English (UK) — 24-hour clock, day first"),
    ("en_CA", "English (Canada) — 24-hour clock"),
    ("en_AU", "English (Australia) — 24-hour clock"),
    ("en_IE", "English (Ireland) — 24-hour clock"),
    ("en_NZ", "English (New Zealand) — 24-hour clock"),
    ("en_IN", "English (India) — 24-hour clock"),
]
assert [code for code, _ in LOCALE_CHOICES] == list(LOCALES)

DATETIME_LOCAL = "%Y-%m-%dT%H:%M"


class ServiceForm(forms.Form):
    """A form that can show a service's refusal next to the field it names."""

    #: Service field names that differ from this form's field names.
    service_fields: dict[str, str] = {}

    def add_service_error(self, error: ServiceError) -> None:
        name = self.service_fields.get(error.field or "", error.field)
        field = name if name in self.fields else None
        self.add_error(field, sentence(error.message))


def _in_range(value: dt.date) -> None:
    """The days every path accepts (pursuit.validation), checked as the form is read so that a
    far date never reaches the engine's calendar arithmetic."""
    try:
        day(value, field="date")
    except ServiceError:
        raise forms.ValidationError(sentence(DAY_RANGE)) from None


class DayField(forms.DateField):
    """A day between FIRST_DAY and LAST_DAY, shown as a date picker limited to them."""

    widget = forms.DateInput(
        attrs={"type": "date", "min": FIRST_DAY.isoformat(), "max": LAST_DAY.isoformat()}
    )

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value is not None:
            _in_range(value)


class LocalDateTimeField(forms.DateTimeField):
    """A wall-clock time with no zone attached: the service reads it in the company's zone."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_LOCAL)

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value is not None:
            _in_range(value)

    def to_python(self, value: Any) -> dt.datetime | None:
        # The parent makes the value aware in the server's zone (UTC); the wall time is what the
        # seeker typed, so the zone it was given is dropped again.
        parsed = super().to_python(value)
        return parsed.replace(tzinfo=None) if parsed is not None else None


def _text(label: str, *, required: bool = False, max_length: int = 200, **attrs: Any) -> Any:
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        widget=forms.TextInput(attrs=attrs),
    )


def _zone_field(label: str = "Time zone", *, required: bool = True) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=64,
        widget=forms.TextInput(
            attrs={"list": "zones", "autocomplete": "off", "spellcheck": "false"}
        ),
        help_text="An IANA name such as America/New_York or Europe/London.",
    )


def _country_field(*, required: bool = True) -> forms.CharField:
    return forms.CharField(
        label="Country",
        required=required,
        max_length=2,
        widget=forms.TextInput(
            attrs={"list": "countries", "autocomplete": "off", "class": "short"}
        ),
        help_text="Two letters, for public holidays: US, GB, CA, DE…",
    )


def _subdiv_field() -> forms.CharField:
    return forms.CharField(
        label="State or region",
        required=False,
        max_length=8,
        widget=forms.TextInput(attrs={"class": "short", "autocomplete": "off"}),
        help_text="For local holidays: CA, NY, ENG…",
    )


class _PasswordsMixin(forms.Form):
    password = forms.CharField(
        label="Password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label="Password again",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_password2(self) -> str:
        first, second = self.cleaned_data.get("password"), self.cleaned_data["password2"]
        if first and first != second:
            raise forms.ValidationError("The two passwords differ.")
        return second

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        password = data.get("password")
        if password:
            # A stand-in with the typed email and name, so a password that repeats them is
            # refused (UserAttributeSimilarityValidator has nothing to compare without one).
            user = User(email=data.get("email") or "", first_name=data.get("name") or "")
            try:
                password_validation.validate_password(password, user)
            except forms.ValidationError as exc:
                self.add_error("password", exc)
        return data


class AccountForm(_PasswordsMixin, ServiceForm):
    """The owner's account on first run, and anyone's later sign-up."""

    email = forms.EmailField(
        label="Email", widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True})
    )
    name = _text("Your name", required=True, max_length=120, autocomplete="name")
    zone = _zone_field("Your time zone")
    country = _country_field()
    subdiv = _subdiv_field()
    locale = forms.ChoiceField(label="Dates and times", choices=LOCALE_CHOICES, initial="en_US")

    field_order = ["email", "name", "password", "password2", "zone", "country", "subdiv", "locale"]


class ProfileForm(ServiceForm):
    name = _text("Your name", required=True, max_length=120, autocomplete="name")
    phone = _text("Your phone", max_length=40, autocomplete="tel", type="tel")
    zone = _zone_field("Your time zone")
    locale = forms.ChoiceField(label="Dates and times", choices=LOCALE_CHOICES)
    country = _country_field()
    subdiv = _subdiv_field()


class BlackoutForm(ServiceForm):
    start = DayField(label="From")
    end = DayField(label="To (included)")
    note = _text("Note", max_length=200, placeholder="Holiday, moving day…")


class PlaybookForm(ServiceForm):
    thank_you = forms.BooleanField(
        label="Plan a thank-you note the morning after each interview", required=False
    )
    visits = forms.BooleanField(
        label="Plan a visit in person when calls to a local company go unanswered", required=False
    )
    max_call_attempts = forms.IntegerField(
        label="Call attempts before changing tack",
        min_value=1,
        max_value=20,
        widget=forms.NumberInput(attrs={"class": "short"}),
    )


class InviteForm(ServiceForm):
    email = forms.EmailField(label="Their email")
    for_anyone = forms.BooleanField(label="Anyone with the link may use it", required=False)


class UserPasswordForm(ServiceForm):
    password = forms.CharField(
        label="New password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="Tell them, and ask them to change it under Settings once signed in.",
    )


# -- steps -----------------------------------------------------------------------------------------


class OutcomeForm(ServiceForm):
    """What happened on a planned step; the detail an outcome needs is checked here, in the
    company's zone, so the seeker sees the problem next to the box they typed in."""

    outcome = forms.ChoiceField(choices=[(o.value, o.label) for o in Outcome])
    callback_at = LocalDateTimeField(label="The time they gave", required=False)
    promise = forms.CharField(label="What they said about timing", required=False, strip=False)
    interview_at = LocalDateTimeField(label="Interview time", required=False)
    note = forms.CharField(required=False, max_length=2000)
    lesson = forms.CharField(label="What did you learn?", required=False, max_length=2000)
    #: When it happened, in the seeker's own time; asked for on a step not due yet.
    at = LocalDateTimeField(label="When it happened", required=False)

    def __init__(
        self,
        *args: Any,
        kind: ActionKind,
        zone: str,
        now: dt.datetime,
        mine: dt.tzinfo | None = None,
        **kw: Any,
    ):
        super().__init__(*args, **kw)
        self.kind, self.zone, self.now = kind, zone_named(zone), now
        self.mine = mine or self.zone

    def clean_outcome(self) -> Outcome:
        outcome = Outcome(self.cleaned_data["outcome"])
        if outcome not in ALLOWED_OUTCOMES[self.kind]:
            raise forms.ValidationError(f"A {self.kind.label.lower()} step cannot end that way.")
        return outcome

    def clean_promise(self) -> str:
        return _promise(self.cleaned_data["promise"])

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        outcome = data.get("outcome")
        if outcome is Outcome.GATEKEEPER_CALLBACK:
            at = data.get("callback_at")
            if at is None and "callback_at" not in self.errors:
                self.add_error("callback_at", "Give the time they said to call back.")
            elif at is not None and at.replace(tzinfo=self.zone) <= self.now:
                self.add_error("callback_at", "That time has passed: give a time still ahead.")
        needs_time = outcome is Outcome.REACHED_INTERVIEW and data.get("interview_at") is None
        if needs_time and "interview_at" not in self.errors:
            self.add_error("interview_at", "Give the date and time of the next interview.")
        return data

    def service_kwargs(self) -> dict[str, Any]:
        d = self.cleaned_data
        outcome = d["outcome"]
        return {
            "outcome": outcome,
            "callback_at": d["callback_at"] if outcome is Outcome.GATEKEEPER_CALLBACK else None,
            "interview_at": d["interview_at"] if outcome is Outcome.REACHED_INTERVIEW else None,
            "promise_text": d["promise"] if outcome in _PROMISE_OUTCOMES else "",
            "note": d["note"],
            "lesson": d["lesson"] if outcome is Outcome.DONE else "",
            "at": d["at"].replace(tzinfo=self.mine) if d["at"] else None,
        }


_PROMISE_OUTCOMES = frozenset(
    {Outcome.REACHED_PENDING, Outcome.THEY_CALLED, Outcome.REACHED_INTERVIEW, Outcome.MET}
)


def _promise(text: str) -> str:
    if len(text) > MAX_TEXT_CHARS:
        raise forms.ValidationError(
            f"Keep it to what they said about timing: at most {MAX_TEXT_CHARS:,} characters "
            f"(this has {len(text):,})."
        )
    return text


class MoveForm(ServiceForm):
    due_at = LocalDateTimeField(label="New time (their local time)", required=False)
    #: "Next good slot" instead of a time; "move anyway" after the question.
    next_slot = forms.BooleanField(required=False)
    confirm = forms.BooleanField(required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("next_slot") and data.get("due_at") is None and "due_at" not in self.errors:
            self.add_error("due_at", "Give the new time, or take the next good slot.")
        return data

    def service_kwargs(self) -> dict[str, Any]:
        d = self.cleaned_data
        if d["next_slot"]:
            return {"next_slot": True, "confirm": d["confirm"]}
        return {"due_at": d["due_at"], "confirm": d["confirm"]}


# -- interviews ------------------------------------------------------------------------------------


class InterviewForm(ServiceForm):
    """An interview, with the company and role when it starts a new campaign."""

    service_fields = {
        "at": "date",
        "role": "role",
        "promise": "promise",
        "agreed_at": "agreed_at",
        "alternative": "alternative",
        "company": "company",
    }

    company = forms.ModelChoiceField(
        label="Company",
        queryset=Company.objects.none(),
        required=False,
        empty_label="A new company…",
    )
    company_name = _text("Company name", max_length=200, autocomplete="organization")
    company_zone = _zone_field("Their time zone", required=False)
    company_country = _country_field(required=False)
    company_subdiv = _subdiv_field()
    company_local = forms.BooleanField(label="Close enough to visit in person", required=False)
    company_phone = _text("Main phone", max_length=40, type="tel", autocomplete="off")
    role = _text("Role", max_length=200, placeholder="e.g. Senior Buyer")
    contact_name = _text("Who decides", max_length=120, placeholder="e.g. Dana Reyes")
    contact_title = _text("Their title", max_length=120, placeholder="e.g. Head of Purchasing")
    contact_phone = _text("Their direct line", max_length=40, type="tel", autocomplete="off")
    date = DayField(label="Date")
    time = forms.TimeField(
        label="Time (their local time)",
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    promise = forms.CharField(
        label="What did they say about when you'll hear back?",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 2, "placeholder": "e.g. We'll call you by Wednesday"}),
    )
    alternative = forms.TypedChoiceField(
        required=False, coerce=int, empty_value=None, choices=[("", "as read")]
    )
    permission = forms.ChoiceField(
        label="Did you ask if you may call them?",
        choices=[
            (PermissionAnswer.NOT_ASKED.value, "Not asked (yet)"),
            (PermissionAnswer.GRANTED.value, "Yes, they agreed to a call"),
            (PermissionAnswer.DECLINED.value, "They'd rather I didn't"),
        ],
        initial=PermissionAnswer.NOT_ASKED.value,
        widget=forms.RadioSelect,
    )
    agreed_at = forms.CharField(required=False)
    agreed_other = LocalDateTimeField(label="Another time they agreed to", required=False)
    way_through = _text(
        "Best way to get through", max_length=300, placeholder="e.g. ask for Sam at the front desk"
    )

    def __init__(self, *args: Any, companies: Any, campaign: Any = None, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.campaign = campaign
        self.fields["company"].queryset = companies
        if campaign is not None:
            for name in list(self.fields):
                if name.startswith(("company", "contact_")) or name == "role":
                    del self.fields[name]
        self.fields["alternative"].choices = [("", "as read"), *((i, str(i)) for i in range(8))]

    @property
    def new_company(self) -> bool:
        return self.campaign is None and not self.cleaned_data.get("company")

    def clean_promise(self) -> str:
        return _promise(self.cleaned_data["promise"])

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.campaign is None:
            if not data.get("company") and not (data.get("company_name") or "").strip():
                self.add_error("company_name", "Name the company, or pick one you already have.")
            if not (data.get("role") or "").strip() and "role" not in self.errors:
                self.add_error("role", "Name the role you interviewed for.")
        if data.get("date") and data.get("time"):
            data["interview_at"] = dt.datetime.combine(data["date"], data["time"])
        if data.get("permission") == PermissionAnswer.GRANTED:
            agreed = data.get("agreed_other") if data.get("agreed_at") in ("", "other") else None
            if data.get("agreed_at") not in ("", "other", None):
                try:
                    agreed = dt.datetime.fromisoformat(data["agreed_at"]).replace(tzinfo=None)
                except ValueError:
                    agreed = None
            if agreed is None and "agreed_other" not in self.errors:
                self.add_error("agreed_at", "Pick the time they agreed to, or type it.")
            data["agreed"] = agreed
        return data

    def service_kwargs(self) -> dict[str, Any]:
        d = self.cleaned_data
        permission = PermissionAnswer(d["permission"])
        kwargs: dict[str, Any] = {
            "promise_text": d["promise"],
            "alternative": d.get("alternative"),
            "permission": permission,
            "agreed_at": d.get("agreed") if permission is PermissionAnswer.GRANTED else None,
            "way_through": d["way_through"],
        }
        if self.campaign is not None:
            return kwargs | {"at": d["interview_at"]}
        kwargs |= {
            "interview_at": d["interview_at"],
            "role": d["role"],
            "contact_name": d["contact_name"],
            "contact_title": d["contact_title"],
            "contact_phone": d["contact_phone"],
        }
        if d.get("company"):
            return kwargs | {"company": d["company"]}
        return kwargs | {
            "company_name": d["company_name"],
            "company_zone": d["company_zone"],
            "company_country": d["company_country"],
            "company_subdiv": d["company_subdiv"],
            "company_local": d["company_local"],
            "company_phone": d["company_phone"],
        }


def check_zone(name: str) -> str | None:
    """The problem with a zone name, or None when it is a real zone."""
    try:
        zone_named(name)
    except CalendarError as exc:
        return sentence(str(exc))
    return None


# -- campaign events -------------------------------------------------------------------------------


class AnswerForm(ServiceForm):
    """What was said at an interview that was logged before it happened."""

    service_fields = {"promise": "promise", "agreed_at": "agreed_at"}

    promise = forms.CharField(
        label="What did they say about when you'll hear back?",
        required=False,
        strip=False,
        widget=forms.TextInput(attrs={"placeholder": "e.g. We'll call you by Wednesday"}),
    )
    permission = forms.ChoiceField(
        label="May you call them?",
        choices=[
            (PermissionAnswer.GRANTED.value, "Yes, they agreed to a call"),
            (PermissionAnswer.DECLINED.value, "They'd rather I didn't"),
            (PermissionAnswer.NOT_ASKED.value, "I didn't get to ask"),
        ],
        initial=PermissionAnswer.GRANTED.value,
        widget=forms.RadioSelect,
    )
    agreed_at = LocalDateTimeField(
        label="The time they agreed to (their local time)", required=False
    )
    way_through = _text(
        "Best way to get through", max_length=300, placeholder="e.g. ask for Sam at the front desk"
    )

    def clean_promise(self) -> str:
        return _promise(self.cleaned_data["promise"])

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        granted = data.get("permission") == PermissionAnswer.GRANTED
        if granted and not data.get("agreed_at") and "agreed_at" not in self.errors:
            self.add_error("agreed_at", "Pick the time they agreed to.")
        return data

    def service_kwargs(self) -> dict[str, Any]:
        d = self.cleaned_data
        permission = PermissionAnswer(d["permission"])
        return {
            "promise_text": d["promise"],
            "permission": permission,
            "agreed_at": d["agreed_at"] if permission is PermissionAnswer.GRANTED else None,
            "way_through": d["way_through"],
        }


class InboundForm(ServiceForm):
    service_fields = {"promise": "promise", "interview_at": "interview_at"}

    reply = forms.ChoiceField(
        label="What did they say?",
        choices=[
            (Reply.PENDING.value, "They're still deciding"),
            (Reply.INTERVIEW.value, "They want another interview"),
            (Reply.VERBAL_OFFER.value, "They offered me the job (verbally)"),
            (Reply.REJECTED.value, "They chose someone else"),
        ],
        initial=Reply.PENDING.value,
        widget=forms.RadioSelect,
    )
    promise = forms.CharField(
        label="Anything about timing?",
        required=False,
        strip=False,
        widget=forms.TextInput(attrs={"placeholder": "e.g. we'll decide by Friday"}),
    )
    interview_at = LocalDateTimeField(label="Next interview (their local time)", required=False)
    note = forms.CharField(
        label="Notes", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean_promise(self) -> str:
        return _promise(self.cleaned_data["promise"])

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        needs_time = data.get("reply") == Reply.INTERVIEW and data.get("interview_at") is None
        if needs_time and "interview_at" not in self.errors:
            self.add_error("interview_at", "Give the date and time of the next interview.")
        return data

    def service_kwargs(self) -> dict[str, Any]:
        d = self.cleaned_data
        reply = Reply(d["reply"])
        return {
            "reply": reply,
            "promise_text": d["promise"] if reply in (Reply.PENDING, Reply.INTERVIEW) else "",
            "interview_at": d["interview_at"] if reply is Reply.INTERVIEW else None,
            "note": d["note"],
        }


class OfferForm(ServiceForm):
    written = forms.TypedChoiceField(
        label="How did the offer come?",
        choices=[("0", "Verbally"), ("1", "In writing")],
        coerce=lambda v: v == "1",
        initial="0",
        widget=forms.RadioSelect,
    )
    wanted = forms.BooleanField(label="It's an offer I want", required=False, initial=True)
    salary = _text("Salary", max_length=100, placeholder="e.g. $85,000")
    start_date = DayField(label="Start date", required=False)
    terms = forms.CharField(
        label="Other terms",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class CloseOutForm(ServiceForm):
    lesson = forms.CharField(
        label="What did you learn from this one?",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
