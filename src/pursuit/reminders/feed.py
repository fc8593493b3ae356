"""The seeker's plan as iCalendar (RFC 5545): the subscribed feed and a one-step download.

Each planned step is a VEVENT whose UID never changes, so a moved step updates the event in the
seeker's calendar rather than adding a second one. Times carry the company's TZID, and the feed
holds a VTIMEZONE for every zone it names, built by icalendar's `add_missing_timezones` over a
window of at most two years.

The events themselves are written here line by line: icalendar's property objects cost about a
quarter of a millisecond per event, so a thousand-step plan took longer than a phone's poll should
wait. The writer below is RFC 5545's text escaping and 75-octet line folding and nothing more;
the tests parse its output back with icalendar and with vobject.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple
from zoneinfo import ZoneInfo

import icalendar

from pursuit.accounts.models import Seeker
from pursuit.campaigns.models import Action
from pursuit.method.calendar import zone_named
from pursuit.method.vocab import ActionKind, ActionStatus
from pursuit.reminders.describe import duration, text_of
from pursuit.reminders.models import ReminderSettings

PRODID = "-//Pursuit//Follow-up plan//EN"
#: icalendar's window for VTIMEZONE rules; the spec caps it at two years.
ZONE_WINDOW = dt.timedelta(days=730)
#: The zone names that mean UTC: written as "...Z" times, with no VTIMEZONE.
_UTC_NAMES = frozenset({"UTC", "Etc/UTC", "GMT", "Etc/GMT"})
#: How often a subscribed calendar should come back for changes (a hint; clients may ignore it).
REFRESH = "PT15M"


class FeedStep(NamedTuple):
    """The columns of a step an event needs, read without building model instances: a model
    per row (and per joined row) cost more than writing the event."""

    pk: int
    kind: str
    due_at: dt.datetime
    zone: str
    status: str
    script: str
    created_at: dt.datetime
    role: str
    company: str
    company_phone: str
    contact: str | None
    contact_phone: str | None
    way_through: str | None

    @classmethod
    def of(cls, action: Action) -> FeedStep:
        contact = action.campaign.contact
        return cls(
            action.pk,
            action.kind,
            action.due_at,
            action.zone,
            action.status,
            action.script,
            action.created_at,
            action.campaign.role,
            action.campaign.company.name,
            action.campaign.company.phone,
            contact.name if contact else None,
            contact.phone if contact else None,
            contact.way_through if contact else None,
        )


def feed_steps(seeker: Seeker) -> list[FeedStep]:
    """The steps a feed shows: every planned one; done and cancelled steps leave the feed."""
    rows = (
        Action.objects.filter(seeker=seeker, status=ActionStatus.PLANNED)
        .order_by("due_at", "id")
        .values_list(
            "pk",
            "kind",
            "due_at",
            "zone",
            "status",
            "script",
            "created_at",
            "campaign__role",
            "campaign__company__name",
            "campaign__company__phone",
            "campaign__contact__name",
            "campaign__contact__phone",
            "campaign__contact__way_through",
        )
    )
    return [FeedStep(*row) for row in rows]


def event_uid(step: Action | FeedStep, settings: ReminderSettings) -> str:
    return f"step-{step.pk}-{settings.uid_salt}@pursuit"


# -- RFC 5545 text -------------------------------------------------------------------------------


#: Every kind of line break (CRLF, CR, VT, FF, NEL, LINE and PARAGRAPH SEPARATOR): a parser that
#: splits lines on any of them would cut the content line, so each becomes an escaped newline.
_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
#: What RFC 5545 keeps out of TEXT (CONTROL, §3.1 and §3.3.11): C0 but tab and LF, DEL, and C1.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def escape(text: str) -> str:
    """A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and every line break escaped,
    other control characters dropped (they may not appear in a content line at all)."""
    text = _CONTROLS.sub("", _BREAKS.sub("\n", text))
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """A content line cut into 75-octet pieces, never inside a UTF-8 character (§3.1)."""
    data = line.encode()
    if len(data) <= 75:
        return line
    pieces: list[bytes] = []
    start, limit = 0, 75
    while len(data) - start > limit:
        end = start + limit
        # A byte 10xxxxxx continues a character: cut before the character it belongs to.
        while data[end] & 0xC0 == 0x80:
            end -= 1
        pieces.append(data[start:end])
        # Continuation lines start with a space, which counts toward their 75 octets.
        start, limit = end, 74
    pieces.append(data[start:])
    return b"\r\n ".join(pieces).decode()


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _start(moment: dt.datetime, zone: str) -> str:
    if zone in _UTC_NAMES:
        return f"DTSTART:{_utc(moment)}"
    local = moment.astimezone(zone_named(zone))
    return f"DTSTART;TZID={zone}:{local:%Y%m%dT%H%M%S}"


def _duration(delta: dt.timedelta) -> str:
    return f"PT{int(delta.total_seconds() // 60)}M"


def _trigger(minutes: int) -> str:
    return f"-PT{minutes}M" if minutes else "PT0S"


# -- pieces --------------------------------------------------------------------------------------


def vevent(
    step: FeedStep,
    settings: ReminderSettings,
    *,
    stamp: dt.datetime | None = None,
    status: str | None = None,
) -> list[str]:
    """One step as unfolded content lines. DTSTAMP defaults to the step's creation, so an
    unchanged step always reads the same and the feed's ETag only moves when a step does."""
    text = text_of(
        kind=step.kind,
        script=step.script,
        role=step.role,
        company=step.company,
        company_phone=step.company_phone,
        contact=step.contact,
        contact_phone=step.contact_phone,
        way_through=step.way_through,
    )
    kind = ActionKind(step.kind)
    summary = escape(text.title)
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event_uid(step, settings)}",
        f"DTSTAMP:{_utc(stamp or step.created_at)}",
        _start(step.due_at, step.zone),
        f"DURATION:{_duration(duration(kind))}",
        f"SUMMARY:{summary}",
        f"DESCRIPTION:{escape(text.description())}",
        f"STATUS:{status or 'CONFIRMED'}",
        f"CATEGORIES:{escape(kind.label)}",
    ]
    if status != "CANCELLED":
        lines += [
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"TRIGGER:{_trigger(settings.alarm_minutes)}",
            f"DESCRIPTION:{summary}",
            "END:VALARM",
        ]
    lines.append("END:VEVENT")
    return lines


