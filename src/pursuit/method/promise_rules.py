"""The phrase rules behind `promises.read_promise`: one pattern and one reader per phrase family.

A rule's pattern matches a phrase as written ("next Wednesday", "3 December", "ten business
days"); its reader turns the match and the moment it was said into a `Reading`. Prepositions in
front of a phrase ("by", "after") are not part of any rule: `promises` weighs them.

Rules are tried only where a word they can start with begins (`FIRST_WORDS`), which keeps reading
a sentence to a few microseconds; one pattern tried at every position was twenty times slower.
Where two rules can start at the same word, the one listed first wins.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from pursuit.method.calendar import BusinessCalendar
from pursuit.method.vocab import PromiseKind

#: How far readings may reach. Beyond these a number is more likely a slip than a promise, and
#: the caps keep every reading cheap.
MAX_DAYS = 400
MAX_WEEKS = 60
MAX_MONTHS = 24
MAX_BUSINESS_DAYS = 260
MAX_HOURS = 2000
MAX_YEARS_AHEAD = 5


@dataclass(frozen=True, slots=True)
class Context:
    """The moment the words were said, in the company's zone, and how to read 12/3."""

    moment: datetime
    today: date
    calendar: BusinessCalendar
    day_first: bool
    #: Today as the explanations show it ("Thu Nov 19"), formatted once per sentence.
    today_label: str


@dataclass(frozen=True, slots=True)
class Reading:
    earliest: date
    latest: date
    kind: PromiseKind
    confidence: float
    #: The rule in plain words; the dates are shown after it.
    says: str
    alternatives: tuple[tuple[date, date], ...] = ()


Reader = Callable[[re.Match[str], Context], Reading | None]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    read: Reader


# -- dates --------------------------------------------------------------------------------------

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = (
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
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


def _weekday_after(d: date, weekday: int) -> date:
    """The first `weekday` strictly after `d`."""
    return d + timedelta(days=(weekday - d.weekday() - 1) % 7 + 1)


def _month_length(year: int, month: int) -> int:
    if month == 12:
        return 31
    return (date(year, month + 1, 1) - date(year, month, 1)).days


def _month_start(d: date, months_ahead: int) -> date:
    index = d.year * 12 + d.month - 1 + months_ahead
    return date(index // 12, index % 12 + 1, 1)


def _add_months(d: date, months: int) -> date:
    first = _month_start(d, months)
    return first.replace(day=min(d.day, _month_length(first.year, first.month)))


def _next_date(month: int, day: int, today: date) -> date | None:
    """The first `month`/`day` on or after `today` (a February 29 waits for a leap year)."""
    if not (1 <= month <= 12 and 1 <= day <= _LONGEST_MONTH[month]):
        return None
    for year in range(today.year, today.year + 9):
        if day <= _month_length(year, month) and date(year, month, day) >= today:
            return date(year, month, day)
    return None


def _next_day_of_month(day: int, today: date) -> date | None:
    """The first day numbered `day` on or after `today`, skipping months too short for it."""
    if not 1 <= day <= 31:
        return None
    for ahead in range(13):
        first = _month_start(today, ahead)
        if day <= _month_length(first.year, first.month) and first.replace(day=day) >= today:
            return first.replace(day=day)
    return None


def _single(day: date, kind: PromiseKind, confidence: float, says: str) -> Reading:
    return Reading(day, day, kind, confidence, says)


# -- words --------------------------------------------------------------------------------------

_SMALL_NUMBERS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)  # fmt: skip
_UNITS = _SMALL_NUMBERS[1:10]
_NUMBERS = {w: i for i, w in enumerate(_SMALL_NUMBERS)} | {"twenty": 20, "thirty": 30}
_NUMBERS |= {"a": 1, "an": 1}
_SIMPLE_ORDINALS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
    "eighteenth", "nineteenth",
)  # fmt: skip
_ORDINALS = {w: i for i, w in enumerate(_SIMPLE_ORDINALS, start=1)}
_ORDINALS |= {"twentieth": 20, "thirtieth": 30, "thirtyfirst": 31}
_ORDINALS |= {f"twenty{w}": 20 + i for i, w in enumerate(_SIMPLE_ORDINALS[:9], start=1)}


