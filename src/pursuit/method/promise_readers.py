"""What each phrase means: from the match of a rule to a window of dates.

A reader gets the match of its rule's pattern (`promise_rules`) and the moment the words were said,
and gives back a `Reading`: the window, its kind, how sure it is, and the rule in plain words for
the explanation. Readers never read the clock: D is `Context.today`, the date said in the company's
zone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import NamedTuple

from pursuit.method.calendar import BusinessCalendar
from pursuit.method.vocab import MONTH_NAMES, WEEKDAY_NAMES, PromiseKind

#: How far readings may reach. Beyond these a number is more likely a slip than a promise, and
#: the caps keep every reading cheap.
MAX_DAYS = 400
MAX_WEEKS = 60
MAX_MONTHS = 24
MAX_BUSINESS_DAYS = 260
MAX_HOURS = 2000
MAX_YEARS_AHEAD = 5


class Context(NamedTuple):
    """The moment the words were said, in the company's zone, and how to read 12/3."""

    moment: datetime
    today: date
    calendar: BusinessCalendar
    day_first: bool
    #: Today as the explanations show it ("Thu Nov 19"), formatted once per sentence.
    today_label: str
    #: Whether numeric dates are only ever written one way where the company is; when not, a
    #: 4/12 also reports its swapped reading (`locales.order_is_certain`).
    certain_order: bool = True


class Reading(NamedTuple):
    earliest: date
    latest: date
    kind: PromiseKind
    confidence: float
    #: The rule in plain words; the dates are shown after it.
    says: str
    alternatives: tuple[tuple[date, date], ...] = ()
    #: For a stretch of days ("the holidays"): the day "by" or "before" it means, the last one
    #: before it starts (None once it has started).
    before: date | None = None


Reader = Callable[[re.Match[str], Context], Reading | None]


# -- dates --------------------------------------------------------------------------------------

_LONGEST_MONTH = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def day_label(d: date, today: date) -> str:
    """'Thu Nov 19', with the year when it is not today's."""
    # Spelled by hand: the locale module is process-wide and differs by platform.
    year = f" {d.year}" if d.year != today.year else ""
    return f"{WEEKDAY_NAMES[d.weekday()][:3]} {MONTH_NAMES[d.month][:3]} {d.day}{year}"


def span_label(earliest: date, latest: date, today: date) -> str:
    if earliest == latest:
        return day_label(latest, today)
    return f"{day_label(earliest, today)} to {day_label(latest, today)}"


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def weekday_after(d: date, weekday: int) -> date:
    """The first `weekday` strictly after `d`."""
    return d + timedelta(days=(weekday - d.weekday() - 1) % 7 + 1)


def month_length(year: int, month: int) -> int:
    if month == 12:
        return 31
    return (date(year, month + 1, 1) - date(year, month, 1)).days


def month_start(d: date, months_ahead: int) -> date:
    index = d.year * 12 + d.month - 1 + months_ahead
    return date(index // 12, index % 12 + 1, 1)


def _add_months(d: date, months: int) -> date:
    first = month_start(d, months)
    return first.replace(day=min(d.day, month_length(first.year, first.month)))


def _next_date(month: int, day: int, today: date) -> date | None:
    """The first `month`/`day` on or after `today` (a February 29 waits for a leap year)."""
    if not (1 <= month <= 12 and 1 <= day <= _LONGEST_MONTH[month]):
        return None
    for year in range(today.year, today.year + 9):
        if day <= month_length(year, month) and date(year, month, day) >= today:
            return date(year, month, day)
    return None


def _next_day_of_month(day: int, today: date) -> date | None:
    """The first day numbered `day` on or after `today`, skipping months too short for it."""
    if not 1 <= day <= 31:
        return None
    for ahead in range(13):
        first = month_start(today, ahead)
        if day <= month_length(first.year, first.month) and first.replace(day=day) >= today:
            return first.replace(day=day)
    return None


def _single(day: date, kind: PromiseKind, confidence: float, says: str) -> Reading:
    return Reading(day, day, kind, confidence, says)


# -- words --------------------------------------------------------------------------------------

SMALL_NUMBERS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)  # fmt: skip
UNITS = SMALL_NUMBERS[1:10]
NUMBERS = {w: i for i, w in enumerate(SMALL_NUMBERS)} | {"twenty": 20, "thirty": 30}
NUMBERS |= {"a": 1, "an": 1}
SIMPLE_ORDINALS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
    "eighteenth", "nineteenth",
)  # fmt: skip
ORDINALS = {w: i for i, w in enumerate(SIMPLE_ORDINALS, start=1)}
ORDINALS |= {"twentieth": 20, "thirtieth": 30, "thirtyfirst": 31}
ORDINALS |= {f"twenty{w}": 20 + i for i, w in enumerate(SIMPLE_ORDINALS[:9], start=1)}


