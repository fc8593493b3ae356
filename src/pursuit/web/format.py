"""How times, days, phones and promises read on a page or in an email: every time a seeker sees
goes through here.

Plain functions over plain values: the pages call them once per row while building their context,
so the templates only print strings. A stored moment with no company attached (a message sent, a
token used) reads in the seeker's own zone and clock, which `seeker_clock` makes current for a
request (web/middleware.py) or an email; `shown` and `shown_day` (filters of the same names in
templates) print it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache

import phonenumbers
from django.utils import timezone

from pursuit.method.calendar import zone_named
from pursuit.method.vocab import ActionKind, Outcome

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def twelve_hour(locale: str) -> bool:
    return locale.replace("-", "_").lower() == "en_us"


def clock(moment: dt.datetime | dt.time, twelve: bool) -> str:
    hour, minute = moment.hour, moment.minute
    if twelve:
        return f"{hour % 12 or 12}:{minute:02d} {'AM' if hour < 12 else 'PM'}"
    return f"{hour:02d}:{minute:02d}"


def short_date(day: dt.date, twelve: bool) -> str:
    return f"{_MONTHS[day.month]} {day.day}" if twelve else f"{day.day} {_MONTHS[day.month]}"


def day_name(day: dt.date, today: dt.date | None = None) -> str:
    """ "Today", "Tomorrow", a weekday within the week ahead, else the weekday and date."""
    if today is not None:
        delta = (day - today).days
        if delta == 0:
            return "Today"
        if delta == 1:
            return "Tomorrow"
        if delta == -1:
            return "Yesterday"
    return _WEEKDAYS[day.weekday()]


def day_heading(day: dt.date, today: dt.date, twelve: bool) -> str:
    """ "Today · Thursday, Nov 19", "Friday, Nov 20" ."""
    full = f"{_WEEKDAYS[day.weekday()]}, {short_date(day, twelve)}"
    near = day_name(day, today)
    return f"{near} · {full}" if near in ("Today", "Tomorrow", "Yesterday") else full


def when(moment: dt.datetime, today: dt.date, twelve: bool, *, dated: bool = False) -> str:
    """A moment in its own zone, as short as stays clear: "today at 9:00 AM",
    "Wednesday at 5:30 PM" (within the week ahead), "Wednesday, Dec 2 at 9:00 AM" (further, or
    always when `dated`)."""
    day = moment.date()
    delta = (day - today).days
    at = clock(moment, twelve)
    if delta in (-1, 0, 1):
        return f"{day_name(day, today).lower()} at {at}"
    if 1 < delta < 7 and not dated:
        return f"{_WEEKDAYS[day.weekday()]} at {at}"
    year = f" {day.year}" if day.year != today.year else ""
    return f"{_WEEKDAYS[day.weekday()]}, {short_date(day, twelve)}{year} at {at}"


def span(earliest: dt.date, latest: dt.date, twelve: bool) -> str:
    def one(d: dt.date) -> str:
        return f"{_WEEKDAYS[d.weekday()][:3]} {short_date(d, twelve)}"

    return one(latest) if earliest == latest else f"{one(earliest)} – {one(latest)}"


def also_yours(moment: dt.datetime, zone: dt.tzinfo, today: dt.date, twelve: bool) -> str:
    """The seeker's own clock for a moment, when it reads differently from the company's."""
    mine = moment.astimezone(zone)
    if (mine.date(), mine.hour, mine.minute) == (moment.date(), moment.hour, moment.minute):
        return ""
    if mine.date() == moment.date():
        return f"{clock(mine, twelve)} your time"
    return f"{when(mine, today, twelve)} your time"


# -- the seeker's clock, for a request or an email ----------------------------------------------

_TWELVE: ContextVar[bool] = ContextVar("pursuit_twelve_hour", default=False)


@contextmanager
def seeker_clock(zone: str, locale: str) -> Iterator[None]:
    """Inside, stored moments read in `zone` and on the locale's clock (12 or 24 hours)."""
    token = _TWELVE.set(twelve_hour(locale))
    try:
        with timezone.override(zone_named(zone)):
            yield
    finally:
        _TWELVE.reset(token)


def shown(moment: dt.datetime | None) -> str:
    """A stored moment in the current seeker's zone and clock: "today at 9:37 AM",
    "Friday, Nov 20 at 20:07"; "" for none."""
    if moment is None:
        return ""
    local = timezone.localtime(moment)
    return when(local, timezone.localdate(), _TWELVE.get(), dated=True)


