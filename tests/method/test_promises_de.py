"""Reading promises said in German (METHOD §5 and §5.1 in German words) and telling the language."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pursuit.method.language import check_language, detect
from pursuit.method.promise_de_holidays import easter_sunday
from pursuit.method.promise_de_rules import RULES, matches
from pursuit.method.promise_rules import unnamed
from pursuit.method.promises import Promise, follow_up_at, read_promise

from .promise_corpus import CORPUS as ENGLISH_CORPUS
from .promise_corpus_de import CALENDARS, CORPUS, THU, Case

DE = CALENDARS["de"]
MON = "2026-11-16T15:00"
D = date.fromisoformat


def read(text: str, said: str = THU, calendar: str = "de", lang: str | None = None) -> Promise:
    return read_promise(text, datetime.fromisoformat(said), CALENDARS[calendar], lang=lang)


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in CORPUS])
def test_it_reads_the_german_corpus(case: Case) -> None:
    promise = read(case.text, case.said, case.calendar)
    got = (promise.earliest.isoformat(), promise.latest.isoformat(), str(promise.kind))
    assert got == (case.earliest, case.latest, case.kind), promise.explanation
    assert promise.lang == "de"


def test_the_german_corpus_is_varied_enough() -> None:
    assert len(CORPUS) >= 120
    assert len({c.id for c in CORPUS}) == len(CORPUS)
    assert len({c.text.lower() for c in CORPUS}) >= 115
    assert {c.calendar for c in CORPUS} >= {"de", "at", "ch"}
    weekdays = {datetime.fromisoformat(c.said).weekday() for c in CORPUS}
    assert {4, 5, 6} <= weekdays, "said on Fridays and weekends too"


def test_next_wednesday_said_before_wednesday_carries_this_weeks_reading() -> None:
    promise = read("Nächsten Mittwoch melden wir uns.", MON)
    assert promise.latest == D("2026-11-25")
    assert promise.alternatives == ((D("2026-11-18"), D("2026-11-18")),)
    assert promise.ambiguous
    assert promise.confidence <= 0.6


def test_the_matched_phrase_and_explanation_quote_the_german_words_as_said() -> None:
    promise = read("Wir melden uns bis Ende nächster Woche.")
    assert promise.matched == "bis Ende nächster Woche"
    assert promise.explanation.startswith("'bis Ende nächster Woche' → ")
    assert "Fri Nov 27" in promise.explanation


def test_a_default_reading_in_german_says_it_is_a_default() -> None:
    promise = read("Wir melden uns.")
    assert promise.kind == "around"
    assert promise.defaulted
    assert promise.confidence <= 0.3
    assert "default" in promise.explanation
    assert promise.matched == ""


@pytest.mark.parametrize(
    ("text", "unknown", "defaulted"),
    [
        pytest.param("Nach der Messe melden wir uns.", ("Nach der Messe",), True, id="messe"),
        pytest.param(
            "Sobald die Freigabe vom Betriebsrat da ist, rufen wir an.",
            ("Sobald die Freigabe vom Betriebsrat",),
            True,
            id="sobald",
        ),
        pytest.param(
            "Nach Rücksprache mit dem Team geben wir bis Freitag Bescheid.",
            ("Nach Rücksprache mit dem Team",),
            False,
            id="beside-a-time",
        ),
        pytest.param("Nach Ostern melden wir uns.", (), False, id="a-holiday-is-known"),
        pytest.param("Wir melden uns nach der Sitzung.", ("nach der Sitzung",), True, id="end"),
    ],
)
def test_german_event_words_that_name_no_day_are_named_in_the_explanation(
    text: str, unknown: tuple[str, ...], defaulted: bool
) -> None:
    promise = read(text)
    assert promise.unknown == unknown
    assert promise.defaulted is defaulted
    for words in unknown:
        assert f"'{words}'" in promise.explanation


@pytest.mark.parametrize(
    ("text", "earliest", "latest", "kind"),
    [
        pytest.param("nicht vor Mittwoch", "2026-11-26", "2026-12-02", "after", id="nicht-vor"),
        pytest.param("erst nach Mittwoch", "2026-11-26", "2026-12-02", "after", id="erst-nach"),
        pytest.param("frühestens Mittwoch", "2026-11-26", "2026-12-02", "after", id="fruehestens"),
        pytest.param("bis spätestens Mittwoch", "2026-11-25", "2026-11-25", "by", id="bis-spaet"),
        pytest.param("etwa Mittwoch", "2026-11-25", "2026-11-25", "around", id="etwa"),
    ],
)
def test_the_words_before_a_german_phrase_set_its_kind(
    text: str, earliest: str, latest: str, kind: str
) -> None:
    promise = read(text)
    assert (promise.earliest.isoformat(), promise.latest.isoformat(), promise.kind) == (
        earliest,
        latest,
        kind,
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [
        pytest.param("in zwei Tagen", "2026-11-21", id="zwei"),
        pytest.param("in zehn Tagen", "2026-11-29", id="zehn"),
        pytest.param("in vierzehn Tagen", "2026-12-03", id="vierzehn"),
        pytest.param("in fünfzehn Tagen", "2026-12-04", id="fuenfzehn"),
        pytest.param("in zwanzig Tagen", "2026-12-09", id="zwanzig"),
        pytest.param("in dreißig Tagen", "2026-12-19", id="dreissig"),
        pytest.param("in dreissig Tagen", "2026-12-19", id="dreissig-ss"),
        pytest.param("am dritten", "2026-12-03", id="am-dritten"),
        pytest.param("am zwölften", "2026-12-12", id="am-zwoelften"),
        pytest.param("am einundzwanzigsten", "2026-11-21", id="am-einundzwanzigsten"),
        pytest.param("am dreißigsten", "2026-11-30", id="am-dreissigsten"),
        pytest.param("am siebten Dezember", "2026-12-07", id="siebten-dezember"),
    ],
)
def test_it_reads_german_number_and_ordinal_words(text: str, value: str) -> None:
    assert read(text).latest == D(value)


@pytest.mark.parametrize(
    ("year", "easter"),
    [
        (2024, "2024-03-31"),
        (2025, "2025-04-20"),
        (2026, "2026-04-05"),
        (2027, "2027-03-28"),
        (2038, "2038-04-25"),
        (2285, "2285-03-22"),
    ],
)
def test_easter_sunday_is_the_gregorian_date(year: int, easter: str) -> None:
    assert easter_sunday(year) == D(easter)


def test_german_holiday_names_come_from_the_companys_country() -> None:
    said = "2026-07-30T09:00"
    assert read("vor dem Nationalfeiertag", said, "at").latest == D("2026-10-26")
    assert read("vor dem Nationalfeiertag", said, "ch").latest == D("2026-08-01")
    assert read("vor dem Nationalfeiertag", said, "de").latest == D("2026-10-03")


@pytest.mark.parametrize(
    ("name", "day"),
    [
        pytest.param("Weihnachten", "2026-12-25", id="weihnachten"),
        pytest.param("ersten Weihnachtstag", "2026-12-25", id="erster-weihnachtstag"),
        pytest.param("Weihnachtsfeiertag", "2026-12-25", id="weihnachtsfeiertag"),
        pytest.param("zweiten Weihnachtsfeiertag", "2026-12-26", id="zweiter-weihnachtstag"),
        pytest.param("Heiligabend", "2026-12-24", id="heiligabend"),
        pytest.param("Heiligen Abend", "2026-12-24", id="heiligen-abend"),
        pytest.param("Silvester", "2026-12-31", id="silvester"),
        pytest.param("Neujahr", "2027-01-01", id="neujahr"),
        pytest.param("Heilige Drei Könige", "2027-01-06", id="heilige-drei-koenige"),
        pytest.param("Dreikönigstag", "2027-01-06", id="dreikoenigstag"),
        pytest.param("Rosenmontag", "2027-02-08", id="rosenmontag"),
        pytest.param("Fasching", "2027-02-09", id="fasching"),
        pytest.param("Gründonnerstag", "2027-03-25", id="gruendonnerstag"),
        pytest.param("Karfreitag", "2027-03-26", id="karfreitag"),
        pytest.param("Ostern", "2027-03-28", id="ostern"),
        pytest.param("Osterfeiertag", "2027-03-29", id="osterfeiertag"),
        pytest.param("Ostermontag", "2027-03-29", id="ostermontag"),
        pytest.param("ersten Mai", "2027-05-01", id="erster-mai"),
        pytest.param("Tag der Arbeit", "2027-05-01", id="tag-der-arbeit"),
        pytest.param("Christi Himmelfahrt", "2027-05-06", id="christi-himmelfahrt"),
        pytest.param("Pfingsten", "2027-05-16", id="pfingsten"),
        pytest.param("Pfingstfeiertag", "2027-05-17", id="pfingstfeiertag"),
        pytest.param("Fronleichnam", "2027-05-27", id="fronleichnam"),
        pytest.param("Mariä Himmelfahrt", "2027-08-15", id="mariae-himmelfahrt"),
        pytest.param("Tag der Deutschen Einheit", "2027-10-03", id="tag-der-deutschen-einheit"),
        pytest.param("Reformationstag", "2027-10-31", id="reformationstag"),
        pytest.param("Allerheiligen", "2027-11-01", id="allerheiligen"),
        pytest.param("Buß- und Bettag", "2026-11-18", id="buss-und-bettag"),
        pytest.param("Buß-und Bettag", "2026-11-18", id="buss-und-bettag-no-space"),
        pytest.param("Mariä Empfängnis", "2026-12-08", id="mariae-empfaengnis"),
    ],
)
def test_every_german_holiday_name_reads_as_its_next_date(name: str, day: str) -> None:
    # Said on Mon Nov 16 2026, in Germany as a whole.
    promise = read(f"bis {name}", MON)
    assert (promise.latest.isoformat(), promise.kind) == (day, "by"), promise.explanation


def test_a_forced_language_reads_the_words_in_that_language() -> None:
    # "Wednesday" means nothing to the German reader; "Mittwoch" nothing to the English one.
    assert read("bis Mittwoch", lang="de").latest == D("2026-11-25")
    assert read("bis Mittwoch", lang="en").kind == "around"
    assert read("by Wednesday", lang="de").kind == "around"
    assert read("by Wednesday", lang="de").lang == "de"


def test_an_unknown_language_is_refused_with_the_ones_read() -> None:
    with pytest.raises(ValueError, match="use one of en, de"):
        read("bis Mittwoch", lang="fr")
    assert check_language(" DE ") == "de"


# -- language --------------------------------------------------------------------------------


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in CORPUS])
def test_every_german_corpus_sentence_is_told_german(case: Case) -> None:
    assert detect(case.text) == "de"


def test_every_english_corpus_sentence_is_told_english() -> None:
    german = [c.text for c in ENGLISH_CORPUS if detect(c.text) != "en"]
    assert german == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        pytest.param("", "en", id="empty"),
        pytest.param("12/3", "en", id="digits-only"),
        pytest.param("Freitag", "de", id="one-german-word"),
        pytest.param("Friday", "en", id="one-english-word"),
        pytest.param("We'll call you after Oktoberfest", "en", id="german-word-in-english"),
        pytest.param("Wir melden uns, okay?", "de", id="english-word-in-german"),
        pytest.param("Grüße", "de", id="umlaut"),
    ],
)
def test_it_tells_the_language_from_the_words(text: str, lang: str) -> None:
    assert detect(text) == lang


# -- invariants ------------------------------------------------------------------------------

_WORDS = [
    "wir", "melden", "uns", "bis", "zum", "am", "nach", "vor", "nicht", "erst", "spätestens",
    "nächste", "nächsten", "Woche", "Mittwoch", "Fr.", "heute", "morgen", "übermorgen", "in",
    "zwei", "vierzehn", "Tagen", "Werktagen", "Wochen", "Monat", "Anfang", "Mitte", "Ende", "des",
    "Monats", "Januar", "Jänner", "15.", "3.12.", "31.2.", "3.12.2026", "99.99.", "KW", "50",
    "53", "Kalenderwoche", "Q4", "Quartals", "Ostern", "Weihnachten", "Feiertagen", "zwischen",
    "den", "Jahren", "Jahreswechsel", "oder", "und", ",", ".", "-", "fünfzehnten", "Ersten",
    "ein", "paar", "Urlaub", "letzten", "jeden", "vor zwei Wochen", "4/12", "2026-13-45",
    "Buß- und Bettag", "Nationalfeiertag", "Wochenende", "neuen", "Jahr", "übernächste",
    "Weihnachtsfeiertag", "Pfingstfeiertag", "Osterfeiertag", "Buß-und Bettag", "zweiten",
]  # fmt: skip
german_ish = st.one_of(
    st.lists(st.sampled_from(_WORDS), max_size=14).map(" ".join),
    st.text(alphabet="äöüßÄÖÜ abcdefghijklmnopqrstuvwxyz.,-0123456789", max_size=120),
)
moments = st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2035, 12, 31))


@settings(max_examples=300, deadline=None)
@given(text=german_ish, said=moments, calendar=st.sampled_from(sorted(CALENDARS)))
def test_any_german_ish_text_reads_to_a_sane_window(
    text: str, said: datetime, calendar: str
) -> None:
    cal = CALENDARS[calendar]
    promise = read_promise(text, said, cal, lang="de")
    assert said.date() <= promise.earliest <= promise.latest
    assert 0.0 <= promise.confidence <= 1.0
    assert "\n" not in promise.explanation
    assert promise.matched in text
    for earliest, latest in promise.alternatives:
        assert said.date() <= earliest <= latest
    call = follow_up_at(promise, cal).date()
    assert call > promise.latest
    assert cal.is_business_day(call)
    assert read_promise(text, said, cal) == read_promise(text, said, cal)


# Rules are tried only where a word they can start with begins; trying every rule everywhere
# finds the same phrases. A rule missing one of its first words shows here.
_EVERYWHERE = re.compile(
    "|".join(f"(?P<{rule.name}>{unnamed(rule.pattern.pattern)})" for rule, _ in RULES),
    re.IGNORECASE,
)


def _found_everywhere(text: str) -> list[tuple[str | None, tuple[int, int]]]:
    out = []
    for m in _EVERYWHERE.finditer(text):
        rule = next(r for r, _ in RULES if r.name == m.lastgroup)
        if rule.needs_before or rule.not_after:
            continue
        out.append((m.lastgroup, m.span()))
    return out


def _found_by_first_word(text: str) -> list[tuple[str | None, tuple[int, int]]]:
    return [
        (found.rule.name, found.match.span())
        for found in matches(text)
        if not (found.rule.needs_before or found.rule.not_after)
    ]


def test_first_word_dispatch_finds_every_german_corpus_phrase() -> None:
    for case in CORPUS:
        assert _found_by_first_word(case.text) == _found_everywhere(case.text), case.id
