"""The words to say for every step (talk tracks), honest about what is recorded.

Honesty rule (METHOD §4): a script never claims what is not recorded. "<contact> asked me to call
today at <time>" appears only for a call whose basis is AGREED and whose due time is the agreed
time. A callback never makes that claim, even at the agreed time: its time came from a gatekeeper,
and the decision maker's yes covers one call at one time.

Scripts are planned for every step of every campaign, so each one is a handful of plain f-strings,
and dates are spelled out by hand rather than through the locale module (process-wide, different on
every platform) or a formatting library (slow to load and to run).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from pursuit.method.addressing import Addressing, address_for
from pursuit.method.vocab import MONTH_NAMES, WEEKDAY_NAMES, ActionKind, Basis, PromiseKind

#: The words that tell a gatekeeper the decision maker agreed to this call. `claims_permission`
#: looks for them; only an agreed call at its agreed time may contain them.
HONEST_CLAIM = "asked me to call today"
PERMISSION_CLAIMS = (HONEST_CLAIM, "we arranged this call")

#: Locales that read the clock in 12 hours with AM/PM; every other locale gets 24 hours.
_TWELVE_HOUR_LOCALES = frozenset({"en_US", "en-US", "en_us", "en-us"})


@dataclass(frozen=True, slots=True)
class PromiseTerms:
    """What the company's words committed to, as far as a script or a reason may repeat it.

    `defaulted`: no day or date was said, the window is the usual wait; nothing about it may be
    told back to the company as theirs (METHOD §5.2).
    """

    kind: PromiseKind
    earliest: date
    latest: date
    defaulted: bool = False


@dataclass(frozen=True, slots=True)
class ScriptFacts:
    """What is recorded about a campaign, as the scripts may use it."""

    company: str
    seeker: str = ""
    role: str = ""
    contact: str | None = None  # the decision maker, full name as typed
    #: How to greet the decision maker, as chosen; blank: the default for `country`.
    address_as: str = ""
    country: str = "US"  # the company's country, for how a name is addressed
    gatekeeper: str | None = None  # receptionist or assistant, when known
    way_through: str | None = None  # the best way to get through, as the decision maker said it
    phone: str | None = None
    interview_on: date | None = None
    agreed_at: datetime | None = None  # the call time the decision maker agreed to (company zone)
    promise: str | None = None  # the promise as said ("by Wednesday")
    #: What the promise meant; None for steps planned before its meaning was recorded.
    promise_terms: PromiseTerms | None = None
    locale: str = "en_US"
    #: The time a gatekeeper gave for a callback; None means the callback's own due time is it.
    callback_at: datetime | None = None
    #: The planned visit, so the note printed the day before names its day.
    visit_at: datetime | None = None
    #: The seeker's zone: when it differs from the company's, times are also shown in it.
    seeker_zone: tzinfo | None = None


def claims_permission(script: str) -> bool:
    """Whether a script tells someone the decision maker agreed to this call."""
    return any(claim in script for claim in PERMISSION_CLAIMS)


# -- dates and times ---------------------------------------------------------------------------


def _clock(dt: datetime, twelve: bool) -> str:
    hour, minute = dt.hour, dt.minute
    if twelve:
        return f"{hour % 12 or 12}:{minute:02d} {'AM' if hour < 12 else 'PM'}"
    return f"{hour:02d}:{minute:02d}"


def _month_day(day: date, twelve: bool) -> str:
    if twelve:
        return f"{MONTH_NAMES[day.month]} {day.day}"
    return f"{day.day} {MONTH_NAMES[day.month]}"


def _day(day: date, twelve: bool) -> str:
    return f"{WEEKDAY_NAMES[day.weekday()]}, {_month_day(day, twelve)}"


def _when(dt: datetime, twelve: bool) -> str:
    # Spelled out in one f-string: this runs for every planned step.
    hour = dt.hour
    if twelve:
        return (
            f"{WEEKDAY_NAMES[dt.weekday()]}, {MONTH_NAMES[dt.month]} {dt.day} at "
            f"{hour % 12 or 12}:{dt.minute:02d} {'AM' if hour < 12 else 'PM'}"
        )
    day = f"{WEEKDAY_NAMES[dt.weekday()]}, {dt.day} {MONTH_NAMES[dt.month]}"
    return f"{day} at {hour:02d}:{dt.minute:02d}"


def day_label(day: date, locale: str) -> str:
    """A day as said aloud: "Thursday, November 26" (en_US) or "Thursday, 26 November"."""
    return _day(day, locale in _TWELVE_HOUR_LOCALES)


def when_label(dt: datetime, locale: str) -> str:
    """A moment as said aloud, in its own zone: "Wednesday, November 25 at 9:00 AM" (en_US) or
    "Wednesday, 25 November at 09:00" (every other locale)."""
    return _when(dt, locale in _TWELVE_HOUR_LOCALES)


def their_word(terms: PromiseTerms, locale: str) -> str | None:
    """The company's own word, in the terms of its kind: "by Friday, December 11", "after
    Tuesday, December 15", "by the end of Friday, December 11"; None for a default reading,
    which is no word of theirs."""
    if terms.defaulted:
        return None
    twelve = locale in _TWELVE_HOUR_LOCALES
    if terms.kind is PromiseKind.AFTER:
        # The `after` rule starts the window the day after the date they named.
        return f"after {_day(date.fromordinal(terms.earliest.toordinal() - 1), twelve)}"
    if terms.kind is PromiseKind.WINDOW:
        return f"by the end of {_day(terms.latest, twelve)}"
    if terms.kind is PromiseKind.ON:
        return f"on {_day(terms.latest, twelve)}"
    if terms.kind is PromiseKind.AROUND:
        return f"around {_day(terms.latest, twelve)}"
    return f"by {_day(terms.latest, twelve)}"


def _full_date(day: date, twelve: bool) -> str:
    if twelve:
        return f"{MONTH_NAMES[day.month]} {day.day}, {day.year}"
    return f"{day.day} {MONTH_NAMES[day.month]} {day.year}"


def _your_time(dt: datetime, facts: ScriptFacts, twelve: bool) -> str:
    """The seeker's own clock, as in "(10:00 AM your time)", when it reads differently."""
    zone = facts.seeker_zone
    if zone is None or dt.tzinfo is None:
        return ""
    mine = dt.astimezone(zone)
    same_day = mine.date() == dt.date()
    if same_day and mine.hour == dt.hour and mine.minute == dt.minute:
        return ""
    if same_day:
        return f" ({_clock(mine, twelve)} your time)"
    return f" ({_when(mine, twelve)} your time)"


