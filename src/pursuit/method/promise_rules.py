"""Which words make a phrase: the patterns behind `promises.read_promise`, and where to try them.

A rule's pattern matches a phrase as written ("next Wednesday", "3 December", "ten business
days"); its reader in `promise_readers` turns the match into a window of dates. Prepositions in
front of a phrase ("by", "after") are not part of any rule: `promises` weighs them.

Rules are tried only where a word they can start with begins (`FIRST_WORDS`), which keeps reading
a sentence to a few microseconds; one pattern tried at every position was twenty times slower.
Where two rules can start at the same word, the one listed first wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from pursuit.method.promise_readers import (
    NUMBERS,
    ORDINALS,
    SIMPLE_ORDINALS,
    SMALL_NUMBERS,
    UNITS,
    Context,
    Reader,
    Reading,
    read_coming,
    read_count,
    read_count_range,
    read_day_after_tomorrow,
    read_day_or_two,
    read_dotted,
    read_end_of_month,
    read_end_of_week,
    read_end_of_year,
    read_few,
    read_fortnight,
    read_iso,
    read_month_day,
    read_named_month,
    read_next_month,
    read_next_week,
    read_next_weekday,
    read_numeric,
    read_ordinal,
    read_today,
    read_tomorrow,
    read_week_after_next,
    read_week_or_two,
    read_weekday,
    read_weekday_next_week,
    read_weekend,
    weekday_index,
)
from pursuit.method.promise_seasons import (
    read_bank_holiday,
    read_easter_break,
    read_holiday,
    read_mid_month,
    read_named_quarter,
    read_new_year_part,
    read_next_quarter,
    read_quarter_end,
    read_weekday_week,
    read_year_end_break,
)
from pursuit.method.vocab import WEEKDAY_NAMES


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    read: Reader


# -- words --------------------------------------------------------------------------------------


def _words(words: Iterable[str]) -> str:
    # Longest first, so "seventeen" is tried before "seven".
    return "|".join(sorted(words, key=len, reverse=True))


_NUM = (
    rf"(?:\d{{1,4}}|(?:twenty|thirty)[\s-]?(?:{_words(UNITS)})\b"
    rf"|{_words(SMALL_NUMBERS[1:])}|twenty|thirty|an?)"
)
_ORDW = (
    rf"(?:twenty[\s-]?(?:{_words(SIMPLE_ORDINALS[:9])})|thirty[\s-]?first"
    rf"|{_words([*SIMPLE_ORDINALS, 'twentieth', 'thirtieth'])})"
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
# Casual spellings read as the full words: "nxt wk", "2 wks".
_NEXT = r"(?:next|nxt)"
_WEEK = r"(?:week|wk)"


def _weekday_date(m: re.Match[str], ctx: Context) -> Reading | None:
    rest = m.group("rest")
    for rule in _DATE_RULES:
        inner = rule.pattern.fullmatch(rest)
        if inner is None:
            continue
        reading = rule.read(inner, ctx)
        if reading is None:
            # An impossible date ("Friday 31/31"): the weekday still stands.
            return read_weekday(m, ctx)
        wd = weekday_index(m.group("wd"))
        if reading.latest.weekday() != wd:
            # The weekday and the date disagree: the date is the more deliberate of the two.
            says = f"{reading.says} (not a {WEEKDAY_NAMES[wd]})"
            return Reading(reading.earliest, reading.latest, reading.kind, 0.7, says)
        return reading
    return read_weekday(m, ctx)


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
# An ordinal word is a date with its month ("the first of next month") or after "the" when the
# sentence moves on ("by the fifteenth at the latest", "on the third."); otherwise it counts ("the
# third candidate", "the first thing").
_ORDINAL_WORD_ENDS = (
    r"(?=\s*(?:$|[^\sa-z]|(?:at|or|and|to|through|till|until|but|so|then|latest|i|we|you|they"
    r"|if|when|because|as|is|would|should|will|probably|maybe|perhaps|hopefully|please"
    r"|anyway|ok|okay)\b))"
)
_ORDINAL = (
    rf"\b(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)\b(?:(?={_WHICH_MONTH})|{_NOT_A_DATE})"
    rf"|(?:(?={_ORDW}\b{_WHICH_MONTH})|(?<=\bthe\s)(?={_ORDW}\b{_ORDINAL_WORD_ENDS}))"
    rf"(?P<dayw>{_ORDW})\b)(?:{_OF_MONTH})?"
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


_HOLIDAY = (
    r"\b(?:(?P<christmas_eve>(?:christmas|xmas)\s+eve)"
    r"|(?P<christmas>(?:christmas|xmas)(?:\s+day)?(?!\s+(?:party|card|tree|present|gift)))"
    r"|(?P<new_years_eve>new\s+year['’]?s\s+eve|nye)"
    r"|(?P<new_year>new\s+year(?:['’]?s)?(?:\s+day)?)"
    r"|(?P<good_friday>good\s+friday)"
    r"|(?P<easter_monday>easter\s+monday)"
    r"|(?P<easter>easter(?:\s+sunday)?)"
    r"|(?P<thanksgiving>thanksgiving(?:\s+day)?)"
    r"|(?P<boxing_day>boxing\s+day|(?:st\.?|saint)\s+stephen['’]?s(?:\s+day)?)"
    r"|(?P<labour_day>labou?r\s+day)"
    r"|(?P<memorial_day>memorial\s+day)"
    r"|(?P<independence_day>independence\s+day)"
    r"|(?P<juneteenth>juneteenth)"
    r"|(?P<mlk_day>(?:mlk|martin\s+luther\s+king(?:\s+jr\.?)?)\s+day)"
    r"|(?P<presidents_day>presidents['’]?\s+day|washington['’]?s\s+birthday)"
    r"|(?P<columbus_day>columbus\s+day)"
    r"|(?P<veterans_day>veterans['’]?\s+day)"
    r"|(?P<remembrance_day>remembrance\s+day)"
    r"|(?P<victoria_day>victoria\s+day)"
    r"|(?P<canada_day>canada\s+day)"
    r"|(?P<st_patricks_day>(?:st\.?|saint)\s+patrick['’]?s(?:\s+day)?|paddy['’]?s\s+day)"
    r"|(?P<australia_day>australia\s+day)"
    r"|(?P<anzac_day>anzac\s+day)"
    r"|(?P<ascension>ascension(?:\s+day)?)"
    r"|(?P<whit_monday>(?:whit|pentecost)\s+monday|pfingstmontag)"
    r"|(?P<pentecost>pentecost|whitsun(?:day)?|whit\s+sunday|pfingsten)"
    r"|(?P<halloween>halloween))\b"
)
_HOLIDAY_WORDS = (
    "christmas xmas new nye good easter thanksgiving boxing st saint labor labour memorial "
    "independence juneteenth mlk martin presidents washington columbus veterans remembrance "
    "victoria canada paddy australia anzac ascension whit pentecost pfingstmontag whitsun "
    "whitsunday pfingsten halloween"
)


def unnamed(pattern: str) -> str:
    """`pattern` with its named groups made plain, so patterns can be combined."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


