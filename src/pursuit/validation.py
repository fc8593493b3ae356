"""The bounds every write path shares: text that fits its column, dates the engine plans in.

Services call these before writing, so the web forms, the CLI, the API and both imports refuse
the same input with the same message. Each function hands back the value to store or raises
`ServiceError` naming the field.

One-line fields (names, titles, phones, notes on a day off) end up in email headers, calendar
lines and CSV cells: a line break there splits a header or a record. Line breaks and tabs in them
become one space; any other control character (NUL first of all) is refused, as are lone
surrogates, which no database can store as UTF-8.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from pursuit.errors import ServiceError

#: The days Pursuit plans in. Holiday tables, zone rules and 32-bit clocks all work in this span,
#: and nobody follows up an interview outside it.
FIRST_DAY = dt.date(1970, 1, 1)
LAST_DAY = dt.date(2100, 12, 31)

#: What to do about a day outside them, as every path says it.
DAY_RANGE = f"pick a date between {FIRST_DAY.isoformat()} and {LAST_DAY.isoformat()}"

#: The longest free text (notes, terms, lessons) any path stores; the web forms say the same.
LONG_TEXT = 4000

#: Breaks a line in some reader: CR, LF, VT, FF, NEL, LINE and PARAGRAPH SEPARATOR; and the tab.
_BREAKS = "\r\n\x0b\x0c\x85\u2028\u2029"
_LINE_BREAKS = re.compile(f"[{_BREAKS}\t]+")
_TEXT_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")


def limit(model: Any, name: str) -> int:
    """The column's own `max_length`, so a bound is written once, on the model."""
    length = model._meta.get_field(name).max_length
    assert isinstance(length, int), f"{model.__name__}.{name} has no max_length"
    return length


def _label(field: str, label: str | None) -> str:
    return label or field.replace("_", " ")


def _refuse_controls(value: str, field: str, label: str | None) -> None:
    for index, char in enumerate(value):
        category = unicodedata.category(char)
        if (category == "Cc" and char not in "\n\t") or category == "Cs":
            raise ServiceError(
                f"{_label(field, label)}: remove the control character U+{ord(char):04X}"
                f" at position {index + 1}",
                field,
            )


def _fit(value: str, field: str, label: str | None, max_length: int) -> str:
    if len(value) > max_length:
        raise ServiceError(
            f"{_label(field, label)}: {max_length:,} characters at most (this is {len(value):,})",
            field,
        )
    return value


def _string(value: object, field: str, label: str | None) -> str:
    if not isinstance(value, str):
        raise ServiceError(f"{_label(field, label)}: give text", field)
    return value


def one_line(value: object, *, field: str, max_length: int, label: str | None = None) -> str:
    """A name, title, phone or short note: one line, trimmed, at most `max_length` long."""
    text = _LINE_BREAKS.sub(" ", _string(value, field, label)).strip()
    _refuse_controls(text, field, label)
    return _fit(text, field, label, max_length)


def printable(value: str) -> str:
    """`value` with its control characters dropped: for names taken from elsewhere, such as an
    uploaded file's, that are kept for display and never worth refusing an upload over."""
    return "".join(c for c in value if unicodedata.category(c) not in ("Cc", "Cs"))


def text(
    value: object, *, field: str, max_length: int = LONG_TEXT, label: str | None = None
) -> str:
    """Free text over several lines: every kind of line break becomes LF; other control
    characters are refused."""
    body = _TEXT_BREAKS.sub("\n", _string(value, field, label))
    _refuse_controls(body, field, label)
    return _fit(body, field, label, max_length)


def email(value: object, *, field: str = "email", label: str | None = None) -> str:
    """An address mail can be sent to: one line, lower case, in the form you@example.com."""
    # Imported here: the rest of this module serves commands that load no Django.
    from django.core.exceptions import ValidationError
    from django.core.validators import validate_email

    address = one_line(value, field=field, max_length=254, label=label).lower()
    try:
        validate_email(address)
    except ValidationError:
        raise ServiceError(
            f"{_label(field, label)}: give an address such as you@example.com", field
        ) from None
    return address


def _range_error(field: str, label: str | None) -> ServiceError:
    return ServiceError(f"{_label(field, label)}: {DAY_RANGE}", field)


def day(value: dt.date, *, field: str, label: str | None = None) -> dt.date:
    """A calendar day the engine can plan around."""
    if not isinstance(value, dt.date):
        raise ServiceError(f"{_label(field, label)}: give a date such as 2026-12-01", field)
    plain = value.date() if isinstance(value, dt.datetime) else value
    if not FIRST_DAY <= plain <= LAST_DAY:
        raise _range_error(field, label)
    return value


def moment(value: dt.datetime, *, field: str, label: str | None = None) -> dt.datetime:
    """A date and time the engine can plan around (the day is read as written, in any zone)."""
    if not isinstance(value, dt.datetime):
        raise ServiceError(
            f"{_label(field, label)}: give a date and time such as 2026-12-01T09:00", field
        )
    day(value, field=field, label=label)
    return value


def span(days: int, *, field: str, start: dt.date, label: str | None = None) -> int:
    """A number of days from `start` that stays inside the planning range."""
    if not isinstance(days, int) or days < 0:
        raise ServiceError(f"{_label(field, label)}: give a number of days, 0 or more", field)
    if days > (LAST_DAY - start).days:
        raise ServiceError(
            f"{_label(field, label)}: the days must end by {LAST_DAY.isoformat()}"
            f" ({(LAST_DAY - start).days:,} days from {start.isoformat()} at most)",
            field,
        )
    return days
