"""The words a seeker says or sends: dates read naturally, and scripts stay honest (METHOD §4)."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from itertools import product
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pursuit.method.scripts import (
    ScriptFacts,
    best_way_through_question,
    claims_permission,
    closing_ask,
    day_label,
    note_text,
    script_for,
    when_label,
)
from pursuit.method.vocab import ActionKind, Basis

CHICAGO = ZoneInfo("America/Chicago")
LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")

#: The agreed call: Wednesday at 09:00, company time.
DUE = datetime(2026, 11, 25, 9, 0, tzinfo=CHICAGO)

DANA = ScriptFacts(
    company="Acme Corp",
    seeker="Alex Kim",
    role="Data Analyst",
    contact="Dana Reyes",
    gatekeeper="Sam",
    way_through="ask Sam for the direct line",
    phone="+1 312 555 0100",
    interview_on=date(2026, 11, 18),
    agreed_at=DUE,
    promise="by Wednesday",
)


class TestWhenLabel:
    @pytest.mark.parametrize(
        ("iso", "zone", "locale", "expected"),
        [
            pytest.param(
                "2026-11-25T09:00",
                CHICAGO,
                "en_US",
                "Wednesday, November 25 at 9:00 AM",
                id="us-am",
            ),
            pytest.param(
                "2026-11-25T17:30",
                CHICAGO,
                "en_US",
                "Wednesday, November 25 at 5:30 PM",
                id="us-pm",
            ),
            pytest.param(
                "2026-11-25T00:05",
                CHICAGO,
                "en_US",
                "Wednesday, November 25 at 12:05 AM",
                id="us-midnight",
            ),
            pytest.param(
                "2026-11-25T12:15",
                CHICAGO,
                "en_US",
                "Wednesday, November 25 at 12:15 PM",
                id="us-noon",
            ),
            pytest.param(
                "2026-11-25T09:00", LONDON, "en_GB", "Wednesday, 25 November at 09:00", id="gb-am"
            ),
            pytest.param(
                "2026-11-25T17:30", LONDON, "en_GB", "Wednesday, 25 November at 17:30", id="gb-pm"
            ),
            pytest.param(
                "2026-01-01T00:00", LONDON, "de_DE", "Thursday, 1 January at 00:00", id="other-24h"
            ),
            pytest.param(
                "2026-05-04T08:30",
                CHICAGO,
                "en-US",
                "Monday, May 4 at 8:30 AM",
                id="us-dash-spelling",
            ),
            pytest.param(
                "2026-05-04T08:30", CHICAGO, "", "Monday, 4 May at 08:30", id="no-locale-24h"
            ),
        ],
    )
    def test_it_reads_like_a_person_would_say_it(
        self, iso: str, zone: ZoneInfo, locale: str, expected: str
    ) -> None:
        assert when_label(datetime.fromisoformat(iso).replace(tzinfo=zone), locale) == expected

    def test_it_shows_the_time_in_the_moments_own_zone(self) -> None:
        moment = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)
        assert when_label(moment, "en_US") == "Wednesday, November 25 at 3:00 PM"
        assert (
            when_label(moment.astimezone(CHICAGO), "en_US") == "Wednesday, November 25 at 9:00 AM"
        )

    def test_it_accepts_a_naive_wall_time_as_is(self) -> None:
        assert (
            when_label(datetime(2026, 11, 25, 9, 0), "en_US") == "Wednesday, November 25 at 9:00 AM"
        )


class TestWhenLabelOnDstDays:
    """Chicago: 01:00–02:00 happens twice on 2026-11-01; 02:00–03:00 is skipped on 2026-03-08."""

    def test_it_shows_the_first_of_two_one_thirties_as_one_thirty(self) -> None:
        first = datetime(2026, 11, 1, 6, 30, tzinfo=UTC).astimezone(CHICAGO)
        assert first.fold == 0
        assert when_label(first, "en_US") == "Sunday, November 1 at 1:30 AM"
        assert when_label(first, "en_GB") == "Sunday, 1 November at 01:30"

    def test_it_shows_the_second_one_thirty_as_one_thirty_too(self) -> None:
        second = datetime(2026, 11, 1, 7, 30, tzinfo=UTC).astimezone(CHICAGO)
        assert second.fold == 1
        assert when_label(second, "en_US") == "Sunday, November 1 at 1:30 AM"

    def test_it_shows_the_wall_time_after_a_spring_forward_gap(self) -> None:
        after_gap = datetime(2026, 3, 8, 8, 30, tzinfo=UTC).astimezone(CHICAGO)
        assert when_label(after_gap, "en_US") == "Sunday, March 8 at 3:30 AM"

    def test_it_keeps_the_day_in_the_zone_when_utc_is_already_tomorrow(self) -> None:
        late = datetime(2026, 11, 26, 4, 30, tzinfo=UTC).astimezone(CHICAGO)
        assert when_label(late, "en_US") == "Wednesday, November 25 at 10:30 PM"


class TestDayLabel:
    def test_it_names_the_day_without_a_time(self) -> None:
        assert day_label(date(2026, 11, 26), "en_US") == "Thursday, November 26"
        assert day_label(date(2026, 11, 26), "en_GB") == "Thursday, 26 November"


class TestHonesty:
    """METHOD §4: "X asked me to call today" only when X agreed to a call at exactly this time."""

    def test_it_claims_the_agreed_call_only_for_a_call_at_the_agreed_time(self) -> None:
        agreed_times = {"at-due": DUE, "other-time": DUE + timedelta(hours=8), "none": None}
        wrong = []
        for kind, basis, (label, agreed_at) in product(ActionKind, Basis, agreed_times.items()):
            script = script_for(kind, basis, DUE, replace(DANA, agreed_at=agreed_at))
            expected = kind is ActionKind.CALL and basis is Basis.AGREED and agreed_at == DUE
            if claims_permission(script) is not expected:
                wrong.append(f"{kind}/{basis}/{label}")
        assert wrong == []

    def test_it_treats_the_same_moment_in_another_zone_as_the_agreed_time(self) -> None:
        facts = replace(DANA, agreed_at=DUE.astimezone(UTC))
        script = script_for(ActionKind.CALL, Basis.AGREED, DUE, facts)
        assert "Dana Reyes asked me to call today at 9:00 AM — could you put me through?" in script

    def test_it_never_claims_for_a_callback_even_at_the_agreed_time(self) -> None:
        script = script_for(ActionKind.CALLBACK, Basis.AGREED, DUE, DANA)
        assert not claims_permission(script)
        assert "calling back for Dana Reyes" in script

    def test_it_keeps_an_agreed_call_moved_off_its_time_plain(self) -> None:
        moved = DUE + timedelta(days=1)
        script = script_for(ActionKind.CALL, Basis.AGREED, moved, DANA)
        assert not claims_permission(script)
        assert "Hi Sam, this is Alex Kim, calling for Dana Reyes" in script
        assert "not the time you agreed on" in script

    def test_it_compares_a_naive_due_time_without_failing(self) -> None:
        script = script_for(ActionKind.CALL, Basis.AGREED, DUE.replace(tzinfo=None), DANA)
        assert not claims_permission(script)

    def test_it_does_not_say_the_callback_is_at_the_given_time_once_moved(self) -> None:
        facts = replace(DANA, callback_at=DUE - timedelta(hours=1))
        script = script_for(ActionKind.CALLBACK, Basis.CALLBACK, DUE, facts)
        assert "Hi Sam, this is Alex Kim. You suggested I call back to reach Dana Reyes" in script
        assert "at this time" not in script


#: Odd but real: accents, apostrophes, dashes, scripts other than Latin, emoji, stray spaces.
_TEXT = st.text("aZé ß’'\"-.,—&\t李😀", max_size=12)
_ZONES = st.sampled_from([UTC, CHICAGO, LONDON, ZoneInfo("Asia/Kolkata")])
# Built by hand: Hypothesis' own zone-aware datetimes take most of this file's time budget.
_MOMENTS = st.builds(
    lambda naive, zone: naive.replace(tzinfo=zone),
    st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)),
    _ZONES,
)


_MAYBE_TEXT = st.none() | _TEXT
_MAYBE_MOMENT = st.none() | _MOMENTS
_MAYBE_DAY = st.none() | st.dates()
_MAYBE_ZONE = st.none() | _ZONES
_LOCALES = st.sampled_from(["en_US", "en-US", "en_GB", "de_DE", ""])
_KINDS = st.sampled_from(ActionKind)
_BASES = st.sampled_from(Basis)
#: A recorded time is often exactly the step's due time: that is when the honesty rule bites.
_AT_DUE = st.booleans()


@st.composite
def _steps(draw: st.DrawFn) -> tuple[ActionKind, Basis, datetime, ScriptFacts]:
    # Strategies are built once above: building them per draw costs more than the test itself.
    due = draw(_MOMENTS)
    agreed_at = due if draw(_AT_DUE) else draw(_MAYBE_MOMENT)
    callback_at = due if draw(_AT_DUE) else draw(_MAYBE_MOMENT)
    facts = ScriptFacts(
        company=draw(_TEXT),
        seeker=draw(_TEXT),
        role=draw(_TEXT),
        contact=draw(_MAYBE_TEXT),
        gatekeeper=draw(_MAYBE_TEXT),
        way_through=draw(_MAYBE_TEXT),
        phone=draw(_MAYBE_TEXT),
        interview_on=draw(_MAYBE_DAY),
        agreed_at=agreed_at,
        promise=draw(_MAYBE_TEXT),
        locale=draw(_LOCALES),
        callback_at=callback_at,
        visit_at=draw(_MAYBE_MOMENT),
        seeker_zone=draw(_MAYBE_ZONE),
    )
    return draw(_KINDS), draw(_BASES), due, facts


def _assert_filled_in(text: str) -> None:
    assert "None" not in text
    assert "{" not in text
    assert text.strip()


@settings(max_examples=200)
@given(_steps())
def test_any_recorded_facts_give_a_filled_in_honest_script(
    step: tuple[ActionKind, Basis, datetime, ScriptFacts],
) -> None:
    kind, basis, due, facts = step
    script = script_for(kind, basis, due, facts)
    _assert_filled_in(script)
    expected = kind is ActionKind.CALL and basis is Basis.AGREED and facts.agreed_at == due
    assert claims_permission(script) is expected


@settings(max_examples=50)
@given(_steps(), _MOMENTS, st.dates())
def test_any_recorded_facts_give_a_filled_in_ask_and_note(
    step: tuple[ActionKind, Basis, datetime, ScriptFacts], other: datetime, day: date
) -> None:
    _, _, due, facts = step
    for text in (
        closing_ask((due, other), day, facts),
        note_text(facts, today=day),
        best_way_through_question(facts),
    ):
        _assert_filled_in(text)
        assert not claims_permission(text)


@pytest.mark.parametrize(
    ("kind", "basis", "expected"),
    [
        pytest.param(
            ActionKind.CALL,
            Basis.AGREED,
            "“Hi Sam, this is Alex Kim. Dana Reyes asked me to call today at 9:00 AM — "
            "could you put me through?”",
            id="agreed-call-names-the-contact-and-time",
        ),
        pytest.param(ActionKind.CALL, Basis.AGREED, "It's a personal matter", id="agreed-call-why"),
        pytest.param(
            ActionKind.CALL,
            Basis.AGREED,
            "Best way through: ask Sam for the direct line",
            id="call-shows-the-way-through",
        ),
        pytest.param(
            ActionKind.CALL, Basis.RETRY, "Phone: +1 312 555 0100", id="call-shows-the-phone"
        ),
        pytest.param(
            ActionKind.CALL,
            Basis.MISSED_PROMISE,
            "“Hi Sam, this is Alex Kim, calling for Dana Reyes — could you put me through?”",
            id="missed-promise-call-opens-plainly",
        ),
        pytest.param(
            ActionKind.CALL,
            Basis.MISSED_PROMISE,
            "I'm following up on the timeline you mentioned",
            id="missed-promise-call-follows-up-on-the-timeline",
        ),
        pytest.param(
            ActionKind.CALL,
            Basis.MISSED_PROMISE,
            "They said: “by Wednesday”",
            id="missed-promise-call-recalls-the-words",
        ),
        pytest.param(
            ActionKind.CALL,
            Basis.NO_PROMISE,
            "It's a personal matter — we met recently.",
            id="plain-call-why",
        ),
        pytest.param(
            ActionKind.CALL,
            Basis.RETRY,
            "We met on November 18 about the Data Analyst role",
            id="call-opener-recalls-the-interview",
        ),
        pytest.param(
            ActionKind.CALLBACK,
            Basis.CALLBACK,
            "You suggested I call back at this time to reach Dana Reyes",
            id="callback-names-who-gave-the-time",
        ),
        pytest.param(
            ActionKind.CALLBACK,
            Basis.RETRY,
            "Hi Sam, this is Alex Kim, calling back for Dana Reyes",
            id="callback-without-a-given-time",
        ),
        pytest.param(
            ActionKind.VISIT,
            Basis.ATTEMPTS_EXHAUSTED,
            "- yourself, in your interview clothes\n"
            "- the printed note, with your résumé attached\n"
            "- two or three copies of your résumé",
            id="visit-checklist",
        ),
        pytest.param(
            ActionKind.VISIT,
            Basis.ATTEMPTS_EXHAUSTED,
            "“Good morning, I'm Alex Kim. Would you let Dana Reyes know I'm here? "
            "I only need a minute.”",
            id="visit-receptionist-line",
        ),
        pytest.param(
            ActionKind.VISIT,
            Basis.ATTEMPTS_EXHAUSTED,
            "Leave the note with your résumé attached, thank the receptionist",
            id="visit-when-unavailable",
        ),
        pytest.param(
            ActionKind.LEAVE_NOTE,
            Basis.ATTEMPTS_EXHAUSTED,
            "Print the note and your résumé as one PDF",
            id="leave-note-one-pdf",
        ),
        pytest.param(
            ActionKind.LEAVE_NOTE,
            Basis.ATTEMPTS_EXHAUSTED,
            "I stopped by today",
            id="leave-note-shows-the-note",
        ),
        pytest.param(
            ActionKind.THANK_YOU,
            Basis.AFTER_INTERVIEW,
            "Subject: Thank you — Data Analyst interview",
            id="thank-you-subject",
        ),
        pytest.param(
            ActionKind.THANK_YOU,
            Basis.AFTER_INTERVIEW,
            "Thank you for meeting with me on November 18 about the Data Analyst role.",
            id="thank-you-date-and-role",
        ),
        pytest.param(
            ActionKind.REQUEST_WRITTEN_OFFER,
            Basis.VERBAL_OFFER,
            "Could you send it to me in writing",
            id="written-offer-email",
        ),
        pytest.param(
            ActionKind.REQUEST_WRITTEN_OFFER,
            Basis.VERBAL_OFFER,
            "could you send it over in writing",
            id="written-offer-call",
        ),
        pytest.param(
            ActionKind.CLOSE_OUT,
            Basis.ATTEMPTS_EXHAUSTED,
            "mark this campaign as out of the running. Nothing closes until you do.",
            id="close-out-asks-to-confirm",
        ),
        pytest.param(
            ActionKind.CLOSE_OUT,
            Basis.NOTE_LEFT,
            "Write down what you learned",
            id="close-out-asks-for-lessons",
        ),
        pytest.param(
            ActionKind.CLOSE_OUT,
            Basis.UNWANTED_OFFER,
            "decline kindly, in writing",
            id="close-out-unwanted-offer",
        ),
    ],
)
def test_each_step_says_what_the_method_needs(
    kind: ActionKind, basis: Basis, expected: str
) -> None:
    assert expected in script_for(kind, basis, DUE, DANA)


@pytest.mark.parametrize(
    ("kind", "basis"),
    [
        pytest.param(ActionKind.CALL, Basis.AGREED, id="agreed-call"),
        pytest.param(ActionKind.CALL, Basis.MISSED_PROMISE, id="missed-promise-call"),
        pytest.param(ActionKind.CALL, Basis.NO_PROMISE, id="no-promise-call"),
        pytest.param(ActionKind.CALL, Basis.RETRY, id="retry-call"),
        pytest.param(ActionKind.CALLBACK, Basis.CALLBACK, id="callback"),
    ],
)
def test_every_call_says_to_leave_no_message_and_to_ask_for_a_time(
    kind: ActionKind, basis: Basis
) -> None:
    script = script_for(kind, basis, DUE, DANA)
    assert "never leave a message" in script
    assert "When would be a good time to call back and catch Dana Reyes?" in script


def test_a_missed_promise_call_blames_no_one() -> None:
    script = script_for(ActionKind.CALL, Basis.MISSED_PROMISE, DUE, DANA).lower()
    for word in ("promised", "you said you would", "didn't", "did not", "failed", "forgot"):
        assert word not in script


def test_a_callback_from_an_unnamed_gatekeeper_credits_the_colleague() -> None:
    script = script_for(ActionKind.CALLBACK, Basis.CALLBACK, DUE, replace(DANA, gatekeeper=None))
    assert "Your colleague suggested I call back at this time to reach Dana Reyes" in script


def test_it_says_the_hiring_manager_when_no_contact_is_recorded() -> None:
    facts = replace(DANA, contact=None)
    call = script_for(ActionKind.CALL, Basis.AGREED, DUE, facts)
    assert "The hiring manager asked me to call today at 9:00 AM" in call
    assert "If the hiring manager is not available" in call
    assert "Dear Hiring Manager," in script_for(
        ActionKind.THANK_YOU, Basis.AFTER_INTERVIEW, DUE, facts
    )


@pytest.mark.parametrize("seeker", ["", "   "], ids=["empty", "blank"])
def test_it_speaks_in_the_first_person_when_the_seekers_name_is_missing(seeker: str) -> None:
    facts = replace(DANA, seeker=seeker)
    call = script_for(ActionKind.CALL, Basis.RETRY, DUE, facts)
    assert "“Hi Sam, I'm calling for Dana Reyes — could you put me through?”" in call
    assert "“Hi Dana — thank you for taking my call." in call
    agreed = script_for(ActionKind.CALL, Basis.AGREED, DUE, facts)
    assert "“Hi Sam. Dana Reyes asked me to call today at 9:00 AM" in agreed
    visit = script_for(ActionKind.VISIT, Basis.ATTEMPTS_EXHAUSTED, DUE, facts)
    assert "“Good morning. Would you let Dana Reyes know I'm here?" in visit
    for text in (call, agreed, visit, note_text(facts, today=date(2026, 11, 24))):
        assert "this is ," not in text and "  " not in text and " ." not in text


@pytest.mark.parametrize(
    ("contact", "country", "address_as", "hello", "dear"),
    [
        ("Dana Reyes", "US", "", "Dana", "Dear Dana,"),
        ("Ms. Dana Reyes", "US", "", "Ms. Reyes", "Dear Ms. Reyes,"),
        ("Mr Sam Ortiz", "GB", "", "Mr Ortiz", "Dear Mr Ortiz,"),
        ("Frau Dr. Anna Weber", "DE", "", "Frau Dr. Weber", "Dear Frau Dr. Weber,"),
        ("Anna Weber", "DE", "", "Anna Weber", "Dear Anna Weber,"),
        ("Dana Reyes", "US", "Ms. Reyes", "Ms. Reyes", "Dear Ms. Reyes,"),
    ],
    ids=["us-first-name", "us-typed-ms", "gb-typed-mr", "de-frau-dr", "de-full-name", "chosen"],
)
def test_it_greets_and_writes_to_the_contact_as_they_are_addressed(
    contact: str, country: str, address_as: str, hello: str, dear: str
) -> None:
    facts = replace(DANA, contact=contact, country=country, address_as=address_as)
    call = script_for(ActionKind.CALL, Basis.RETRY, DUE, facts)
    assert f"“Hi {hello}, it's Alex Kim — thank you for taking my call" in call
    assert f"calling for {contact} — could you put me through?" in call
    assert f"\n\n{dear}\n" in note_text(facts, today=date(2026, 11, 24))
    assert f"\n{dear}\n" in script_for(ActionKind.THANK_YOU, Basis.AFTER_INTERVIEW, DUE, facts)


def test_it_shows_the_seekers_own_time_when_the_zones_differ() -> None:
    away = script_for(ActionKind.CALL, Basis.RETRY, DUE, replace(DANA, seeker_zone=NEW_YORK))
    assert "Wednesday, November 25 at 9:00 AM (10:00 AM your time)." in away
    home = script_for(ActionKind.CALL, Basis.RETRY, DUE, replace(DANA, seeker_zone=CHICAGO))
    assert "your time" not in home


def test_it_speaks_24_hour_time_outside_the_us() -> None:
    facts = replace(DANA, locale="en_GB", agreed_at=DUE)
    script = script_for(ActionKind.CALL, Basis.AGREED, DUE, facts)
    assert "Wednesday, 25 November at 09:00" in script
    assert "asked me to call today at 09:00" in script
    assert "We met on 18 November" in script


def test_the_note_is_short_warm_and_signed() -> None:
    note = note_text(DANA, today=date(2026, 11, 24))
    assert note.startswith("November 24, 2026\n\nDear Dana,")
    assert "I stopped by today" in note
    assert "the Data Analyst role" in note
    assert "résumé is attached" in note
    assert note.endswith("Warm regards,\nAlex Kim")
    assert len(note.split()) < 90


def test_the_note_follows_the_locale_and_signs_off_without_a_name() -> None:
    note = note_text(replace(DANA, seeker="", locale="en_GB"), today=date(2026, 11, 24))
    assert note.startswith("24 November 2026")
    assert note.endswith("Warm regards,")


def test_the_note_printed_ahead_carries_the_visit_day() -> None:
    visit = datetime(2026, 12, 1, 8, 30, tzinfo=CHICAGO)
    script = script_for(
        ActionKind.LEAVE_NOTE,
        Basis.ATTEMPTS_EXHAUSTED,
        visit - timedelta(days=1),
        replace(DANA, visit_at=visit),
    )
    assert "for your visit to Acme Corp on Tuesday, December 1 at 8:30 AM." in script
    assert "December 1, 2026\n\nDear Dana," in script


@pytest.mark.parametrize(
    ("gatekeeper", "expected"),
    [
        pytest.param("Sam", "your direct line, through Sam, or another way?", id="named"),
        pytest.param(
            None, "your direct line, through your assistant, or another way?", id="unknown"
        ),
    ],
)
def test_the_way_through_question_offers_the_usual_routes(
    gatekeeper: str | None, expected: str
) -> None:
    question = best_way_through_question(replace(DANA, gatekeeper=gatekeeper))
    assert "what's the best way to reach you when I call" in question
    assert question.endswith(expected)


class TestClosingAsk:
    MORNING = DUE
    EVENING = DUE.replace(hour=17, minute=30)
    THURSDAY = date(2026, 11, 26)

    @pytest.mark.parametrize(
        ("locale", "options", "alternate"),
        [
            pytest.param(
                "en_US",
                "Would Wednesday, November 25 at 9:00 AM or 5:30 PM suit you better?",
                "If Wednesday is full, Thursday, November 26 works for me too.",
                id="us-same-day",
            ),
            pytest.param(
                "en_GB",
                "Would Wednesday, 25 November at 09:00 or 17:30 suit you better?",
                "If Wednesday is full, Thursday, 26 November works for me too.",
                id="gb-same-day",
            ),
        ],
    )
    def test_it_offers_two_times_on_the_day_and_an_alternate_day(
        self, locale: str, options: str, alternate: str
    ) -> None:
        ask = closing_ask((self.MORNING, self.EVENING), self.THURSDAY, replace(DANA, locale=locale))
        assert options in ask
        assert alternate in ask

    def test_it_names_both_days_when_the_options_fall_on_different_days(self) -> None:
        ask = closing_ask((self.MORNING, self.EVENING + timedelta(days=1)), date(2026, 12, 1), DANA)
        assert "Would Wednesday, November 25 at 9:00 AM or Thursday, November 26 at 5:30 PM" in ask

    def test_it_thanks_asks_permission_and_then_the_way_through(self) -> None:
        ask = closing_ask((self.MORNING, self.EVENING), self.THURSDAY, DANA)
        assert (
            ask.index("Thank you")
            < ask.index("may I give you a call")
            < ask.index("best way to reach you")
        )
        assert "hard to reach" in ask
        assert not claims_permission(ask)

    def test_it_adds_the_seekers_own_times_when_the_zones_differ(self) -> None:
        ask = closing_ask(
            (self.MORNING, self.EVENING), self.THURSDAY, replace(DANA, seeker_zone=NEW_YORK)
        )
        assert "In your time: Wednesday, November 25 at 10:00 AM or 6:30 PM." in ask


def test_scripts_cost_microseconds() -> None:
    # Planning runs this for every step of every campaign; a generous bound that still catches
    # a slow formatting library or a regex creeping in.
    steps = list(product(ActionKind, (Basis.AGREED, Basis.RETRY)))
    start = time.perf_counter()
    for _ in range(100):
        for kind, basis in steps:
            script_for(kind, basis, DUE, DANA)
    per_call = (time.perf_counter() - start) / (100 * len(steps))
    assert per_call < 100e-6
