"""Campaign data. Every row belongs to one seeker; writes across models go through services.py.

Times are stored in UTC; the company's zone travels with each planned step so that it can be
shown and reasoned about in the company's local time.
"""

from __future__ import annotations

import datetime as dt

from django.db import models

from pursuit.accounts.models import Seeker
from pursuit.method.vocab import (
    ActionKind,
    ActionStatus,
    Basis,
    CampaignStatus,
    Outcome,
    PermissionAnswer,
    PromiseKind,
    Window,
)


def _choices(enum: type) -> list[tuple[str, str]]:
    return [(m.value, m.value.replace("_", " ")) for m in enum]


#: How long a deleted row waits in the Trash before it is deleted for good.
TRASH_DAYS = 30


class LiveManager[M: models.Model](models.Manager[M]):
    """Rows not in the Trash. The default manager, so every list, related set and count leaves
    trashed rows out without each caller remembering to; `with_trash` sees them all."""

    def get_queryset(self) -> models.QuerySet[M]:
        return super().get_queryset().filter(trashed_at__isnull=True)


class Trashable(models.Model):
    """A row the seeker can delete and restore: deleting sets `trashed_at`; emptying the Trash
    (or 30 days) deletes it for good. `version` counts edits, so a second writer working from
    an old copy is told instead of overwriting."""

    trashed_at = models.DateTimeField(null=True, blank=True, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = LiveManager()
    with_trash = models.Manager()

    class Meta:
        abstract = True


class Company(Trashable):
    seeker = models.ForeignKey(Seeker, on_delete=models.CASCADE, related_name="companies")
    name = models.CharField(max_length=200)
    zone = models.CharField("time zone", max_length=64, default="America/New_York")
    country = models.CharField(max_length=2, default="US")
    subdiv = models.CharField("subdivision", max_length=8, blank=True)
    #: How the company writes dates (4/12: April 12 in en_US, 4 December elsewhere); it defaults
    #: from the country when the company is added.
    locale = models.CharField(max_length=16, default="en_US")
    local = models.BooleanField(default=False, help_text="Close enough to visit in person.")
    phone = models.CharField(max_length=40, blank=True)
    address = models.CharField(max_length=300, blank=True)
    #: The company's own closure days and days it is open despite a holiday (ISO dates).
    closure_days = models.JSONField(default=list, blank=True)
    open_days = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta(Trashable.Meta):
        verbose_name_plural = "companies"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["seeker", "name"], name="company_name_per_seeker")
        ]

    def __str__(self) -> str:
        return self.name


class Contact(Trashable):
    class Role(models.TextChoices):
        DECISION_MAKER = "decision_maker", "decision maker"
        INTERVIEWER = "interviewer", "interviewer"
        RECEPTIONIST = "receptionist", "receptionist"
        ASSISTANT = "assistant", "assistant"
        GATEKEEPER = "gatekeeper", "gatekeeper"

    #: Whoever answers the phone before the decision maker: the scripts greet them by name.
    GATEKEEPERS = frozenset({Role.RECEPTIONIST, Role.ASSISTANT, Role.GATEKEEPER})

    seeker = models.ForeignKey(Seeker, on_delete=models.CASCADE, related_name="contacts")
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(max_length=120)
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.DECISION_MAKER)
    title = models.CharField(max_length=120, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)
    #: How the decision maker said to get through ("ask for Dana", "direct line after 5").
    way_through = models.CharField(max_length=300, blank=True)
    #: How to greet them ("Dana", "Frau Dr. Weber"); blank: the default for the company's country.
    address_as = models.CharField(max_length=120, blank=True)

    class Meta(Trashable.Meta):
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Campaign(Trashable):
    """One opportunity: a seeker, a company, a role; run by the seeker's playbook."""

    seeker = models.ForeignKey(Seeker, on_delete=models.CASCADE, related_name="campaigns")
    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="campaigns")
    role = models.CharField(max_length=200)
    contact = models.ForeignKey(
        Contact, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(
        max_length=16, choices=_choices(CampaignStatus), default=CampaignStatus.ACTIVE
    )
    #: The ladder's memory between events (see method.ladder.CampaignState).
    attempts = models.PositiveSmallIntegerField(default=0)
    rotation = models.PositiveSmallIntegerField(default=0)
    lesson = models.TextField(blank=True)
    job_url = models.URLField("job link", max_length=500, blank=True)
    salary_note = models.CharField("salary", max_length=200, blank=True)
    notes = models.TextField(blank=True)
    #: Where the opportunity came from: a job board, a referral, a recruiter.
    source = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta(Trashable.Meta):
        ordering = ["-updated_at"]
        indexes = [models.Index(fields=["seeker", "status"])]

    def __str__(self) -> str:
        return f"{self.role} at {self.company}"

    @property
    def status_enum(self) -> CampaignStatus:
        return CampaignStatus(self.status)


class Interview(Trashable):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="interviews")
    at = models.DateTimeField()
    with_name = models.CharField("with", max_length=200, blank=True)
    permission = models.CharField(
        max_length=12, choices=_choices(PermissionAnswer), default=PermissionAnswer.NOT_ASKED
    )
    agreed_at = models.DateTimeField(null=True, blank=True)
    way_through = models.CharField(max_length=300, blank=True)
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta(Trashable.Meta):
        ordering = ["at"]


