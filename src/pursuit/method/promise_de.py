"""Promises said in German: the phrases found and weighed, for `promises.read_promise`.

The rules are METHOD §5 and §5.1 with German words: "bis Mittwoch", "Ende nächster Woche",
"innerhalb von zehn Werktagen", "nach Ostern", "zwischen den Jahren", "KW 50". The words around a
phrase set its kind as in English: "bis", "spätestens" or "vor" make a deadline; "nach", "nicht
vor", "frühestens" or "erst" the `after` rule; "gegen", "etwa" or "oder so" a vague time. A time
someone is away ("ich bin ab Montag im Urlaub") gives way to the time promised. A phrase after
"letzte", "jede" or "seit", or a count after "vor" ("vor zwei Wochen" is two weeks ago), is no
promise.

The window, the `Promise` and the explanation are built by `promises`, the same for either
language; only the phrases and their weights come from here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from pursuit.method.calendar import CalendarError
from pursuit.method.playbook import DEFAULT_PLAYBOOK
from pursuit.method.promise_de_readers import fold
from pursuit.method.promise_de_rules import Found, either_spelling, matches
from pursuit.method.promise_readers import Context, Reading, span_label
from pursuit.method.vocab import PromiseKind

_WAIT = DEFAULT_PLAYBOOK.default_wait_business_days


@dataclass(frozen=True, slots=True)
class Phrase:
    """A German phrase, weighed: where it stands in the text and the window it gives."""

    start: int
    end: int
    #: Where the phrase itself begins, after any preposition in front of it.
    core_start: int
    reading: Reading


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(either_spelling(pattern), re.IGNORECASE)


_LOOK_BACK = 60
_ARTICLE = r"(?:dem|den|der|des|die|das|zum|zur|am|einer|einem|eines|nächsten|kommenden|von)"
_PREFIX = _compile(
    r"(?:\b(?P<prep>bis\s+spätestens|bis\s+allerspätestens|spätestens\s+bis|allerspätestens"
    r"|spätestens|bis|noch\s+vor|nicht\s+vor|nicht\s+bevor|keinesfalls\s+vor|nicht\s+früher\s+als"
    r"|frühestens|erst\s+nach|erst\s+ab|erst|vor|nach|gegen|etwa|ungefähr|circa|ca\.|so\s+um|um"
    r"|am|an|innerhalb|binnen|in|im|zum|zur|ab|vom|seit|letzte[nmrs]?|vorige[nmrs]?"
    r"|vergangene[nmrs]?|jede[nmrs]?)"
    rf"(?:\s+{_ARTICLE})*\s+|\b(?:dem|den|der|am|zum|zur)\s+)\Z"
)
#: "nach der Sitzung am Dienstag": after an event on a day is after that day (METHOD §5.1).
_AFTER_EVENT = _compile(
    r"\bnach\s+(?:de[mnr]|unsere[mnr]?|eine[mr]?|ihre[mnr]?)\s+[\w-]+"
    r"(?:\s+(?:mit|des|der|dem|vom)\s+(?:de[mnr]\s+)?[\w-]+)?"
    r"\s+(?:(?:am|vom|im|in\s+der)\s+)?\Z"
)
#: "nach dem Gespräch heute" is about the talk, not a day after today.
_SAME_DAY = frozenset({"today", "tomorrow", "day_after_tomorrow"})
_BY = frozenset({"bis", "bis spaetestens", "bis allerspaetestens", "spaetestens bis",
                 "allerspaetestens", "spaetestens", "noch vor", "vor", "zum", "zur"})  # fmt: skip
_AFTER = frozenset({"nach", "nicht vor", "nicht bevor", "keinesfalls vor", "nicht frueher als",
                    "fruehestens", "erst nach", "erst ab", "erst"})  # fmt: skip
_AROUND = frozenset({"gegen", "etwa", "ungefaehr", "circa", "ca.", "so um", "um"})
_NO_PROMISE = re.compile(r"seit|letzte|vorige|vergangene|jede")
#: Counts after "vor" lie in the past: "vor zwei Wochen".
_COUNTS = frozenset({"count", "count_range", "few"})
#: Stretches of days whose "vor" is the day before they begin (METHOD §5.1: "before the holidays").
_PERIODS = frozenset({"holiday_season", "turn_of_year", "between_the_years"})
_DEADLINE_AFTER = _compile(r"\s*,?\s*(?:aller)?spätestens\b|\s*,?\s*am\s+spätesten\b")
_VAGUE_AFTER = _compile(r"\s*,?\s*(?:oder\s+so|(?:he)?rum|ungefähr|circa|etwa)\b")
_JOINED = _compile(
    r"\s*,?\s*(?:oder|bis|und|[-–—/])\s*,?\s*(?:(?:vielleicht|eventuell|spätestens)\s+)?"
    r"(?:(?:am|zum|dem|den)\s+)?"
)
#: Words saying someone is away: their time is no promise when another time is named.
_AWAY = _compile(
    r"urlaub|abwesend|verreist|unterwegs|dienstreise|geschäftsreise|nicht\s+(?:im\s+büro|da"
    r"|erreichbar|im\s+haus)|außer\s+haus|krank|elternzeit|frei\b|auf\s+reisen|weg\b"
)
_CLAUSE_END = re.compile(r"[.;!?]|,\s*(?:aber|doch|und)\b|\baber\b")


def candidates(text: str, ctx: Context) -> list[Phrase]:
    """The times named in German `text`, weighed, left to right; a time away gives way."""
    found: list[Phrase] = []
    for hit in matches(text):
        phrase = _phrase(text, hit, ctx)
        if phrase is None:
            continue
        if found and _joinable(text, found[-1], phrase):
            phrase = _joined(found.pop(), phrase)
        while found and phrase.start <= found[-1].start:
            found.pop()
        found.append(phrase)
    if len(found) < 2:
        return found
    away = [_said_away(text, p) for p in found]
    if any(away) and not all(away):
        return [p for p, a in zip(found, away, strict=True) if not a]
    return found


def _phrase(text: str, hit: Found, ctx: Context) -> Phrase | None:
    start, end = hit.match.span()
    if _NO_PROMISE.match(hit.word_before):
        return None
    try:
        reading = hit.rule.read(hit.match, ctx)
    except (ValueError, OverflowError, CalendarError):
        # A date beyond what the calendar can count is no reading, never an error.
        return None
    if reading is None:
        return None
    window = text[max(0, start - _LOOK_BACK) : start]
    event = None
    if "nach" in window.lower() and hit.rule.name not in _SAME_DAY:
        event = _AFTER_EVENT.search(window)
    if event is not None:
        return Phrase(start - len(window) + event.start(), end, start, _after(reading, ctx))
    prefix = _PREFIX.search(window) if hit.word_before else None
    prep = fold(prefix.group("prep") or "") if prefix else ""
    phrase_start = start - len(window) + prefix.start() if prefix else start
    if _NO_PROMISE.match(prep) or (prep == "vor" and hit.rule.name in _COUNTS):
        return None
    if prep in _AFTER or reading.kind == PromiseKind.AFTER:
        return Phrase(phrase_start, end, start, _after(reading, ctx))
    kind, confidence = reading.kind, reading.confidence
    earliest, latest = reading.earliest, reading.latest
    if prep in _BY or _DEADLINE_AFTER.match(text, end):
        kind = PromiseKind.BY
        if prep in ("vor", "noch vor") and hit.rule.name in _PERIODS:
            # Before the holidays is by the day before they begin.
            earliest, latest = ctx.today, max(earliest - timedelta(days=1), ctx.today)
    elif prep in ("am", "an") and earliest == latest:
        kind = PromiseKind.ON
    if prep in _AROUND or _VAGUE_AFTER.match(text, end):
        kind, confidence = PromiseKind.AROUND, min(confidence - 0.1, 0.6)
    weighed = Reading(earliest, latest, kind, confidence, reading.says, reading.alternatives)
    return Phrase(phrase_start, end, start, weighed)


def _after(r: Reading, ctx: Context) -> Reading:
    # The same rule as in English: from the day after X to the default wait after X.
    earliest = r.latest + timedelta(days=1)
    latest = ctx.calendar.add_business_days(r.latest, _WAIT)
    says = (
        f"after {span_label(r.earliest, r.latest, ctx.today)}, so from the next day to "
        f"{_WAIT} business days later"
    )
    return Reading(earliest, latest, PromiseKind.AFTER, min(r.confidence, 0.55), says)


def _said_away(text: str, phrase: Phrase) -> bool:
    begin = max((m.end() for m in _CLAUSE_END.finditer(text, 0, phrase.start)), default=0)
    stop = _CLAUSE_END.search(text, phrase.end)
    clause = text[begin : stop.start() if stop else len(text)]
    return _AWAY.search(clause) is not None


def _joinable(text: str, a: Phrase, b: Phrase) -> bool:
    if PromiseKind.AFTER in (a.reading.kind, b.reading.kind):
        return False
    return _JOINED.fullmatch(text, a.end, b.core_start) is not None


def _joined(a: Phrase, b: Phrase) -> Phrase:
    ra, rb = a.reading, b.reading
    reading = Reading(
        min(ra.earliest, rb.earliest),
        max(ra.latest, rb.latest),
        PromiseKind.WINDOW,
        min(ra.confidence, rb.confidence),
        "any of the times named",
        ra.alternatives + rb.alternatives,
    )
    return Phrase(a.start, b.end, a.core_start, reading)


#: Words that tie the answer to an event rather than a day: "nach der Messe", "sobald die
#: Freigabe da ist". The event runs to its last noun (German capitalises nouns): "nach der Messe
#: melden wir uns" names "nach der Messe".
_EVENT = _compile(r"\b(?:erst\s+)?(?:nach|sobald|bevor)\s+")
_EVENT_WORD = re.compile(r"\s*([^\W\d_][\w-]*)")
_EVENT_LINKS = frozenset({
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einem", "eines", "unser",
    "unsere", "unserer", "unserem", "unseren", "ihre", "ihrer", "ihrem", "ihren", "vom", "von",
    "mit", "zur", "zum", "im", "am", "beim", "für",
})  # fmt: skip


def unknown(text: str, found: Sequence[Phrase]) -> tuple[str, ...]:
    """Event words named in German `text` that no time phrase covers, as said."""
    out: list[str] = []
    for m in _EVENT.finditer(text):
        if any(p.start < m.end() and m.start() < p.end for p in found):
            continue
        end = last_noun = m.end()
        for _ in range(6):
            word = _EVENT_WORD.match(text, end)
            if word is None:
                break
            if word.group(1)[0].isupper():
                last_noun = word.end()
            elif word.group(1).lower() not in _EVENT_LINKS:
                break
            end = word.end()
        if last_noun > m.end() and not any(
            m.start() < p.end and p.start < last_noun for p in found
        ):
            out.append(" ".join(text[m.start() : last_noun].split()))
    return tuple(out)