def zone_window(moments: Sequence[dt.datetime]) -> tuple[dt.date, dt.date]:
    """Two years from the month before the first step: rules outside it are left out."""
    first = min(moments).date() if moments else dt.datetime.now(dt.UTC).date()
    start = (first.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    return start, start + ZONE_WINDOW


@lru_cache(maxsize=256)
def vtimezone(zone: str, first: dt.date, last: dt.date) -> str:
    """The VTIMEZONE block of one zone over [first, last], through add_missing_timezones."""
    calendar = icalendar.Calendar()
    probe = icalendar.Event()
    probe.start = dt.datetime.combine(first, dt.time(12), tzinfo=ZoneInfo(zone))
    calendar.add_component(probe)
    calendar.add_missing_timezones(first_date=first, last_date=last)
    return "".join(tz.to_ical().decode() for tz in calendar.timezones)


def calendar_text(
    events: Iterable[list[str]],
    zones: Iterable[str],
    window: tuple[dt.date, dt.date],
    *,
    name: str,
    method: str | None = None,
) -> bytes:
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN"]
    if method:
        head.append(f"METHOD:{method}")
    head += [
        f"X-WR-CALNAME:{escape(name)}",
        f"REFRESH-INTERVAL;VALUE=DURATION:{REFRESH}",
        f"X-PUBLISHED-TTL:{REFRESH}",
    ]
    out = ["\r\n".join(fold(line) for line in head), "\r\n"]
    for zone in sorted(set(zones) - _UTC_NAMES):
        out.append(vtimezone(zone, *window))
    for lines in events:
        out.append("\r\n".join(fold(line) for line in lines))
        out.append("\r\n")
    out.append("END:VCALENDAR\r\n")
    return "".join(out).encode()


# -- the two documents ----------------------------------------------------------------------------


def render_feed(seeker: Seeker, settings: ReminderSettings) -> bytes:
    steps = feed_steps(seeker)
    return calendar_text(
        (vevent(s, settings) for s in steps),
        {s.zone for s in steps},
        zone_window([s.due_at for s in steps]),
        name=f"Pursuit — {seeker.display_name}",
    )


def render_step(action: Action, settings: ReminderSettings, *, now: dt.datetime) -> bytes:
    """One step to import by hand. A step no longer planned is sent as cancelled, so importing
    it again takes it off the calendar instead of leaving a stale call there."""
    status = None if action.status == ActionStatus.PLANNED else "CANCELLED"
    return calendar_text(
        [vevent(FeedStep.of(action), settings, stamp=now, status=status)],
        [action.zone],
        zone_window([action.due_at]),
        name="Pursuit",
        method="PUBLISH",
    )


def etag_of(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()[:32]