def _number(word: str) -> int:
    word = word.lower()
    if word.isdigit():
        return int(word)
    if word.startswith(("twenty", "thirty")):
        units = word[6:].strip(" -\t\r\n")
        return NUMBERS[word[:6]] + (NUMBERS[units] if units else 0)
    return NUMBERS[word]


_MONTH_KEYS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def weekday_index(word: str) -> int:
    return ("mon", "tue", "wed", "thu", "fri", "sat", "sun").index(word[:3].lower())


def _month(word: str) -> int:
    return _MONTH_KEYS.index(word[:3].lower()) + 1


def _day_number(m: re.Match[str]) -> int:
    digits = m.group("day")
    if digits is not None:
        return int(digits)
    return ORDINALS[re.sub(r"[\s-]+", "", m.group("dayw").lower())]


# -- readers ------------------------------------------------------------------------------------


def read_today(m: re.Match[str], ctx: Context) -> Reading:
    if m.group(0).lower().startswith(("end", "close", "eod", "cob")):
        return _single(ctx.today, PromiseKind.BY, 0.9, "the end of the day it was said")
    return _single(ctx.today, PromiseKind.ON, 0.95, "the day it was said")


def read_tomorrow(m: re.Match[str], ctx: Context) -> Reading:
    tomorrow = ctx.today + timedelta(days=1)
    if m.group("or_after"):
        day_after = tomorrow + timedelta(days=1)
        return Reading(tomorrow, day_after, PromiseKind.WINDOW, 0.9, "the next two days")
    return _single(tomorrow, PromiseKind.ON, 0.95, "the day after it was said")


def read_day_after_tomorrow(m: re.Match[str], ctx: Context) -> Reading:
    return _single(
        ctx.today + timedelta(days=2), PromiseKind.ON, 0.95, "two days after it was said"
    )


def read_weekday(m: re.Match[str], ctx: Context) -> Reading:
    wd = weekday_index(m.group("wd"))
    says = f"the first {WEEKDAY_NAMES[wd]} after {ctx.today_label}"
    return _single(weekday_after(ctx.today, wd), PromiseKind.ON, 0.9, says)


def read_weekday_next_week(m: re.Match[str], ctx: Context) -> Reading:
    wd = weekday_index(m.group("wd"))
    day = _monday(ctx.today) + timedelta(days=7 + wd)
    return _single(day, PromiseKind.ON, 0.9, f"{WEEKDAY_NAMES[wd]} of next week")


def read_next_weekday(m: re.Match[str], ctx: Context) -> Reading:
    wd = weekday_index(m.group("wd"))
    this_weeks = _monday(ctx.today) + timedelta(days=wd)
    day = this_weeks + timedelta(days=7)
    says = f"{WEEKDAY_NAMES[wd]} of next week"
    if ctx.today < this_weeks:
        # Said before that weekday has come, "next" may mean this week's: ask before planning.
        return Reading(day, day, PromiseKind.ON, 0.55, says, ((this_weeks, this_weeks),))
    return _single(day, PromiseKind.ON, 0.85, says)


#: Parts of a week (days after Monday) and of a month (days of the month).
_WEEK_PARTS = {"early": (0, 1), "mid": (1, 3), "late": (3, 4)}
_MONTH_PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
_PART_NAMES = {"early": "the start", "mid": "the middle", "late": "the end"}


def _part(word: str) -> str:
    word = word.lower().removeprefix("the").lstrip()
    if word.startswith(("early", "beginning", "start", "first")):
        return "early"
    if word.startswith("mid"):
        return "mid"
    return "late"


def read_next_week(m: re.Match[str], ctx: Context) -> Reading:
    monday = _monday(ctx.today) + timedelta(days=7)
    part_word = m.group("part")
    if part_word is None:
        return Reading(monday, monday + timedelta(days=4), PromiseKind.WINDOW, 0.8, "next week")
    part = _part(part_word)
    first, last = _WEEK_PARTS[part]
    # "End of next week" is a deadline; "late next week" is a stretch of days.
    kind = PromiseKind.BY if part_word.lower().startswith("end") else PromiseKind.WINDOW
    earliest, latest = monday + timedelta(days=first), monday + timedelta(days=last)
    return Reading(earliest, latest, kind, 0.8, f"{_PART_NAMES[part]} of next week")


def read_week_after_next(m: re.Match[str], ctx: Context) -> Reading:
    monday = _monday(ctx.today) + timedelta(days=14)
    friday = monday + timedelta(days=4)
    return Reading(monday, friday, PromiseKind.WINDOW, 0.8, "the week after next")


def read_end_of_week(m: re.Match[str], ctx: Context) -> Reading:
    friday = _monday(ctx.today) + timedelta(days=4)
    if ctx.today > friday:
        # Said over the weekend, "this week" is the one about to start.
        friday += timedelta(days=7)
    return _single(friday, PromiseKind.BY, 0.85, "the end of the working week")


