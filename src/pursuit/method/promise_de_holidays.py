"""German holidays by name, and the stretches around the turn of the year (METHOD §5.1).

A holiday is looked up by the name the company's country gives it in German (the `holidays`
package has German names for Germany, Austria and Switzerland), so "Nationalfeiertag" is October
26 in Vienna and August 1 in Zurich; a holiday the country does not keep still has its date
("Reformationstag" in Bavaria is October 31). "Ostern" is Easter Sunday.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache

from pursuit.method.promise_de_readers import fold
from pursuit.method.promise_readers import Context, Reading, _single
from pursuit.method.vocab import PromiseKind


def easter_sunday(year: int) -> date:
    """Gregorian Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _repentance_day(year: int) -> date:
    # Buß- und Bettag: the Wednesday before November 23.
    nov22 = date(year, 11, 22)
    return nov22 - timedelta(days=(nov22.weekday() - 2) % 7)


#: A holiday as said (folded) -> (English name, names `holidays` gives it in German, the date in a
#: year when the company's country has none of those names). Easter is Easter Sunday (METHOD).
_E = easter_sunday
HOLIDAYS: dict[str, tuple[str, tuple[str, ...], Callable[[int], date]]] = {
    "ostern": ("Easter Sunday", ("ostersonntag",), _E),
    "ostersonntag": ("Easter Sunday", ("ostersonntag",), _E),
    "osterfeiertage": ("Easter Monday", ("ostermontag",), lambda y: _E(y) + timedelta(days=1)),
    "ostermontag": ("Easter Monday", ("ostermontag",), lambda y: _E(y) + timedelta(days=1)),
    "karfreitag": ("Good Friday", ("karfreitag",), lambda y: _E(y) - timedelta(days=2)),
    "gruendonnerstag": ("Maundy Thursday", ("gruendonnerstag",),
                        lambda y: _E(y) - timedelta(days=3)),
    "rosenmontag": ("Rose Monday", ("rosenmontag",), lambda y: _E(y) - timedelta(days=48)),
    "fasching": ("Shrove Tuesday", ("faschingsdienstag",), lambda y: _E(y) - timedelta(days=47)),
    "karneval": ("Shrove Tuesday", ("faschingsdienstag",), lambda y: _E(y) - timedelta(days=47)),
    "himmelfahrt": ("Ascension Day", ("christi himmelfahrt", "auffahrt"),
                    lambda y: _E(y) + timedelta(days=39)),
    "auffahrt": ("Ascension Day", ("auffahrt", "christi himmelfahrt"),
                 lambda y: _E(y) + timedelta(days=39)),
    "pfingsten": ("Whit Sunday", ("pfingstsonntag",), lambda y: _E(y) + timedelta(days=49)),
    "pfingstsonntag": ("Whit Sunday", ("pfingstsonntag",), lambda y: _E(y) + timedelta(days=49)),
    "pfingstmontag": ("Whit Monday", ("pfingstmontag",), lambda y: _E(y) + timedelta(days=50)),
    "fronleichnam": ("Corpus Christi", ("fronleichnam",), lambda y: _E(y) + timedelta(days=60)),
    "heiligabend": ("Christmas Eve", ("heiligabend",), lambda y: date(y, 12, 24)),
    "heiligen abend": ("Christmas Eve", ("heiligabend",), lambda y: date(y, 12, 24)),
    "weihnachten": ("Christmas Day", ("erster weihnachtstag", "christtag", "weihnachten"),
                    lambda y: date(y, 12, 25)),
    "christtag": ("Christmas Day", ("christtag",), lambda y: date(y, 12, 25)),
    "stephanstag": ("St Stephen's Day", ("stephanstag",), lambda y: date(y, 12, 26)),
    "silvester": ("New Year's Eve", ("silvester",), lambda y: date(y, 12, 31)),
    "neujahr": ("New Year's Day", ("neujahr", "neujahrstag"), lambda y: date(y, 1, 1)),
    "neujahrstag": ("New Year's Day", ("neujahr", "neujahrstag"), lambda y: date(y, 1, 1)),
    "berchtoldstag": ("Berchtold's Day", ("berchtoldstag",), lambda y: date(y, 1, 2)),
    "dreikoenig": ("Epiphany", ("heilige drei koenige",), lambda y: date(y, 1, 6)),
    "tag der arbeit": ("Labour Day", ("erster mai", "staatsfeiertag", "tag der arbeit"),
                       lambda y: date(y, 5, 1)),
    "maifeiertag": ("Labour Day", ("erster mai", "staatsfeiertag"), lambda y: date(y, 5, 1)),
    "mariae himmelfahrt": ("Assumption Day", ("mariae himmelfahrt",), lambda y: date(y, 8, 15)),
    "tag der deutschen einheit": ("German Unity Day", ("tag der deutschen einheit",),
                                  lambda y: date(y, 10, 3)),
    "reformationstag": ("Reformation Day", ("reformationstag",), lambda y: date(y, 10, 31)),
    "allerheiligen": ("All Saints' Day", ("allerheiligen",), lambda y: date(y, 11, 1)),
    "buss- und bettag": ("Repentance Day", ("buss- und bettag",), _repentance_day),
    "mariae empfaengnis": ("Immaculate Conception", ("mariae empfaengnis",),
                           lambda y: date(y, 12, 8)),
    # The national day differs by country: Austria's is in October, Switzerland's in August.
    "nationalfeiertag": ("the national day", ("nationalfeiertag", "tag der deutschen einheit"),
                         lambda y: date(y, 10, 3)),
    "bundesfeiertag": ("Swiss National Day", ("nationalfeiertag",), lambda y: date(y, 8, 1)),
}  # fmt: skip