def shown_day(moment: dt.datetime | None) -> str:
    """The day of a stored moment in the current seeker's zone: "Nov 20" (a year ago: "Nov 20,
    2025"); "" for none."""
    if moment is None:
        return ""
    day = timezone.localtime(moment).date()
    twelve = _TWELVE.get()
    text = short_date(day, twelve)
    if day.year != timezone.localdate().year:
        text += f", {day.year}" if twelve else f" {day.year}"
    return text


@lru_cache(maxsize=1024)
def phone_link(raw: str, region: str, home: str = "") -> tuple[str, str]:
    """(href, label) for a phone number read in `region`: E.164 in the `tel:` link, and as the
    seeker dials it from `home` (their country) as the label: national at home, international
    abroad. A number that does not parse is still dialable as typed."""
    raw = raw.strip()
    if not raw:
        return "", ""
    try:
        number = phonenumbers.parse(raw, region or None)
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_possible_number(number):
        digits = "".join(c for c in raw if c.isdigit() or c == "+")
        return (f"tel:{digits}" if digits else ""), raw
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    style = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if phonenumbers.region_code_for_number(number) == (home or region)
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return f"tel:{e164}", phonenumbers.format_number(number, style)


def confidence_words(confidence: float) -> str:
    if confidence >= 0.85:
        return "clear"
    if confidence >= 0.6:
        return "fairly clear"
    if confidence > 0.3:
        return "a best guess"
    return "a default"


def next_step_reason(outcome: Outcome | None, reason: str) -> str:
    """A step's reason without repeating the outcome the seeker just tapped."""
    if outcome is not None:
        prefix = f"{outcome.label}: "
        if reason.startswith(prefix):
            return reason[len(prefix) :]
    return reason


#: Short button words for each outcome, in the order the buttons show.
OUTCOME_BUTTONS: dict[Outcome, str] = {
    Outcome.NO_ANSWER: "No answer",
    Outcome.VOICEMAIL_NOT_LEFT: "Voicemail — left no message",
    Outcome.GATEKEEPER_NO_TIME: "Not available, no time given",
    Outcome.DONE: "Done",
    Outcome.MET: "Met them",
    Outcome.UNAVAILABLE: "Not available — left the note",
    Outcome.GATEKEEPER_CALLBACK: "Call back at a set time…",
    Outcome.REACHED_PENDING: "Reached — still deciding",
    Outcome.REACHED_INTERVIEW: "Reached — another interview…",
    Outcome.REACHED_VERBAL_OFFER: "Reached — verbal offer",
    Outcome.REACHED_REJECTED: "Reached — not selected",
    Outcome.THEY_CALLED: "They got in touch first",
    Outcome.SKIPPED: "Skip",
}

#: What the confirmation says for each outcome.
OUTCOME_DONE: dict[Outcome, str] = {
    Outcome.NO_ANSWER: "No answer",
    Outcome.VOICEMAIL_NOT_LEFT: "Voicemail, no message left",
    Outcome.GATEKEEPER_NO_TIME: "No time given",
    Outcome.DONE: "Done",
    Outcome.MET: "You met them",
    Outcome.UNAVAILABLE: "Note left",
    Outcome.GATEKEEPER_CALLBACK: "Callback time noted",
    Outcome.REACHED_PENDING: "You reached them",
    Outcome.REACHED_INTERVIEW: "Another interview",
    Outcome.REACHED_VERBAL_OFFER: "A verbal offer",
    Outcome.REACHED_REJECTED: "Not selected this time",
    Outcome.THEY_CALLED: "They got in touch",
    Outcome.SKIPPED: "Skipped",
}


#: What was done, where "Done" alone would not say: the kind of step tells.
_DONE_BY_KIND: dict[tuple[ActionKind, Outcome], str] = {
    (ActionKind.THANK_YOU, Outcome.DONE): "Thank-you sent",
    (ActionKind.LEAVE_NOTE, Outcome.DONE): "Note printed",
    (ActionKind.REQUEST_WRITTEN_OFFER, Outcome.DONE): "Asked for the offer in writing",
    (ActionKind.CLOSE_OUT, Outcome.DONE): "Confirmed out of the running",
    (ActionKind.CLOSE_OUT, Outcome.SKIPPED): "Not out yet: one more round of calls",
}


def done_words(kind: str | None, outcome: Outcome) -> str:
    """What an outcome says once recorded, in the words of its kind of step: "Note printed"."""
    if kind is not None:
        words = _DONE_BY_KIND.get((ActionKind(kind), outcome))
        if words is not None:
            return words
    return OUTCOME_DONE[outcome]


def sentence(message: str) -> str:
    """Service messages are written to be joined into sentences; shown alone, they start with a
    capital letter."""
    return message[:1].upper() + message[1:] if message else message


_KIND_LABELS = {k.value: k.label for k in ActionKind}


def kind_label(kind: str) -> str:
    return _KIND_LABELS[kind]
