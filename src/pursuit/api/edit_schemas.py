"""What PATCH, DELETE and the Trash take and give.

A PATCH body names only the fields it changes; a field left out (or null) keeps its value.
`version` (or an `If-Match` header with it) is the version the client read: when the row has
changed since, the answer is 409 with the row as it is now.
"""

from __future__ import annotations

from typing import Annotated, Any

from ninja import Field, Schema
from pydantic import Strict

from pursuit.api.schemas import (
    ActionOut,
    CompanyOut,
    Day,
    Flag,
    InterviewOut,
    LocalTime,
    Moment,
    Name,
    NoNul,
    Out,
    Phone,
    PromiseOut,
    Short,
    Text,
    Tiny,
    Words,
    Zone,
)

Version = Annotated[int, Strict(), Field(ge=1, le=2**31 - 1)]
_VERSION = Field(None, description="the version you read; 409 when the row changed since")


class CompanyPatch(Schema):
    version: Version | None = _VERSION
    name: Name | None = None
    zone: Zone | None = None
    country: Annotated[str, Field(max_length=2), NoNul] | None = None
    subdiv: Tiny | None = None
    local: Flag | None = None
    phone: Phone | None = None
    address: Annotated[str, Field(max_length=300), NoNul] | None = None
    closure_days: list[Day] | None = Field(
        None, max_length=366, description="the company's own closure days"
    )


class ContactIn(Schema):
    company_id: Annotated[int, Strict(), Field(ge=1, le=2**63 - 1)]
    name: Short
    role: Annotated[str, Field(max_length=20), NoNul] = Field(
        "decision_maker",
        description="decision_maker, interviewer, receptionist, assistant or gatekeeper",
    )
    title: Short = ""
    phone: Phone = ""
    email: Annotated[str, Field(max_length=254), NoNul] = ""
    way_through: Annotated[str, Field(max_length=300), NoNul] = ""
    address_as: Short = Field(
        "", description="how scripts greet them; blank: the usual form in the company's country"
    )


class ContactPatch(Schema):
    version: Version | None = _VERSION
    name: Short | None = None
    role: Annotated[str, Field(max_length=20), NoNul] | None = None
    title: Short | None = None
    phone: Phone | None = None
    email: Annotated[str, Field(max_length=254), NoNul] | None = None
    way_through: Annotated[str, Field(max_length=300), NoNul] | None = None
    address_as: Short | None = None


class ContactOut(Out):
    id: int
    company_id: int
    name: str
    role: str
    title: str
    phone: str
    email: str
    way_through: str
    address_as: str
    version: int


class ContactPage(Out):
    items: list[ContactOut]
    next_cursor: str | None


class CampaignPatch(Schema):
    version: Version | None = _VERSION
    role: Name | None = None
    contact_id: Annotated[int, Strict(), Field(ge=1, le=2**63 - 1)] | None = None
    job_url: Annotated[str, Field(max_length=500), NoNul] | None = None
    salary_note: Name | None = None
    notes: Text | None = None
    source: Name | None = None


class InterviewPatch(Schema):
    version: Version | None = _VERSION
    at: Moment | None = None
    with_name: Name | None = None


class PromisePatch(Schema):
    version: Version | None = _VERSION
    text: Words | None = None
    alternative: Annotated[int, Strict(), Field(ge=0, le=20)] | None = Field(
        None, description="index of the reading to keep among `alternatives`"
    )


class OfferPatch(Schema):
    version: Version | None = _VERSION
    salary: Annotated[str, Field(max_length=100), NoNul] | None = None
    start_date: Day | None = None
    terms: Text | None = None
    at: Moment | None = None


class MovedOut(Out):
    action: ActionOut
    was: LocalTime
    because: str
    text: str = Field(description="what moved, in the seeker's zone, as a sentence")


class CompanyEdited(Out):
    company: CompanyOut
    moved: list[MovedOut]


class InterviewEdited(Out):
    interview: InterviewOut
    moved: list[MovedOut]


class PromiseEdited(Out):
    promise: PromiseOut
    moved: list[MovedOut]


class ChangedOut(Out):
    detail: str
    field: str | None
    current: dict[str, Any] = Field(description="the row as it is now, with its version")


class TrashItem(Out):
    kind: str
    id: int
    label: str
    trashed_at: LocalTime
    purge_after: LocalTime


class TrashOut(Out):
    items: list[TrashItem]
