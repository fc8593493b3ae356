"""What each German phrase means: from the match of a rule in `promise_de_rules` to a window.

The windows are the English reader's (METHOD §5 and §5.1): only the words differ, so the date
arithmetic of `promise_readers` is shared. A reader's `says` is English, as every explanation is;
the German words themselves are quoted by the explanation. Readers never read the clock.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from pursuit.method.promise_readers import (
    Context,
    Reading,
    _business_days_window,
    _dated,
    _later,
    _monday,
    _month_window,
    _next_day_of_month,
    _ordinal_label,
    _single,
    month_length,
    month_start,
    weekday_after,
)
from pursuit.method.vocab import MONTH_NAMES, WEEKDAY_NAMES, PromiseKind

_FOLDS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def fold(words: str) -> str:
    """Lowercased, umlauts written out and spaces single: 'Nächste  Woche' -> 'naechste woche'."""
    return " ".join(words.lower().translate(_FOLDS).split())


# -- words --------------------------------------------------------------------------------------

UNITS = ("ein", "zwei", "drei", "vier", "fuenf", "sechs", "sieben", "acht", "neun")
NUMBERS = {w: i for i, w in enumerate(UNITS, start=1)}
NUMBERS |= {
    "eins": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "zwo": 2, "zehn": 10, "elf": 11,
    "zwoelf": 12, "dreizehn": 13, "vierzehn": 14, "fuenfzehn": 15, "sechzehn": 16, "siebzehn": 17,
    "achtzehn": 18, "neunzehn": 19, "zwanzig": 20, "dreissig": 30,
}  # fmt: skip
NUMBERS |= {
    f"{unit}und{tens}": i + t
    for unit, i in zip(UNITS, range(1, 10), strict=True)
    for tens, t in (("zwanzig", 20), ("dreissig", 30))
}

#: Ordinal stems; a German ordinal is a stem and an ending (-e, -en, -em, -er, -es).
ORDINAL_STEMS = {
    "erst": 1, "zweit": 2, "dritt": 3, "viert": 4, "fuenft": 5, "sechst": 6, "siebt": 7,
    "siebent": 7, "acht": 8, "neunt": 9, "zehnt": 10, "elft": 11, "zwoelft": 12, "dreizehnt": 13,
    "vierzehnt": 14, "fuenfzehnt": 15, "sechzehnt": 16, "siebzehnt": 17, "achtzehnt": 18,
    "neunzehnt": 19, "zwanzigst": 20, "dreissigst": 30,
}  # fmt: skip
ORDINAL_STEMS |= {
    f"{unit}und{tens}": i + t
    for unit, i in zip(UNITS, range(1, 10), strict=True)
    for tens, t in (("zwanzigst", 20), ("dreissigst", 30))
    if i + t <= 31
}

_WEEKDAY_KEYS = ("mo", "di", "mi", "do", "fr", "sa", "so")
_MONTH_KEYS = ("jan", "feb", "mae", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "dez")


def weekday_index(word: str) -> int:
    key = fold(word)
    # "Sonnabend" is Saturday in the north.
    return 5 if key.startswith("sonna") else _WEEKDAY_KEYS.index(key[:2])


def month_index(word: str) -> int:
    key = fold(word)[:3]
    return {"jae": 1, "mar": 3, "mrz": 3}.get(key) or _MONTH_KEYS.index(key) + 1


def number(word: str) -> int:
    key = fold(word)
    return int(key) if key.isdigit() else NUMBERS[key]


def ordinal(word: str) -> int:
    key = fold(word)
    if key[:-1] in ORDINAL_STEMS:
        return ORDINAL_STEMS[key[:-1]]
    return ORDINAL_STEMS[key[:-2]]


def day_number(m: re.Match[str]) -> int:
    digits = m.groupdict().get("day")
    return int(digits) if digits is not None else ordinal(m.group("dayw"))


def part_of(word: str) -> str:
    """'Anfang', 'Mitte', 'Ende' as the English reader's 'early', 'mid', 'late'."""
    key = fold(word)
    if key.startswith(("anfang", "beginn", "zu beginn", "frueh")):
        return "early"
    return "mid" if key.startswith("mitte") else "late"