def _words(words: Iterable[str]) -> str:
    # Longest first, so "seventeen" is tried before "seven".
    return "|".join(sorted(words, key=len, reverse=True))


_NUM = (
    rf"(?:\d{{1,4}}|(?:twenty|thirty)[\s-]?(?:{_words(_UNITS)})\b"
    rf"|{_words(_SMALL_NUMBERS[1:])}|twenty|thirty|an?)"
)
_ORDW = (
    rf"(?:twenty[\s-]?(?:{_words(_SIMPLE_ORDINALS[:9])})|thirty[\s-]?first"
    rf"|{_words([*_SIMPLE_ORDINALS, 'twentieth', 'thirtieth'])})"
)
_WD = (
    r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday|s)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?"
    r"|saturday|sunday)\b"
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
_YEAR = r"(?:,?\s*(?P<year>\d{4})\b)?"


def _number(word: str) -> int:
    word = word.lower()
    if word.isdigit():
        return int(word)
    if word.startswith(("twenty", "thirty")):
        units = word[6:].strip(" -\t\r\n")
        return _NUMBERS[word[:6]] + (_NUMBERS[units] if units else 0)
    return _NUMBERS[word]


_MONTH_KEYS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _weekday(word: str) -> int:
    return ("mon", "tue", "wed", "thu", "fri", "sat", "sun").index(word[:3].lower())


def _month(word: str) -> int:
    return _MONTH_KEYS.index(word[:3].lower()) + 1


def _day_number(m: re.Match[str]) -> int:
    digits = m.group("day")
    if digits is not None:
        return int(digits)
    return _ORDINALS[re.sub(r"[\s-]+", "", m.group("dayw").lower())]


# -- readers ------------------------------------------------------------------------------------


def _today(m: re.Match[str], ctx: Context) -> Reading:
    if m.group(0).lower().startswith(("end", "close", "eod", "cob")):
        return _single(ctx.today, PromiseKind.BY, 0.9, "the end of the day it was said")
    return _single(ctx.today, PromiseKind.ON, 0.95, "the day it was said")


def _tomorrow(m: re.Match[str], ctx: Context) -> Reading:
    tomorrow = ctx.today + timedelta(days=1)
    if m.group("or_after"):
        day_after = tomorrow + timedelta(days=1)
        return Reading(tomorrow, day_after, PromiseKind.WINDOW, 0.9, "the next two days")
    return _single(tomorrow, PromiseKind.ON, 0.95, "the day after it was said")


def _day_after_tomorrow(m: re.Match[str], ctx: Context) -> Reading:
    return _single(
        ctx.today + timedelta(days=2), PromiseKind.ON, 0.95, "two days after it was said"
    )


def _weekday_rule(m: re.Match[str], ctx: Context) -> Reading:
    wd = _weekday(m.group("wd"))
    says = f"the first {WEEKDAY_NAMES[wd]} after {ctx.today_label}"
    return _single(_weekday_after(ctx.today, wd), PromiseKind.ON, 0.9, says)


def _weekday_next_week(m: re.Match[str], ctx: Context) -> Reading:
    wd = _weekday(m.group("wd"))
    day = _monday(ctx.today) + timedelta(days=7 + wd)
    return _single(day, PromiseKind.ON, 0.9, f"{WEEKDAY_NAMES[wd]} of next week")


def _next_weekday(m: re.Match[str], ctx: Context) -> Reading:
    wd = _weekday(m.group("wd"))
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


def _next_week(m: re.Match[str], ctx: Context) -> Reading:
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


def _week_after_next(m: re.Match[str], ctx: Context) -> Reading:
    monday = _monday(ctx.today) + timedelta(days=14)
    friday = monday + timedelta(days=4)
    return Reading(monday, friday, PromiseKind.WINDOW, 0.8, "the week after next")