def _rule(name: str, pattern: str, read: Reader) -> Rule:
    return Rule(name, re.compile(pattern, re.IGNORECASE), read)


_DATE_RULES = (
    _rule("month_day", _MONTH_DAY, read_month_day),
    _rule("day_month", _DAY_MONTH, read_month_day),
    _rule("iso", _ISO, read_iso),
    _rule("numeric", _NUMERIC, read_numeric),
    _rule("dotted", _DOTTED, read_dotted),
    _rule("ordinal", _ORDINAL, read_ordinal),
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
    ["#", "twenty", "thirty", *NUMBERS, *(f"twenty{u} thirty{u}" for u in UNITS)]
)
_ORDINAL_WORDS = " ".join(["#", "twenty", "thirty", *ORDINALS])
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
            rf"\b(?P<wd>{_WD})\.?,?\s+(?:of\s+)?(?:the\s+)?(?:{_NEXT}|following)\s+{_WEEK}\b",
            read_weekday_next_week,
        ),
        _WD_WORDS,
    ),
    (
        _rule(
            "weekday_this_week", rf"\b(?P<wd>{_WD})\.?,?\s+(?:of\s+)?this\s+week\b", read_weekday
        ),
        _WD_WORDS,
    ),
    (_DATES_BY_NAME["month_day"], _MONTH_WORDS),
    (_DATES_BY_NAME["day_month"], _ORDINAL_WORDS),
    (_DATES_BY_NAME["iso"], "#"),
    (_DATES_BY_NAME["numeric"], "#"),
    (_DATES_BY_NAME["dotted"], "#"),
    (_DATES_BY_NAME["ordinal"], _ORDINAL_WORDS),
    (_rule("day_after_tomorrow", r"\bday\s+after\s+tomorrow\b", read_day_after_tomorrow), "day"),
    (
        _rule(
            "tomorrow",
            r"\b(?:tomorrow|tomorow|tommorow|tommorrow|tmrw|tmrow|tmr)\b"
            r"(?P<or_after>\s+or\s+(?:the\s+)?day\s+after\b)?",
            read_tomorrow,
        ),
        "tomorrow tomorow tommorow tommorrow tmrw tmrow tmr",
    ),
    (
        _rule(
            "today",
            r"\b(?:today|tonight|this\s+(?:afternoon|evening|morning)|later\s+today"
            r"|(?:end|close)\s+of\s+(?:the\s+)?(?:business\s+|work(?:ing)?\s+)?day"
            r"|(?:end|close)\s+of\s+(?:business|play)|eod|eob|cob)\b",
            read_today,
        ),
        "today tonight this later end close eod eob cob",
    ),
    (
        _rule(
            "next_week_weekday",
            rf"\b(?:{_NEXT}|following)\s+{_WEEK},?\s+(?:on\s+)?(?P<wd>{_WD})",
            read_weekday_next_week,
        ),
        "next nxt following",
    ),
    (
        _rule("this_week_weekday", rf"\bthis\s+week,?\s+(?:on\s+)?(?P<wd>{_WD})", read_weekday),
        "this",
    ),
    (_rule("next_weekday", rf"\b{_NEXT}\s+(?P<wd>{_WD})", read_next_weekday), "next nxt"),
    (
        _rule(
            "weekday_week",
            rf"\b(?:(?:a|one)\s+(?:week|fortnight)\s+(?:(?:on|from|come)\s+)?(?:this\s+)?"
            rf"|(?={_WD}\.?\s+(?:week|fortnight)\b(?!\s+(?:of|after)\b)))"
            rf"(?P<wd>{_WD})\.?(?:\s+(?:week|fortnight)\b)?",
            read_weekday_week,
        ),
        f"a one {_WD_WORDS}",
    ),
    (
        _rule(
            "week_from_today",
            r"\b(?:a|one)\s+week\s+(?:from\s+)?(?:today|tomorrow|tmrw|tmr)\b",
            read_weekday_week,
        ),
        "a one",
    ),
    (
        _rule("weekday", rf"\b(?:(?:this\s+)?coming\s+|this\s+)?(?P<wd>{_WD})", read_weekday),
        f"this coming {_WD_WORDS}",
    ),
    (_rule("week_after_next", r"\bweek\s+after\s+next\b", read_week_after_next), "week"),
    (
        _rule(
            "next_week",
            rf"\b(?:{_NEXT_WEEK_PART}[\s-]+(?:the\s+)?)?(?:{_NEXT}|following|coming)\s+{_WEEK}\b",
            read_next_week,
        ),
        f"next nxt following coming {_PART_WORDS}",
    ),
    (
        _rule(
            "end_of_week",
            r"\b(?:(?:end|close)\s+of\s+(?:the\s+|this\s+)?(?:work(?:ing)?\s*|business\s+)?week\b"
            r"|week'?s\s+end\b|eow\b|this\s+week\b|later\s+(?:this|in\s+the)\s+week\b"
            r"|(?:within|during)\s+(?:the|this)\s+week\b)",
            read_end_of_week,
        ),
        "end close week weeks eow this later within during",
    ),
    (
        _rule("weekend", r"\b(?:(?P<next>next)\s+|this\s+)?weekend\b", read_weekend),
        "next this weekend",
    ),
    (
        _rule(
            "next_month",
            rf"\b(?:{_MONTH_PART}[\s-]+(?:the\s+)?)?(?:next|following|coming)\s+month\b",
            read_next_month,
        ),
        f"next following coming {_PART_WORDS}",
    ),
    (
        _rule(
            "end_of_month",
            r"\b(?:(?:end|close)\s+of\s+(?:the\s+|this\s+)?month\b|month[\s-]*end\b"
            r"|this\s+month\b|later\s+(?:this|in\s+the)\s+month\b"
            r"|(?:within|during)\s+(?:the|this)\s+month\b|eom\b)",
            read_end_of_month,
        ),
        "end close month monthend this later within during eom",
    ),
    (
        _rule(
            "end_of_year",
            r"\b(?:(?:end|close)\s+of\s+(?:the\s+|this\s+)?year|year[\s-]*end|eoy)\b",
            read_end_of_year,
        ),
        "end close year yearend eoy",
    ),
    (
        _rule(
            "named_month",
            r"\b(?P<mod>early|mid|late|in|during|by|before|until"
            r"|(?:the\s+)?(?:beginning|start|middle|end)\s+of|towards?\s+the\s+end\s+of)"
            rf"[\s-]+(?P<month>{_MONTH})(?!\s*(?:\d|the\s|{_ORDW}\b))",
            read_named_month,
        ),
        "early mid late in during by before until the beginning start middle end toward towards",
    ),
    (
        _rule(
            "year_end_break",
            r"\b(?:(?:christmas|xmas|festive|winter|december|year[\s-]*end|end[\s-]+of[\s-]+(?:the[\s-]+)?year"
            r"|new\s+year|holiday)\s+(?:break|holidays|vacation|period|season|shutdown|closure)"
            r"|festive\s+season|festivities|(?<=\bthe\s)(?:holidays|break))\b",
            read_year_end_break,
        ),
        "christmas xmas festive winter december year yearend end new holiday festivities holidays "
        "break",
    ),
    (
        _rule(
            "easter_break",
            r"\beaster\s+(?:break|holidays?|weekend|vacation|long\s+weekend)\b",
            read_easter_break,
        ),
        "easter",
    ),
    (
        _rule(
            "new_year_part",
            r"\b(?:(?:early|(?:beginning|start|first\s+(?:week|days|part))\s+of)\s+(?:in\s+)?"
            r"|(?P<whole>in|during)\s+)(?:the\s+)?new\s+year\b(?!['’]?s)",
            read_new_year_part,
        ),
        "early beginning start first in during",
    ),
    (_rule("holiday", _HOLIDAY, read_holiday), _HOLIDAY_WORDS),
    (
        _rule("bank_holiday", r"\b(?:bank\s+holiday|long\s+weekend)\b", read_bank_holiday),
        "bank long",
    ),
    (
        _rule(
            "mid_month",
            r"\b(?:(?:middle|mid[\s-]?point)\s+of\s+(?:the|this)\s+month|mid[\s-]?month"
            r"|(?P<early>(?:beginning|start)\s+of\s+(?:the|this)\s+month))\b",
            read_mid_month,
        ),
        "middle mid midpoint midmonth beginning start",
    ),
    (
        _rule(
            "quarter_end",
            r"\b(?:(?:end|close)\s+of\s+(?:the\s+|this\s+)?(?:current\s+)?quarter"
            r"|quarter[\s-]*end|this\s+quarter|eoq)\b",
            read_quarter_end,
        ),
        "end close quarter quarterend this eoq",
    ),
    (
        _rule(
            "next_quarter",
            rf"\b(?:{_NEXT}|following|coming)\s+quarter\b",
            read_next_quarter,
        ),
        "next nxt following coming",
    ),
    (
        _rule(
            "named_quarter",
            r"\b(?P<end>(?:end|close)\s+of\s+(?:the\s+)?)?(?:q(?P<qn>[1-4])"
            r"|(?P<qw>first|second|third|fourth|last|[1-4](?:st|nd|rd|th))\s+quarter)\b"
            r"(?:,?\s*(?:of\s+)?(?P<year>\d{4})\b)?",
            read_named_quarter,
        ),
        "end close q first second third fourth last #",
    ),
    (
        _rule(
            "day_or_two",
            r"\b(?:(?:a|one|1)\s+(?:business\s+|working\s+)?day\s+or\s+(?:two|2)"
            r"|(?:one|1)\s+or\s+(?:two|2)\s+(?:business\s+|working\s+)?days)\b",
            read_day_or_two,
        ),
        "a one #",
    ),
    (_rule("week_or_two", r"\b(?:a|one|1)\s+week\s+or\s+(?:two|2)\b", read_week_or_two), "a one #"),
    (
        _rule(
            "few",
            r"\b(?:a\s+)?(?P<q>couple(?:\s+of)?|few|several|handful\s+of)\s+(?:more\s+|extra\s+)?"
            r"(?:business\s+|working\s+)?(?P<unit>days|weeks|wks|months|hours)\b",
            read_few,
        ),
        "a couple few several handful",
    ),
    (_rule("coming", r"\bcoming\s+(?P<unit>days|weeks)\b", read_coming), "coming"),
    (
        _rule(
            "count",
            rf"\b(?P<n>{_NUM})\s+(?:more\s+|additional\s+|extra\s+|full\s+|whole\s+|calendar\s+)?"
            rf"{_BUSINESS}(?P<unit>days?|weeks?|wks?|months?|hours?|hrs?|fortnights?)\b",
            read_count,
        ),
        _NUMBER_WORDS,
    ),
    (
        _rule(
            "count_range",
            rf"\b(?P<n>{_NUM})\s*(?:-|–|to|or)\s*(?P<n2>{_NUM})\s+(?:more\s+)?"
            rf"{_BUSINESS}(?P<unit>days|weeks|months)\b",
            read_count_range,
        ),
        _NUMBER_WORDS,
    ),
    (_rule("fortnight", r"\bfortnight\b", read_fortnight), "fortnight"),
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


