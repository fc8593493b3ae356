"""Holidays, seasons and quarters: the readers of METHOD §5.1's calendar phrases.

A holiday named in a promise is the company's: "Thanksgiving" is in October for a Canadian company
and in November for an American one, "Labour Day" is May 1 in Germany. The `holidays` package
knows each country's public holidays by name; a holiday it does not list for the country (Easter
Sunday is nobody's day off, Canada keeps Thanksgiving by province) falls back to the usual rule
for that country. `holidays` is slow to import, so it is imported on the first holiday named, and
every answer is kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache

from pursuit.method.promise_de_holidays import easter_sunday
from pursuit.method.promise_readers import (
    Context,
    Reading,
    day_label,
    month_length,
    month_start,
    weekday_after,
    weekday_index,
)
from pursuit.method.vocab import WEEKDAY_NAMES, PromiseKind

# -- holiday dates ------------------------------------------------------------------------------


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The `n`th `weekday` of the month; n = -1 is the last."""
    if n < 0:
        last = date(year, month, month_length(year, month))
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _fixed(month: int, day: int) -> Callable[[int, str], date]:
    return lambda year, country: date(year, month, day)


def _easter_plus(days: int) -> Callable[[int, str], date]:
    return lambda year, country: easter_sunday(year) + timedelta(days=days)


def _thanksgiving(year: int, country: str) -> date:
    if country == "CA":
        return _nth_weekday(year, 10, 0, 2)
    return _nth_weekday(year, 11, 3, 4)


def _labour_day(year: int, country: str) -> date:
    if country in ("US", "CA"):
        return _nth_weekday(year, 9, 0, 1)
    return date(year, 5, 1)


def _victoria_day(year: int, country: str) -> date:
    # The Monday before May 25.
    may_24 = date(year, 5, 24)
    return may_24 - timedelta(days=may_24.weekday())


#: Each holiday: how `holidays` names it (in US English), and the rule when the country's list
#: lacks it.
_HOLIDAYS: dict[str, tuple[str, Callable[[int, str], date]]] = {
    "thanksgiving": (r"thanksgiving", _thanksgiving),
    "christmas_eve": (r"christmas eve", _fixed(12, 24)),
    "christmas": (r"^christmas( day)?$", _fixed(12, 25)),
    "boxing_day": (r"^boxing day$|^(saint|st\.?) stephen|second day of christmas", _fixed(12, 26)),
    "new_years_eve": (r"new year's eve", _fixed(12, 31)),
    "new_year": (r"^new year's day$", _fixed(1, 1)),
    "good_friday": (r"^good friday$", _easter_plus(-2)),
    "easter": (r"^easter sunday$", _easter_plus(0)),
    "easter_monday": (r"^easter monday$", _easter_plus(1)),
    "ascension": (r"^ascension", _easter_plus(39)),
    "pentecost": (r"^(whit|pentecost) sunday$", _easter_plus(49)),
    "whit_monday": (r"^(whit|pentecost) monday$", _easter_plus(50)),
    "labour_day": (r"^labou?r day$", _labour_day),
    "memorial_day": (r"^memorial day$", lambda y, c: _nth_weekday(y, 5, 0, -1)),
    "independence_day": (r"^independence day$", _fixed(7, 4)),
    "juneteenth": (r"juneteenth", _fixed(6, 19)),
    "mlk_day": (r"martin luther king", lambda y, c: _nth_weekday(y, 1, 0, 3)),
    "presidents_day": (r"washington's birthday|presidents", lambda y, c: _nth_weekday(y, 2, 0, 3)),
    "columbus_day": (r"^columbus day$", lambda y, c: _nth_weekday(y, 10, 0, 2)),
    "veterans_day": (r"^veterans day$", _fixed(11, 11)),
    "remembrance_day": (r"^remembrance day$", _fixed(11, 11)),
    "victoria_day": (r"^victoria day$", _victoria_day),
    "canada_day": (r"^canada day$", _fixed(7, 1)),
    "st_patricks_day": (r"patrick's day$", _fixed(3, 17)),
    "australia_day": (r"^australia day$", _fixed(1, 26)),
    "anzac_day": (r"^anzac day$", _fixed(4, 25)),
    "halloween": (r"^halloween$", _fixed(10, 31)),
}
_HOLIDAY_NAMES = {
    key: re.compile(pattern, re.IGNORECASE) for key, (pattern, _) in _HOLIDAYS.items()
}
HOLIDAY_LABELS = {
    "new_years_eve": "New Year's Eve",
    "new_year": "New Year's Day",
    "christmas_eve": "Christmas Eve",
    "st_patricks_day": "St Patrick's Day",
    "mlk_day": "Martin Luther King Jr. Day",
    "presidents_day": "Presidents' Day",
    "anzac_day": "Anzac Day",
}


