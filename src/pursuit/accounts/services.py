"""Writes about people: the owner on first run, a seeker joining by invitation, their settings."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets

from django.db import IntegrityError, transaction
from django.utils import timezone

from pursuit.accounts.models import (
    INVITATION_DAYS,
    ApiToken,
    Blackout,
    Invitation,
    Seeker,
    User,
)
from pursuit.errors import ServiceError
from pursuit.method.calendar import CalendarError, check_country, zone_named
from pursuit.method.playbook import DEFAULT_PLAYBOOK, Playbook, PlaybookError
from pursuit.validation import day, limit, one_line
from pursuit.validation import email as checked_email

#: Locales a seeker can pick; en_US reads the clock in 12 hours, the others in 24.
LOCALES = ("en_US", "en_GB", "en_CA", "en_AU", "en_IE", "en_NZ", "en_IN")


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
    email = checked_email(email)
    name = one_line(name, field="name", max_length=limit(Seeker, "name"))
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
                first_name=name[:150],
                is_staff=owner,
                is_superuser=owner,
            )
            return Seeker.objects.create(
                user=user,
                name=name,
                zone=zone,
                country=country,
                subdiv=sd or "",
                locale=locale,
            )
    except IntegrityError:
        raise ServiceError(f"{email} already has an account", "email") from None


def has_owner() -> bool:
    return User.objects.filter(is_superuser=True).exists()


def join(
    *,
    token: str,
    email: str,
    password: str,
    name: str = "",
    zone: str = "America/New_York",
    country: str = "US",
    subdiv: str = "",
    locale: str = "en_US",
) -> Seeker:
    """A seeker signing up with an invitation; the invitation is used up in the same step.

    An invitation opens one account, within its days, for the address it was sent to (unless
    the owner made it for anyone with the link)."""
    now = timezone.now()
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update().filter(token=token, used_at__isnull=True).first()
        )
        if invitation is None:
            raise ServiceError("this invitation is not valid any more: ask for a new one", "token")
        if invitation.expired(now):
            raise ServiceError(invitation_expired(invitation), "token")
        if not invitation.for_anyone and checked_email(email) != invitation.email:
            raise ServiceError(
                f"this invitation is for {invitation.email}: sign up with that address, "
                "or ask for an invitation for yours",
                "email",
            )
        Invitation.objects.filter(pk=invitation.pk).update(used_at=now)
        return create_seeker(
            email=email,
            password=password,
            name=name,
            zone=zone,
            country=country,
            subdiv=subdiv,
            locale=locale,
        )


def invitation_expired(invitation: Invitation) -> str:
    return (
        f"this invitation has expired (invitations last {INVITATION_DAYS} days): "
        f"ask {invitation.invited_by.email} for a new one"
    )


def invite(*, by: User, email: str, for_anyone: bool = False) -> Invitation:
    """An invitation for one person to sign up, for a week; the link carries its token. It
    opens an account for `email` only, unless `for_anyone`."""
    email = checked_email(email)
    if User.objects.filter(email=email).exists():
        raise ServiceError(f"{email} already has an account", "email")
    return Invitation.objects.create(
        email=email, token=secrets.token_urlsafe(32), invited_by=by, for_anyone=for_anyone
    )


def update_profile(
    *,
    seeker: Seeker,
    name: str,
    phone: str = "",
    zone: str,
    locale: str,
    country: str,
    subdiv: str = "",
) -> Seeker:
    """The seeker's own details; planned steps keep their times (they are in the company's zone)."""
    name = one_line(name, field="name", max_length=limit(Seeker, "name"))
    phone = one_line(phone, field="phone", max_length=limit(Seeker, "phone"))
    try:
        zone_named(zone.strip())
    except CalendarError as exc:
        raise ServiceError(str(exc), "zone") from None
    try:
        country, sd = check_country(country, subdiv or None)
    except CalendarError as exc:
        raise ServiceError(str(exc), "subdiv" if "subdivision" in str(exc) else "country") from None
    if locale not in LOCALES:
        raise ServiceError(f"pick one of: {', '.join(LOCALES)}", "locale")
    with transaction.atomic():
        seeker.name = name
        seeker.phone = phone
        seeker.zone = zone.strip()
        seeker.locale = locale
        seeker.country = country
        seeker.subdiv = sd or ""
        seeker.save(update_fields=["name", "phone", "zone", "locale", "country", "subdiv"])
        User.objects.filter(pk=seeker.user_id).update(first_name=seeker.name[:150])
    return seeker


def add_blackout(*, seeker: Seeker, start: dt.date, end: dt.date, note: str = "") -> Blackout:
    """Days off: no new step is planned on them."""
    day(start, field="start")
    day(end, field="end")
    note = one_line(note, field="note", max_length=limit(Blackout, "note"))
    if end < start:
        raise ServiceError("the last day comes before the first", "end")
    if (end - start).days > 366:
        raise ServiceError("a blackout can last a year at most", "end")
    return Blackout.objects.create(seeker=seeker, start=start, end=end, note=note)


def remove_blackout(*, blackout: Blackout) -> None:
    blackout.delete()


def update_playbook(
    *, seeker: Seeker, thank_you: bool, visits: bool, max_call_attempts: int
) -> Playbook:
    """Change the playbook parameters a seeker can set from the settings page."""
    changes = {"thank_you": thank_you, "visits": visits, "max_call_attempts": max_call_attempts}
    try:
        playbook = seeker.playbook.with_changes(**changes)
    except PlaybookError as exc:
        raise ServiceError(str(exc), "max_call_attempts") from None
    defaults = DEFAULT_PLAYBOOK.to_dict()
    seeker.playbook_overrides = {
        key: value for key, value in playbook.to_dict().items() if defaults[key] != value
    }
    seeker.save(update_fields=["playbook_overrides"])
    return playbook


# -- API tokens ----------------------------------------------------------------------------------

#: The start of every token, so one pasted into the wrong place is recognisable.
TOKEN_MARK = "pst_"
#: The mark and 10 hex digits: the part of a token that is stored and shown.
TOKEN_PREFIX_LENGTH = len(TOKEN_MARK) + 10
#: The last-used time is written at most this often: precise enough to tell a token in use from a
#: forgotten one, and a busy client does not pay a write on every request.
LAST_USED_PRECISION = dt.timedelta(minutes=1)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(*, user: User, name: str = "") -> tuple[ApiToken, str]:
    """A new token for `user`: the row, and the token itself, which is never readable again."""
    name = one_line(name, field="name", max_length=limit(ApiToken, "name"))
    # 40 random bits of prefix rarely collide; a collision just draws again.
    for _ in range(5):
        prefix = TOKEN_MARK + secrets.token_hex(5)
        plain = f"{prefix}_{secrets.token_urlsafe(32)}"
        try:
            with transaction.atomic():
                row = ApiToken.objects.create(
                    user=user, name=name, prefix=prefix, digest=_digest(plain)
                )
        except IntegrityError:
            continue
        return row, plain
    raise ServiceError("could not make a unique token; try again")


def revoke_token(*, token: ApiToken, now: dt.datetime | None = None) -> ApiToken:
    """Stop a token working at once. Revoking twice keeps the first time."""
    if token.revoked_at is None:
        token.revoked_at = now or timezone.now()
        ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
            revoked_at=token.revoked_at
        )
    return token


def use_token(*, token: str, now: dt.datetime | None = None) -> User | None:
    """The active user a presented token stands for, or None; records when it was last used."""
    if not token.startswith(TOKEN_MARK) or len(token) > 200:
        return None
    row = (
        ApiToken.objects.select_related("user__seeker")
        .filter(prefix=token[:TOKEN_PREFIX_LENGTH], revoked_at__isnull=True)
        .first()
    )
    if row is None or not hmac.compare_digest(row.digest, _digest(token)):
        return None
    if not row.user.is_active:
        return None
    now = now or timezone.now()
    if row.last_used_at is None or now - row.last_used_at >= LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=row.pk).update(last_used_at=now)
        row.last_used_at = now
    return row.user


def set_password(*, user: User, password: str) -> None:
    """A new password for `user`, held to the site's password rules."""
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise ServiceError(" ".join(exc.messages), "password") from None
    user.set_password(password)
    user.save(update_fields=["password"])


def reset_password(*, by: User, user: User, password: str) -> None:
    """The owner sets a new password for another user of this Pursuit: the way back in for
    someone who forgot theirs on a server that sends no email."""
    if not by.is_superuser:
        raise ServiceError("only the owner of this Pursuit can set another user's password")
    set_password(user=user, password=password)
