"""The first run, signing up, signing in and out, passwords, and the settings page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.test import Client, override_settings

from pursuit.accounts.models import Blackout, Invitation, Seeker, User
from pursuit.accounts.services import create_seeker
from pursuit.reminders.models import OutboxMessage

OWNER = {
    "email": "alex@example.com",
    "name": "Alex Kim",
    "password": "a-long-pass-phrase-1",
    "password2": "a-long-pass-phrase-1",
    "zone": "America/Chicago",
    "country": "US",
    "subdiv": "IL",
    "locale": "en_US",
}


@pytest.mark.parametrize("path", ["/", "/campaigns", "/interviews/new", "/settings", "/login"])
def test_before_any_account_every_page_leads_to_setup(client: Client, db: None, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == "/setup"


def test_first_run_creates_the_owner_and_signs_them_in(client: Client, db: None) -> None:
    page = client.get("/setup").content.decode()
    assert "Welcome to Pursuit" in page
    assert "setup.js" in page  # fills the zone from the browser

    response = client.post("/setup", OWNER, follow=True)
    assert response.redirect_chain[-1] == ("/interviews/new", 302)
    user = User.objects.get(email="alex@example.com")
    assert user.is_superuser and user.is_staff
    assert user.seeker.zone == "America/Chicago"
    assert user.seeker.subdiv == "IL"
    assert "Welcome, Alex Kim" in response.content.decode()
    assert client.get("/").status_code == 200


def test_setup_is_closed_once_the_owner_exists(client: Client, db: None) -> None:
    client.post("/setup", OWNER)
    other = Client()
    assert other.get("/setup")["Location"] == "/login"
    assert other.post("/setup", OWNER | {"email": "eve@example.com"}).status_code == 302
    assert not User.objects.filter(email="eve@example.com").exists()


def test_an_unknown_zone_keeps_everything_that_was_typed(client: Client, db: None) -> None:
    response = client.post("/setup", OWNER | {"zone": "Mars/Olympus"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Unknown time zone" in page
    assert 'value="Mars/Olympus"' in page
    assert 'value="alex@example.com"' in page
    assert 'value="Alex Kim"' in page
    assert not User.objects.exists()


def test_a_weak_password_is_refused_next_to_its_field(client: Client, db: None) -> None:
    response = client.post("/setup", OWNER | {"password": "123", "password2": "123"})
    assert response.status_code == 400
    assert "too short" in response.content.decode()


@pytest.fixture
def owner(client: Client, db: None) -> User:
    client.post("/setup", OWNER)
    return User.objects.get(email="alex@example.com")


def test_later_sign_ups_need_an_invitation(owner: User) -> None:
    response = Client().get("/signup")
    assert response.status_code == 403
    assert "by invitation" in response.content.decode()


def test_an_invitation_lets_one_person_join(client: Client, owner: User) -> None:
    response = client.post("/settings/invitations", {"email": "sam@example.com"}, follow=True)
    invitation = Invitation.objects.get()
    assert f"invite={invitation.token}" in response.content.decode()
    assert mail.outbox and invitation.token in mail.outbox[0].body

    guest = Client()
    form = OWNER | {"email": "sam@example.com", "name": "Sam Lee", "invite": invitation.token}
    assert guest.get(f"/signup?invite={invitation.token}").status_code == 200
    assert guest.post("/signup", form).status_code == 302
    sam = User.objects.get(email="sam@example.com")
    assert not sam.is_staff
    again = Client().post("/signup", form | {"email": "kim@example.com"})
    assert again.status_code == 403


def invited(client: Client, email: str, **choices: object) -> Invitation:
    client.post("/settings/invitations", {"email": email, **choices})
    return Invitation.objects.get(email=email)


def test_an_invitation_opens_an_account_for_its_own_address_only(
    client: Client, owner: User
) -> None:
    invitation = invited(client, "sam@example.com")
    form = OWNER | {"email": "kim@example.com", "name": "Kim Park", "invite": invitation.token}
    refused = Client().post("/signup", form)
    assert refused.status_code == 400
    page = refused.content.decode()
    assert "This invitation is for sam@example.com: sign up with that address" in page
    assert 'value="Kim Park"' in page  # what was typed stays
    assert not User.objects.filter(email="kim@example.com").exists()
    assert Client().post("/signup", form | {"email": "Sam@Example.com"}).status_code == 302
    assert User.objects.filter(email="sam@example.com").exists()


def test_an_invitation_for_anyone_with_the_link_takes_any_address(
    client: Client, owner: User
) -> None:
    invitation = invited(client, "sam@example.com", for_anyone="on")
    assert invitation.for_anyone
    form = OWNER | {"email": "kim@example.com", "name": "Kim Park", "invite": invitation.token}
    assert Client().post("/signup", form).status_code == 302


def test_an_invitation_expires_after_seven_days_with_a_clear_message(
    client: Client, owner: User
) -> None:
    invitation = invited(client, "sam@example.com")
    lasts = invitation.expires_at - invitation.created_at
    assert round(lasts / dt.timedelta(hours=1)) == 7 * 24
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=invitation.created_at - dt.timedelta(seconds=1)
    )
    page = Client().get(f"/signup?invite={invitation.token}")
    assert page.status_code == 403
    assert "This invitation has expired (invitations last 7 days): ask alex@example.com" in (
        page.content.decode()
    )
    form = OWNER | {"email": "sam@example.com", "name": "Sam Lee", "invite": invitation.token}
    assert Client().post("/signup", form).status_code == 403
    assert not User.objects.filter(email="sam@example.com").exists()


def test_a_password_that_repeats_the_email_is_refused_on_setup(client: Client, db: None) -> None:
    same = {"password": "alex@example.com", "password2": "alex@example.com"}
    response = client.post("/setup", OWNER | same)
    assert response.status_code == 400
    assert "too similar to the email address" in response.content.decode()
    assert not User.objects.exists()


@override_settings(OPEN_SIGNUP=True)
def test_a_password_that_repeats_the_email_is_refused_on_sign_up(owner: User) -> None:
    same = {"password": "pat.jones@example.com", "password2": "pat.jones@example.com"}
    response = Client().post("/signup", OWNER | {"email": "pat.jones@example.com"} | same)
    assert response.status_code == 400
    assert "too similar to the email address" in response.content.decode()


@override_settings(OPEN_SIGNUP=True)
def test_open_sign_up_needs_no_invitation(owner: User) -> None:
    response = Client().post("/signup", OWNER | {"email": "pat@example.com"})
    assert response.status_code == 302
    assert Seeker.objects.filter(user__email="pat@example.com").exists()


def test_signing_in_and_out(owner: User) -> None:
    visitor = Client()
    assert visitor.get("/")["Location"] == "/login?next=/"
    response = visitor.post(
        "/login", {"username": "alex@example.com", "password": OWNER["password"]}
    )
    assert response.status_code == 302
    assert visitor.get("/").status_code == 200
    assert visitor.get("/logout").status_code == 405  # signing out is a POST
    visitor.post("/logout")
    assert visitor.get("/").status_code == 302


def test_a_password_reset_mails_a_link_that_sets_a_new_password(owner: User) -> None:
    visitor = Client()
    response = visitor.post("/password/reset", {"email": "alex@example.com"})
    assert response["Location"] == "/password/reset/sent"
    body = mail.outbox[-1].body
    link = next(line for line in body.splitlines() if "/password/reset/" in line)
    path = link.split("testserver", 1)[1]
    form = visitor.get(path, follow=True)
    assert "Choose a new password" in form.content.decode()
    new = {"new_password1": "another-long-phrase-2", "new_password2": "another-long-phrase-2"}
    done = visitor.post(form.redirect_chain[-1][0], new)
    assert done["Location"] == "/password/reset/done"
    assert Client().login(email="alex@example.com", password="another-long-phrase-2")


@override_settings(MAILERS={"default": {"BACKEND": "pursuit.reminders.mail.OutboxBackend"}})
def test_without_a_mail_server_the_reset_page_shows_the_command_instead(owner: User) -> None:
    visitor = Client()
    page = visitor.get("/password/reset").content.decode()
    assert "This Pursuit sends no email" in page
    assert "<code>uv run pursuit password --user you@example.com</code>" in page
    assert "Settings → Users" in page and 'name="email"' not in page
    answer = visitor.post("/password/reset", {"email": "alex@example.com"})
    assert answer.status_code == 200 and "This Pursuit sends no email" in answer.content.decode()
    assert not OutboxMessage.objects.exists()


def test_the_owner_sets_a_new_password_for_another_user(client: Client, owner: User) -> None:
    bob = create_seeker(email="bob@example.com", password="pw-bob-first-1", name="Bob")
    client.force_login(owner)
    page = client.get("/settings").content.decode()
    assert 'id="users"' in page and f'action="/settings/users/{bob.user.pk}/password"' in page
    weak = client.post(f"/settings/users/{bob.user.pk}/password", {"password": "123"}, follow=True)
    assert "No new password for bob@example.com" in weak.content.decode()
    client.post(f"/settings/users/{bob.user.pk}/password", {"password": "a-fresh-phrase-77"})
    assert Client().login(email="bob@example.com", password="a-fresh-phrase-77")


def test_only_the_owner_sets_other_users_passwords(owner: User) -> None:
    bob = create_seeker(email="bob@example.com", password="pw-bob-first-1", name="Bob")
    as_bob = Client()
    as_bob.force_login(bob.user)
    assert 'id="users"' not in as_bob.get("/settings").content.decode()
    tried = as_bob.post(f"/settings/users/{owner.pk}/password", {"password": "a-fresh-phrase-77"})
    assert tried.status_code == 404
    assert not Client().login(email="alex@example.com", password="a-fresh-phrase-77")


def test_changing_the_password(client: Client, owner: User) -> None:
    response = client.post(
        "/password/change",
        {
            "old_password": OWNER["password"],
            "new_password1": "a-third-long-phrase-3",
            "new_password2": "a-third-long-phrase-3",
        },
    )
    assert response["Location"] == "/password/change/done"


def test_the_profile_is_saved_and_a_bad_country_keeps_the_values(
    client: Client, owner: User
) -> None:
    good = {
        "name": "Alex K.",
        "phone": "+1 312 555 0199",
        "zone": "Europe/London",
        "locale": "en_GB",
        "country": "GB",
        "subdiv": "",
    }
    assert client.post("/settings/profile", good).status_code == 302
    owner.seeker.refresh_from_db()
    assert (owner.seeker.zone, owner.seeker.locale, owner.seeker.country) == (
        "Europe/London",
        "en_GB",
        "GB",
    )
    bad = client.post("/settings/profile", good | {"country": "ZZ", "name": "Alex Typed"})
    assert bad.status_code == 400
    page = bad.content.decode()
    assert "Unknown country" in page
    assert 'value="Alex Typed"' in page


def test_days_off_can_be_added_and_removed(client: Client, owner: User) -> None:
    response = client.post(
        "/settings/blackouts", {"start": "2027-01-04", "end": "2027-01-08", "note": "Ski trip"}
    )
    assert response.status_code == 302
    blackout = Blackout.objects.get()
    assert blackout.days()[0] == dt.date(2027, 1, 4)
    assert "Ski trip" in client.get("/settings").content.decode()
    client.post(f"/settings/blackouts/{blackout.pk}/delete")
    assert not Blackout.objects.exists()


def test_days_off_that_end_before_they_start_are_refused(client: Client, owner: User) -> None:
    response = client.post("/settings/blackouts", {"start": "2027-01-08", "end": "2027-01-04"})
    assert response.status_code == 400
    assert "comes before the first" in response.content.decode()
    assert 'value="2027-01-08"' in response.content.decode()


def test_playbook_switches_are_stored_as_changes_from_the_defaults(
    client: Client, owner: User
) -> None:
    response = client.post("/settings/playbook", {"visits": "on", "max_call_attempts": "3"})
    assert response.status_code == 302
    owner.seeker.refresh_from_db()
    assert owner.seeker.playbook_overrides == {"thank_you": False, "max_call_attempts": 3}
    assert not owner.seeker.playbook.thank_you
    assert client.post("/settings/playbook", {"max_call_attempts": "0"}).status_code == 400