@lru_cache(maxsize=256)
def _named_days(country: str, subdiv: str | None, year: int) -> dict[str, date]:
    """The German names `holidays` gives the company's public holidays in `year` (folded)."""
    import holidays

    try:
        found = holidays.country_holidays(country, subdiv=subdiv, years=year, language="de")
    except (NotImplementedError, KeyError):
        return {}
    out: dict[str, date] = {}
    for day, names in sorted(found.items()):
        for name in str(names).split("; "):
            out.setdefault(fold(name), day)
    return out


def holiday_key(said: str) -> str:
    key = fold(said)
    key = re.sub(r"^(?:heilige[n]? drei koenige|dreikoenigstag)$", "dreikoenig", key)
    key = re.sub(r"^(?:erste[nr]? mai)$", "tag der arbeit", key)
    key = re.sub(r"^(?:erste[nr]? )?weihnachts(?:feier)?tag$", "weihnachten", key)
    key = re.sub(r"^zweite[nr]? weihnachts(?:feier)?tag$", "stephanstag", key)
    key = re.sub(r"^(?:christi himmelfahrt|himmelfahrtstag|auffahrtstag)$", "himmelfahrt", key)
    key = re.sub(r"^(?:tag der einheit)$", "tag der deutschen einheit", key)
    key = re.sub(r"^buss\W*und\W*bettag$", "buss- und bettag", key)
    key = re.sub(r"^osterfeiertage?n?$", "osterfeiertage", key)
    key = re.sub(r"^pfingstfeiertage?n?$", "pfingstmontag", key)
    return key


def holiday_date(key: str, ctx: Context) -> date | None:
    """The next day on or after D that the holiday `key` falls on, in the company's country."""
    _, names, rule = HOLIDAYS[key]
    cal = ctx.calendar
    for year in (ctx.today.year, ctx.today.year + 1):
        known = _named_days(cal.country, cal.subdiv, year)
        day = next((known[n] for n in names if n in known), None)
        if day is None:
            day = rule(year)
        if day >= ctx.today:
            return day
    return None


def read_holiday(m: re.Match[str], ctx: Context) -> Reading | None:
    key = holiday_key(m.group("name"))
    day = holiday_date(key, ctx) if key in HOLIDAYS else None
    if day is None:
        return None
    says = f"{HOLIDAYS[key][0]}, the next on or after {ctx.today_label}"
    return _single(day, PromiseKind.BY, 0.85, says)


def _holiday_season(ctx: Context) -> tuple[date, date]:
    # Dec 24 .. Jan 1: the season this moment falls in, or the next one.
    year = ctx.today.year - (ctx.today <= date(ctx.today.year, 1, 1))
    return date(year, 12, 24), date(year + 1, 1, 1)


def read_holiday_season(m: re.Match[str], ctx: Context) -> Reading:
    """'die Feiertage', 'über die Festtage': Dec 24 to Jan 1 (METHOD §5.1)."""
    first, last = _holiday_season(ctx)
    says = "the holidays, Dec 24 to Jan 1"
    return Reading(max(first, ctx.today), last, PromiseKind.WINDOW, 0.75, says)


def read_turn_of_year(m: re.Match[str], ctx: Context) -> Reading:
    """'Jahreswechsel': New Year's Eve and New Year's Day."""
    _, last = _holiday_season(ctx)
    first = max(last - timedelta(days=1), ctx.today)
    return Reading(first, last, PromiseKind.WINDOW, 0.75, "the turn of the year")


def read_between_the_years(m: re.Match[str], ctx: Context) -> Reading:
    """'zwischen den Jahren': the working days between Christmas and New Year, Dec 27 to 30."""
    year = ctx.today.year - (ctx.today.month == 1 and ctx.today.day == 1)
    first, last = date(year, 12, 27), date(year, 12, 30)
    if last < ctx.today:
        first, last = date(year + 1, 12, 27), date(year + 1, 12, 30)
    says = "between Christmas and New Year, Dec 27 to 30"
    return Reading(max(first, ctx.today), last, PromiseKind.WINDOW, 0.8, says)