def _end_of_week(m: re.Match[str], ctx: Context) -> Reading:
    friday = _monday(ctx.today) + timedelta(days=4)
    if ctx.today > friday:
        # Said over the weekend, "this week" is the one about to start.
        friday += timedelta(days=7)
    return _single(friday, PromiseKind.BY, 0.85, "the end of the working week")


def _weekend(m: re.Match[str], ctx: Context) -> Reading:
    saturday = _monday(ctx.today) + timedelta(days=5 + (7 if m.group("next") else 0))
    sunday = saturday + timedelta(days=1)
    return Reading(max(saturday, ctx.today), sunday, PromiseKind.WINDOW, 0.7, "the weekend")


def _month_window(first: date, part_word: str | None, today: date) -> tuple[date, date, str]:
    last = first.replace(day=_month_length(first.year, first.month))
    if part_word is None:
        return max(first, today), last, ""
    part = _part(part_word)
    lo, hi = _MONTH_PARTS[part]
    earliest = max(first.replace(day=lo), today)
    return earliest, first.replace(day=min(hi, last.day)), f"{_PART_NAMES[part]} of "


def _next_month(m: re.Match[str], ctx: Context) -> Reading:
    first = _month_start(ctx.today, 1)
    earliest, latest, part = _month_window(first, m.group("part"), ctx.today)
    return Reading(earliest, latest, PromiseKind.WINDOW, 0.8, f"{part}next month")


def _end_of_month(m: re.Match[str], ctx: Context) -> Reading:
    last = ctx.today.replace(day=_month_length(ctx.today.year, ctx.today.month))
    return _single(last, PromiseKind.BY, 0.85, "the last day of the month")


def _end_of_year(m: re.Match[str], ctx: Context) -> Reading:
    return _single(date(ctx.today.year, 12, 31), PromiseKind.BY, 0.8, "the last day of the year")


def _named_month(m: re.Match[str], ctx: Context) -> Reading:
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
    return "hour" if unit == "hr" else unit


def _count(m: re.Match[str], ctx: Context) -> Reading | None:
    business = m.group("bus") is not None
    return _later(_number(m.group("n")), _unit(m), business, ctx, PromiseKind.BY, 0.9)


def _count_range(m: re.Match[str], ctx: Context) -> Reading | None:
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


def _day_or_two(m: re.Match[str], ctx: Context) -> Reading:
    return _business_days_window(ctx, 1, 0.7)


def _week_or_two(m: re.Match[str], ctx: Context) -> Reading:
    one, two = ctx.today + timedelta(weeks=1), ctx.today + timedelta(weeks=2)
    return Reading(one, two, PromiseKind.WINDOW, 0.7, "1 to 2 weeks later")


def _few(m: re.Match[str], ctx: Context) -> Reading | None:
    n = 2 if m.group("q").lower().startswith("couple") else 3
    unit = _unit(m)
    if unit == "day":
        return _business_days_window(ctx, n - 1, 0.7)
    if unit == "hour":
        return _later(n, unit, False, ctx, PromiseKind.BY, 0.8)
    return _later(n, unit, False, ctx, PromiseKind.AROUND, 0.65)


def _coming(m: re.Match[str], ctx: Context) -> Reading:
    if m.group("unit").lower() == "days":
        return _business_days_window(ctx, 2, 0.5)
    return _single(ctx.today + timedelta(weeks=3), PromiseKind.AROUND, 0.45, "3 weeks later")


def _fortnight(m: re.Match[str], ctx: Context) -> Reading | None:
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
        if not (1 <= month <= 12 and 1 <= day <= _month_length(y, month)):
            return None
        found = date(y, month, day)
        if ctx.today <= found and y <= ctx.today.year + MAX_YEARS_AHEAD:
            return _single(found, PromiseKind.ON, confidence, f"{how}the date named")
        # A year already past is more likely a slip than a promise about the past.
        confidence, says = 0.5, f"{says}, taking {y} for a slip"
    upcoming = _next_date(month, day, ctx.today)
    return _single(upcoming, PromiseKind.ON, confidence, says) if upcoming else None