_PART_SAYS = {"early": "the start", "mid": "the middle", "late": "the end"}
_WEEK_PARTS = {"early": (0, 1), "mid": (1, 3), "late": (3, 4)}

#: Words after an ordinal that make it a date rather than a count ("am ersten Tag" counts).
_CAPITALISED_WORD = re.compile(r"\s+(?-i:[A-ZÄÖÜ])\w*")


def _noun_follows(m: re.Match[str]) -> bool:
    # German capitalises nouns: "am Ersten melden wir uns" is a date, "am ersten Tag" is not.
    return _CAPITALISED_WORD.match(m.string, m.end()) is not None


# -- days and weeks -----------------------------------------------------------------------------


def read_today(m: re.Match[str], ctx: Context) -> Reading:
    if re.search(r"ende|schluss|feierabend", fold(m.group(0))):
        return _single(ctx.today, PromiseKind.BY, 0.9, "the end of the day it was said")
    return _single(ctx.today, PromiseKind.ON, 0.95, "the day it was said")


def read_tomorrow(m: re.Match[str], ctx: Context) -> Reading | None:
    tomorrow = ctx.today + timedelta(days=1)
    if m.group("or_after"):
        return Reading(
            tomorrow, tomorrow + timedelta(days=1), PromiseKind.WINDOW, 0.9, "the next two days"
        )
    return _single(tomorrow, PromiseKind.ON, 0.95, "the day after it was said")


def read_day_after_tomorrow(m: re.Match[str], ctx: Context) -> Reading:
    return _single(
        ctx.today + timedelta(days=2), PromiseKind.ON, 0.95, "two days after it was said"
    )


def read_weekday(m: re.Match[str], ctx: Context) -> Reading:
    wd = weekday_index(m.group("wd"))
    says = f"the first {WEEKDAY_NAMES[wd]} after {ctx.today_label}"
    return _single(weekday_after(ctx.today, wd), PromiseKind.ON, 0.9, says)


def read_weekday_in_a_week(m: re.Match[str], ctx: Context) -> Reading:
    wd = weekday_index(m.group("wd"))
    day = weekday_after(ctx.today, wd) + timedelta(days=7)
    return _single(day, PromiseKind.ON, 0.85, f"a week after the first {WEEKDAY_NAMES[wd]}")


def read_weekday_next_week(m: re.Match[str], ctx: Context) -> Reading:
    wd = weekday_index(m.group("wd"))
    weeks = 2 if fold(m.group(0)).find("uebernaechst") >= 0 else 1
    day = _monday(ctx.today) + timedelta(days=7 * weeks + wd)
    which = "the week after next" if weeks == 2 else "next week"
    return _single(day, PromiseKind.ON, 0.9, f"{WEEKDAY_NAMES[wd]} of {which}")


def read_next_weekday(m: re.Match[str], ctx: Context) -> Reading:
    # "nächsten Mittwoch" has the same doubt as "next Wednesday" (METHOD §5).
    wd = weekday_index(m.group("wd"))
    this_weeks = _monday(ctx.today) + timedelta(days=wd)
    day = this_weeks + timedelta(days=7)
    says = f"{WEEKDAY_NAMES[wd]} of next week"
    if ctx.today < this_weeks:
        return Reading(day, day, PromiseKind.ON, 0.55, says, ((this_weeks, this_weeks),))
    return _single(day, PromiseKind.ON, 0.85, says)


def _friday(ctx: Context) -> date:
    friday = _monday(ctx.today) + timedelta(days=4)
    # Said over the weekend, "diese Woche" is the one about to start.
    return friday + timedelta(days=7) if ctx.today > friday else friday