#: Each first word's alternation, compiled the first time a text has the word: a command that
#: reads one sentence compiles a handful instead of every one at start-up.
_EITHER: dict[str, re.Pattern[str] | None] = dict.fromkeys(FIRST_WORDS)


def _either_for(word: str) -> re.Pattern[str]:
    either = _EITHER[word] = _either(FIRST_WORDS[word])
    return either


_TOKEN = re.compile(r"[a-z]+|\d+", re.IGNORECASE)


class Found(NamedTuple):
    rule: Rule
    match: re.Match[str]
    #: The word just before the phrase, lowercased, when only spaces stand between them (else
    #: ""): prepositions are looked for only behind the words that can end one.
    word_before: str


def matches(text: str) -> Iterator[Found]:
    """Every phrase in `text`, left to right, without overlaps: the first rule to match wins."""
    return iter(scan(text, frozenset())[0])


def scan(text: str, watch: frozenset[str]) -> tuple[list[Found], set[str]]:
    """The phrases `matches` finds, and which of the lowercase words in `watch` the text has.

    Callers learn from the second which further reading a sentence needs, without another pass.
    """
    found: list[Found] = []
    seen: set[str] = set()
    resume = 0
    before, before_end = "", 0
    for token in _TOKEN.finditer(text):
        word = token.group().lower()
        if word in watch:
            seen.add(word)
        start = token.start()
        key = "#" if word[0].isdigit() else word
        if start >= resume and key in _EITHER:
            either = _EITHER[key] or _either_for(key)
            hit = either.match(text, start)
            if hit is not None:
                assert hit.lastindex is not None
                rule = FIRST_WORDS[key][hit.lastindex - 1]
                match = rule.pattern.match(text, start)
                assert match is not None
                resume = match.end()
                spaced = text[before_end:start].isspace()
                found.append(Found(rule, match, before if spaced else ""))
        before, before_end = word, token.end()
    return found, seen
