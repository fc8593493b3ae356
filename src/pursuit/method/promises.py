"""The interviewer's words and the moment they were said -> a window of dates (METHOD §5).

Which words make a phrase is in `promise_rules`, what each phrase means in `promise_readers`;
this module weighs the words around each phrase and picks the reading. A preposition just before
a phrase ("by", "no later than", "after", "about") or a few words just after it ("at the
latest", "or so") set its kind; a phrase after "last",
"every" or before "ago" is no promise. The clause before a phrase counts too (METHOD §5.1): an
"after" anywhere in it, or a denied limit ("we won't know until Monday"), makes the phrase the day
to wait for, and a time that only says when someone is away ("I'm out on the 24th") gives way to
the promised one. Of the times left the latest wins, so a follow-up never comes before the company
has had all the time it asked for; two times joined by "or", "to" or a dash make one window. Words
that name no time give the default wait, flagged as `defaulted`, and the words that sounded like a
time but were not understood are named.

Rules never read the clock: D is the date `said_at` falls on in the company's zone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import NamedTuple

from pursuit.method import promise_de
from pursuit.method.calendar import BusinessCalendar, CalendarError
from pursuit.method.ladder import follow_up_day
from pursuit.method.language import check_language, detect
from pursuit.method.locales import day_first, order_is_certain
from pursuit.method.playbook import DEFAULT_PLAYBOOK, Playbook
from pursuit.method.promise_readers import Context, Reading, day_label, span_label
from pursuit.method.promise_rules import scan
from pursuit.method.vocab import PromiseKind, Window

MAX_TEXT_CHARS = 2000

#: With no recognisable promise the seeker waits the playbook's default, counted from D; "after X"
#: waits as long after X.
DEFAULT_WAIT_BUSINESS_DAYS = DEFAULT_PLAYBOOK.default_wait_business_days


class PromiseTextError(ValueError):
    """The text is too long to be one promise; the message gives the limit and the length."""


@dataclass(frozen=True, slots=True)
class Promise:
    """What the company said it would do by when, read as a window of company-local dates."""

    earliest: date
    latest: date
    kind: PromiseKind
    confidence: float
    matched: str
    explanation: str
    alternatives: tuple[tuple[date, date], ...] = ()
    #: No time was understood: the window is the default wait (kind `around`, confidence ≤ 0.3),
    #: which the seeker sees and may change before anything is planned (METHOD §5.2).
    defaulted: bool = False
    #: Words that look like a time but name none Pursuit knows ("after the offsite"), as said.
    unknown: tuple[str, ...] = ()
    #: The language the words were read in: "en" or "de".
    lang: str = "en"

    @property
    def ambiguous(self) -> bool:
        """Another reading is plausible: the seeker confirms before anything is planned."""
        return bool(self.alternatives)


def read_promise(
    text: str,
    said_at: datetime,
    calendar: BusinessCalendar,
    *,
    locale: str = "en_US",
    lang: str | None = None,
) -> Promise:
    """Read the window out of `text`, said at `said_at`.

    `said_at` may be aware (it is converted to the calendar's zone) or naive (taken as
    company-local). `locale` decides how 12/3 reads: month first for en_US, day first otherwise.
    `lang` ("en" or "de") says which language the words are in; None tells from the words.
    Any text reads to some window; only text over 2,000 characters raises PromiseTextError.
    """
    if len(text) > MAX_TEXT_CHARS:
        raise PromiseTextError(
            f"a promise may be at most {MAX_TEXT_CHARS:,} characters; this one has {len(text):,}"
        )
    moment = calendar.localize(said_at)
    today = moment.date()
    label = day_label(today, today)
    ctx = Context(moment, today, calendar, day_first(locale), label, order_is_certain(locale))
    language = detect(text) if lang is None else check_language(lang)
    away: list[_Candidate] = []
    if language == "de":
        german = promise_de.candidates(text, ctx)
        found = [_Candidate(p.start, p.end, p.core_start, p.reading) for p in german]
        unknown = promise_de.unknown(text, german)
    else:
        found, away, events = _candidates(text, ctx)
        unknown = _unknown(text, found + away) if events else ()
    if not found:
        return replace(_default(ctx, unknown), lang=language)
    best = max(found, key=lambda c: (c.reading.latest, c.reading.confidence))
    r = best.reading
    if r.earliest < today:
        # A window reaching back before the words were said starts the day they were.
        r = Reading(today, max(r.latest, today), r.kind, r.confidence, r.says, r.alternatives)
    matched = text[best.start : best.end]
    explanation = f"'{' '.join(matched.split())}' → {r.says}: {_span(r.earliest, r.latest, ctx)}"
    if r.alternatives:
        others = ", ".join(_span(a, b, ctx) for a, b in r.alternatives)
        explanation += f"; it may also mean {others}"
    if len(found) > 1:
        explanation += f" (the latest of {len(found)} times named)"
    if away:
        said_away = tuple(" ".join(text[c.start : c.end].split()) for c in away)
        explanation += f" ({_quoted(said_away)}: when someone is away, not the promise)"
    if unknown:
        explanation += f"; not read as a time: {_quoted(unknown)}"
    # Rounded so that 0.7 - 0.1 reads 0.6, in JSON as on screen.
    confidence = round(min(max(r.confidence, 0.0), 1.0), 2)
    return Promise(
        r.earliest,
        r.latest,
        r.kind,
        confidence,
        matched,
        explanation,
        r.alternatives,
        unknown=unknown,
        lang=language,
    )


def follow_up_at(
    promise: Promise, calendar: BusinessCalendar, playbook: Playbook = DEFAULT_PLAYBOOK
) -> datetime:
    """When to call if the promise is missed (METHOD §4 step 4), aware in the company's zone."""
    day = follow_up_day(promise.latest, calendar, playbook)
    return calendar.at(day, playbook.window(Window.MORNING).call_at)