def read_weekend(m: re.Match[str], ctx: Context) -> Reading:
    saturday = _monday(ctx.today) + timedelta(days=5 + (7 if m.group("next") else 0))
    sunday = saturday + timedelta(days=1)
    return Reading(max(saturday, ctx.today), sunday, PromiseKind.WINDOW, 0.7, "the weekend")


def _month_window(first: date, part_word: str | None, today: date) -> tuple[date, date, str]:
    last = first.replace(day=month_length(first.year, first.month))
    if part_word is None:
        return max(first, today), last, ""
    part = _part(part_word)
    lo, hi = _MONTH_PARTS[part]
    earliest = max(first.replace(day=lo), today)
    return earliest, first.replace(day=min(hi, last.day)), f"{_PART_NAMES[part]} of "


def read_next_month(m: re.Match[str], ctx: Context) -> Reading:
    first = month_start(ctx.today, 1)
    earliest, latest, part = _month_window(first, m.group("part"), ctx.today)
    return Reading(earliest, latest, PromiseKind.WINDOW, 0.8, f"{part}next month")


def read_end_of_month(m: re.Match[str], ctx: Context) -> Reading:
    last = ctx.today.replace(day=month_length(ctx.today.year, ctx.today.month))
    return _single(last, PromiseKind.BY, 0.85, "the last day of the month")


def read_end_of_year(m: re.Match[str], ctx: Context) -> Reading:
    return _single(date(ctx.today.year, 12, 31), PromiseKind.BY, 0.8, "the last day of the year")


def read_named_month(m: re.Match[str], ctx: Context) -> Reading:
    month = _month(m.group("month"))
    mod = " ".join(m.group("mod").lower().split())
    deadline = mod in ("by", "before", "until")
    part_word = None if deadline or mod in ("in", "during") else mod
    year = ctx.today.year + (month < ctx.today.month)
    earliest, latest, part = _month_window(date(year, month, 1), part_word, ctx.today)
    if latest < ctx.today:
        earliest, latest, part = _month_window(date(year + 1, month, 1), part_word, ctx.today)
    kind = PromiseKind.BY if deadline else PromiseKind.WINDOW
    return Reading(earliest, latest, kind, 0.75, f"{part}{MONTH_NAMES[month]}")


def _plural(n: int, unit: str) -> str:
    return f"{n} {unit}{'s' * (n != 1)}"


def _later(
    n: int, unit: str, business: bool, ctx: Context, kind: PromiseKind, confidence: float
) -> Reading | None:
    """`n` units after the moment said, or None past the caps."""
    today = ctx.today
    if unit == "day" and business:
        if n > MAX_BUSINESS_DAYS:
            return None
        day = ctx.calendar.add_business_days(today, n)
        return _single(day, kind, confidence, f"{_plural(n, 'business day')} later")
    if unit == "day":
        if n > MAX_DAYS:
            return None
        return _single(today + timedelta(days=n), kind, confidence, f"{_plural(n, 'day')} later")
    if unit in ("week", "fortnight"):
        weeks = n * (2 if unit == "fortnight" else 1)
        if weeks > MAX_WEEKS:
            return None
        day = today + timedelta(weeks=weeks)
        return _single(day, kind, confidence, f"{_plural(weeks, 'week')} later")
    if unit == "month":
        if n > MAX_MONTHS:
            return None
        return _single(
            _add_months(today, n), kind, confidence - 0.05, f"{_plural(n, 'month')} later"
        )
    if n > MAX_HOURS:
        return None
    day = (ctx.moment + timedelta(hours=n)).date()
    return _single(day, kind, confidence, f"{_plural(n, 'hour')} after it was said")


def _unit(m: re.Match[str]) -> str:
    unit = m.group("unit").lower().rstrip("s")
    return {"hr": "hour", "wk": "week"}.get(unit, unit)


def read_count(m: re.Match[str], ctx: Context) -> Reading | None:
    business = m.group("bus") is not None
    return _later(_number(m.group("n")), _unit(m), business, ctx, PromiseKind.BY, 0.9)


def read_count_range(m: re.Match[str], ctx: Context) -> Reading | None:
    low, high = sorted((_number(m.group("n")), _number(m.group("n2"))))
    unit, business = _unit(m), m.group("bus") is not None
    first = _later(low, unit, business, ctx, PromiseKind.WINDOW, 0.75)
    last = _later(high, unit, business, ctx, PromiseKind.WINDOW, 0.75)
    if first is None or last is None:
        return None
    says = f"{low} to {_plural(high, 'business day' if business else unit)} later"
    return Reading(first.earliest, last.latest, PromiseKind.WINDOW, 0.75, says)