def _month_day(m: re.Match[str], ctx: Context) -> Reading | None:
    return _dated(_month(m.group("month")), _day_number(m), m.group("year"), ctx, 0.95)


def _numeric(m: re.Match[str], ctx: Context) -> Reading | None:
    a, b = int(m.group("a")), int(m.group("b"))
    if ctx.day_first:
        return _dated(b, a, m.group("year"), ctx, 0.95 if m.group("year") else 0.85, "day first, ")
    return _dated(a, b, m.group("year"), ctx, 0.95 if m.group("year") else 0.85, "month first, ")


def _dotted(m: re.Match[str], ctx: Context) -> Reading | None:
    # 12.6. is day first wherever it is written.
    return _dated(int(m.group("b")), int(m.group("a")), m.group("year"), ctx, 0.85)


def _iso(m: re.Match[str], ctx: Context) -> Reading | None:
    return _dated(int(m.group("m")), int(m.group("d")), m.group("year"), ctx, 0.95)


def _ordinal(m: re.Match[str], ctx: Context) -> Reading | None:
    day = _day_number(m)
    if (m.group("which") or "").lower() in ("next", "following", "coming"):
        first = _month_start(ctx.today, 1)
        if day > _month_length(first.year, first.month):
            return None
        return _single(first.replace(day=day), PromiseKind.ON, 0.9, "that day of next month")
    found = _next_day_of_month(day, ctx.today)
    says = f"the next {_ordinal_label(day)} on or after {ctx.today_label}"
    return _single(found, PromiseKind.ON, 0.85, says) if found else None


def _weekday_date(m: re.Match[str], ctx: Context) -> Reading | None:
    rest = m.group("rest")
    for rule in _DATE_RULES:
        inner = rule.pattern.fullmatch(rest)
        if inner is None:
            continue
        reading = rule.read(inner, ctx)
        if reading is None:
            # An impossible date ("Friday 31/31"): the weekday still stands.
            return _weekday_rule(m, ctx)
        wd = _weekday(m.group("wd"))
        if reading.latest.weekday() != wd:
            # The weekday and the date disagree: the date is the more deliberate of the two.
            says = f"{reading.says} (not a {WEEKDAY_NAMES[wd]})"
            return Reading(reading.earliest, reading.latest, reading.kind, 0.7, says)
        return reading
    return _weekday_rule(m, ctx)


# -- patterns -----------------------------------------------------------------------------------

#: Words that make an ordinal count something else: "the 2nd interview", "the 3rd of us".
_NOT_A_DATE = (
    r"(?!\s*-?\s*(?:round|interview|stage|step|time|call|person|people|floor|place|candidate"
    r"|quarter|week|day|meeting|conversation|one|phase|part|level|reference|panel|year|choice"
    r"|option|session|applicant|of)\b)"
)
# "May" is a verb far more often than a month: "may first" stays a verb, "May 1st" is a date.
_MONTH_DAY = (
    rf"\b(?!may\b\.?\s*(?:the\s+)?[a-z])(?P<month>{_MONTH})\s*(?:the\s+)?"
    rf"(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b|(?P<dayw>{_ORDW})\b){_YEAR}"
)
_DAY_MONTH = (
    rf"\b(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?|(?P<dayw>{_ORDW})\s+of\s+)"
    rf"(?P<month>{_MONTH}){_YEAR}"
)
_NUMERIC = r"(?<![\d/.:-])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?:/(?P<year>\d{4}|\d{2}))?(?![\d/])"
_DOTTED = r"(?<![\d.:/])(?P<a>\d{1,2})\.(?P<b>\d{1,2})\.(?:(?P<year>\d{4}|\d{2})\b)?(?!\d)"
_ISO = r"(?<![\d-])(?P<year>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)"
_WHICH_MONTH = r"\s+of\s+(?:the\s+)?(?:this|next|following|coming)?\s*month\b"
_OF_MONTH = r"\s+of\s+(?:the\s+)?(?P<which>this|next|following|coming)?\s*month\b"
# An ordinal word is a date only with its month ("the first of next month"): alone it counts.
_ORDINAL = (
    rf"\b(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)\b(?:(?={_WHICH_MONTH})|{_NOT_A_DATE})"
    rf"|(?P<dayw>{_ORDW})\b(?={_WHICH_MONTH}))(?:{_OF_MONTH})?"
)
_NEXT_WEEK_PART = (
    r"(?P<part>early(?:\s+(?:in|on))?|(?:beginning|start|first\s+half|first\s+part)\s+of"
    r"|first\s+thing|midweek|mid(?:dle\s+of)?|later?(?:\s+in)?|end\s+of"
    r"|(?:second\s+half|back\s+end)\s+of|towards?\s+the\s+end\s+of)"
)
_MONTH_PART = (
    r"(?P<part>early(?:\s+in)?|(?:beginning|start|first\s+part)\s+of|mid(?:dle\s+of)?"
    r"|later?(?:\s+in)?|end\s+of|towards?\s+the\s+end\s+of)"
)
_BUSINESS = r"(?:(?P<bus>business|working|work)[\s-]*)?"


