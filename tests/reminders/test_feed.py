"""The calendar feed, read back as calendar apps would: by icalendar and by vobject."""

from __future__ import annotations

import datetime as dt
import re
from email.utils import format_datetime

import icalendar
import pytest
import vobject
from django.db import connection
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st

from pursuit.accounts.models import Seeker
from pursuit.campaigns import services
from pursuit.campaigns.models import Action, Campaign, Company
from pursuit.method.vocab import ActionStatus, Outcome
from pursuit.reminders import feed
from pursuit.reminders.services import rotate_feed_token, settings_for

from .conftest import NY, ny

pytestmark = pytest.mark.django_db


def fetch(client: Client, seeker: Seeker, **headers: str) -> bytes:
    token = settings_for(seeker).feed_token
    response = client.get(f"/calendar/{token}.ics", headers=headers)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response.content


def events(body: bytes) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(body)
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_it_shows_a_planned_call_with_its_script_time_zone_and_alarm(
    client: Client, call: Action
) -> None:
    body = fetch(client, call.seeker)
    event = events(body)[feed.event_uid(call, settings_for(call.seeker))]
    assert str(event["SUMMARY"]) == "Call Ms. Jones — Acme Tools"
    assert event.decoded("DTSTART") == ny("2026-12-01T09:00")
    assert event["DTSTART"].params["TZID"] == "America/New_York"
    assert event.decoded("DURATION") == dt.timedelta(minutes=15)
    description = str(event["DESCRIPTION"])
    assert "Ms. Jones asked me to call today at 9:00 AM" in description
    assert "+1 212 555 0199" in description
    assert "ask Dana at reception" in description
    (alarm,) = event.walk("VALARM")
    assert alarm.decoded("TRIGGER") == -dt.timedelta(minutes=15)
    assert str(alarm["ACTION"]) == "DISPLAY"


