"""Business time in the company's zone (METHOD §3).

A business day is Monday to Friday, not a public holiday of the company's country and subdivision,
not a de-facto closure day, and not one of the seeker's blackout dates. Dates here are the company's
local calendar dates; datetimes returned are aware, in the company's IANA zone. Callers store UTC.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

ONE_DAY = timedelta(days=1)

#: How far a search for the next business day may run before the calendar is declared unusable
#: (a seeker who blacked out a whole year, say). Reaching it is an error, never an endless loop.
MAX_SEARCH_DAYS = 400


class CalendarError(ValueError):
    """A zone, country, subdivision or date range that cannot work; the message says what to fix."""


def _thanksgiving(year: int) -> date:
    """Fourth Thursday of November."""
    first = date(year, 11, 1)
    first_thursday = first + timedelta(days=(3 - first.weekday()) % 7)
    return first_thursday + timedelta(weeks=3)


def _us_closures(year: int) -> frozenset[date]:
    # Offices close on these though they are no public holiday; commercial schedulers miss them.
    return frozenset({_thanksgiving(year) + ONE_DAY, date(year, 12, 24), date(year, 12, 31)})


#: De-facto closure days by country. A company adds or removes days of its own on top.
DEFACTO_CLOSURES = {"US": _us_closures}


# The `holidays` package loads every country when imported (about a quarter of a second), so it
# is imported on first use, and what it answered is kept here. A short-lived process (a command)
# may start from what an earlier one learned: `known_holidays()` and `learn_holidays()`.
_PUBLIC_HOLIDAYS: dict[tuple[str, str | None, int], frozenset[date]] = {}
_SUPPORTED: dict[str, tuple[str, ...]] = {}


def _public_holidays(country: str, subdiv: str | None, year: int) -> frozenset[date]:
    key = (country, subdiv, year)
    days = _PUBLIC_HOLIDAYS.get(key)
    if days is None:
        import holidays

        found = holidays.country_holidays(country, subdiv=subdiv, years=year)
        days = _PUBLIC_HOLIDAYS[key] = frozenset(found.keys())
    return days


def _supported_countries() -> Mapping[str, tuple[str, ...]]:
    if not _SUPPORTED:
        import holidays

        supported = holidays.list_supported_countries()
        _SUPPORTED.update({cc: tuple(subdivs) for cc, subdivs in supported.items()})
    return _SUPPORTED


def known_holidays() -> dict[str, Any]:
    """What this process learned from `holidays`, as plain JSON-ready values."""
    return {
        "supported": dict(_SUPPORTED),
        "public": {
            f"{cc}|{sd or ''}|{year}": sorted(d.isoformat() for d in days)
            for (cc, sd, year), days in _PUBLIC_HOLIDAYS.items()
        },
    }


def learn_holidays(known: Mapping[str, Any]) -> None:
    """Take what `known_holidays()` gave in an earlier process (with the same `holidays`)."""
    _SUPPORTED.update({cc: tuple(sds) for cc, sds in known.get("supported", {}).items()})
    for key, days in known.get("public", {}).items():
        cc, sd, year = key.split("|")
        _PUBLIC_HOLIDAYS[(cc, sd or None, int(year))] = frozenset(
            date.fromisoformat(d) for d in days
        )


@lru_cache(maxsize=4096)
def _defacto_closures(country: str, year: int) -> frozenset[date]:
    rule = DEFACTO_CLOSURES.get(country)
    return rule(year) if rule else frozenset()


@lru_cache(maxsize=512)
def zone_named(name: str) -> ZoneInfo:
    """The IANA zone `name`, or a CalendarError that says what to type instead."""
    hint = f"unknown time zone {name!r}: use an IANA name such as America/New_York"
    if not name or ("/" not in name and name not in ("UTC", "GMT")):
        raise CalendarError(hint)
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise CalendarError(hint) from None


def check_country(country: str, subdiv: str | None = None) -> tuple[str, str | None]:
    """Normalise and validate a country code (ISO 3166-1 alpha-2) and optional subdivision."""
    cc = (country or "").strip().upper()
    sd = (subdiv or "").strip().upper() or None
    supported = _supported_countries()
    if cc not in supported:
        raise CalendarError(
            f"unknown country {country!r}: use a two-letter ISO code such as US, GB, DE or FR"
        )
    if sd is not None and sd not in supported[cc]:
        some = ", ".join(supported[cc][:6])
        raise CalendarError(
            f"unknown subdivision {subdiv!r} for {cc}"
            + (f": use one such as {some}" if some else f": {cc} has none")
        )
    return cc, sd


def wall_time(day: date, at: time, zone: ZoneInfo) -> datetime:
    """`day` at local time `at` in `zone`, made real on DST days.

    A wall time skipped by a spring-forward gap moves forward by the gap (02:30 becomes 03:30); a
    wall time that occurs twice at fall-back is the first occurrence (fold=0), so no step is ever
    planned at a local time that does not exist or twice.
    """
    # fold=0 reads a wall time with the offset in force before a change. In a spring-forward gap
    # that instant, shown in the zone, is the wall time after the gap; at fall-back it is the
    # first of the two occurrences. The round trip through UTC normalises both cases.
    return datetime.combine(day, at, tzinfo=zone).astimezone(UTC).astimezone(zone)


class BusinessCalendar:
    """A company's business days in its zone, with the seeker's blackout dates.

    Instances are cheap to build and cache their answers; share one per company.
    """

    __slots__ = (
        "_cache",
        "blackout",
        "country",
        "defacto",
        "extra_closures",
        "open_days",
        "subdiv",
        "zone",
    )

    def __init__(
        self,
        *,
        zone: str | ZoneInfo = "America/New_York",
        country: str = "US",
        subdiv: str | None = None,
        extra_closures: Iterable[date] = (),
        open_days: Iterable[date] = (),
        blackout: Iterable[date] = (),
        defacto: bool = True,
    ) -> None:
        self.zone = zone if isinstance(zone, ZoneInfo) else zone_named(zone)
        self.country, self.subdiv = check_country(country, subdiv)
        #: The company's own closure days, on top of public holidays and de-facto closures.
        self.extra_closures = frozenset(extra_closures)
        #: Days the company is open though they would be a holiday or closure (not weekends).
        self.open_days = frozenset(open_days)
        #: The seeker's blackout dates (vacation, a day they cannot take calls).
        self.blackout = frozenset(blackout)
        #: Whether the country's de-facto closure days (DEFACTO_CLOSURES) count as closed.
        self.defacto = defacto
        self._cache: dict[date, bool] = {}

    def __repr__(self) -> str:
        sd = f"-{self.subdiv}" if self.subdiv else ""
        return f"BusinessCalendar({self.zone.key}, {self.country}{sd})"

    def with_blackout(self, days: Iterable[date]) -> BusinessCalendar:
        """The same company calendar with more of the seeker's blackout dates."""
        return BusinessCalendar(
            zone=self.zone,
            country=self.country,
            subdiv=self.subdiv,
            extra_closures=self.extra_closures,
            open_days=self.open_days,
            blackout=self.blackout | frozenset(days),
            defacto=self.defacto,
        )

    # -- days -------------------------------------------------------------------------------

    def is_business_day(self, day: date) -> bool:
        cached = self._cache.get(day)
        if cached is None:
            cached = self._cache[day] = self._compute(day)
        return cached

    def _compute(self, day: date) -> bool:
        if day.weekday() >= 5 or day in self.blackout or day in self.extra_closures:
            return False
        if day in self.open_days:
            return True
        return not (
            day in _public_holidays(self.country, self.subdiv, day.year)
            or (self.defacto and day in _defacto_closures(self.country, day.year))
        )

    def why_closed(self, day: date) -> str | None:
        """A short reason a day is not a business day, or None when it is one."""
        if day.weekday() >= 5:
            return "weekend"
        if day in self.blackout:
            return "your blackout date"
        if day in self.extra_closures:
            return "company closure"
        if day in self.open_days:
            return None
        import holidays

        names = holidays.country_holidays(self.country, subdiv=self.subdiv, years=day.year)
        if day in names:
            return str(names.get(day))
        if self.defacto and day in _defacto_closures(self.country, day.year):
            return "most offices are closed"
        return None

    def is_preferred_day(self, day: date, weekdays: frozenset[int]) -> bool:
        return day.weekday() in weekdays and self.is_business_day(day)

    def next_business_day(self, day: date) -> date:
        """The first business day strictly after `day`."""
        return self._search(day + ONE_DAY, None)

    def previous_business_day(self, day: date) -> date:
        """The last business day strictly before `day`."""
        for _ in range(MAX_SEARCH_DAYS):
            day -= ONE_DAY
            if self.is_business_day(day):
                return day
        raise CalendarError(f"no business day within {MAX_SEARCH_DAYS} days before {day}")

    def business_day_on_or_after(self, day: date) -> date:
        return self._search(day, None)

    def next_preferred_day(self, day: date, weekdays: frozenset[int]) -> date:
        """The first preferred business day strictly after `day`."""
        return self._search(day + ONE_DAY, weekdays)

    def preferred_day_on_or_after(self, day: date, weekdays: frozenset[int]) -> date:
        return self._search(day, weekdays)

    def add_business_days(self, day: date, n: int) -> date:
        """`day` moved `n` business days forward (n ≥ 0); n = 0 gives `day` itself."""
        for _ in range(n):
            day = self.next_business_day(day)
        return day

    def business_days_between(self, start: date, end: date) -> int:
        """How many business days lie in (start, end]; 0 when end ≤ start."""
        count = 0
        day = start + ONE_DAY
        while day <= end:
            count += self.is_business_day(day)
            day += ONE_DAY
        return count

    def _search(self, day: date, weekdays: frozenset[int] | None) -> date:
        for _ in range(MAX_SEARCH_DAYS):
            if self.is_business_day(day) and (weekdays is None or day.weekday() in weekdays):
                return day
            day += ONE_DAY
        raise CalendarError(
            f"no business day within {MAX_SEARCH_DAYS} days of {day - MAX_SEARCH_DAYS * ONE_DAY}: "
            "check the blackout dates and closures"
        )

    # -- times ------------------------------------------------------------------------------

    def at(self, day: date, t: time) -> datetime:
        """`day` at company-local time `t`, aware in the company's zone (DST-safe)."""
        return wall_time(day, t, self.zone)

    def local(self, moment: datetime) -> datetime:
        """An aware moment shown in the company's zone."""
        if moment.tzinfo is None:
            raise CalendarError("a moment without a UTC offset is ambiguous; give it a zone")
        return moment.astimezone(self.zone)

    def localize(self, naive: datetime) -> datetime:
        """A naive company-local wall time made aware (DST-safe like `at`)."""
        if naive.tzinfo is not None:
            return naive.astimezone(self.zone)
        return wall_time(naive.date(), naive.time(), self.zone)

    def today(self, now: datetime) -> date:
        if now.tzinfo is self.zone:
            return now.date()
        return self.local(now).date()