def _span(earliest: date, latest: date, ctx: Context) -> str:
    return span_label(earliest, latest, ctx.today)


def _default(ctx: Context, unknown: tuple[str, ...]) -> Promise:
    latest = ctx.calendar.add_business_days(ctx.today, DEFAULT_WAIT_BUSINESS_DAYS)
    not_read = f" ({_quoted(unknown)} names no day Pursuit knows)" if unknown else ""
    explanation = (
        f"no day or date in the words{not_read}, so the default wait of "
        f"{DEFAULT_WAIT_BUSINESS_DAYS} business days after {ctx.today_label}: "
        f"{_span(ctx.today, latest, ctx)}"
    )
    return Promise(
        ctx.today, latest, PromiseKind.AROUND, 0.2, "", explanation, defaulted=True, unknown=unknown
    )


def _quoted(words: tuple[str, ...]) -> str:
    return ", ".join(f"'{w}'" for w in words)


#: Words that tie the answer to an event rather than a day: "after the offsite", "once legal signs
#: off". With no time phrase among them, the explanation names them as not understood. A "when"
#: that asks ("when is a good time") ties nothing.
_EVENT_WORDS = re.compile(
    r"\b(?:after|once|when(?!\s+(?:is|are|was|would|will|do|does|did|can|could|should)\b)"
    r"|until|till|before|following|pending|as\s+soon\s+as)\s+[a-z'’]+(?:[ \t]+[a-z'’]+){0,4}",
    re.IGNORECASE,
)
#: Words that never end a named event: "once legal signs off on the" is named without "on the".
_LOOSE_ENDS = frozenset(
    {"the", "a", "an", "on", "of", "in", "at", "for", "to", "with", "and", "or", "but", "by",
     "our", "your", "their", "my", "we", "i", "you", "then", "so", "is", "are", "be", "will"}
)  # fmt: skip


_NEW_CLAUSE = frozenset(
    {"we", "i", "you", "they", "we'll", "i'll", "you'll", "they'll", "we're", "then", "so"}
)