def test_every_zone_it_names_has_a_vtimezone_over_at_most_two_years(
    client: Client, call: Action, alice: Seeker
) -> None:
    berlin = services.create_company(
        seeker=alice, name="Berlin GmbH", zone="Europe/Berlin", country="DE"
    )
    campaign = services.create_campaign(seeker=alice, company=berlin, role="Buyer")
    services.log_interview(campaign=campaign, at=ny("2026-11-24T04:00"), now=ny("2026-11-24T12:00"))
    calendar = icalendar.Calendar.from_ical(fetch(client, alice))
    assert calendar.get_missing_tzids() == set()
    zones = {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")}
    assert zones == {"America/New_York", "Europe/Berlin"}
    first, last = feed.zone_window([call.due_at])
    assert last - first <= dt.timedelta(days=731)


# New York leaves daylight time on Sunday Nov 1 2026 and enters it on Sunday Mar 14 2027:
# a 09:00 step is 13:00 UTC in daylight time and 14:00 UTC in standard time.
@pytest.mark.parametrize(
    ("interview", "before", "after", "utc_hours"),
    [
        ("2026-10-20T10:00", "2026-10-29T09:00", "2026-11-03T09:00", [13, 14]),
        ("2027-03-02T10:00", "2027-03-11T09:00", "2027-03-16T09:00", [14, 13]),
    ],
    ids=["autumn", "spring"],
)
def test_a_second_parser_reads_the_same_times_across_a_clock_change(
    client: Client,
    acme: Campaign,
    alice: Seeker,
    interview: str,
    before: str,
    after: str,
    utc_hours: list[int],
) -> None:
    said = ny(interview)
    services.log_interview(
        campaign=acme, at=said, promise_text="by Friday", now=said + dt.timedelta(hours=2)
    )
    times = [ny(before), ny(after)]
    for action, when in zip(Action.objects.filter(campaign=acme), times, strict=True):
        services.move_action(
            action=action,
            due_at=when.replace(tzinfo=None),
            confirm=True,
            now=said + dt.timedelta(hours=2),
        )
    body = fetch(client, alice)

    by_icalendar = sorted(e.decoded("DTSTART") for e in events(body).values())
    by_vobject = sorted(v.dtstart.value for v in vobject.readOne(body.decode()).vevent_list)
    assert by_icalendar == times
    assert by_vobject == times
    assert [t.astimezone(dt.UTC).hour for t in by_vobject] == utc_hours
    assert [t.astimezone(NY).hour for t in by_vobject] == [9, 9]


def test_a_moved_step_keeps_its_uid_and_shows_the_new_time(client: Client, call: Action) -> None:
    uid = feed.event_uid(call, settings_for(call.seeker))
    assert events(fetch(client, call.seeker))[uid].decoded("DTSTART") == ny("2026-12-01T09:00")

    services.move_action(
        action=call, due_at=ny("2026-12-02T17:30"), confirm=True, now=ny("2026-11-25T08:00")
    )

    after = events(fetch(client, call.seeker))
    assert after[uid].decoded("DTSTART") == ny("2026-12-02T17:30")
    assert [u for u in after if u == uid] == [uid]


def test_done_and_cancelled_steps_leave_the_feed(client: Client, call: Action) -> None:
    thank_you = Action.objects.get(kind="thank_you")
    services.log_outcome(action=thank_you, outcome=Outcome.DONE, now=ny("2026-11-25T09:10"))
    Action.objects.filter(pk=call.pk).update(status=ActionStatus.CANCELLED)
    assert events(fetch(client, call.seeker)) == {}


def test_an_old_token_gets_404_once_rotated(client: Client, call: Action) -> None:
    old = settings_for(call.seeker).feed_token
    assert len(old) >= 43  # 32 random bytes in URL-safe base64: 256 bits
    rotate_feed_token(seeker=call.seeker)
    assert client.get(f"/calendar/{old}.ics").status_code == 404
    assert fetch(client, call.seeker)


def test_it_answers_304_until_something_changes(client: Client, call: Action) -> None:
    token = settings_for(call.seeker).feed_token
    first = client.get(f"/calendar/{token}.ics")
    etag, modified = first["ETag"], first["Last-Modified"]

    assert client.get(f"/calendar/{token}.ics", headers={"If-None-Match": etag}).status_code == 304
    since = client.get(f"/calendar/{token}.ics", headers={"If-Modified-Since": modified})
    assert since.status_code == 304

    services.move_action(
        action=call, due_at=ny("2026-12-02T17:30"), confirm=True, now=ny("2026-11-25T08:00")
    )
    changed = client.get(f"/calendar/{token}.ics", headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_a_change_moves_last_modified_forward(client: Client, call: Action) -> None:
    prefs = settings_for(call.seeker)
    token = prefs.feed_token
    client.get(f"/calendar/{token}.ics")
    long_ago = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    type(prefs).objects.filter(pk=prefs.pk).update(feed_changed_at=long_ago)
    services.move_action(
        action=call, due_at=ny("2026-12-02T17:30"), confirm=True, now=ny("2026-11-25T08:00")
    )
    response = client.get(
        f"/calendar/{token}.ics",
        headers={
            "If-Modified-Since": format_datetime(long_ago + dt.timedelta(days=1), usegmt=True)
        },
    )
    assert response.status_code == 200


def test_one_step_downloads_for_its_owner_only(client: Client, call: Action, bob: Seeker) -> None:
    client.force_login(call.seeker.user)
    response = client.get(f"/calendar/action/{call.pk}.ics")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    (event,) = events(response.content).values()
    assert str(event["SUMMARY"]) == "Call Ms. Jones — Acme Tools"
    assert str(event["STATUS"]) == "CONFIRMED"

    client.force_login(bob.user)
    assert client.get(f"/calendar/action/{call.pk}.ics").status_code == 404


def test_a_closed_step_downloads_as_cancelled(client: Client, call: Action) -> None:
    Action.objects.filter(pk=call.pk).update(status=ActionStatus.CANCELLED)
    client.force_login(call.seeker.user)
    (event,) = events(client.get(f"/calendar/action/{call.pk}.ics").content).values()
    assert str(event["STATUS"]) == "CANCELLED"
    assert event.walk("VALARM") == []


def test_the_alarm_follows_the_seekers_setting(client: Client, call: Action) -> None:
    prefs = settings_for(call.seeker)
    prefs.alarm_minutes = 45
    prefs.save()
    event = events(fetch(client, call.seeker))[feed.event_uid(call, prefs)]
    assert event.walk("VALARM")[0].decoded("TRIGGER") == -dt.timedelta(minutes=45)


@settings(max_examples=200, deadline=None)
@given(text=st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=400))
def test_any_text_survives_escaping_and_folding(text: str) -> None:
    line = f"DESCRIPTION:{feed.escape(text)}"
    folded = feed.fold(line)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//EN", "BEGIN:VEVENT", "UID:x"]
    tail = ["DTSTAMP:20260101T000000Z", "END:VEVENT", "END:VCALENDAR", ""]
    body = "\r\n".join([*head, folded, *tail])
    (event,) = icalendar.Calendar.from_ical(body).walk("VEVENT")
    assert str(event["DESCRIPTION"]) == text.replace("\u2028", "\n").replace("\u2029", "\n")


def hand_built(description: str) -> str:
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//EN", "BEGIN:VEVENT", "UID:x"]
    tail = ["DTSTAMP:20260101T000000Z", "END:VEVENT", "END:VCALENDAR", ""]
    line = feed.fold(f"DESCRIPTION:{feed.escape(description)}")
    return "\r\n".join([*head, f"SUMMARY:{feed.escape(description)}", line, *tail])


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Acme\x0bTools", "Acme\nTools"),
        ("Acme\x0cTools", "Acme\nTools"),
        ("Acme\x85Tools", "Acme\nTools"),
        ("Acme\u2028Tools", "Acme\nTools"),
        ("Acme\u2029Tools", "Acme\nTools"),
        ("Acme\r\nTools\r", "Acme\nTools\n"),
        ("Acme\x00Tools", "AcmeTools"),
        ("Acme\x1b[31mTools", "Acme[31mTools"),
        ("Acme\x7fTools\x9b", "AcmeTools"),
        ("Acme\tTools", "Acme\tTools"),
    ],
    ids=["vt", "ff", "nel", "ls", "ps", "crlf-cr", "nul", "esc", "del-c1", "tab-kept"],
)
def test_ics_text_carries_no_raw_control_character_and_both_parsers_agree(
    text: str, read: str
) -> None:
    body = hand_built(text)
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]", body)
    (event,) = icalendar.Calendar.from_ical(body).walk("VEVENT")
    assert str(event["SUMMARY"]) == read
    assert str(event["DESCRIPTION"]) == read
    (card,) = vobject.readOne(body).vevent_list
    assert card.summary.value == read
    assert card.description.value == read


def test_a_name_stored_with_control_characters_reads_in_both_parsers(
    client: Client, call: Action
) -> None:
    # Written before names were checked on the way in (PostgreSQL never stores a NUL).
    nul = "\x00" if connection.vendor == "sqlite" else ""
    Company.objects.filter(pk=call.campaign.company_id).update(name=f"Acme\x0bTools\u2028Inc{nul}")
    body = fetch(client, call.seeker)
    summaries = sorted(str(e["SUMMARY"]) for e in events(body).values())
    assert any("Acme\nTools\nInc" in summary for summary in summaries)
    cards = vobject.readOne(body.decode()).vevent_list
    assert sorted(card.summary.value for card in cards) == summaries
