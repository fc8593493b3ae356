"""Writes that create people: the owner on first run, a seeker joining by invitation."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from pursuit.accounts.models import Seeker, User
from pursuit.errors import ServiceError
from pursuit.method.calendar import CalendarError, check_country, zone_named


def create_seeker(
    *,
    email: str,
    password: str | None = None,
    name: str = "",
    zone: str = "America/New_York",
    country: str = "US",
    subdiv: str = "",
    locale: str = "en_US",
    owner: bool = False,
) -> Seeker:
    """A user and their seeker profile; the owner also runs the admin."""
    email = email.strip().lower()
    if "@" not in email:
        raise ServiceError("give an email address such as you@example.com", "email")
    try:
        zone_named(zone)
    except CalendarError as exc:
        raise ServiceError(str(exc), "zone") from None
    try:
        country, sd = check_country(country, subdiv or None)
    except CalendarError as exc:
        raise ServiceError(str(exc), "country") from None
    try:
        with transaction.atomic():
            user = User.objects.create_user(
                email,
                password,
                first_name=name.strip()[:150],
                is_staff=owner,
                is_superuser=owner,
            )
            return Seeker.objects.create(
                user=user,
                name=name.strip(),
                zone=zone,
                country=country,
                subdiv=sd or "",
                locale=locale,
            )
    except IntegrityError:
        raise ServiceError(f"{email} already has an account", "email") from None


def has_owner() -> bool:
    return User.objects.filter(is_superuser=True).exists()