# -- names -------------------------------------------------------------------------------------


def _name(value: str | None) -> str:
    return value.strip() if value else ""


def _contact(facts: ScriptFacts) -> str:
    return _name(facts.contact) or "the hiring manager"


def _company(facts: ScriptFacts) -> str:
    return _name(facts.company) or "the company"


def _role(facts: ScriptFacts) -> str:
    role = _name(facts.role)
    return f"the {role} role" if role else "the position"


def _sign_off(closing: str, seeker: str) -> str:
    return f"{closing},\n{seeker}" if seeker else f"{closing},"


def addressing(facts: ScriptFacts) -> Addressing:
    """How the decision maker is greeted in a call and addressed in a letter."""
    return address_for(facts.contact or "", facts.country, facts.address_as)


def _dear(facts: ScriptFacts) -> str:
    return f"{addressing(facts).salutation or 'Dear Hiring Manager'},"


def _hello_contact(facts: ScriptFacts, seeker: str) -> str:
    """The first words to the decision maker: "Hi Dana, it's Alex Kim"."""
    spoken = addressing(facts).spoken
    hello = f"Hi {spoken}" if spoken else "Hi"
    return f"{hello}, it's {seeker}" if seeker else hello


def _greeting(dt: datetime) -> str:
    if dt.hour < 12:
        return "Good morning"
    return "Good afternoon" if dt.hour < 18 else "Good evening"


# -- calls -------------------------------------------------------------------------------------


def _is_agreed_call(kind: ActionKind, basis: Basis, due: datetime, facts: ScriptFacts) -> bool:
    """The one case where the decision maker's yes covers this very call (the honesty rule)."""
    return kind is ActionKind.CALL and basis is Basis.AGREED and facts.agreed_at == due


