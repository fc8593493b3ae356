"""The method's vocabulary, named once.

Every window, action kind, outcome and status the product speaks of is one of these members; views,
the CLI, the API and the database store their string values.
"""

from __future__ import annotations

from enum import StrEnum

#: English day and month names, indexed like date.weekday() and date.month (index 0 unused).
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


class Window(StrEnum):
    MORNING = "morning"
    LUNCH = "lunch"
    END_OF_DAY = "end_of_day"

    @property
    def label(self) -> str:
        return _WINDOW_LABELS[self]


_WINDOW_LABELS = {
    Window.MORNING: "at the start of the day",
    Window.LUNCH: "at lunch",
    Window.END_OF_DAY: "at the end of the day",
}


class ActionKind(StrEnum):
    THANK_YOU = "thank_you"
    CALL = "call"
    CALLBACK = "callback"
    VISIT = "visit"
    LEAVE_NOTE = "leave_note"
    REQUEST_WRITTEN_OFFER = "request_written_offer"
    CLOSE_OUT = "close_out"

    @property
    def is_call(self) -> bool:
        return self in (ActionKind.CALL, ActionKind.CALLBACK)

    @property
    def is_contact_attempt(self) -> bool:
        """Steps that reach out to the company at a set time (they occupy the seeker's agenda)."""
        return self in (ActionKind.CALL, ActionKind.CALLBACK, ActionKind.VISIT)

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    ActionKind.THANK_YOU: "Send a thank-you note",
    ActionKind.CALL: "Call",
    ActionKind.CALLBACK: "Call back",
    ActionKind.VISIT: "Visit in person",
    ActionKind.LEAVE_NOTE: "Print the note and résumé",
    ActionKind.REQUEST_WRITTEN_OFFER: "Ask for the offer in writing",
    ActionKind.CLOSE_OUT: "Close out",
}


class ActionStatus(StrEnum):
    PLANNED = "planned"
    DONE = "done"
    SKIPPED = "skipped"
    CANCELLED = "cancelled"
    #: Planned, but its campaign is in the Trash: out of the agenda, the feed and reminders
    #: until it is restored (and planned again) or the Trash is emptied.
    TRASHED = "trashed"


class CampaignStatus(StrEnum):
    ACTIVE = "active"
    OFFER_VERBAL = "offer_verbal"
    WON = "won"
    LOST = "lost"
    WITHDRAWN = "withdrawn"

    @property
    def is_open(self) -> bool:
        """A campaign that still has steps to run."""
        return self in (CampaignStatus.ACTIVE, CampaignStatus.OFFER_VERBAL)


class Outcome(StrEnum):
    """What happened when a step was carried out (a touch)."""

    REACHED_PENDING = "reached_pending"
    REACHED_REJECTED = "reached_rejected"
    REACHED_VERBAL_OFFER = "reached_verbal_offer"
    REACHED_INTERVIEW = "reached_interview"
    GATEKEEPER_CALLBACK = "gatekeeper_callback"
    GATEKEEPER_NO_TIME = "gatekeeper_no_time"
    NO_ANSWER = "no_answer"
    VOICEMAIL_NOT_LEFT = "voicemail_not_left"
    THEY_CALLED = "they_called"
    MET = "met"
    UNAVAILABLE = "unavailable"
    DONE = "done"
    SKIPPED = "skipped"

    @property
    def label(self) -> str:
        return _OUTCOME_LABELS[self]


_OUTCOME_LABELS = {
    Outcome.REACHED_PENDING: "reached, they will decide",
    Outcome.REACHED_REJECTED: "reached, not selected",
    Outcome.REACHED_VERBAL_OFFER: "reached, verbal offer",
    Outcome.REACHED_INTERVIEW: "reached, another interview",
    Outcome.GATEKEEPER_CALLBACK: "call back at a set time",
    Outcome.GATEKEEPER_NO_TIME: "gatekeeper gave no time",
    Outcome.NO_ANSWER: "no answer",
    Outcome.VOICEMAIL_NOT_LEFT: "voicemail, no message left",
    Outcome.THEY_CALLED: "they called",
    Outcome.MET: "met the contact",
    Outcome.UNAVAILABLE: "contact unavailable, note left",
    Outcome.DONE: "done",
    Outcome.SKIPPED: "skipped",
}

#: Outcomes of a call attempt that did not reach the decision maker and give no time: retry later.
RETRY_OUTCOMES = frozenset(
    {Outcome.GATEKEEPER_NO_TIME, Outcome.NO_ANSWER, Outcome.VOICEMAIL_NOT_LEFT}
)


class Reply(StrEnum):
    """What the decision maker said when reached (a call, a visit, or their own call)."""

    PENDING = "pending"
    REJECTED = "rejected"
    VERBAL_OFFER = "verbal_offer"
    INTERVIEW = "interview"


class PermissionAnswer(StrEnum):
    GRANTED = "granted"
    DECLINED = "declined"
    NOT_ASKED = "not_asked"


class PromiseKind(StrEnum):
    ON = "on"
    BY = "by"
    WINDOW = "window"
    AFTER = "after"
    AROUND = "around"


class Basis(StrEnum):
    """Why a step is planned; the script may only claim what its basis records."""

    AFTER_INTERVIEW = "after_interview"  # thank-you note
    AGREED = "agreed"  # the decision maker agreed to this call time
    CALLBACK = "callback"  # a gatekeeper gave this time to call back
    MISSED_PROMISE = "missed_promise"  # the promise's latest date has passed
    NO_PROMISE = "no_promise"  # nothing was promised: the default wait has passed
    RETRY = "retry"  # the last attempt did not reach the decision maker
    ATTEMPTS_EXHAUSTED = "attempts_exhausted"  # calls failed: visit (local) or close out
    NOTE_LEFT = "note_left"  # visited, left the note: close out follows
    VERBAL_OFFER = "verbal_offer"  # chase the written offer
    UNWANTED_OFFER = "unwanted_offer"  # a written offer the seeker does not want
    REOPENED = "reopened"  # the campaign was reopened
    RESCHEDULED = "rescheduled"  # a step skipped or moved by the seeker
