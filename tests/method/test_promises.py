"""Reading promises (METHOD §5): the table, a corpus of real-sounding sentences, and invariants."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pursuit.method.calendar import BusinessCalendar
from pursuit.method.locales import day_first, locale_for_country, order_is_certain
from pursuit.method.playbook import DEFAULT_PLAYBOOK
from pursuit.method.promise_rules import RULES, matches, unnamed
from pursuit.method.promises import Promise, PromiseTextError, follow_up_at, read_promise
from pursuit.method.vocab import PromiseKind

from .promise_corpus import CALENDARS, CORPUS, Case
from .promise_corpus_seasons import SEASON_CALENDARS, SEASON_CORPUS

US = CALENDARS["us"]

# Moments the interviewer spoke, company-local (New York). W0 and W1 are named in METHOD §5.
MON = "2026-11-16T15:00"  # W0 = Nov 16, W1 = Nov 23
THU = "2026-11-19T10:00"  # the Thursday before Thanksgiving week
SAT = "2026-11-21T09:00"

D = date.fromisoformat


def read(text: str, said: str, calendar: BusinessCalendar = US, locale: str = "en_US") -> Promise:
    return read_promise(text, datetime.fromisoformat(said), calendar, locale=locale)


TABLE = [
    # (id, text, said, earliest, latest, kind)
    ("today", "today", THU, "2026-11-19", "2026-11-19", "on"),
    ("this-afternoon", "this afternoon", THU, "2026-11-19", "2026-11-19", "on"),
    ("tomorrow", "tomorrow", THU, "2026-11-20", "2026-11-20", "on"),
    ("weekday", "Wednesday", THU, "2026-11-25", "2026-11-25", "on"),
    ("by-weekday", "by Wednesday", THU, "2026-11-25", "2026-11-25", "by"),
    ("on-weekday", "on Wednesday", THU, "2026-11-25", "2026-11-25", "on"),
    ("this-weekday", "this Wednesday", THU, "2026-11-25", "2026-11-25", "on"),
    ("weekday-said-that-day", "Thursday", THU, "2026-11-26", "2026-11-26", "on"),
    ("next-weekday-after-it-passed", "next Wednesday", THU, "2026-11-25", "2026-11-25", "on"),
    ("next-weekday-before-it", "next Wednesday", MON, "2026-11-25", "2026-11-25", "on"),
    ("weekday-next-week", "Wednesday next week", MON, "2026-11-25", "2026-11-25", "on"),
    ("next-week-on-weekday", "next week on Wednesday", MON, "2026-11-25", "2026-11-25", "on"),
    ("early-next-week", "early next week", THU, "2026-11-23", "2026-11-24", "window"),
    ("mid-next-week", "mid next week", THU, "2026-11-24", "2026-11-26", "window"),
    ("middle-of-next-week", "the middle of next week", THU, "2026-11-24", "2026-11-26", "window"),
    ("late-next-week", "late next week", THU, "2026-11-26", "2026-11-27", "window"),
    ("end-of-next-week", "end of next week", THU, "2026-11-26", "2026-11-27", "by"),
    ("next-week", "next week", THU, "2026-11-23", "2026-11-27", "window"),
    ("end-of-the-week", "end of the week", THU, "2026-11-20", "2026-11-20", "by"),
    ("this-week", "this week", THU, "2026-11-20", "2026-11-20", "by"),
    ("end-of-the-week-said-saturday", "end of the week", SAT, "2026-11-27", "2026-11-27", "by"),
    ("this-week-said-saturday", "this week", SAT, "2026-11-27", "2026-11-27", "by"),
    ("end-of-the-month", "end of the month", THU, "2026-11-30", "2026-11-30", "by"),
    ("by-month-end", "by month end", THU, "2026-11-30", "2026-11-30", "by"),
    ("this-month", "this month", THU, "2026-11-30", "2026-11-30", "by"),
    ("next-month", "next month", THU, "2026-12-01", "2026-12-31", "window"),
    ("early-next-month", "early next month", THU, "2026-12-01", "2026-12-10", "window"),
    ("mid-next-month", "mid next month", THU, "2026-12-11", "2026-12-20", "window"),
    ("late-next-month", "late next month", THU, "2026-12-21", "2026-12-31", "window"),
    ("in-n-days", "in 3 days", THU, "2026-11-22", "2026-11-22", "by"),
    ("within-n-days", "within 10 days", THU, "2026-11-29", "2026-11-29", "by"),
    # Thanksgiving (Nov 26) and the day after are closed.
    ("in-n-business-days", "in 5 business days", THU, "2026-11-30", "2026-11-30", "by"),
    ("within-n-working-days", "within 3 working days", THU, "2026-11-24", "2026-11-24", "by"),
    ("in-a-week", "in a week", THU, "2026-11-26", "2026-11-26", "by"),
    ("within-a-week", "within a week", THU, "2026-11-26", "2026-11-26", "by"),
    ("n-weeks", "2 weeks", THU, "2026-12-03", "2026-12-03", "by"),
    ("a-couple-of-days", "a couple of days", THU, "2026-11-20", "2026-11-23", "window"),
    ("a-day-or-two", "a day or two", THU, "2026-11-20", "2026-11-23", "window"),
    ("a-few-days", "a few days", THU, "2026-11-23", "2026-11-24", "window"),
    ("a-couple-of-weeks", "a couple of weeks", THU, "2026-12-03", "2026-12-03", "around"),
    ("a-few-weeks", "a few weeks", THU, "2026-12-10", "2026-12-10", "around"),
    ("month-day", "December 3", THU, "2026-12-03", "2026-12-03", "on"),
    ("short-month-ordinal", "Dec 3rd", THU, "2026-12-03", "2026-12-03", "on"),
    ("day-month", "3 December", THU, "2026-12-03", "2026-12-03", "on"),
    ("numeric-us", "12/3", THU, "2026-12-03", "2026-12-03", "on"),
    ("the-15th", "the 15th", THU, "2026-12-15", "2026-12-15", "on"),
    ("the-19th-said-on-the-19th", "the 19th", THU, "2026-11-19", "2026-11-19", "on"),
    ("after-the-15th", "after the 15th", THU, "2026-12-16", "2026-12-22", "after"),
    ("after-a-date", "after December 3", THU, "2026-12-04", "2026-12-10", "after"),
    ("soon", "soon", THU, "2026-11-19", "2026-11-30", "around"),
    ("in-touch", "we'll be in touch", THU, "2026-11-19", "2026-11-30", "around"),
]


@pytest.mark.parametrize(
    ("text", "said", "earliest", "latest", "kind"),
    [pytest.param(*row[1:], id=row[0]) for row in TABLE],
)
def test_it_reads_every_row_of_the_method_table(
    text: str, said: str, earliest: str, latest: str, kind: str
) -> None:
    promise = read(text, said)
    assert (promise.earliest.isoformat(), promise.latest.isoformat(), promise.kind) == (
        earliest,
        latest,
        kind,
    )


def test_it_reports_this_weeks_reading_of_next_wednesday_said_before_wednesday() -> None:
    promise = read("We'll call you next Wednesday", MON)
    assert promise.latest == D("2026-11-25")
    assert promise.ambiguous
    assert promise.alternatives == ((D("2026-11-18"), D("2026-11-18")),)
    assert promise.confidence <= 0.6
    assert "Wed Nov 18" in promise.explanation


@pytest.mark.parametrize(
    "said", [THU, SAT, "2026-11-18T12:00"], ids=["thursday", "saturday", "wed"]
)
def test_next_wednesday_is_unambiguous_once_this_weeks_has_come(said: str) -> None:
    promise = read("next Wednesday", said)
    assert not promise.ambiguous
    assert promise.confidence > 0.6


def test_it_reads_after_with_modest_confidence() -> None:
    promise = read("We won't decide until after the 15th", THU)
    assert promise.kind is PromiseKind.AFTER
    assert promise.confidence <= 0.6


@pytest.mark.parametrize("text", ["soon", "we'll be in touch", "", "Wir melden uns bald."])
def test_it_falls_back_to_the_default_wait_and_says_so(text: str) -> None:
    promise = read(text, THU)
    assert promise.kind is PromiseKind.AROUND
    assert promise.confidence <= 0.3
    assert promise.matched == ""
    assert "default" in promise.explanation
    assert promise.latest == US.add_business_days(D("2026-11-19"), 5)


@pytest.mark.parametrize(
    "text", ["by Friday", "next Wednesday", "after the 15th", "in a couple of weeks"]
)
def test_a_reading_from_words_is_not_a_default(text: str) -> None:
    assert not read(text, MON).defaulted


def test_a_default_reading_is_flagged_so_it_is_never_planned_silently() -> None:
    promise = read("We'll be in touch soon.", THU)
    assert promise.defaulted
    assert not promise.ambiguous
    assert promise.unknown == ()


@pytest.mark.parametrize(
    ("text", "unknown"),
    [
        pytest.param("We'll decide after the offsite.", ("after the offsite",), id="offsite"),
        pytest.param(
            "You'll hear from us once legal signs off on the budget",
            ("once legal signs off",),
            id="once-legal",
        ),
        pytest.param(
            "We decide after we interview the other candidates",
            ("after we interview the other candidates",),
            id="other-candidates",
        ),
        pytest.param("When is a good time for you?", (), id="a-question-asks-nothing"),
        pytest.param("after the 15th", (), id="understood"),
        pytest.param("the day after tomorrow", (), id="inside-a-phrase"),
    ],
)
def test_it_names_time_like_words_it_does_not_understand(
    text: str, unknown: tuple[str, ...]
) -> None:
    promise = read(text, THU)
    assert promise.unknown == unknown
    for words in unknown:
        assert f"'{words}'" in promise.explanation


def test_unknown_words_beside_a_date_are_named_too() -> None:
    promise = read("Once the board has met we'll call you by Friday", THU)
    assert promise.latest == D("2026-11-20")
    assert not promise.defaulted
    assert promise.unknown == ("Once the board has met",)
    assert promise.explanation.endswith("not read as a time: 'Once the board has met'")


@pytest.mark.parametrize(
    ("country", "locale"),
    [
        ("US", "en_US"),
        ("GB", "en_GB"),
        ("gb", "en_GB"),
        ("DE", "de_DE"),
        ("CA", "en_CA"),
        ("IE", "en_IE"),
        ("AU", "en_AU"),
        ("AT", "de_AT"),
        ("CH", "de_CH"),
        ("NZ", "en_NZ"),
        ("", "en_US"),
        ("Germany", "en_US"),
    ],
)
def test_a_countrys_locale_is_its_language_and_code(country: str, locale: str) -> None:
    assert locale_for_country(country) == locale


@pytest.mark.parametrize(
    ("locale", "first", "certain"),
    [
        ("en_US", False, True),
        ("en-us", False, True),
        ("en_US.UTF-8", False, True),
        ("en_GB", True, False),
        ("en_CA", True, False),
        ("de_DE", True, True),
        ("de_AT", True, True),
    ],
)
def test_a_locale_orders_numeric_dates(locale: str, first: bool, certain: bool) -> None:
    assert (day_first(locale), order_is_certain(locale)) == (first, certain)


@pytest.mark.parametrize(
    ("locale", "latest", "alternatives"),
    [
        pytest.param("en_GB", "2026-12-04", (("2027-04-12", "2027-04-12"),), id="gb-swaps"),
        pytest.param("en_CA", "2026-12-04", (("2027-04-12", "2027-04-12"),), id="ca-swaps"),
        pytest.param("en_US", "2027-04-12", (), id="us-is-certain"),
        pytest.param("de_DE", "2026-12-04", (), id="de-is-certain"),
    ],
)
def test_a_numeric_date_that_could_swap_carries_the_other_reading(
    locale: str, latest: str, alternatives: tuple[tuple[str, str], ...]
) -> None:
    promise = read("We'll decide by 4/12", THU, locale=locale)
    assert promise.latest == D(latest)
    assert tuple((a.isoformat(), b.isoformat()) for a, b in promise.alternatives) == alternatives
    assert promise.ambiguous is bool(alternatives)
    if alternatives:
        assert promise.confidence <= 0.6


@pytest.mark.parametrize("text", ["by 4/25", "by 13/4", "on 6/6"])
def test_a_numeric_date_that_cannot_swap_has_one_reading(text: str) -> None:
    assert not read(text, THU, locale="en_GB").ambiguous


def test_the_explanation_is_one_plain_line_naming_the_phrase() -> None:
    promise = read("We'll get back to you\nby Wednesday.", THU)
    assert promise.matched == "by Wednesday"
    assert "\n" not in promise.explanation
    assert promise.explanation.startswith("'by Wednesday' → the first Wednesday after Thu Nov 19")


def test_the_matched_phrase_keeps_the_writers_spelling() -> None:
    assert read("WE WILL CALL YOU ON FRIDAY!!!", THU).matched == "ON FRIDAY"


def test_when_several_times_are_named_it_keeps_the_latest() -> None:
    promise = read("We interview others this week and will decide by Tuesday next week", THU)
    assert promise.latest == D("2026-11-24")
    assert "latest of 2" in promise.explanation


def test_an_aware_moment_is_read_in_the_companys_zone() -> None:
    # 23:30 in California is already Friday in New York.
    said = datetime(2026, 11, 19, 23, 30, tzinfo=timezone(timedelta(hours=-8)))
    assert read_promise("tomorrow", said, US).latest == D("2026-11-21")


def test_text_over_two_thousand_characters_is_refused_with_the_limit_and_length() -> None:
    with pytest.raises(PromiseTextError, match=r"2,000.*2,001|2,001.*2,000"):
        read("x" * 2001, THU)
    assert read("x" * 2000, THU).kind is PromiseKind.AROUND


def test_the_follow_up_is_the_morning_after_the_latest_business_day() -> None:
    promise = read("by Wednesday", THU)
    at = follow_up_at(promise, US)
    # Wednesday Nov 25 is the last day before Thanksgiving and its closure day.
    assert at.isoformat() == "2026-11-30T09:00:00-05:00"


def test_the_follow_up_uses_the_playbooks_grace_and_morning_call_time() -> None:
    playbook = DEFAULT_PLAYBOOK.with_changes(grace_business_days=2)
    at = follow_up_at(read("by Monday", THU), US, playbook)
    assert at.isoformat() == "2026-11-25T09:00:00-05:00"


def test_the_follow_up_time_exists_across_a_dst_change() -> None:
    # Clocks go back on Sunday Nov 1 2026 in New York.
    at = follow_up_at(read("by Friday", "2026-10-28T10:00"), US)
    assert at.isoformat() == "2026-11-02T09:00:00-05:00"
    assert at.astimezone(UTC).hour == 14


ALL_CALENDARS = CALENDARS | SEASON_CALENDARS
ENGLISH = CORPUS + SEASON_CORPUS


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in ENGLISH])
def test_it_reads_the_corpus(case: Case) -> None:
    promise = read(case.text, case.said, ALL_CALENDARS[case.calendar], case.locale)
    got = (promise.earliest.isoformat(), promise.latest.isoformat(), str(promise.kind))
    assert got == (case.earliest, case.latest, case.kind), promise.explanation


def test_the_corpus_is_varied_enough() -> None:
    assert len(ENGLISH) >= 400
    assert len({c.id for c in ENGLISH}) == len(ENGLISH)
    assert len({c.text.lower() for c in CORPUS if c.calendar == "us"}) >= 130


#: Each family of METHOD §5.1, as words any sentence of the family has.
_FAMILIES = {
    "holiday": r"thanksgiving|christmas|easter|boxing|new year's|patrick|paddy|labour|anzac"
    r"|australia day|pentecost|whit|ascension|veterans|remembrance|halloween|memorial|stephen",
    "the holidays": r"the holidays|festive|the break|christmas (break|holidays)",
    "new year": r"new year\b",
    "mid-month": r"mid-month|middle of the month",
    "quarter": r"quarter|\bq[1-4]\b",
    "fortnight": r"fortnight|weeks' time",
    "weekday week": r"(monday|tuesday|wednesday|thursday|friday) (week|fortnight)|a week (on|from)",
    "after": r"\bafter\b",
    "negated limit": r"\b(not|won't|nothing)\b.*\b(before|until)\b",
    "absence": r"\b(out|off|away|leave|vacation|travelling|closed|holidays next)\b",
    "ordinal word": r"the (third|fifth|ninth|fifteenth|twentieth|twenty-\w+|thirtieth)\b",
    "numeric": r"\d+/\d+|\d+\.\d+\.",
}


@pytest.mark.parametrize("family", _FAMILIES)
def test_every_season_family_is_said_in_six_countries(family: str) -> None:
    pattern = re.compile(_FAMILIES[family], re.IGNORECASE)
    countries = {c.calendar for c in SEASON_CORPUS if pattern.search(c.text)}
    assert countries == {"us", "ca", "gb", "ie", "de", "au"}


# -- invariants -----------------------------------------------------------------------------

_WORDS = [
    "we",
    "We'll",
    "call",
    "you",
    "by",
    "on",
    "the",
    "next",
    "this",
    "week",
    "Wednesday",
    "Fri",
    "tomorrow",
    "today",
    "in",
    "within",
    "two",
    "a",
    "few",
    "couple",
    "of",
    "days",
    "business",
    "weeks",
    "month",
    "end",
    "early",
    "late",
    "mid",
    "after",
    "before",
    "15th",
    "12/3",
    "Dec",
    "3",
    "or",
    "and",
    "soon",
    "May",
    "2026-13-45",
    "31/31",
    "99999",
    "hours",
    "fortnight",
    ",",
    ".",
    "-",
    "Feb",
    "29th",
    "30",
    "no later than",
    "at the latest",
    "ago",
    "last",
    "every",
]

#: Phrases of METHOD §5.1, mixed at random with the words above.
_PHRASES = [
    "before Thanksgiving", "after Christmas", "by Easter", "after the holidays", "the break",
    "early in the new year", "after the new year", "in the new year", "mid-month",
    "by the middle of the month", "end of the quarter", "Q1", "next quarter", "end of Q4",
    "a fortnight", "Monday week", "a week on Friday", "a week tomorrow", "not before",
    "won't", "until", "I'm out", "off until", "on vacation", "the fifteenth", "on the third",
    "tmrw", "nxt wk", "EOW", "EOD", "EOM", "u", "03.12.", "3.12.2026", "4/12", "13/4",
    "after the offsite", "once legal signs off", "the long weekend", "Boxing Day", "Pfingsten",
    "New Year's Eve", "Anzac Day",
]  # fmt: skip
_COMPANIES = [CALENDARS["us"], CALENDARS["de"], *SEASON_CALENDARS.values()]

sentences = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(_WORDS), max_size=14).map(" ".join),
    st.lists(st.sampled_from(_WORDS + _PHRASES), max_size=10).map(" ".join),
)
moments = st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2035, 12, 31))


@settings(max_examples=200, deadline=None)
@given(text=sentences, said=moments, day_first=st.booleans())
def test_any_text_reads_to_a_sane_window(text: str, said: datetime, day_first: bool) -> None:
    locale = "de_DE" if day_first else "en_US"
    promise = read_promise(text, said, US, locale=locale)
    assert said.date() <= promise.earliest <= promise.latest
    assert 0.0 <= promise.confidence <= 1.0
    assert "\n" not in promise.explanation
    assert promise.matched in text
    for earliest, latest in promise.alternatives:
        assert said.date() <= earliest <= latest
    assert read_promise(text, said, US, locale=locale) == promise


@settings(max_examples=200, deadline=None)
@given(
    text=sentences,
    said=moments,
    calendar=st.sampled_from(_COMPANIES),
    locale=st.sampled_from(["en_US", "en_GB", "en_CA", "de_DE"]),
)
def test_the_follow_up_comes_on_a_business_day_after_the_window(
    text: str, said: datetime, calendar: BusinessCalendar, locale: str
) -> None:
    promise = read_promise(text, said, calendar, locale=locale)
    assert promise.earliest <= promise.latest
    at = follow_up_at(promise, calendar)
    assert at.date() > promise.latest
    assert calendar.is_business_day(at.date())
    assert promise.defaulted is (promise.matched == "")
    if promise.defaulted:
        assert promise.kind is PromiseKind.AROUND
        assert promise.confidence <= 0.3


@settings(max_examples=50, deadline=None)
@given(extra=st.integers(min_value=1, max_value=500))
def test_only_overlong_text_raises(extra: int) -> None:
    with pytest.raises(PromiseTextError):
        read("by Friday " * 200 + "x" * extra, THU)


# Rules are tried only where a word they can start with begins. Trying every rule at every
# position finds the same phrases, only slower: a rule missing one of its first words shows here.
_EVERYWHERE = re.compile(
    "|".join(f"(?P<{rule.name}>{unnamed(rule.pattern.pattern)})" for rule, _ in RULES),
    re.IGNORECASE,
)


def _found_everywhere(text: str) -> list[tuple[str | None, tuple[int, int]]]:
    return [(m.lastgroup, m.span()) for m in _EVERYWHERE.finditer(text)]


def _found_by_first_word(text: str) -> list[tuple[str | None, tuple[int, int]]]:
    return [(found.rule.name, found.match.span()) for found in matches(text)]


def test_first_word_dispatch_finds_every_corpus_phrase() -> None:
    for case in ENGLISH:
        assert _found_by_first_word(case.text) == _found_everywhere(case.text), case.id


@settings(max_examples=200, deadline=None)
@given(text=st.one_of(sentences, st.lists(st.sampled_from(_WORDS), max_size=14).map("".join)))
def test_first_word_dispatch_finds_what_trying_everywhere_finds(text: str) -> None:
    assert _found_by_first_word(text) == _found_everywhere(text)


def test_the_method_package_never_imports_django() -> None:
    code = (
        "import pursuit.method.promises, pursuit.method.calendar, pursuit.method.playbook, "
        "pursuit.method.vocab; import sys; "
        "assert not any(m.startswith('django') for m in sys.modules), 'django was imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
