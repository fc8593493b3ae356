"""The shared bounds: one-line text, free text, and the days the engine plans in."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from pursuit.errors import ServiceError
from pursuit.validation import LAST_DAY, day, email, moment, one_line, span, text


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("Acme Tools", "Acme Tools"),
        ("  Acme Tools  ", "Acme Tools"),
        ("Acme\r\nTools", "Acme Tools"),
        ("Acme\nTools", "Acme Tools"),
        ("Acme\rTools", "Acme Tools"),
        ("Acme\u2028Tools", "Acme Tools"),
        ("Acme\u2029Tools", "Acme Tools"),
        ("Acme\x85Tools", "Acme Tools"),
        ("Acme\x0bTools", "Acme Tools"),
        ("Acme\x0cTools", "Acme Tools"),
        ("Acme\t\tTools", "Acme Tools"),
        ("Acme\r\n\r\nTools\n", "Acme Tools"),
        ("Société Générale", "Société Générale"),
    ],
    ids=[
        "plain",
        "trimmed",
        "crlf",
        "lf",
        "cr",
        "ls",
        "ps",
        "nel",
        "vt",
        "ff",
        "tabs",
        "runs",
        "accents",
    ],
)
def test_it_folds_every_line_break_of_a_one_line_field_into_a_space(
    given: str, stored: str
) -> None:
    assert one_line(given, field="company", max_length=200) == stored


@pytest.mark.parametrize(
    ("given", "where"),
    [
        ("Acme\x00Tools", "U+0000 at position 5"),
        ("\x07bell", "U+0007 at position 1"),
        ("Acme\x1b[31m", "U+001B at position 5"),
        ("Acme\x7f", "U+007F at position 5"),
        ("Acme\x9b", "U+009B at position 5"),
        ("Acme\ud800", "U+D800 at position 5"),
    ],
    ids=["nul", "bell", "escape", "delete", "c1-csi", "lone-surrogate"],
)
def test_it_refuses_other_control_characters_naming_the_field(given: str, where: str) -> None:
    with pytest.raises(
        ServiceError, match=re.escape(f"company: remove the control character {where}")
    ) as e:
        one_line(given, field="company", max_length=200)
    assert e.value.field == "company"


def test_it_refuses_a_value_longer_than_its_column_saying_both_lengths() -> None:
    with pytest.raises(ServiceError, match=r"contact name: 120 characters at most \(this is 121\)"):
        one_line("x" * 121, field="contact_name", max_length=120)
    assert one_line("x" * 120, field="contact_name", max_length=120) == "x" * 120


def test_it_refuses_what_is_not_text() -> None:
    with pytest.raises(ServiceError, match="role: give text"):
        one_line(None, field="role", max_length=200)


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("line one\r\nline two", "line one\nline two"),
        ("line one\rline two", "line one\nline two"),
        ("line one\u2028line two", "line one\nline two"),
        ("a\tb\n", "a\tb\n"),
    ],
    ids=["crlf", "cr", "ls", "tab-kept"],
)
def test_free_text_keeps_its_lines_as_plain_line_feeds(given: str, stored: str) -> None:
    assert text(given, field="notes") == stored


def test_free_text_refuses_nul_and_its_own_bound() -> None:
    with pytest.raises(ServiceError, match="notes: remove the control character U\\+0000"):
        text("a\x00b", field="notes")
    with pytest.raises(ServiceError, match="terms: 4,000 characters at most"):
        text("x" * 4001, field="terms")


@pytest.mark.parametrize(
    ("iso", "accepted"),
    [
        ("0001-01-01", False),
        ("1969-12-31", False),
        ("1970-01-01", True),
        ("2026-11-19", True),
        ("2100-12-31", True),
        ("2101-01-01", False),
        ("9999-12-31", False),
    ],
    ids=["year-1", "before-1970", "first", "ordinary", "last", "after-2100", "year-9999"],
)
def test_every_date_is_planned_between_1970_and_2100(iso: str, accepted: bool) -> None:
    when = dt.date.fromisoformat(iso)
    at = dt.datetime.combine(when, dt.time(23, 59), tzinfo=dt.UTC)
    if accepted:
        assert day(when, field="end") == when
        assert moment(at, field="at") == at
    else:
        with pytest.raises(
            ServiceError, match="end: pick a date between 1970-01-01 and 2100-12-31"
        ):
            day(when, field="end")
        with pytest.raises(ServiceError, match="at: pick a date between"):
            moment(at, field="at")


def test_a_number_of_days_must_end_inside_the_range() -> None:
    start = dt.date(2026, 12, 1)
    assert span((LAST_DAY - start).days, field="days", start=start) == (LAST_DAY - start).days
    with pytest.raises(ServiceError, match="days: the days must end by 2100-12-31"):
        span(99_999_999, field="days", start=start)
    with pytest.raises(ServiceError, match="days: give a number of days, 0 or more"):
        span(-1, field="days", start=start)


@pytest.mark.parametrize(
    "given",
    ["dana@example.com\r\nBcc: all@example.com", "dana", "dana@example.com\x00", "@example.com"],
    ids=["header-injection", "no-at", "nul", "no-local-part"],
)
def test_an_email_address_is_one_valid_address(given: str) -> None:
    with pytest.raises(ServiceError) as caught:
        email(given)
    assert caught.value.field == "email"
    assert email(" Dana@Example.com ") == "dana@example.com"
