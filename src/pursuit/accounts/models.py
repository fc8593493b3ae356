"""People: a user signs in with an email; a seeker profile holds how their method runs."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils import timezone

from pursuit.method.playbook import DEFAULT_PLAYBOOK, Playbook


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        if not email:
            raise ValueError("an email address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra)


class User(AbstractUser):
    """Signs in with an email address; there is no separate user name."""

    username = None  # type: ignore[assignment]
    email = models.EmailField("email address", unique=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()  # type: ignore[misc]

    def __str__(self) -> str:
        return self.email


class Seeker(models.Model):
    """A job seeker: their zone, calendar and the playbook their campaigns run by.

    Every campaign row belongs to one seeker; `seekers_for(user)` in campaigns.access decides
    whose rows a user may see.
    """

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="seeker")
    name = models.CharField(max_length=120, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    zone = models.CharField("time zone", max_length=64, default="America/New_York")
    locale = models.CharField(max_length=16, default="en_US")
    country = models.CharField(max_length=2, default="US")
    subdiv = models.CharField("subdivision", max_length=8, blank=True)
    #: Playbook parameters that differ from the defaults (see method/playbook.py).
    playbook_overrides = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name or self.user.email

    @property
    def playbook(self) -> Playbook:
        if not self.playbook_overrides:
            return DEFAULT_PLAYBOOK
        return Playbook.from_dict(self.playbook_overrides)

    @property
    def display_name(self) -> str:
        return self.name or self.user.email.split("@")[0]


class Blackout(models.Model):
    """Days the seeker cannot follow up (vacation, a day off); no step is planned on them."""

    seeker = models.ForeignKey(Seeker, on_delete=models.CASCADE, related_name="blackouts")
    start = models.DateField()
    end = models.DateField()
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")), name="blackout_end_after_start"
            )
        ]

    def days(self) -> list[dt.date]:
        n = (self.end - self.start).days + 1
        return [self.start + dt.timedelta(days=i) for i in range(n)]


#: How long an invitation link can be used: long enough for a week away, short enough that a
#: forwarded or leaked link does not open the server for good.
INVITATION_DAYS = 7


def invitation_expiry() -> dt.datetime:
    return timezone.now() + dt.timedelta(days=INVITATION_DAYS)


class Invitation(models.Model):
    """Sign-ups after the owner's are by invitation (unless open sign-up is switched on): for
    the address it was sent to, unless the owner chose "anyone with the link"."""

    email = models.EmailField()
    token = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(default=invitation_expiry)
    for_anyone = models.BooleanField("anyone with the link", default=False)

    def expired(self, now: dt.datetime) -> bool:
        return now >= self.expires_at


class ApiToken(models.Model):
    """A personal key to the JSON API, shown to its user once.

    Only the SHA-256 digest of the token is stored. A slow password hash would add nothing: the
    token is 256 random bits, beyond guessing, and a fast digest keeps every request cheap. The
    visible `prefix` finds the row without revealing the secret part.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100, blank=True)
    prefix = models.CharField(max_length=16, unique=True)
    digest = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name or 'token'} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
