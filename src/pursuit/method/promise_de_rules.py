"""Which German words make a phrase: the patterns behind reading a promise said in German.

Like the English rules (`promise_rules`), a rule's pattern matches the phrase as written
("nächste Woche", "3. Dezember", "zehn Werktagen"), its reader in `promise_de_readers` turns the
match into a window, and prepositions in front ("bis", "nach", "nicht vor") are weighed by
`promise_de`. Rules are tried only where a word they can start with begins.

Patterns are written with umlauts and ß; each also matches the spelling without them ("naechste",
"uebermorgen", "Buss- und Bettag"), as people type on keyboards without them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from pursuit.method.promise_de_holidays import (
    read_between_the_years,
    read_holiday,
    read_holiday_season,
    read_turn_of_year,
)
from pursuit.method.promise_de_readers import (
    NUMBERS,
    ORDINAL_STEMS,
    fold,
    read_count,
    read_count_range,
    read_day_after_tomorrow,
    read_day_month,
    read_end_of_week,
    read_few,
    read_iso_week,
    read_named_month,
    read_next_month,
    read_next_week,
    read_next_weekday,
    read_numeric,
    read_ordinal,
    read_quarter,
    read_this_month,
    read_today,
    read_tomorrow,
    read_week_part,
    read_weekday,
    read_weekday_in_a_week,
    read_weekday_next_week,
    read_weekend,
    read_year,
    weekday_index,
)
from pursuit.method.promise_readers import Context, Reader, Reading, read_iso
from pursuit.method.promise_rules import unnamed
from pursuit.method.vocab import WEEKDAY_NAMES

_SPELLINGS = {"ä": "(?:ä|ae)", "ö": "(?:ö|oe)", "ü": "(?:ü|ue)", "ß": "(?:ß|ss)"}
_UMLAUT = re.compile("[äöüß]")


def either_spelling(pattern: str) -> str:
    """`pattern` matching also the spelling without umlauts and ß."""
    return _UMLAUT.sub(lambda m: _SPELLINGS[m.group()], pattern)


def _unfolded(word: str) -> str:
    # Number and holiday words are kept folded; these letter pairs are umlauts in all of them.
    return word.replace("ae", "ä").replace("oe", "ö").replace("ue", "ü").replace("ss", "ß")


def _words(words: list[str]) -> str:
    return "|".join(sorted((_unfolded(w) for w in words), key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    read: Reader
    #: Only after one of these words (folded) is the phrase a date: "am 15." but not "Seite 15.".
    needs_before: frozenset[str] = frozenset()
    #: After one of these words it is no promise: "am Morgen", "guten Morgen".
    not_after: frozenset[str] = frozenset()


def _rule(
    name: str, pattern: str, read: Reader, needs_before: str = "", not_after: str = ""
) -> Rule:
    compiled = re.compile(either_spelling(pattern), re.IGNORECASE)
    return Rule(name, compiled, read, frozenset(needs_before.split()), frozenset(not_after.split()))


# -- words --------------------------------------------------------------------------------------

_WD = (
    r"(?P<wd>(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag)\b"
    r"|(?:mo|di|mi|do|fr)\.)"
)
_MONTH_FULL = r"januar|jänner|februar|feber|märz|april|mai|juni|juli|august|september|oktober"
_MONTH_FULL += r"|november|dezember"
_MONTH = rf"(?:{_MONTH_FULL}|jan|feb|mär|mrz|apr|jun|jul|aug|sept?|okt|nov|dez)\b\.?"
_NUM = rf"(?:\d{{1,3}}|(?:{_words(list(NUMBERS))})\b)"
_ORDW = rf"(?:(?:{_words(list(ORDINAL_STEMS))})(?:e[nmrs]?)\b)"
_NEXT = r"(?:nächste|kommende|folgende)"
_PART = r"(?P<part>anfang|beginn|mitte|ende|schluss)"
_YEAR = r"(?:\s+(?P<year>\d{4})\b)?"
_UNIT = r"(?P<unit>(?:werk|arbeits|geschäfts)tage?n?|tage?n?|wochen?|monate?n?|stunden?)\b"
_HOLIDAY = (
    r"(?P<name>oster(?:sonntag|montag|feiertage?n?)|ostern|karfreitag|gründonnerstag|rosenmontag"
    r"|fasching|karneval|christi\s+himmelfahrt|himmelfahrt(?:stag)?|auffahrt(?:stag)?"
    r"|pfingst(?:sonntag|montag|feiertage?n?)|pfingsten|fronleichnam|heiligabend"
    r"|heiligen\s+abend|weihnachten|(?:(?:erste|zweite)[nr]?\s+)?weihnachts(?:feier)?tag\b"
    r"|christtag|stephanstag|silvester|neujahr(?:stag)?|berchtoldstag"
    r"|heilige[n]?\s+drei\s+könige|dreikönig(?:stag)?|erste[nr]?\s+mai|maifeiertag"
    r"|tag\s+der\s+(?:arbeit|deutschen\s+einheit|einheit)|mariä\s+(?:himmelfahrt|empfängnis)"
    r"|reformationstag|allerheiligen|buß-?\s*und\s+bettag|nationalfeiertag|bundesfeiertag)\b"
)

#: Words that make an ordinal count something else: "am 3. Termin", "zum zweiten Gespräch".
_COUNTED = (
    r"(?!\s+(?:tag|woche|monat|jahr|termin|gespräch|interview|runde|mal|schritt|stufe|platz"
    r"|stock|kandidat|bewerber|quartal|kw|kalenderwoche|treffen|teil)\w*\b)"
)
_OF_MONTH = (
    rf"(?:\s+(?P<which>(?:des\s+)?{_NEXT}[ns]?|des\s+laufenden|des|dieses|diesen)\s+monats\b)?"
)

_DAY_MONTH = rf"(?P<day>\d{{1,2}})\.?\s*(?P<month>{_MONTH}){_YEAR}"
_DAYW_MONTH = rf"(?P<dayw>{_ORDW})\s+(?P<month>{_MONTH}){_YEAR}"
_DOTTED = (
    r"(?<![\d.:/])(?P<a>\d{1,2})\.(?P<b>\d{1,2})(?:\.(?:(?P<year>\d{4}|\d{2})(?!\d))?)?"
    r"(?!\d|[.:]\d|\s*(?:uhr|h)\b)"
)
_SLASHED = r"(?<![\d/.:-])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?:/(?P<year>\d{4}|\d{2}))?(?![\d/])"
_ISO = r"(?<![\d-])(?P<year>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)"
_ORDINAL = rf"(?P<day>\d{{1,2}})\.(?![\d.])(?!\s*(?:{_MONTH}|kw\b|kalenderwoche)){_COUNTED}"
_ORDINAL += _OF_MONTH
_ORDINAL_WORD = rf"(?P<dayw>{_ORDW}){_COUNTED}{_OF_MONTH}"

_DATE_RULES = (
    _rule("day_month", _DAY_MONTH, read_day_month),
    _rule("dayw_month", _DAYW_MONTH, read_day_month),
    _rule("iso", _ISO, read_iso),
    _rule("dotted", _DOTTED, read_numeric),
    _rule("slashed", _SLASHED, read_numeric),
)
_DATES = {rule.name: rule for rule in _DATE_RULES}


def _weekday_date(m: re.Match[str], ctx: Context) -> Reading | None:
    """'Freitag, den 4.12.': the date, checked against the weekday."""
    rest = m.group("rest")
    for rule in _DATE_RULES:
        inner = rule.pattern.fullmatch(rest)
        if inner is None:
            continue
        reading = rule.read(inner, ctx)
        if reading is None:
            return read_weekday(m, ctx)
        wd = weekday_index(m.group("wd"))
        if reading.latest.weekday() != wd:
            says = f"{reading.says} (not a {WEEKDAY_NAMES[wd]})"
            return Reading(reading.earliest, reading.latest, reading.kind, 0.7, says)
        return reading
    return read_weekday(m, ctx)


_WD_WORDS = "montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag mo di mi do fr"
_MONTH_WORDS = (
    "januar jaenner februar feber maerz april mai juni juli august september oktober november "
    "dezember jan feb maer mrz apr jun jul aug sep sept okt nov dez"
)
_FULL_MONTH_WORDS = " ".join(fold(w) for w in re.split(r"\|", _MONTH_FULL))
_NEXT_WORDS = " ".join(
    f"{stem}{end}"
    for stem in ("naechst", "kommend", "folgend")
    for end in ("e", "en", "er", "es", "em")
)
_PART_WORDS = "anfang beginn mitte ende schluss"
_NUMBER_WORDS = " ".join(["#", *NUMBERS])
_ORDINAL_WORDS = " ".join(f"{s}{e}" for s in ORDINAL_STEMS for e in ("e", "en", "em", "er", "es"))
_HOLIDAY_WORDS = (
    "ostern ostersonntag ostermontag osterfeiertag osterfeiertage osterfeiertagen karfreitag "
    "gruendonnerstag rosenmontag fasching karneval christi himmelfahrt himmelfahrtstag auffahrt "
    "auffahrtstag pfingsten pfingstsonntag pfingstmontag pfingstfeiertag pfingstfeiertage "
    "pfingstfeiertagen fronleichnam heiligabend heiligen weihnachten weihnachtstag "
    "weihnachtsfeiertag erste ersten erster zweite zweiten zweiter christtag stephanstag silvester "
    "neujahr neujahrstag berchtoldstag heilige dreikoenig dreikoenigstag maifeiertag tag mariae "
    "reformationstag allerheiligen buss bussund nationalfeiertag bundesfeiertag"
)

#: Every rule, most specific first, with the words it can start with ("#" for a number).
RULES: tuple[tuple[Rule, str], ...] = (
    (
        _rule(
            "weekday_date",
            rf"{_WD},?\s+(?:de[nm]\s+)?(?P<rest>"
            + unnamed(f"{_DAY_MONTH}|{_DAYW_MONTH}|{_DOTTED}|{_SLASHED}")
            + ")",
            _weekday_date,
        ),
        _WD_WORDS,
    ),
    (
        _rule(
            "weekday_iso_week",
            rf"{_WD},?\s+(?:(?:in|der)\s+(?:der\s+)?)?(?:kw|kalenderwoche)\.?\s*(?P<w>\d{{1,2}})\b",
            read_iso_week,
        ),
        _WD_WORDS,
    ),
    (
        _rule(
            "weekday_next_week",
            rf"{_WD},?\s+(?:in\s+)?(?:der\s+)?(?:über)?{_NEXT}[nr]?\s+woche\b",
            read_weekday_next_week,
        ),
        _WD_WORDS,
    ),
    (
        _rule("weekday_this_week", rf"{_WD},?\s+(?:in\s+)?diese[rn]?\s+woche\b", read_weekday),
        _WD_WORDS,
    ),
    (
        _rule(
            "weekday_in_a_week",
            rf"{_WD}\s+in\s+(?:einer\s+woche|acht\s+tagen)\b",
            read_weekday_in_a_week,
        ),
        _WD_WORDS,
    ),
    (_DATES["day_month"], "#"),
    (_DATES["dayw_month"], _ORDINAL_WORDS),
    (
        _rule(
            "iso_week",
            r"(?:kw|kalenderwoche)\.?\s*(?P<w>\d{1,2})\b|(?P<w2>\d{1,2})\.\s*(?:kw|kalenderwoche)\b",
            read_iso_week,
        ),
        "kw kalenderwoche #",
    ),
    (_DATES["iso"], "#"),
    (_DATES["dotted"], "#"),
    (_DATES["slashed"], "#"),
    (_rule("holiday", _HOLIDAY, read_holiday), _HOLIDAY_WORDS),
    (
        _rule(
            "quarter",
            r"(?:ende|schluss)\s+(?:des|dieses)\s+(?:laufenden\s+)?quartals\b|quartalsende\b"
            r"|(?:diese[nms]|laufende[nms]?)\s+quartals?\b"
            rf"|(?P<next>{_NEXT}[nms]?)\s+quartals?\b|(?:ende\s+)?q(?P<q>[1-4])\b"
            r"|(?:ende\s+des\s+)?(?P<qw>(?:erst|zweit|dritt|viert)e[nms]?)\s+quartals?\b",
            read_quarter,
        ),
        f"ende schluss quartalsende diesen dieses diesem laufenden laufende laufendes q "
        f"{_NEXT_WORDS} ersten erste erstes zweiten zweite zweites dritten dritte drittes "
        f"vierten vierte viertes",
    ),
    (
        _rule(
            "ordinal",
            _ORDINAL,
            read_ordinal,
            needs_before="am zum dem den bis vom ab vor nach spaetestens fruehestens",
        ),
        "#",
    ),
    (
        _rule(
            "ordinal_word",
            _ORDINAL_WORD,
            read_ordinal,
            needs_before="am zum dem den bis vom ab vor nach spaetestens fruehestens",
        ),
        _ORDINAL_WORDS,
    ),
    (_rule("day_after_tomorrow", r"übermorgen\b", read_day_after_tomorrow), "uebermorgen"),
    (
        _rule(
            "tomorrow",
            r"morgen\b(?P<or_after>\s+oder\s+übermorgen\b)?",
            read_tomorrow,
            not_after="am den jeden guten heute diesen diesem gestern",
        ),
        "morgen",
    ),
    (
        _rule(
            "today",
            r"heute\b|noch\s+heute\b|im\s+laufe\s+des\s+(?:heutigen\s+)?tages\b"
            r"|(?:ende|schluss)\s+des\s+(?:heutigen\s+)?(?:arbeits|geschäfts)?tages\b"
            r"|tagesende\b|feierabend\b|dienstschluss\b|geschäftsschluss\b|büroschluss\b",
            read_today,
        ),
        "heute noch im ende schluss tagesende feierabend dienstschluss geschaeftsschluss "
        "bueroschluss",
    ),
    (
        _rule(
            "next_week_weekday",
            rf"(?:über)?{_NEXT}[nr]?\s+woche,?\s+(?:am\s+)?{_WD}",
            read_weekday_next_week,
        ),
        f"{_NEXT_WORDS} uebernaechste uebernaechsten uebernaechster",
    ),
    (
        _rule("over_next_weekday", rf"übernächste[nmrs]?\s+{_WD}", read_weekday_next_week),
        "uebernaechste uebernaechsten uebernaechster uebernaechstes uebernaechstem",
    ),
    (_rule("next_weekday", rf"nächste[nmrs]?\s+{_WD}", read_next_weekday), _NEXT_WORDS),
    (
        _rule("weekday", rf"(?:(?:kommende|diese)[nmrs]?\s+)?{_WD}", read_weekday),
        f"{_NEXT_WORDS} diese diesen dieser diesem dieses {_WD_WORDS}",
    ),
    (
        _rule(
            "week_part",
            rf"{_PART}\s+(?:der\s+|dieser\s+)?(?:(?P<which>(?:über)?{_NEXT}[nr]?|diese[rn]?)\s+)?"
            r"woche\b|wochen(?P<wpart>mitte|anfang|beginn)\b",
            read_week_part,
        ),
        f"{_PART_WORDS} wochenmitte wochenanfang wochenbeginn",
    ),
    (
        _rule("next_week", rf"(?:über)?{_NEXT}[nr]?\s+woche\b", read_next_week),
        f"{_NEXT_WORDS} uebernaechste uebernaechsten uebernaechster",
    ),
    (
        _rule(
            "end_of_week",
            r"diese[rn]?\s+woche\b|im\s+laufe\s+(?:der|dieser)\s+woche\b|unter\s+der\s+woche\b"
            r"|(?:ende|schluss)\s+der\s+arbeitswoche\b",
            read_end_of_week,
        ),
        "diese dieser diesen im unter ende schluss",
    ),
    (
        _rule(
            "weekend",
            rf"(?:(?P<lead>{_NEXT}[ns]?|diese[ns]?|am|übers|über\s+das)\s+)?wochenende\b",
            read_weekend,
        ),
        f"{_NEXT_WORDS} dieses diesen am uebers ueber wochenende",
    ),
    (
        _rule(
            "next_month",
            rf"(?:{_PART}\s+(?:des\s+)?)?{_NEXT}[nmrs]?\s+monats?\b",
            read_next_month,
        ),
        f"{_PART_WORDS} {_NEXT_WORDS}",
    ),
    (
        _rule(
            "this_month",
            r"(?:ende|schluss|anfang|beginn|mitte)\s+(?:des|dieses|diesen)\s+monats\b"
            r"|monats(?:ende|mitte|anfang|beginn)\b|diese[nm]\s+monat\b"
            r"|im\s+laufe\s+des\s+monats\b|monatsletzte[nm]?\b",
            read_this_month,
        ),
        f"{_PART_WORDS} monatsende monatsmitte monatsanfang monatsbeginn diesen diesem im "
        "monatsletzte monatsletzten monatsletztem",
    ),
    (
        _rule(
            "year",
            rf"{_PART}\s+(?:des\s+)?(?:(?:{_NEXT}|neue|diese)[ns]?\s+)?jahr(?:es|s)?\b"
            r"|jahres(?:ende|anfang|beginn|mitte)\b"
            rf"|{_NEXT}[ns]?\s+jahr\b|neue[nm]?\s+jahr\b",
            read_year,
        ),
        f"{_PART_WORDS} jahresende jahresanfang jahresbeginn jahresmitte {_NEXT_WORDS} neue neuen "
        "neuem",
    ),
    (
        _rule(
            "named_month",
            rf"(?:{_PART}\s+)?(?P<month>{_MONTH_FULL})\b(?!\s*\d)",
            read_named_month,
        ),
        f"{_PART_WORDS} {_FULL_MONTH_WORDS}",
    ),
    (
        _rule(
            "between_the_years",
            r"zwischen\s+den\s+jahren\b|zwischen\s+weihnachten\s+und\s+(?:neujahr|silvester)\b",
            read_between_the_years,
        ),
        "zwischen",
    ),
    (
        _rule(
            "holiday_season",
            r"(?:weihnachts)?(?:feier|fest)tagen?\b|weihnachtsferien\b|weihnachtspause\b",
            read_holiday_season,
        ),
        "feiertage feiertagen festtage festtagen weihnachtsfeiertage weihnachtsfeiertagen "
        "weihnachtsferien weihnachtspause",
    ),
    (
        _rule("turn_of_year", r"jahres(?:wechsel|wende|übergang)\b", read_turn_of_year),
        "jahreswechsel jahreswende jahresuebergang",
    ),
    (
        _rule(
            "few",
            rf"(?P<q>ein\s+paar|paar|einige[n]?|wenige[n]?|mehrere[n]?|{_NEXT}n?)\s+"
            r"(?P<unit>tage[n]?|wochen|monate[n]?|stunden)\b",
            read_few,
        ),
        f"ein paar einige einigen wenige wenigen mehrere mehreren {_NEXT_WORDS}",
    ),
    (
        _rule(
            "count_range",
            rf"(?P<n>{_NUM})\s*(?:-|–|bis|oder|,)\s*(?P<n2>{_NUM})\s+{_UNIT}",
            read_count_range,
        ),
        _NUMBER_WORDS,
    ),
    (
        _rule(
            "count",
            rf"(?P<n>{_NUM})\s+(?:weitere[n]?\s+|volle[n]?\s+|ganze[n]?\s+)?{_UNIT}",
            read_count,
        ),
        _NUMBER_WORDS,
    ),
)


def _by_first_word() -> dict[str, tuple[Rule, ...]]:
    table: dict[str, list[Rule]] = {}
    for rule, words in RULES:
        for word in words.split():
            table.setdefault(word, []).append(rule)
    return {word: tuple(rules) for word, rules in table.items()}


#: The rules worth trying where a word begins, in priority order; "#" stands for any number.
FIRST_WORDS = _by_first_word()
_EITHER = {
    word: re.compile("|".join(f"({unnamed(r.pattern.pattern)})" for r in rules), re.IGNORECASE)
    for word, rules in FIRST_WORDS.items()
}
_TOKEN = re.compile(r"[^\W\d_]+|\d+")


@dataclass(frozen=True, slots=True)
class Found:
    rule: Rule
    match: re.Match[str]
    #: The word just before the phrase, folded, when only spaces stand between them (else "").
    word_before: str


#: Words seen, folded: folding every word anew was a fifth of the time spent reading.
_FOLDED: dict[str, str] = {}


def _folded(word: str) -> str:
    key = _FOLDED.get(word)
    if key is None:
        key = fold(word)
        if len(_FOLDED) < 20_000:
            _FOLDED[word] = key
    return key


def matches(text: str) -> Iterator[Found]:
    """Every German phrase in `text`, left to right, without overlaps: the first rule wins."""
    resume = 0
    before, before_end = "", 0
    for token in _TOKEN.finditer(text):
        start = token.start()
        word = token.group()
        key = "#" if word[0].isdigit() else _folded(word)
        either = _EITHER.get(key) if start >= resume else None
        if either is not None:
            hit = either.match(text, start)
            if hit is not None:
                assert hit.lastindex is not None
                rule = FIRST_WORDS[key][hit.lastindex - 1]
                match = rule.pattern.match(text, start)
                assert match is not None
                spaced = text[before_end:start].isspace()
                word_before = before if spaced else ""
                if (not rule.needs_before or word_before in rule.needs_before) and (
                    word_before not in rule.not_after
                ):
                    resume = match.end()
                    yield Found(rule, match, word_before)
        before, before_end = key, token.end()