def _business_days_window(ctx: Context, first: int, confidence: float) -> Reading:
    earliest = ctx.calendar.add_business_days(ctx.today, first)
    latest = ctx.calendar.next_business_day(earliest)
    says = f"{first} to {_plural(first + 1, 'business day')} later"
    return Reading(earliest, latest, PromiseKind.WINDOW, confidence, says)


def read_day_or_two(m: re.Match[str], ctx: Context) -> Reading:
    return _business_days_window(ctx, 1, 0.7)


def read_week_or_two(m: re.Match[str], ctx: Context) -> Reading:
    one, two = ctx.today + timedelta(weeks=1), ctx.today + timedelta(weeks=2)
    return Reading(one, two, PromiseKind.WINDOW, 0.7, "1 to 2 weeks later")


def read_few(m: re.Match[str], ctx: Context) -> Reading | None:
    n = 2 if m.group("q").lower().startswith("couple") else 3
    unit = _unit(m)
    if unit == "day":
        return _business_days_window(ctx, n - 1, 0.7)
    if unit == "hour":
        return _later(n, unit, False, ctx, PromiseKind.BY, 0.8)
    return _later(n, unit, False, ctx, PromiseKind.AROUND, 0.65)


def read_coming(m: re.Match[str], ctx: Context) -> Reading:
    if m.group("unit").lower() == "days":
        return _business_days_window(ctx, 2, 0.5)
    return _single(ctx.today + timedelta(weeks=3), PromiseKind.AROUND, 0.45, "3 weeks later")


def read_fortnight(m: re.Match[str], ctx: Context) -> Reading | None:
    return _later(1, "fortnight", False, ctx, PromiseKind.BY, 0.9)


def _ordinal_label(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _dated(
    month: int, day: int, year: str | None, ctx: Context, confidence: float, how: str = ""
) -> Reading | None:
    named = f"{how}the next {MONTH_NAMES[month] if 1 <= month <= 12 else month} {day}"
    says = f"{named} on or after {ctx.today_label}"
    if year is not None:
        y = int(year) + (2000 if len(year) == 2 else 0)
        if not (1 <= month <= 12 and 1 <= day <= month_length(y, month)):
            return None
        found = date(y, month, day)
        if ctx.today <= found and y <= ctx.today.year + MAX_YEARS_AHEAD:
            return _single(found, PromiseKind.ON, confidence, f"{how}the date named")
        # A year already past is more likely a slip than a promise about the past.
        confidence, says = 0.5, f"{says}, taking {y} for a slip"
    upcoming = _next_date(month, day, ctx.today)
    return _single(upcoming, PromiseKind.ON, confidence, says) if upcoming else None


def read_month_day(m: re.Match[str], ctx: Context) -> Reading | None:
    return _dated(_month(m.group("month")), _day_number(m), m.group("year"), ctx, 0.95)


def read_numeric(m: re.Match[str], ctx: Context) -> Reading | None:
    a, b = int(m.group("a")), int(m.group("b"))
    year = m.group("year")
    confidence = 0.95 if year else 0.85
    day, month = (a, b) if ctx.day_first else (b, a)
    how = "day first, " if ctx.day_first else "month first, "
    reading = _dated(month, day, year, ctx, confidence, how)
    if ctx.certain_order:
        return reading
    if reading is None:
        # "10/16" in Canada can only be month first, whatever the locale prefers.
        return _dated(day, month, year, ctx, confidence, "month first, " if ctx.day_first else "")
    if a == b or a > 12 or b > 12:
        return reading
    # Either part could be the month: the other order is shown before anything is planned.
    swapped = _dated(day, month, year, ctx, confidence)
    if swapped is None:
        return reading
    return Reading(
        reading.earliest,
        reading.latest,
        reading.kind,
        min(reading.confidence, 0.6),
        reading.says,
        ((swapped.earliest, swapped.latest),),
    )


def read_dotted(m: re.Match[str], ctx: Context) -> Reading | None:
    # 12.6. is day first wherever it is written.
    return _dated(int(m.group("b")), int(m.group("a")), m.group("year"), ctx, 0.85)


def read_iso(m: re.Match[str], ctx: Context) -> Reading | None:
    return _dated(int(m.group("m")), int(m.group("d")), m.group("year"), ctx, 0.95)


def read_ordinal(m: re.Match[str], ctx: Context) -> Reading | None:
    day = _day_number(m)
    if (m.group("which") or "").lower() in ("next", "following", "coming"):
        first = month_start(ctx.today, 1)
        if day > month_length(first.year, first.month):
            return None
        return _single(first.replace(day=day), PromiseKind.ON, 0.9, "that day of next month")
    found = _next_day_of_month(day, ctx.today)
    says = f"the next {_ordinal_label(day)} on or after {ctx.today_label}"
    return _single(found, PromiseKind.ON, 0.85, says) if found else None