#: The first words of `_EVENT_WORDS`: a text with none of them names no event.
_EVENT_STARTS = frozenset(
    {"after", "once", "when", "until", "till", "before", "following", "pending", "as"}
)


def _unknown(text: str, found: list[_Candidate]) -> tuple[str, ...]:
    out: list[str] = []
    for m in _EVENT_WORDS.finditer(text):
        start, end = m.span()
        if any(c.start < end and start < c.end for c in found):
            continue
        words = m.group().split()
        # A new subject after the event starts the main clause: "once the board has met we'll…".
        for i in range(2, len(words)):
            if words[i].lower().replace("’", "'") in _NEW_CLAUSE:
                del words[i:]
                break
        while len(words) > 2 and words[-1].lower() in _LOOSE_ENDS:
            words.pop()
        if words[-1].lower() not in _LOOSE_ENDS:
            out.append(" ".join(words))
    return tuple(out)


class _Candidate(NamedTuple):
    start: int
    end: int
    #: Where the phrase itself begins, after any preposition folded into it.
    core_start: int
    reading: Reading
    #: The time says when someone is away ("I'm out on the 24th"), not when the answer comes.
    away: bool = False


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_BY_WORDS = frozenset(
    {"by", "before", "until", "till", "til", "no later than", "not later than", "on or before",
     "latest by"}
)  # fmt: skip
_AROUND_WORDS = frozenset({"around", "about", "approximately", "roughly", "circa"})
#: How far back a preposition is looked for: the longest one with "the end of day" after it.
_LOOK_BACK = 48
_PREFIX = _compile(
    r"(?:\b(?P<prep>no\s+later\s+than|not\s+later\s+than|on\s+or\s+before|latest\s+by|by|before"
    r"|until|till|til|within(?:\s+the\s+next)?|in(?:\s+the\s+next)?|inside(?:\s+of)?"
    r"|over\s+the\s+next|during(?:\s+the\s+next)?|for|on|after|around|about"
    r"|approximately|roughly|circa|sometime|some\s+time)"
    r"(?:\s+(?:the\s+)?(?:end|close)\s+of\s+(?:the\s+)?(?:business\s+)?day|\s+eod|\s+cob)?"
    r"\s+(?:the\s+)?|\bthe\s+)\Z"
)
#: The words a preposition above can end with: behind any other word there is none to look for.
_PREFIX_LAST_WORDS = frozenset({
    "the", "than", "before", "by", "until", "till", "til", "within", "next", "in", "inside", "of",
    "during", "for", "on", "after", "around", "about", "approximately", "roughly", "circa",
    "sometime", "time", "day", "eod", "cob",
})  # fmt: skip
#: A time that is no promise: "last Friday", "every Monday", "once a week", "two weeks ago".
_NOT_A_PROMISE_BEFORE = frozenset(
    {"last", "past", "previous", "every", "each", "once", "twice", "per"}
)
_NOT_A_PROMISE_AFTER = _compile(r"\s+ago\b")
_DEADLINE_AFTER = _compile(r"\s*,?\s*(?:at\s+the\s+(?:very\s+)?latest|latest|tops|max(?:imum)?)\b")
_VAGUE_AFTER = _compile(r"\s*,?\s*or\s+(?:so|thereabouts)\b|-?ish\b")
_JOINED = _compile(
    r"\s*,?\s*(?:(?:or|to|through|thru|and|until|till)\b|[-–—])\s*,?\s*"
    r"(?:(?:maybe|possibly|perhaps|probably)\s+)?(?:(?:by|on)\s+)?(?:the\s+)?"
    r"|\s*,?\s*(?:or\s+)?(?:maybe|possibly|perhaps|probably)\s+(?:(?:by|on)\s+)?(?:the\s+)?"
)