def _gatekeeper_line(
    kind: ActionKind, basis: Basis, due: datetime, facts: ScriptFacts, *, agreed: bool
) -> str:
    """The first words to whoever answers; it states only what the basis records."""
    seeker = _name(facts.seeker)
    contact = _contact(facts)
    # The receptionist or assistant, when recorded, is greeted by name: "Hi Maria".
    gatekeeper = _name(facts.gatekeeper)
    hi = f"Hi {gatekeeper}" if gatekeeper else "Hi"
    opening = f"{hi}, this is {seeker}. " if seeker else f"{hi}. "
    if agreed:
        twelve = facts.locale in _TWELVE_HOUR_LOCALES
        named = _name(facts.contact) or "The hiring manager"
        return (
            f"{opening}{named} {HONEST_CLAIM} at {_clock(due, twelve)} — could you put me through?"
        )
    if basis is Basis.CALLBACK:
        who = "You" if gatekeeper else "Your colleague"
        # A callback moved off the given time must not say it is at that time.
        at_this_time = " at this time" if facts.callback_at in (None, due) else ""
        return (
            f"{opening}{who} suggested I call back{at_this_time} to reach {contact} — "
            "could you put me through?"
        )
    calling = "calling back" if kind is ActionKind.CALLBACK else "calling"
    if seeker:
        return f"{hi}, this is {seeker}, {calling} for {contact} — could you put me through?"
    return f"{hi}, I'm {calling} for {contact} — could you put me through?"


def _call(kind: ActionKind, basis: Basis, due: datetime, facts: ScriptFacts) -> str:
    twelve = facts.locale in _TWELVE_HOUR_LOCALES
    seeker = _name(facts.seeker)
    contact = _contact(facts)
    verb = "Call back" if kind is ActionKind.CALLBACK else "Call"
    agreed = _is_agreed_call(kind, basis, due, facts)
    when = f"{_when(due, twelve)}{_your_time(due, facts, twelve)}"
    lines = [f"{verb} {contact} at {_company(facts)}: {when}."]
    phone = _name(facts.phone)
    if phone:
        lines.append(f"Phone: {phone}")
    way = _name(facts.way_through)
    if way:
        lines.append(f"Best way through: {way}")
    promise = _name(facts.promise)
    if basis is Basis.MISSED_PROMISE and promise:
        lines.append(f"They said: “{promise}”")
    if basis is Basis.AGREED and not agreed:
        lines.append("This is not the time you agreed on, so keep the opening plain.")

    about = "we arranged this call when we met" if agreed else "we met recently"
    thanks = "thank you for making time for this call" if agreed else "thank you for taking my call"
    met = f" on {_month_day(facts.interview_on, twelve)}" if facts.interview_on else ""
    follow_up = _follow_up_words(basis, facts)
    lines += [
        "",
        "When someone answers:",
        f"“{_gatekeeper_line(kind, basis, due, facts, agreed=agreed)}”",
        "If they ask what it is about:",
        f"“It's a personal matter — {about}.”",
        "",
        f"If {contact} is not available, never leave a message, with them or on voicemail. Ask:",
        "“I'd rather not leave a message. When would be a good time to call back and catch "
        f"{contact}?”",
        "Note the time they give: the callback goes in at exactly that time.",
        "",
        f"When {contact} comes on the line:",
        f"“{_hello_contact(facts, seeker)} — {thanks}. We met{met} about {_role(facts)}, and "
        f"{follow_up}. Where do things stand?”",
    ]
    return "\n".join(lines)


def _follow_up_words(basis: Basis, facts: ScriptFacts) -> str:
    """Why the seeker calls, claiming no more of the company's word than was recorded: a
    default reading (no date said) is a check-in, never "the timeline you mentioned"."""
    checking_in = "I'm checking in, as I'm still very interested"
    if basis is Basis.NO_PROMISE:
        return checking_in
    if basis is not Basis.MISSED_PROMISE:
        return "I'm still very interested"
    terms = facts.promise_terms
    if terms is None:
        return "I'm following up on the timeline you mentioned"
    word = their_word(terms, facts.locale)
    if word is None:
        return checking_in
    if terms.kind is PromiseKind.AFTER:
        return f"you mentioned things would move {word}, so I'm checking in"
    return f"I'm following up, as you mentioned hearing back {word}"


def best_way_through_question(facts: ScriptFacts) -> str:
    """What to ask once the decision maker agrees to a call: how to get past the front desk."""
    gatekeeper = _name(facts.gatekeeper)
    through = f"through {gatekeeper}" if gatekeeper else "through your assistant"
    return (
        "One more thing, so I don't miss you: what's the best way to reach you when I call — "
        f"your direct line, {through}, or another way?"
    )