def read_week_part(m: re.Match[str], ctx: Context) -> Reading:
    """'Anfang/Mitte/Ende (der) nächsten Woche'; without 'nächste' the week it was said."""
    part_word = m.group("part") or m.group("wpart")
    part = part_of(part_word)
    which = fold(m.group("which") or "")
    if not which or which.startswith("dies"):
        if part == "late":
            return _single(_friday(ctx), PromiseKind.BY, 0.85, "the end of the working week")
        monday = _monday(ctx.today)
        if monday + timedelta(days=_WEEK_PARTS[part][1]) < ctx.today:
            monday += timedelta(days=7)
        says = f"{_PART_SAYS[part]} of the week"
    else:
        weeks = 2 if which.startswith("uebernaechst") else 1
        monday = _monday(ctx.today) + timedelta(days=7 * weeks)
        says = f"{_PART_SAYS[part]} of {'the week after next' if weeks == 2 else 'next week'}"
    first, last = _WEEK_PARTS[part]
    kind = PromiseKind.BY if fold(part_word).startswith("ende") else PromiseKind.WINDOW
    earliest = max(monday + timedelta(days=first), ctx.today)
    return Reading(earliest, monday + timedelta(days=last), kind, 0.8, says)


def read_next_week(m: re.Match[str], ctx: Context) -> Reading:
    weeks = 2 if fold(m.group(0)).startswith("uebernaechst") else 1
    monday = _monday(ctx.today) + timedelta(days=7 * weeks)
    says = "the week after next" if weeks == 2 else "next week"
    return Reading(monday, monday + timedelta(days=4), PromiseKind.WINDOW, 0.8, says)


def read_end_of_week(m: re.Match[str], ctx: Context) -> Reading:
    return _single(_friday(ctx), PromiseKind.BY, 0.85, "the end of the working week")


def read_weekend(m: re.Match[str], ctx: Context) -> Reading:
    # "am Wochenende" is Saturday and Sunday; "bis zum Wochenende" is the working week's end.
    lead = fold(m.group("lead") or "")
    if not lead:
        return read_end_of_week(m, ctx)
    saturday = _monday(ctx.today) + timedelta(days=5 + 7 * lead.startswith(("naechst", "komm")))
    if saturday + timedelta(days=1) < ctx.today:
        saturday += timedelta(days=7)
    sunday = saturday + timedelta(days=1)
    return Reading(max(saturday, ctx.today), sunday, PromiseKind.WINDOW, 0.7, "the weekend")


def read_iso_week(m: re.Match[str], ctx: Context) -> Reading | None:
    """'KW 50': ISO week 50, the next one whose Friday has not passed; latest is its Friday.

    'Donnerstag in KW 49' is that week's Thursday.
    """
    groups = m.groupdict()
    week = int(groups["w"] or groups["w2"]) if "w2" in groups else int(groups["w"])
    wd = groups.get("wd")
    last = 4 if wd is None else weekday_index(wd)
    for year in (ctx.today.year, ctx.today.year + 1):
        try:
            monday = date.fromisocalendar(year, week, 1)
        except ValueError:
            continue
        day = monday + timedelta(days=last)
        if day < ctx.today:
            continue
        if wd is not None:
            return _single(day, PromiseKind.ON, 0.9, f"{WEEKDAY_NAMES[last]} of ISO week {week}")
        says = f"ISO week {week} of {year}, to its Friday"
        return Reading(max(monday, ctx.today), day, PromiseKind.WINDOW, 0.85, says)
    return None


# -- counts -------------------------------------------------------------------------------------


def _unit(word: str) -> tuple[str, bool]:
    key = fold(word)
    if key.startswith(("werktag", "arbeitstag", "geschaeftstag")):
        return "day", True
    return {"t": "day", "w": "week", "m": "month", "s": "hour"}[key[0]], False


def _count(n: int, unit: str) -> int:
    # "in acht Tagen" is German for a week, as "in vierzehn Tagen" is for two.
    return 7 if (n, unit) == (8, "day") else n