def unnamed(pattern: str) -> str:
    """`pattern` with its named groups made plain, so patterns can be combined."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


def _rule(name: str, pattern: str, read: Reader) -> Rule:
    return Rule(name, re.compile(pattern, re.IGNORECASE), read)


_DATE_RULES = (
    _rule("month_day", _MONTH_DAY, _month_day),
    _rule("day_month", _DAY_MONTH, _month_day),
    _rule("iso", _ISO, _iso),
    _rule("numeric", _NUMERIC, _numeric),
    _rule("dotted", _DOTTED, _dotted),
    _rule("ordinal", _ORDINAL, _ordinal),
)
_DATES_BY_NAME = {rule.name: rule for rule in _DATE_RULES}

_WD_WORDS = (
    "mon monday tue tues tuesday wed weds wednesday thu thur thurs thursday fri friday saturday "
    "sunday"
)
_MONTH_WORDS = (
    "jan january feb february mar march apr april may jun june jul july aug august sep sept "
    "september oct october nov november dec december"
)
_NUMBER_WORDS = " ".join(
    ["#", "twenty", "thirty", *_NUMBERS, *(f"twenty{u} thirty{u}" for u in _UNITS)]
)
_ORDINAL_WORDS = " ".join(["#", "twenty", "thirty", *_ORDINALS])
_PART_WORDS = (
    "early beginning start first midweek mid middle late later end second back toward towards"
)

#: Every rule, most specific first, with the words it can start with ("#" for a number).
RULES: tuple[tuple[Rule, str], ...] = (
    (
        _rule(
            "weekday_date",
            rf"\b(?:(?:this|next|coming)\s+)?(?P<wd>{_WD})\.?,?\s+(?:the\s+)?(?P<rest>"
            + unnamed(f"{_MONTH_DAY}|{_DAY_MONTH}|{_NUMERIC}|{_ORDINAL}")
            + ")",
            _weekday_date,
        ),
        f"this next coming {_WD_WORDS}",
    ),
    (
        _rule(
            "weekday_next_week",
            rf"\b(?P<wd>{_WD})\.?,?\s+(?:of\s+)?(?:the\s+)?(?:next|following)\s+week\b",
            _weekday_next_week,
        ),
        _WD_WORDS,
    ),
    (
        _rule(
            "weekday_this_week", rf"\b(?P<wd>{_WD})\.?,?\s+(?:of\s+)?this\s+week\b", _weekday_rule
        ),
        _WD_WORDS,
    ),
    (_DATES_BY_NAME["month_day"], _MONTH_WORDS),
    (_DATES_BY_NAME["day_month"], _ORDINAL_WORDS),
    (_DATES_BY_NAME["iso"], "#"),
    (_DATES_BY_NAME["numeric"], "#"),
    (_DATES_BY_NAME["dotted"], "#"),
    (_DATES_BY_NAME["ordinal"], _ORDINAL_WORDS),
    (_rule("day_after_tomorrow", r"\bday\s+after\s+tomorrow\b", _day_after_tomorrow), "day"),
    (
        _rule(
            "tomorrow",
            r"\b(?:tomorrow|tomorow|tmrw)\b(?P<or_after>\s+or\s+(?:the\s+)?day\s+after\b)?",
            _tomorrow,
        ),
        "tomorrow tomorow tmrw",
    ),
    (
        _rule(
            "today",
            r"\b(?:today|tonight|this\s+(?:afternoon|evening|morning)|later\s+today"
            r"|(?:end|close)\s+of\s+(?:the\s+)?(?:business\s+|work(?:ing)?\s+)?day"
            r"|(?:end|close)\s+of\s+(?:business|play)|eod|cob)\b",
            _today,
        ),
        "today tonight this later end close eod cob",
    ),
    (
        _rule(
            "next_week_weekday",
            rf"\b(?:next|following)\s+week,?\s+(?:on\s+)?(?P<wd>{_WD})",
            _weekday_next_week,
        ),
        "next following",
    ),
    (
        _rule("this_week_weekday", rf"\bthis\s+week,?\s+(?:on\s+)?(?P<wd>{_WD})", _weekday_rule),
        "this",
    ),
    (_rule("next_weekday", rf"\bnext\s+(?P<wd>{_WD})", _next_weekday), "next"),
    (
        _rule("weekday", rf"\b(?:(?:this\s+)?coming\s+|this\s+)?(?P<wd>{_WD})", _weekday_rule),
        f"this coming {_WD_WORDS}",
    ),
    (_rule("week_after_next", r"\bweek\s+after\s+next\b", _week_after_next), "week"),
    (
        _rule(
            "next_week",
            rf"\b(?:{_NEXT_WEEK_PART}[\s-]+(?:the\s+)?)?(?:next|following|coming)\s+week\b",
            _next_week,
        ),
        f"next following coming {_PART_WORDS}",
    ),
    (
        _rule(
            "end_of_week",
            r"\b(?:(?:end|close)\s+of\s+(?:the\s+|this\s+)?(?:work(?:ing)?\s*|business\s+)?week\b"
            r"|week'?s\s+end\b|eow\b|this\s+week\b|later\s+(?:this|in\s+the)\s+week\b"
            r"|(?:within|during)\s+(?:the|this)\s+week\b)",
            _end_of_week,
        ),
        "end close week weeks eow this later within during",
    ),
    (
        _rule("weekend", r"\b(?:(?P<next>next)\s+|this\s+)?weekend\b", _weekend),
        "next this weekend",
    ),
    (
        _rule(
            "next_month",
            rf"\b(?:{_MONTH_PART}[\s-]+(?:the\s+)?)?(?:next|following|coming)\s+month\b",
            _next_month,
        ),
        f"next following coming {_PART_WORDS}",
    ),
    (
        _rule(
            "end_of_month",
            r"\b(?:(?:end|close)\s+of\s+(?:the\s+|this\s+)?month\b|month[\s-]*end\b"
            r"|this\s+month\b|later\s+(?:this|in\s+the)\s+month\b"
            r"|(?:within|during)\s+(?:the|this)\s+month\b|eom\b)",
            _end_of_month,
        ),
        "end close month monthend this later within during eom",
    ),
    (
        _rule(
            "end_of_year",
            r"\b(?:(?:end|close)\s+of\s+(?:the\s+|this\s+)?year|year[\s-]*end|eoy)\b",
            _end_of_year,
        ),
        "end close year yearend eoy",
    ),
    (
        _rule(
            "named_month",
            r"\b(?P<mod>early|mid|late|in|during|by|before|until"
            r"|(?:the\s+)?(?:beginning|start|middle|end)\s+of|towards?\s+the\s+end\s+of)"
            rf"[\s-]+(?P<month>{_MONTH})(?!\s*(?:\d|the\s|{_ORDW}\b))",
            _named_month,
        ),
        "early mid late in during by before until the beginning start middle end toward towards",
    ),
    (
        _rule(
            "day_or_two",
            r"\b(?:(?:a|one|1)\s+(?:business\s+|working\s+)?day\s+or\s+(?:two|2)"
            r"|(?:one|1)\s+or\s+(?:two|2)\s+(?:business\s+|working\s+)?days)\b",
            _day_or_two,
        ),
        "a one #",
    ),
    (_rule("week_or_two", r"\b(?:a|one|1)\s+week\s+or\s+(?:two|2)\b", _week_or_two), "a one #"),
    (
        _rule(
            "few",
            r"\b(?:a\s+)?(?P<q>couple(?:\s+of)?|few|several|handful\s+of)\s+(?:more\s+|extra\s+)?"
            r"(?:business\s+|working\s+)?(?P<unit>days|weeks|months|hours)\b",
            _few,
        ),
        "a couple few several handful",
    ),
    (_rule("coming", r"\bcoming\s+(?P<unit>days|weeks)\b", _coming), "coming"),
    (
        _rule(
            "count",
            rf"\b(?P<n>{_NUM})\s+(?:more\s+|additional\s+|extra\s+|full\s+|whole\s+|calendar\s+)?"
            rf"{_BUSINESS}(?P<unit>days?|weeks?|months?|hours?|hrs?|fortnights?)\b",
            _count,
        ),
        _NUMBER_WORDS,
    ),
    (
        _rule(
            "count_range",
            rf"\b(?P<n>{_NUM})\s*(?:-|–|to|or)\s*(?P<n2>{_NUM})\s+(?:more\s+)?"
            rf"{_BUSINESS}(?P<unit>days|weeks|months)\b",
            _count_range,
        ),
        _NUMBER_WORDS,
    ),
    (_rule("fortnight", r"\bfortnight\b", _fortnight), "fortnight"),
)


def _by_first_word() -> dict[str, tuple[Rule, ...]]:
    table: dict[str, list[Rule]] = {}
    for rule, words in RULES:
        for word in words.split():
            table.setdefault(word, []).append(rule)
    return {word: tuple(rules) for word, rules in table.items()}


#: The rules worth trying where a word begins, in priority order; "#" stands for any number.
FIRST_WORDS = _by_first_word()


def _either(rules: tuple[Rule, ...]) -> re.Pattern[str]:
    # One alternation tries the rules in order in a single call; group i + 1 is rules[i].
    return re.compile("|".join(f"({unnamed(r.pattern.pattern)})" for r in rules), re.IGNORECASE)


_EITHER = {word: _either(rules) for word, rules in FIRST_WORDS.items()}
_TOKEN = re.compile(r"[a-z]+|\d+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Found:
    rule: Rule
    match: re.Match[str]
    #: The word just before the phrase, lowercased, when only spaces stand between them (else
    #: ""): prepositions are looked for only behind the words that can end one.
    word_before: str


def matches(text: str) -> Iterator[Found]:
    """Every phrase in `text`, left to right, without overlaps: the first rule to match wins."""
    resume = 0
    before, before_end = "", 0
    for token in _TOKEN.finditer(text):
        word = token.group().lower()
        start = token.start()
        key = "#" if word[0].isdigit() else word
        either = _EITHER.get(key) if start >= resume else None
        if either is not None:
            hit = either.match(text, start)
            if hit is not None:
                assert hit.lastindex is not None
                rule = FIRST_WORDS[key][hit.lastindex - 1]
                match = rule.pattern.match(text, start)
                assert match is not None
                resume = match.end()
                spaced = text[before_end:start].isspace()
                yield Found(rule, match, before if spaced else "")
        before, before_end = word, token.end()