@lru_cache(maxsize=256)
def _country_holidays(country: str, subdiv: str | None, year: int) -> tuple[tuple[date, str], ...]:
    import holidays

    found = holidays.country_holidays(country, subdiv=subdiv, years=year, language="en_US")
    return tuple(sorted((day, str(name)) for day, name in found.items()))


@lru_cache(maxsize=1024)
def holiday_on(key: str, country: str, subdiv: str | None, year: int) -> date:
    """The date of holiday `key` in `year` where the company is."""
    names = _HOLIDAY_NAMES[key]
    for day, name in _country_holidays(country, subdiv, year):
        if "observed" not in name.lower() and names.search(name):
            return day
    return _HOLIDAYS[key][1](year, country)


def next_holiday(key: str, ctx: Context) -> date:
    """The holiday's next date on or after D."""
    country, subdiv = ctx.calendar.country, ctx.calendar.subdiv
    day = holiday_on(key, country, subdiv, ctx.today.year)
    return day if day >= ctx.today else holiday_on(key, country, subdiv, ctx.today.year + 1)


def _label(key: str) -> str:
    return HOLIDAY_LABELS.get(key) or key.replace("_", " ").title()


def read_holiday(m: re.Match[str], ctx: Context) -> Reading | None:
    key = m.lastgroup
    if key is None or key not in _HOLIDAYS:
        return None
    day = next_holiday(key, ctx)
    says = f"{_label(key)} where the company is"
    return Reading(day, day, PromiseKind.ON, 0.8, says)


def read_bank_holiday(m: re.Match[str], ctx: Context) -> Reading | None:
    """The country's next public holiday on or after D ("the bank holiday", "the long weekend")."""
    cal = ctx.calendar
    for year in (ctx.today.year, ctx.today.year + 1):
        for day, name in _country_holidays(cal.country, cal.subdiv, year):
            if day >= ctx.today and day.weekday() < 5:
                return Reading(day, day, PromiseKind.ON, 0.7, f"the next public holiday, {name}")
    return None


# -- seasons ------------------------------------------------------------------------------------


def _period(first: date, last: date, ctx: Context, says: str, confidence: float) -> Reading:
    """A stretch of days: "by" or "before" it means by the day before it starts."""
    before = first - timedelta(days=1)
    return Reading(
        max(first, ctx.today),
        last,
        PromiseKind.WINDOW,
        confidence,
        says,
        before=before if before >= ctx.today else None,
    )


def read_year_end_break(m: re.Match[str], ctx: Context) -> Reading:
    """The holidays: December 24 to January 1, the stretch still to come or under way."""
    year = ctx.today.year - (ctx.today.month == 1 and ctx.today.day == 1)
    first, last = date(year, 12, 24), date(year + 1, 1, 1)
    return _period(first, last, ctx, "the year-end holidays", 0.75)


def read_easter_break(m: re.Match[str], ctx: Context) -> Reading:
    cal = ctx.calendar
    year = ctx.today.year
    if holiday_on("easter_monday", cal.country, cal.subdiv, year) < ctx.today:
        year += 1
    sunday = easter_sunday(year)
    first, last = sunday - timedelta(days=2), sunday + timedelta(days=1)
    return _period(first, last, ctx, "the Easter weekend", 0.75)