def closing_ask(options: tuple[datetime, datetime], alternate_day: date, facts: ScriptFacts) -> str:
    """What to say before the interview ends: thanks, hard to reach, may I call at one of two
    times (and, if they agree, how best to get through)."""
    twelve = facts.locale in _TWELVE_HOUR_LOCALES
    first, second = options
    lines = [
        "Before the interview ends:",
        "“Thank you so much for your time today — I've really enjoyed learning about "
        f"{_role(facts)}. I can be hard to reach during the day, so may I give you a call rather "
        f"than wait for yours? Would {_pair(first, second, twelve)} suit you better? "
        f"If {WEEKDAY_NAMES[first.weekday()]} is full, {_day(alternate_day, twelve)} works for me "
        "too.”",
    ]
    zone = facts.seeker_zone
    if zone is not None and first.tzinfo is not None and second.tzinfo is not None:
        mine = (first.astimezone(zone), second.astimezone(zone))
        if (mine[0].hour, mine[0].minute) != (first.hour, first.minute):
            lines.append(f"In your time: {_pair(mine[0], mine[1], twelve)}.")
    lines += [
        "",
        "If they agree, also ask:",
        f"“{best_way_through_question(facts)}”",
        "",
        "Write down the time they chose and the way through: the call is planned for exactly then.",
    ]
    return "\n".join(lines)


def _pair(first: datetime, second: datetime, twelve: bool) -> str:
    """Two options; on the same day the day is said once ("… at 9:00 AM or 5:30 PM")."""
    if first.date() == second.date():
        return f"{_when(first, twelve)} or {_clock(second, twelve)}"
    return f"{_when(first, twelve)} or {_when(second, twelve)}"


# -- visits and the note -----------------------------------------------------------------------


def _visit(kind: ActionKind, basis: Basis, due: datetime, facts: ScriptFacts) -> str:
    twelve = facts.locale in _TWELVE_HOUR_LOCALES
    seeker = _name(facts.seeker)
    contact = _contact(facts)
    im = f", I'm {seeker}" if seeker else ""
    return "\n".join(
        [
            f"Visit {_company(facts)} in person: {_when(due, twelve)}"
            f"{_your_time(due, facts, twelve)}. Ask for {contact}.",
            "Bring:",
            "- yourself, in your interview clothes",
            "- the printed note, with your résumé attached",
            "- two or three copies of your résumé",
            "",
            "At reception:",
            f"“{_greeting(due)}{im}. Would you let {contact} know I'm here? I only need a minute.”",
            "If they ask what it is about:",
            "“It's a personal matter — we met recently.”",
            "",
            f"If {contact} comes out:",
            f"“Thank you for seeing me — I'll be quick. I'm still very keen on {_role(facts)}. "
            "Where do things stand?”",
            "",
            f"If {contact} is not available:",
            "Leave the note with your résumé attached, thank the receptionist warmly, and go. "
            "There is no need to wait.",
        ]
    )


def _note(facts: ScriptFacts, day: date | None) -> str:
    twelve = facts.locale in _TWELVE_HOUR_LOCALES
    met = f" on {_month_day(facts.interview_on, twelve)}" if facts.interview_on else ""
    company = _name(facts.company)
    join = f"join {company}" if company else "join your team"
    lines = [_full_date(day, twelve), ""] if day else []
    lines += [
        _dear(facts),
        "",
        f"I stopped by today hoping for a quick word about {_role(facts)}, and I'm sorry to have "
        "missed you.",
        "",
        f"I enjoyed our conversation{met} and I'm still very keen to {join}. My résumé is "
        "attached, with my contact details. I'd be glad to talk whenever it suits you.",
        "",
        _sign_off("Warm regards", _name(facts.seeker)),
    ]
    return "\n".join(lines)


def note_text(facts: ScriptFacts, *, today: date) -> str:
    """The leave-behind note, dated `today`, left at reception with the résumé attached."""
    return _note(facts, today)


def _leave_note(kind: ActionKind, basis: Basis, due: datetime, facts: ScriptFacts) -> str:
    twelve = facts.locale in _TWELVE_HOUR_LOCALES
    visit = facts.visit_at
    when = f" on {_when(visit, twelve)}" if visit else ""
    return "\n".join(
        [
            f"Print the note and your résumé as one PDF (the note first, then the résumé) for your "
            f"visit to {_company(facts)}{when}.",
            "- Read the note once more; sign it by hand if you like.",
            "- Put it with your résumé copies, ready to take along.",
            "",
            "The note reads:",
            "",
            _note(facts, visit.date() if visit else None),
        ]
    )


# -- emails and decisions ----------------------------------------------------------------------