#: The words that make the clause before a phrase worth reading: "after", a negation ("t" is the
#: end of "won't"), an absence. Most sentences have none of them and skip that reading.
_CLAUSE_HINTS = frozenset(
    {"after", "not", "no", "nothing", "never", "nobody", "none", "cannot", "t", "out", "off",
     "away", "vacation", "vacationing", "holiday", "holidays", "leave", "ooo", "pto", "traveling",
     "travelling", "abroad", "unavailable", "closed", "sick", "conference", "offsite"}
)  # fmt: skip
#: What ends a clause: the words before it say nothing about a phrase after it.
_CLAUSE_BREAK = _compile(r"[.;!?,:\n—–]|\b(?:but|though|although|however|and\s+then)\b")
_GOVERNING_AFTER = _compile(r"\bafter\b")
_NEGATION = _compile(r"\b(?:not|no|nothing|never|nobody|none|cannot)\b|n['’]t\b")
#: Being away: "I'm out on the 24th", "off until Monday", "on vacation next week". "Out", "off"
#: and "away" say so only after a form of "be" ("offers go out early in the new year" does not)
#: or just before "until", "on" or "from" ("off until Monday").
_ABSENCE = _compile(
    r"\b(?:out\s+of\s+(?:the\s+)?office|ooo|pto|on\s+(?:vacation|holidays?|leave|annual\s+leave"
    r"|parental\s+leave|a\s+trip|the\s+road)|vacation(?:ing)?|travell?ing|abroad|unavailable"
    r"|closed|sick|at\s+a\s+conference|offsite"
    r"|(?:i['’]?m|i\s+am|he['’]s|she['’]s|they['’]re|we['’]re|you['’]re|is|are|was|were|be|been)"
    r"\s+(?:\w+\s+)?(?:out|off|away))\b"
)
_AWAY_UNTIL = _compile(r"\b(?:out|off|away)\s*\Z")
_AWAY_PREPS = frozenset({"until", "till", "til", "on", "from", "for"})
_ABSENCE_AFTER = _compile(r"\s+(?:off|out)\b")
_WATCHED = _CLAUSE_HINTS | _EVENT_STARTS
#: Prepositions that make a phrase its own deadline, whatever "after" came before it.
_OWN_DEADLINE = _BY_WORDS | {"within", "in", "within the next", "in the next"}
_LIMITS = frozenset({"before", "until", "till", "til"})


def _clause_before(text: str, start: int, end: int) -> str:
    """The words from the last clause break (or `start`) up to `end`."""
    clause_start = start
    for m in _CLAUSE_BREAK.finditer(text, start, end):
        clause_start = m.end()
    return text[clause_start:end]


def _candidates(text: str, ctx: Context) -> tuple[list[_Candidate], list[_Candidate], bool]:
    """Every time named, weighed; the ones only saying when someone is away; and whether the
    text has words that may tie it to an event."""
    found: list[_Candidate] = []
    phrases, seen = scan(text, _WATCHED)
    hints = not seen.isdisjoint(_CLAUSE_HINTS)
    for phrase in phrases:
        start, end = phrase.match.span()
        if phrase.word_before in _NOT_A_PROMISE_BEFORE or _NOT_A_PROMISE_AFTER.match(text, end):
            continue
        try:
            reading = phrase.rule.read(phrase.match, ctx)
        except (ValueError, OverflowError, CalendarError):
            # A date beyond what the calendar can count is no reading, never an error.
            continue
        if reading is None:
            continue
        prefix = None
        if phrase.word_before in _PREFIX_LAST_WORDS:
            prefix = _PREFIX.search(text, max(0, start - _LOOK_BACK), start)
        candidate = _weighed(text, prefix, start, end, reading, ctx)
        if hints:
            candidate = _in_its_clause(text, candidate, found[-1].end if found else 0, ctx)
        if found and _joinable(text, found[-1], candidate):
            candidate = _joined(found.pop(), candidate)
        while found and candidate.start <= found[-1].start:
            # Its preposition took in the phrase before ("by end of day tomorrow"): one phrase.
            found.pop()
        found.append(candidate)
    events = not seen.isdisjoint(_EVENT_STARTS)
    away = [c for c in found if c.away]
    if not away:
        return found, [], events
    promised = [c for c in found if not c.away]
    if promised:
        return promised, away, events
    # Only an absence was named: nothing comes back before the person does.
    after = [_Candidate(c.start, c.end, c.core_start, _after(c.reading, ctx)) for c in away]
    return after, [], events


