"""Business time: METHOD §3 as tables of ISO dates, and the DST days."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from pursuit.method.calendar import BusinessCalendar, CalendarError, wall_time

NY = BusinessCalendar(zone="America/New_York", country="US")
BERLIN = BusinessCalendar(zone="Europe/Berlin", country="DE", subdiv="BY")

D = date.fromisoformat


@pytest.mark.parametrize(
    ("day", "open_"),
    [
        pytest.param("2026-11-25", True, id="wednesday-before-thanksgiving"),
        pytest.param("2026-11-26", False, id="thanksgiving"),
        pytest.param("2026-11-27", False, id="day-after-thanksgiving-de-facto"),
        pytest.param("2026-11-28", False, id="saturday"),
        pytest.param("2026-11-30", True, id="monday-after"),
        pytest.param("2026-12-24", False, id="christmas-eve-de-facto"),
        pytest.param("2026-12-25", False, id="christmas"),
        pytest.param("2026-12-31", False, id="new-years-eve-de-facto"),
        pytest.param("2027-01-01", False, id="new-year"),
        pytest.param("2026-07-03", False, id="july-4th-observed-on-friday"),
        pytest.param("2027-01-18", False, id="mlk-day"),
    ],
)
def test_it_knows_us_business_days(day: str, open_: bool) -> None:
    assert NY.is_business_day(D(day)) is open_


@pytest.mark.parametrize(
    ("day", "open_"),
    [
        pytest.param("2026-10-03", False, id="german-unity-day-saturday"),
        pytest.param("2026-11-01", False, id="all-saints-sunday"),
        pytest.param("2027-01-06", False, id="epiphany-in-bavaria"),
        pytest.param("2026-11-26", True, id="no-thanksgiving-in-germany"),
        pytest.param("2026-11-27", True, id="no-us-closure-in-germany"),
    ],
)
def test_it_knows_german_business_days(day: str, open_: bool) -> None:
    assert BERLIN.is_business_day(D(day)) is open_


def test_it_honours_company_closures_and_openings() -> None:
    cal = BusinessCalendar(extra_closures=[D("2026-12-01")], open_days=[D("2026-11-27")])
    assert not cal.is_business_day(D("2026-12-01"))
    assert cal.is_business_day(D("2026-11-27"))
    assert cal.why_closed(D("2026-12-01")) == "company closure"


def test_de_facto_closures_can_be_switched_off() -> None:
    cal = BusinessCalendar(defacto=False)
    assert cal.is_business_day(D("2026-11-27"))
    assert not cal.is_business_day(D("2026-11-26"))  # Thanksgiving itself stays a holiday


def test_it_skips_the_seekers_blackout_dates() -> None:
    cal = NY.with_blackout([D("2026-12-01"), D("2026-12-02")])
    assert cal.next_business_day(D("2026-11-30")) == D("2026-12-03")
    assert cal.why_closed(D("2026-12-02")) == "your blackout date"


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        pytest.param("2026-11-19", 5, "2026-11-30", id="across-thanksgiving"),
        pytest.param("2026-11-25", 1, "2026-11-30", id="wednesday-plus-one"),
        pytest.param("2026-12-22", 3, "2026-12-29", id="across-christmas"),
        pytest.param("2026-12-04", 0, "2026-12-04", id="zero-days"),
    ],
)
def test_it_adds_business_days(start: str, n: int, expected: str) -> None:
    assert NY.add_business_days(D(start), n) == D(expected)


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        pytest.param("2026-11-20", "2026-11-24", id="friday-to-tuesday"),
        pytest.param("2026-11-23", "2026-11-24", id="monday-to-tuesday"),
        pytest.param("2026-11-24", "2026-11-25", id="tuesday-to-wednesday"),
        pytest.param("2026-11-25", "2026-12-01", id="past-thanksgiving-and-friday"),
        pytest.param("2026-12-03", "2026-12-08", id="thursday-to-next-tuesday"),
        pytest.param("2026-12-23", "2026-12-29", id="christmas-eve-closed"),
    ],
)
def test_it_finds_the_next_preferred_day(after: str, expected: str) -> None:
    assert NY.next_preferred_day(D(after), frozenset({1, 2, 3})) == D(expected)


def test_it_rejects_an_unknown_zone_with_a_hint() -> None:
    with pytest.raises(CalendarError, match="IANA name"):
        BusinessCalendar(zone="Mars/Olympus")


def test_it_rejects_an_unknown_country_and_subdivision() -> None:
    with pytest.raises(CalendarError, match="two-letter ISO code"):
        BusinessCalendar(country="XX")
    with pytest.raises(CalendarError, match="subdivision"):
        BusinessCalendar(country="US", subdiv="ZZ")


def test_it_never_searches_forever() -> None:
    year = [D("2027-01-01") + timedelta(days=i) for i in range(500)]
    cal = NY.with_blackout(year)
    with pytest.raises(CalendarError, match="blackout"):
        cal.next_business_day(D("2026-12-31"))


def test_it_refuses_a_naive_moment() -> None:
    with pytest.raises(CalendarError):
        NY.local(datetime(2026, 11, 19, 15, 0))


class TestDaylightSaving:
    """Every branch that depends on a DST change, in the zones the method is tested with."""

    @pytest.mark.parametrize(
        ("zone", "day", "wall", "expected"),
        [
            pytest.param(
                "America/Chicago",
                "2026-03-08",
                "02:30",
                "2026-03-08T03:30:00-05:00",
                id="chicago-spring-gap-moves-forward",
            ),
            pytest.param(
                "America/Chicago",
                "2026-03-08",
                "09:00",
                "2026-03-08T09:00:00-05:00",
                id="chicago-spring-morning-is-cdt",
            ),
            pytest.param(
                "America/Chicago",
                "2026-11-01",
                "01:30",
                "2026-11-01T01:30:00-05:00",
                id="chicago-fall-doubled-hour-takes-first",
            ),
            pytest.param(
                "America/Chicago",
                "2026-11-01",
                "09:00",
                "2026-11-01T09:00:00-06:00",
                id="chicago-fall-morning-is-cst",
            ),
            pytest.param(
                "Europe/Berlin",
                "2026-03-29",
                "02:30",
                "2026-03-29T03:30:00+02:00",
                id="berlin-spring-gap-moves-forward",
            ),
            pytest.param(
                "Europe/Berlin",
                "2026-10-25",
                "02:30",
                "2026-10-25T02:30:00+02:00",
                id="berlin-fall-doubled-hour-takes-first",
            ),
            pytest.param(
                "Europe/Berlin",
                "2026-10-25",
                "17:30",
                "2026-10-25T17:30:00+01:00",
                id="berlin-fall-evening-is-cet",
            ),
        ],
    )
    def test_wall_times_exist_once(self, zone: str, day: str, wall: str, expected: str) -> None:
        moment = wall_time(D(day), time.fromisoformat(wall), ZoneInfo(zone))
        assert moment.isoformat() == expected

    @pytest.mark.parametrize(
        ("zone", "country", "monday"),
        [
            pytest.param("America/Chicago", "US", "2026-03-09", id="chicago-week-after-spring"),
            pytest.param("America/Chicago", "US", "2026-11-02", id="chicago-week-after-fall"),
            pytest.param("Europe/Berlin", "DE", "2026-03-30", id="berlin-week-after-spring"),
            pytest.param("Europe/Berlin", "DE", "2026-10-26", id="berlin-week-after-fall"),
        ],
    )
    def test_nine_oclock_stays_nine_oclock_across_the_change(
        self, zone: str, country: str, monday: str
    ) -> None:
        cal = BusinessCalendar(zone=zone, country=country)
        before = cal.at(D(monday) - timedelta(days=7), time(9))
        after = cal.at(D(monday), time(9))
        assert before.time() == after.time() == time(9)
        assert before.utcoffset() != after.utcoffset()