def _thank_you(kind: ActionKind, basis: Basis, due: datetime, facts: ScriptFacts) -> str:
    twelve = facts.locale in _TWELVE_HOUR_LOCALES
    role = _name(facts.role)
    met = f" on {_month_day(facts.interview_on, twelve)}" if facts.interview_on else ""
    company = _name(facts.company)
    team = f"the team at {company}" if company else "the team"
    contact = _name(facts.contact)
    lines = [
        f"Send this thank-you email: {_when(due, twelve)}{_your_time(due, facts, twelve)}.",
        "Tip: add one sentence about something you talked about; it shows you listened.",
        "",
    ]
    if contact:
        lines.append(f"To: {contact}")
    lines += [
        f"Subject: Thank you — {role} interview"
        if role
        else "Subject: Thank you for the interview",
        "",
        _dear(facts),
        "",
        f"Thank you for meeting with me{met} about {_role(facts)}. I enjoyed hearing about {team}, "
        "and our conversation made me even more keen to join.",
        "",
        "If anything else would help, I'll gladly send it.",
        "",
        _sign_off("Best regards", _name(facts.seeker)),
    ]
    return "\n".join(lines)


def _written_offer(kind: ActionKind, basis: Basis, due: datetime, facts: ScriptFacts) -> str:
    twelve = facts.locale in _TWELVE_HOUR_LOCALES
    seeker = _name(facts.seeker)
    role = _name(facts.role)
    return "\n".join(
        [
            f"Ask {_contact(facts)} for the offer in writing: {_when(due, twelve)}"
            f"{_your_time(due, facts, twelve)}.",
            "",
            "By email:",
            f"Subject: {role} offer in writing" if role else "Subject: The offer in writing",
            "",
            _dear(facts),
            "",
            f"Thank you again for the offer for {_role(facts)} — I really appreciate it. Could you "
            "send it to me in writing, with the start date, salary and main terms? Then I can give "
            "you a proper answer quickly.",
            "",
            _sign_off("Best regards", seeker),
            "",
            "Or by phone:",
            f"“{_hello_contact(facts, seeker)}. Thank you again for the offer — could you send it "
            "over in writing, so I can give you a proper answer?”",
            "",
            "Keep your other campaigns going until you hold an offer you want, in writing.",
        ]
    )


def _close_out(kind: ActionKind, basis: Basis, due: datetime, facts: ScriptFacts) -> str:
    company = _company(facts)
    role = _role(facts)
    if basis is Basis.UNWANTED_OFFER:
        return "\n".join(
            [
                f"You hold a written offer for {role} at {company} that you do not plan to accept.",
                "1. If one change would make it right (salary, start date, scope), ask for it "
                "once, politely.",
                "2. Otherwise decline kindly, in writing: a warm no keeps the door open.",
                "3. Confirm it here, and write down what you learned from this one.",
            ]
        )
    if basis is Basis.ATTEMPTS_EXHAUSTED:
        reason = f"Your calls have not reached {_contact(facts)}"
    elif basis is Basis.NOTE_LEFT:
        reason = "You visited and left your note"
    else:
        reason = "You have followed up"
    return "\n".join(
        [
            f"Time to take stock of {role} at {company}.",
            f"{reason}, and nothing has come back. If that is still so, you are most likely out "
            "of the running. It happens, and it says little about you.",
            "",
            "1. Confirm it: mark this campaign as out of the running. Nothing closes until you do.",
            "2. Write down what you learned: what went well, what you would change, and anything "
            f"about {company} worth remembering.",
            "",
            f"If {company} gets in touch later, the campaign opens again. Keep your other "
            "campaigns moving.",
        ]
    )


def _generic(kind: ActionKind, basis: Basis, due: datetime, facts: ScriptFacts) -> str:
    twelve = facts.locale in _TWELVE_HOUR_LOCALES
    return (
        f"{kind.label} — {_company(facts)}, about {_role(facts)}: {_when(due, twelve)}"
        f"{_your_time(due, facts, twelve)}.\n"
        "Keep it short and friendly, and note what happened afterwards."
    )


_Builder = Callable[[ActionKind, Basis, datetime, ScriptFacts], str]

_BUILDERS: dict[ActionKind, _Builder] = {
    ActionKind.CALL: _call,
    ActionKind.CALLBACK: _call,
    ActionKind.VISIT: _visit,
    ActionKind.LEAVE_NOTE: _leave_note,
    ActionKind.THANK_YOU: _thank_you,
    ActionKind.REQUEST_WRITTEN_OFFER: _written_offer,
    ActionKind.CLOSE_OUT: _close_out,
}


def script_for(kind: ActionKind, basis: Basis, due: datetime, facts: ScriptFacts) -> str:
    """The talk track (or draft, or checklist) for one planned step, in the company's time."""
    return _BUILDERS.get(kind, _generic)(kind, basis, due, facts)
