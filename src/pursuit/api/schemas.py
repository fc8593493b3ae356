"""What goes in and out of the JSON API.

Inputs carry the same limits as the columns they end up in, so a value too long for PostgreSQL is
a 422 naming its field rather than a failed write. Times without an offset are the company's wall
clock (as in the web forms); outputs always carry the offset of the company's zone.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from ninja import Field, Schema
from pydantic import AfterValidator, BaseModel, BeforeValidator, Strict, WithJsonSchema

from pursuit import validation
from pursuit.method.vocab import (
    ActionKind,
    ActionStatus,
    CampaignStatus,
    Outcome,
    PermissionAnswer,
    PromiseKind,
    Reply,
    Window,
)

#: The largest id a database column holds; a larger one is a 422, not a crash on lookup.
MAX_ID = 2**63 - 1


def _no_nul(value: str) -> str:
    # PostgreSQL refuses NUL in text; say so before the write rather than failing inside it.
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    if _CONTROL.search(value):
        raise ValueError("must not contain control characters (tab and line breaks are fine)")
    return value


def _iso_text(value: object) -> object:
    # Pydantic would also read 0 or "0.5" as seconds since 1970; a time here is written out.
    if isinstance(value, str) and not _ISO_START.match(value):
        raise ValueError("use ISO 8601, such as 2026-12-01 or 2026-12-01T09:00")
    if not isinstance(value, str | dt.date):
        raise ValueError("use an ISO 8601 string, such as 2026-12-01T09:00")
    return value


def _present(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty or only spaces")
    return value


def _plausible_year[D: dt.date](value: D) -> D:
    # Far-off years overflow once moved into another zone or a few business days on; the range
    # is the one every way in shares (pursuit.validation).
    day = value.date() if isinstance(value, dt.datetime) else value
    if not validation.FIRST_DAY <= day <= validation.LAST_DAY:
        raise ValueError(validation.DAY_RANGE)
    return value


_ISO_START = re.compile(r"\d{4}-\d{2}-\d{2}")
#: The control characters the services refuse: all but tab and the line breaks they fold or keep
#: (NEL included here, the one line break the schema also keeps out, to stay on the safe side).
_CONTROL_CLASS = "\\x00-\\x08\\x0e-\\x1f\\x7f-\\x9f"
_CONTROL = re.compile(f"[{_CONTROL_CLASS}]")
#: The same rule written into the OpenAPI document, so generated clients and fuzzers know it.
_PLAIN = f"^[^{_CONTROL_CLASS}]*$"
#: A name that must be there: something besides spaces, as the services strip what is typed.
_PRESENT = f"^[^{_CONTROL_CLASS}]*[^\\s{_CONTROL_CLASS}][^{_CONTROL_CLASS}]*$"
NoNul = AfterValidator(_no_nul)
IsoText = BeforeValidator(_iso_text)
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
# In a JSON body a number is a number and a flag is true or false: pydantic would otherwise take
# "5" for 5, 0 for false or false for 0. (Query strings stay lax: every value there is text.)
BodyId = Annotated[int, Strict(), Field(ge=1, le=MAX_ID)]
Flag = Annotated[bool, Strict()]
Plain = Field(json_schema_extra={"pattern": _PLAIN})
Tiny = Annotated[str, Field(max_length=8), Plain, NoNul]
Zone = Annotated[str, Field(max_length=64), Plain, NoNul]
Phone = Annotated[str, Field(max_length=40), Plain, NoNul]
Short = Annotated[str, Field(max_length=120), Plain, NoNul]
Name = Annotated[str, Field(max_length=200), Plain, NoNul]
#: A name the write cannot go without (a company's, a role).
RequiredName = Annotated[
    str,
    Field(min_length=1, max_length=200, json_schema_extra={"pattern": _PRESENT}),
    NoNul,
    AfterValidator(_present),
]
Line = Annotated[str, Field(max_length=300), Plain, NoNul]
Words = Annotated[str, Field(max_length=1000), Plain, NoNul]
Text = Annotated[str, Field(max_length=validation.LONG_TEXT), Plain, NoNul]
#: The days every way in accepts, said in the schema as well as checked.
_RANGE = {"description": f"between {validation.FIRST_DAY} and {validation.LAST_DAY}"}
Moment = Annotated[
    dt.datetime, IsoText, AfterValidator(_plausible_year), Field(json_schema_extra=_RANGE)
]
Day = Annotated[dt.date, IsoText, AfterValidator(_plausible_year), Field(json_schema_extra=_RANGE)]
Cursor = Annotated[str, Field(max_length=500)]
#: A time as written out: ISO 8601 with the company's UTC offset.
LocalTime = Annotated[str, WithJsonSchema({"type": "string", "format": "date-time"})]
LocalDate = Annotated[str, WithJsonSchema({"type": "string", "format": "date"})]


class Out(BaseModel):
    """An answer: built from our own dicts, so plain pydantic, without ninja's attribute getter
    that every nested item would otherwise pass through (a third of a list's time)."""


class ErrorOut(Out):
    detail: str
    field: str | None


# -- companies -----------------------------------------------------------------------------------


class CompanyIn(Schema):
    name: RequiredName
    zone: Zone = Field("", description="IANA zone; the seeker's own when left out")
    country: Annotated[str, Field(max_length=2), NoNul] = Field(
        "", description="ISO 3166-1 alpha-2; the seeker's own when left out"
    )
    subdiv: Tiny = ""
    locale: Annotated[str, Field(max_length=16), NoNul] = Field(
        "",
        description="how it writes dates, e.g. en_US (4/12 = April 12) or en_GB (4 December); "
        "from its country when left out",
    )
    local: Flag = Field(False, description="Close enough to visit in person.")
    phone: Phone = ""
    address: Line = ""


class CompanyOut(Out):
    id: int
    name: str
    zone: str
    country: str
    subdiv: str | None
    locale: str
    local: bool
    phone: str
    address: str
    closure_days: list[LocalDate]
    version: int
    created_at: LocalTime


class CompanyPage(Out):
    items: list[CompanyOut]
    next_cursor: str | None


# -- steps ---------------------------------------------------------------------------------------


class ActionOut(Out):
    id: int
    campaign_id: int
    kind: ActionKind
    due_at: LocalTime
    window: Window | None = Field(description="null for an exact time")
    status: ActionStatus
    company: str
    contact: str | None
    script: str
    reason: str


class ActionPage(Out):
    items: list[ActionOut]
    next_cursor: str | None


class OutcomeIn(Schema):
    outcome: Outcome
    at: Moment | None = Field(None, description="when it happened; now when left out")
    callback_at: Moment | None = Field(None, description="the time a gatekeeper gave")
    promise_text: Words = Field("", description="what they said they would do, and by when")
    interview_at: Moment | None = Field(None, description="another interview they set")
    note: Text = ""


class MoveIn(Schema):
    due_at: Moment | None = Field(None, description="the new time; leave out with next_slot")
    next_slot: bool = Field(False, description="the first free time in its window, a day later")
    confirm: bool = Field(
        False, description="move even onto a closed day, outside the good hours or an agreed time"
    )


class EventOut(Schema):
    """One change to a campaign: when (the seeker's zone), what, who and by which way in."""

    id: int
    campaign_id: int
    at: str
    kind: str
    summary: str
    via: str
    by: str
    undone: bool


class HistoryOut(Schema):
    items: list[EventOut]


class UndoIn(Schema):
    """Query: the change the caller saw, so that a newer one is never undone unseen."""

    event_id: Id | None = Field(
        None, description="the change meant; refused when a newer one came after it"
    )


class UndoOut(Schema):
    undone: EventOut
    campaign_ids: list[int]


# -- campaigns -----------------------------------------------------------------------------------


class CampaignIn(Schema):
    company_id: BodyId
    role: RequiredName
    contact_name: Short = Field("", description="the decision maker")
    contact_title: Short = ""
    contact_phone: Phone = ""
    way_through: Line = Field("", description="how the decision maker said to get through")


class CampaignOut(Out):
    id: int
    company_id: int
    company: str
    role: str
    contact: str | None
    status: CampaignStatus
    attempts: int
    lesson: str
    contact_id: int | None
    job_url: str
    salary_note: str
    notes: str
    source: str
    version: int
    created_at: LocalTime
    updated_at: LocalTime
    next_action: ActionOut | None


class CampaignPage(Out):
    items: list[CampaignOut]
    next_cursor: str | None


class InboundIn(Schema):
    reply: Reply = Reply.PENDING
    at: Moment | None = Field(None, description="when they got in touch; now when left out")
    promise_text: Words = ""
    interview_at: Moment | None = None
    note: Text = ""


class CheckInIn(Schema):
    call_on: Day = Field(description="the day of the check-in call, when no date was said")


class CloseIn(Schema):
    lesson: Text = Field("", description="what the seeker learned")


# -- interviews, promises, offers ----------------------------------------------------------------


class _Choices(Schema):
    """How a promise is read and planned: never from a guess (METHOD §5.2)."""

    reading: Annotated[int, Strict(), Field(ge=1, le=20)] | None = Field(
        None,
        description="which reading of an ambiguous promise they meant, 1 being the first; "
        "an ambiguous promise without one is refused (400, field `reading`)",
    )
    call_on: Day | None = Field(
        None, description="when no date was said: the day of the check-in call instead of the usual"
    )
    lang: Literal["en", "de"] | None = Field(
        None, description="the language the promise was said in; told from the words if left out"
    )


class InterviewIn(_Choices):
    campaign_id: BodyId
    at: Moment
    with_name: Name = ""
    promise_text: Words = Field("", description="what they said they would do, and by when")
    said_at: Moment | None = Field(None, description="when the promise was said; `at` if left out")
    permission: PermissionAnswer = PermissionAnswer.NOT_ASKED
    agreed_at: Moment | None = Field(None, description="the call time they agreed to")
    way_through: Line = ""
    notes: Text = ""


class InterviewAnswerIn(_Choices):
    """What was said at an interview logged before it happened."""

    promise_text: Words = Field("", description="what they said they would do, and by when")
    said_at: Moment | None = Field(
        None, description="when the promise was said; the interview if left out"
    )
    permission: PermissionAnswer = PermissionAnswer.NOT_ASKED
    agreed_at: Moment | None = Field(None, description="the call time they agreed to")
    way_through: Line = ""


class InterviewOut(Out):
    id: int
    campaign_id: int
    at: LocalTime
    with_name: str
    permission: PermissionAnswer
    agreed_at: LocalTime | None
    way_through: str
    notes: str
    version: int


class InterviewPage(Out):
    items: list[InterviewOut]
    next_cursor: str | None


class PromiseOut(Out):
    id: int
    campaign_id: int
    text: str
    said_at: LocalTime
    earliest: LocalDate
    latest: LocalDate
    kind: PromiseKind
    confidence: float
    matched: str
    explanation: str
    alternatives: list[dict[str, str]]
    defaulted: bool = Field(description="no date was said: the window is the usual wait")
    ambiguous: bool = Field(description="the words could mean more than one window")
    version: int


class OfferIn(Schema):
    campaign_id: BodyId
    written: Flag
    wanted: Flag = True
    at: Moment | None = Field(None, description="when it was made; now when left out")
    salary: Annotated[str, Field(max_length=100), NoNul] = ""
    start_date: Day | None = None
    terms: Text = ""


class OfferOut(Out):
    id: int
    campaign_id: int
    written: bool
    wanted: bool
    at: LocalTime
    salary: str
    start_date: LocalDate | None
    terms: str
    version: int


class OfferPage(Out):
    items: list[OfferOut]
    next_cursor: str | None


# -- what a write did ----------------------------------------------------------------------------


class ClosingAskOut(Out):
    target_day: LocalDate
    options: list[LocalTime]
    alternate_day: LocalDate


class ResultOut(Out):
    campaign: CampaignOut
    actions: list[ActionOut] = Field(description="the steps this write planned")
    promise: PromiseOut | None
    closing_ask: ClosingAskOut | None = Field(
        description="the two call times to offer before the interview ends"
    )
    note: str