def read_count(m: re.Match[str], ctx: Context) -> Reading | None:
    unit, business = _unit(m.group("unit"))
    n = _count(number(m.group("n")), unit) if not business else number(m.group("n"))
    return _later(n, unit, business, ctx, PromiseKind.BY, 0.9)


def read_count_range(m: re.Match[str], ctx: Context) -> Reading | None:
    unit, business = _unit(m.group("unit"))
    low, high = sorted((number(m.group("n")), number(m.group("n2"))))
    if (low, high) == (1, 2) and unit == "day":
        # "ein, zwei Tage" is "a day or two": business days, as in English.
        return _business_days_window(ctx, 1, 0.7)
    first = _later(low, unit, business, ctx, PromiseKind.WINDOW, 0.75)
    last = _later(high, unit, business, ctx, PromiseKind.WINDOW, 0.75)
    if first is None or last is None:
        return None
    says = f"{low} to {high} {'business day' if business else unit}s later"
    return Reading(first.earliest, last.latest, PromiseKind.WINDOW, 0.75, says)


def read_few(m: re.Match[str], ctx: Context) -> Reading | None:
    """'ein paar Tage', 'einige Wochen', 'in den nächsten Tagen'."""
    unit, _ = _unit(m.group("unit"))
    coming = fold(m.group("q")).startswith(("naechst", "komm"))
    if unit == "day":
        return _business_days_window(ctx, 2, 0.5 if coming else 0.7)
    if unit == "hour":
        return _later(3, unit, False, ctx, PromiseKind.BY, 0.8)
    if unit == "week":
        return _later(3, unit, False, ctx, PromiseKind.AROUND, 0.45 if coming else 0.65)
    return _later(2, unit, False, ctx, PromiseKind.AROUND, 0.5)


# -- months, quarters, years --------------------------------------------------------------------


def read_next_month(m: re.Match[str], ctx: Context) -> Reading:
    part = m.group("part")
    first = month_start(ctx.today, 1)
    earliest, latest, says = _month_window(first, part and part_of(part), ctx.today)
    return Reading(earliest, latest, PromiseKind.WINDOW, 0.8, f"{says}next month")


def read_this_month(m: re.Match[str], ctx: Context) -> Reading:
    """'Ende des Monats', 'Monatsmitte', 'Anfang des Monats', 'diesen Monat'."""
    words = fold(m.group(0))
    part = "late" if not re.search(r"anfang|beginn|mitte", words) else part_of(words)
    if part == "late":
        last = ctx.today.replace(day=month_length(ctx.today.year, ctx.today.month))
        return _single(last, PromiseKind.BY, 0.85, "the last day of the month")
    first = month_start(ctx.today, 0)
    earliest, latest, says = _month_window(first, part, ctx.today)
    if latest < ctx.today:
        # The middle of a month already past it is next month's.
        earliest, latest, says = _month_window(month_start(ctx.today, 1), part, ctx.today)
        return Reading(earliest, latest, PromiseKind.WINDOW, 0.75, f"{says}next month")
    return Reading(earliest, latest, PromiseKind.WINDOW, 0.75, f"{says}the month")


def read_named_month(m: re.Match[str], ctx: Context) -> Reading:
    month = month_index(m.group("month"))
    part = m.group("part")
    year = ctx.today.year + (month < ctx.today.month)
    key = part and part_of(part)
    earliest, latest, says = _month_window(date(year, month, 1), key, ctx.today)
    if latest < ctx.today:
        earliest, latest, says = _month_window(date(year + 1, month, 1), key, ctx.today)
    return Reading(earliest, latest, PromiseKind.WINDOW, 0.75, f"{says}{MONTH_NAMES[month]}")


#: Parts of a year as (month, day) pairs: early January, June and July, late December.
_YEAR_PARTS = {"early": ((1, 1), (1, 10)), "mid": ((6, 1), (7, 31)), "late": ((12, 21), (12, 31))}