class Promise(models.Model):
    """What they said they would do and by when, with how Pursuit read it."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="promises")
    interview = models.ForeignKey(
        Interview, on_delete=models.SET_NULL, null=True, blank=True, related_name="promises"
    )
    text = models.TextField()
    said_at = models.DateTimeField()
    earliest = models.DateField()
    latest = models.DateField()
    kind = models.CharField(max_length=8, choices=_choices(PromiseKind))
    confidence = models.FloatField()
    matched = models.CharField(max_length=200, blank=True)
    explanation = models.CharField(max_length=300, blank=True)
    alternatives = models.JSONField(default=list, blank=True)
    #: No day or date was said: the window is the usual wait, not the company's word.
    defaulted = models.BooleanField(default=False)
    #: Counts edits, as `Trashable.version` does.
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["said_at"]


class Action(models.Model):
    """A planned step. `seeker` is kept on the row so the agenda is one indexed range scan."""

    seeker = models.ForeignKey(Seeker, on_delete=models.CASCADE, related_name="actions")
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="actions")
    kind = models.CharField(max_length=24, choices=_choices(ActionKind))
    due_at = models.DateTimeField()
    zone = models.CharField(max_length=64)
    window = models.CharField(max_length=12, choices=_choices(Window), blank=True)
    status = models.CharField(
        max_length=10, choices=_choices(ActionStatus), default=ActionStatus.PLANNED
    )
    basis = models.CharField(max_length=24, choices=_choices(Basis))
    reason = models.CharField(max_length=300, blank=True)
    script = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_at", "id"]
        indexes = [
            models.Index(fields=["seeker", "status", "due_at"], name="agenda"),
            models.Index(fields=["campaign", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.due_at:%Y-%m-%d %H:%M}Z"

    @property
    def kind_enum(self) -> ActionKind:
        return ActionKind(self.kind)

    @property
    def is_planned(self) -> bool:
        return self.status == ActionStatus.PLANNED

    def local_due(self) -> dt.datetime:
        from pursuit.method.calendar import zone_named

        return self.due_at.astimezone(zone_named(self.zone))


class Touch(models.Model):
    """What actually happened: an outcome of a step, or the company getting in touch."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="touches")
    action = models.OneToOneField(
        Action, on_delete=models.SET_NULL, null=True, blank=True, related_name="touch"
    )
    outcome = models.CharField(max_length=24, choices=_choices(Outcome))
    at = models.DateTimeField()
    callback_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]


class Offer(Trashable):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="offers")
    written = models.BooleanField(default=False)
    wanted = models.BooleanField(default=True)
    at = models.DateTimeField()
    salary = models.CharField(max_length=100, blank=True)
    start_date = models.DateField(null=True, blank=True)
    terms = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta(Trashable.Meta):
        ordering = ["at"]


class CampaignEvent(models.Model):
    """One write on a campaign, for its history and its undo (see campaigns/history.py).

    A write that spans campaigns (a company edit) leaves one row per campaign, sharing `group`.
    """

    class Via(models.TextChoices):
        WEB = "web", "on the web"
        CLI = "cli", "from the command line"
        API = "api", "through the API"
        WORKER = "worker", "by the reminder worker"
        IMPORT = "import", "by an import"

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="events")
    group = models.CharField(max_length=32)
    at = models.DateTimeField()
    #: Who made the write; the label keeps their name when the account goes (or travels).
    user = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    via = models.CharField(max_length=8, choices=Via.choices)
    label = models.CharField(max_length=120, blank=True)
    kind = models.CharField(max_length=32)
    summary = models.CharField(max_length=300)
    #: The campaign's rows just before the write; null for a write that cannot be undone.
    before = models.JSONField(null=True, blank=True)
    undone_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-id"]
        indexes = [models.Index(fields=["campaign", "-id"], name="history")]

    def __str__(self) -> str:
        return f"{self.kind} on campaign {self.campaign_id} at {self.at:%Y-%m-%d %H:%M}Z"