def _in_its_clause(text: str, c: _Candidate, clause_start: int, ctx: Context) -> _Candidate:
    """The candidate read with the words of its clause before it (METHOD §5.1).

    "After" anywhere before it ("after our board meets Tuesday") makes it the day to wait for, as
    does a limit that is negated ("we won't decide until Monday"); an absence ("I'm out on the
    24th") marks it as no promise.
    """
    r = c.reading
    if r.kind is PromiseKind.AFTER:
        return c
    clause = _clause_before(text, clause_start, c.start)
    words = text[c.start : c.core_start].lower().split()
    prep = " ".join(words[:-1] if words and words[-1] == "the" else words)
    if (_GOVERNING_AFTER.search(clause) and prep not in _OWN_DEADLINE) or (
        prep in _LIMITS and _NEGATION.search(clause)
    ):
        return _Candidate(c.start, c.end, c.core_start, _after(r, ctx))
    if (
        _ABSENCE.search(clause)
        or (prep in _AWAY_PREPS and _AWAY_UNTIL.search(clause))
        or _ABSENCE_AFTER.match(text, c.end)
    ):
        return _Candidate(c.start, c.end, c.core_start, r, away=True)
    return c


def _weighed(
    text: str, prefix: re.Match[str] | None, start: int, end: int, r: Reading, ctx: Context
) -> _Candidate:
    """The reading with the words around it taken into account."""
    phrase_start = prefix.start() if prefix else start
    prep = " ".join((prefix.group("prep") or "").lower().split()) if prefix else ""
    if prep == "after":
        return _Candidate(phrase_start, end, start, _after(r, ctx))
    if prep in _BY_WORDS and r.before is not None:
        # "Before the holidays": by the last day before they start.
        reading = Reading(r.before, r.before, PromiseKind.BY, r.confidence, f"before {r.says}")
        return _Candidate(phrase_start, end, start, reading)
    kind, confidence = r.kind, r.confidence
    if prep in _BY_WORDS or _DEADLINE_AFTER.match(text, end):
        kind = PromiseKind.BY
    elif prep == "on" and r.earliest == r.latest:
        kind = PromiseKind.ON
    if prep in _AROUND_WORDS or _VAGUE_AFTER.match(text, end):
        kind, confidence = PromiseKind.AROUND, min(confidence - 0.1, 0.6)
    if kind is not r.kind or confidence != r.confidence:
        r = Reading(r.earliest, r.latest, kind, confidence, r.says, r.alternatives)
    return _Candidate(phrase_start, end, start, r)


def _after(r: Reading, ctx: Context) -> Reading:
    # From the day after X until the default wait after X has passed.
    earliest = r.latest + timedelta(days=1)
    latest = ctx.calendar.add_business_days(r.latest, DEFAULT_WAIT_BUSINESS_DAYS)
    says = (
        f"after {_span(r.earliest, r.latest, ctx)}, so from the next day to "
        f"{DEFAULT_WAIT_BUSINESS_DAYS} business days later"
    )
    return Reading(earliest, latest, PromiseKind.AFTER, min(r.confidence, 0.55), says)


def _joinable(text: str, a: _Candidate, b: _Candidate) -> bool:
    if PromiseKind.AFTER in (a.reading.kind, b.reading.kind):
        return False
    return _JOINED.fullmatch(text, a.end, b.core_start) is not None


def _joined(a: _Candidate, b: _Candidate) -> _Candidate:
    ra, rb = a.reading, b.reading
    reading = Reading(
        min(ra.earliest, rb.earliest),
        max(ra.latest, rb.latest),
        PromiseKind.WINDOW,
        min(ra.confidence, rb.confidence),
        "any of the times named",
        ra.alternatives + rb.alternatives,
    )
    return _Candidate(a.start, b.end, a.core_start, reading)