def read_year(m: re.Match[str], ctx: Context) -> Reading:
    """'Jahresende', 'Anfang des neuen Jahres', 'nächstes Jahr', 'im neuen Jahr'."""
    words = fold(m.group(0))
    coming = re.search(r"naechst|komm|neu|folgend", words) is not None
    found = re.search(r"anfang|beginn|mitte|ende|schluss", words)
    part = part_of(found.group()) if found else None
    if not coming and part == "late":
        return _single(
            date(ctx.today.year, 12, 31), PromiseKind.BY, 0.8, "the last day of the year"
        )
    year = ctx.today.year + coming
    if part is None and "neue" in words:
        # "im neuen Jahr" says only that it will not be this year: after New Year's Day.
        return _single(date(year, 1, 1), PromiseKind.AFTER, 0.55, "New Year's Day")
    if part is None:
        return Reading(
            max(date(year, 1, 1), ctx.today),
            date(year, 12, 31),
            PromiseKind.WINDOW,
            0.6,
            f"the year {year}",
        )
    first, last = _YEAR_PARTS[part]
    if date(year, *last) < ctx.today:
        year += 1
    earliest, latest = max(date(year, *first), ctx.today), date(year, *last)
    return Reading(earliest, latest, PromiseKind.WINDOW, 0.7, f"{_PART_SAYS[part]} of {year}")


def _quarter_end(year: int, q: int) -> date:
    return date(year, 3 * q, month_length(year, 3 * q))


def read_quarter(m: re.Match[str], ctx: Context) -> Reading | None:
    """'Ende des Quartals', 'nächstes Quartal', 'Q4', 'im vierten Quartal'."""
    current = (ctx.today.month - 1) // 3 + 1
    words = fold(m.group(0))
    if m.group("q") or m.group("qw"):
        q = int(m.group("q")) if m.group("q") else ordinal(m.group("qw"))
        if not 1 <= q <= 4:
            return None
        year = ctx.today.year + (q < current)
        return _single(_quarter_end(year, q), PromiseKind.BY, 0.8, f"the end of Q{q} {year}")
    if re.search(r"naechst|komm|folgend", words):
        first = month_start(ctx.today.replace(day=1), 3 - (ctx.today.month - 1) % 3)
        q = (first.month - 1) // 3 + 1
        return Reading(first, _quarter_end(first.year, q), PromiseKind.WINDOW, 0.75, "next quarter")
    end = _quarter_end(ctx.today.year, current)
    return _single(end, PromiseKind.BY, 0.8, "the last day of the quarter")


# -- dates --------------------------------------------------------------------------------------


def read_day_month(m: re.Match[str], ctx: Context) -> Reading | None:
    return _dated(month_index(m.group("month")), day_number(m), m.group("year"), ctx, 0.95)


def read_numeric(m: re.Match[str], ctx: Context) -> Reading | None:
    # German dates are day first, however they are written: 3.12., 3/12, 3.12.2026.
    return _dated(int(m.group("b")), int(m.group("a")), m.group("year"), ctx, 0.9)


def read_ordinal(m: re.Match[str], ctx: Context) -> Reading | None:
    """'bis zum 15.', 'am fünfzehnten', 'zum Ersten des nächsten Monats'."""
    if m.group("which") is None and _noun_follows(m):
        return None
    day = day_number(m)
    if m.group("which") and re.search(r"naechst|komm|folgend", fold(m.group("which"))):
        first = month_start(ctx.today, 1)
        if day > month_length(first.year, first.month):
            return None
        return _single(first.replace(day=day), PromiseKind.ON, 0.9, "that day of next month")
    found = _next_day_of_month(day, ctx.today)
    says = f"the next {_ordinal_label(day)} on or after {ctx.today_label}"
    return _single(found, PromiseKind.ON, 0.85, says) if found else None