def read_new_year_part(m: re.Match[str], ctx: Context) -> Reading:
    """Early in the new year: the 1st to the 10th of the January to come (or under way)."""
    year = ctx.today.year + (ctx.today.month > 1 or ctx.today.day > 10)
    first = date(year, 1, 1)
    latest = date(year, 1, 10)
    if m.group("whole"):
        latest = date(year, 1, 31)
    return Reading(max(first, ctx.today), latest, PromiseKind.WINDOW, 0.7, "the new year")


def read_mid_month(m: re.Match[str], ctx: Context) -> Reading:
    """The middle of the month (11th to 20th), or of the next one once the 20th has passed."""
    early = m.group("early") is not None
    first, last = (1, 10) if early else (11, 20)
    start = month_start(ctx.today, 0 if ctx.today.day <= last else 1)
    says = "the start of the month" if early else "the middle of the month"
    earliest = max(start.replace(day=first), ctx.today)
    return Reading(earliest, start.replace(day=last), PromiseKind.WINDOW, 0.75, says)


# -- quarters -----------------------------------------------------------------------------------


def _quarter_of(d: date) -> tuple[date, date]:
    first_month = (d.month - 1) // 3 * 3 + 1
    first = date(d.year, first_month, 1)
    last_month = first_month + 2
    return first, date(d.year, last_month, month_length(d.year, last_month))


_QUARTER_NUMBERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4}


def read_quarter_end(m: re.Match[str], ctx: Context) -> Reading:
    _, last = _quarter_of(ctx.today)
    return Reading(last, last, PromiseKind.BY, 0.8, "the last day of the quarter")


def read_next_quarter(m: re.Match[str], ctx: Context) -> Reading:
    _, this_last = _quarter_of(ctx.today)
    first, last = _quarter_of(this_last + timedelta(days=1))
    return Reading(first, last, PromiseKind.WINDOW, 0.75, "next quarter")


def read_named_quarter(m: re.Match[str], ctx: Context) -> Reading | None:
    word = (m.group("qn") or m.group("qw")).lower()
    n = int(word[0]) if word[0].isdigit() else _QUARTER_NUMBERS[word]
    year = ctx.today.year
    said_year = m.group("year")
    if said_year:
        year = int(said_year) if len(said_year) == 4 else 2000 + int(said_year[-2:])
    first = date(year, 3 * n - 2, 1)
    _, last = _quarter_of(first)
    if last < ctx.today:
        if said_year:
            return None
        first, last = first.replace(year=year + 1), last.replace(year=year + 1)
    label = f"Q{n} {first.year}"
    if m.group("end"):
        return Reading(last, last, PromiseKind.BY, 0.8, f"the last day of {label}")
    return Reading(max(first, ctx.today), last, PromiseKind.WINDOW, 0.75, label)


# -- weeks from a weekday -----------------------------------------------------------------------


def read_weekday_week(m: re.Match[str], ctx: Context) -> Reading:
    """ "Monday week", "a week on Monday": the first such weekday after D, and 7 days more."""
    words = m.group(0).lower()
    if m.groupdict().get("wd") is None:
        # "A week today" / "a week tomorrow".
        day = ctx.today + timedelta(days=7 + ("tom" in words or "tmr" in words))
        return Reading(day, day, PromiseKind.ON, 0.85, "a week from the day named")
    wd = weekday_index(m.group("wd"))
    weeks = 2 if "fortnight" in words else 1
    day = weekday_after(ctx.today, wd) + timedelta(weeks=weeks)
    says = f"{weeks} week{'s' * (weeks > 1)} after the first {WEEKDAY_NAMES[wd]} after "
    return Reading(day, day, PromiseKind.ON, 0.85, says + day_label(ctx.today, ctx.today))
