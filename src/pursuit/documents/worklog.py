"""The work-search log: every contact with an employer in a date range, as an agency asks for it
(a US state's work-search record, Germany's Bewerbungsnachweis): date, company, person, how
(call, visit, email, interview) and what came of it.

Contacts are read from what the seeker logged: interviews, and the outcomes of steps that reached
out. Printing a note, closing a campaign or a skipped step are no contact and stay out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO

from django.utils import timezone

from pursuit.accounts.models import Seeker
from pursuit.campaigns.models import Campaign, Interview, Touch
from pursuit.documents import csv_out, pdf
from pursuit.method.calendar import zone_named
from pursuit.method.vocab import ActionKind, Outcome

#: How each kind of step reached the employer. Steps absent here make no contact.
METHOD_OF_STEP = {
    ActionKind.CALL: "call",
    ActionKind.CALLBACK: "call",
    ActionKind.VISIT: "visit",
    ActionKind.THANK_YOU: "email",
    ActionKind.REQUEST_WRITTEN_OFFER: "email",
}

_RESULT_OF_TASK = {
    ActionKind.THANK_YOU: "thank-you note sent",
    ActionKind.REQUEST_WRITTEN_OFFER: "asked for the offer in writing",
}

COLUMNS = ("date", "time", "company", "role", "person", "method", "result", "phone", "address")


@dataclass(frozen=True, slots=True)
class Entry:
    """One contact, in the seeker's own time."""

    at: dt.datetime
    company: str
    role: str
    person: str
    method: str
    result: str
    phone: str
    address: str

    @property
    def day(self) -> str:
        return self.at.date().isoformat()

    @property
    def time(self) -> str:
        return f"{self.at:%H:%M}"

    def row(self) -> tuple[str, ...]:
        return (
            self.day,
            self.time,
            self.company,
            self.role,
            self.person,
            self.method,
            self.result,
            self.phone,
            self.address,
        )


def _bounds(seeker: Seeker, start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    zone = zone_named(seeker.zone)
    first = dt.datetime.combine(start, dt.time(), tzinfo=zone)
    after = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), tzinfo=zone)
    return first, after


def entries(
    seeker: Seeker, *, start: dt.date, end: dt.date, now: dt.datetime | None = None
) -> list[Entry]:
    """Every contact from `start` to `end` (both included, the seeker's days) up to `now`."""
    if end < start:
        raise ValueError("the last day comes before the first")
    zone = zone_named(seeker.zone)
    first, after = _bounds(seeker, start, end)
    after = min(after, now or timezone.now())
    found: list[Entry] = []
    interviews = (
        Interview.objects.filter(campaign__seeker=seeker, at__gte=first, at__lt=after)
        .select_related("campaign__company", "campaign__contact")
        .prefetch_related("promises")
    )
    for interview in interviews:
        campaign = interview.campaign
        said = [p.matched or p.text for p in interview.promises.all()]
        result = "interviewed" + (f"; they said: {said[0]}" if said else "")
        person = interview.with_name or (campaign.contact.name if campaign.contact else "")
        found.append(_entry(interview.at.astimezone(zone), campaign, person, "interview", result))
    touches = (
        Touch.objects.filter(campaign__seeker=seeker, at__gte=first, at__lt=after)
        .exclude(outcome=Outcome.SKIPPED)
        .select_related("campaign__company", "campaign__contact", "action")
    )
    for touch in touches:
        method, result = _method_and_result(touch)
        if method:
            campaign = touch.campaign
            person = campaign.contact.name if campaign.contact else ""
            found.append(_entry(touch.at.astimezone(zone), campaign, person, method, result))
    found.sort(key=lambda e: (e.at, e.company))
    return found


def _method_and_result(touch: Touch) -> tuple[str, str]:
    outcome = Outcome(touch.outcome)
    if touch.action is None:
        # Logged without a step: the company got in touch.
        method, result = "call", "they got in touch"
    else:
        kind = ActionKind(touch.action.kind)
        method = METHOD_OF_STEP.get(kind, "")
        result = _RESULT_OF_TASK.get(kind, "") if outcome is Outcome.DONE else outcome.label
    note = touch.note.strip()
    return method, f"{result}; {note}" if note and result else result or note


def _entry(at: dt.datetime, campaign: Campaign, person: str, method: str, result: str) -> Entry:
    company = campaign.company
    return Entry(
        at=at,
        company=company.name,
        role=campaign.role,
        person=person,
        method=method,
        result=result,
        phone=company.phone,
        address=company.address,
    )


def write_csv(found: Iterable[Entry], out: IO[str]) -> None:
    writer = csv_out.Writer(out)
    writer.writerow(COLUMNS)
    writer.writerows(entry.row() for entry in found)


def render_pdf(seeker: Seeker, found: list[Entry], *, start: dt.date, end: dt.date) -> bytes:
    """A report to hand to an agency: who, the period, every contact, room to sign."""
    return pdf.render(
        "documents/pdf/worklog.html",
        {
            "seeker": seeker,
            "entries": found,
            "start": start,
            "end": end,
            "companies": len({e.company for e in found}),
            "paper": pdf.paper_size(seeker.locale),
            "made_on": timezone.now().astimezone(zone_named(seeker.zone)).date(),
        },
    )
