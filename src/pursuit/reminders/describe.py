"""How a step reads outside the app: its title, length and details, shared by the calendar feed
and the emails so that a phone's alarm and the morning digest say the same thing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pursuit.campaigns.models import Action
from pursuit.method.vocab import ActionKind

#: How long a step holds the seeker's calendar: a call is short, a visit takes the trip's end.
DURATIONS = {ActionKind.VISIT: dt.timedelta(minutes=30)}
DEFAULT_DURATION = dt.timedelta(minutes=15)

#: Steps that happen at a set time with someone on the other side: they get a heads-up email.
TIMED_KINDS = frozenset({ActionKind.CALL, ActionKind.CALLBACK, ActionKind.VISIT})

_TITLES = {
    ActionKind.CALL: "Call {contact}",
    ActionKind.CALLBACK: "Call back {contact}",
    ActionKind.VISIT: "Visit {contact}",
    ActionKind.THANK_YOU: "Thank-you note to {contact}",
    ActionKind.LEAVE_NOTE: "Print the note for {contact}",
    ActionKind.REQUEST_WRITTEN_OFFER: "Ask {contact} for the offer in writing",
    ActionKind.CLOSE_OUT: "Close out with {contact}",
}


def duration(kind: ActionKind) -> dt.timedelta:
    return DURATIONS.get(kind, DEFAULT_DURATION)


@dataclass(frozen=True, slots=True)
class StepText:
    title: str
    script: str
    phone: str
    way_through: str
    company: str
    role: str

    def details(self) -> list[str]:
        """The phone and the way through, unless the script already shows them."""
        lines = []
        if self.phone and self.phone not in self.script:
            lines.append(f"Phone: {self.phone}")
        if self.way_through and self.way_through not in self.script:
            lines.append(f"Best way through: {self.way_through}")
        return lines

    def description(self) -> str:
        return "\n".join([self.script.strip(), *self.details()]).strip()


def describe(action: Action) -> StepText:
    """Reads action.campaign.company and .contact: select_related them for many steps."""
    campaign = action.campaign
    company = campaign.company
    contact = campaign.contact
    return text_of(
        kind=action.kind,
        script=action.script,
        role=campaign.role,
        company=company.name,
        company_phone=company.phone,
        contact=contact.name if contact else "",
        contact_phone=contact.phone if contact else "",
        way_through=contact.way_through if contact else "",
    )


def text_of(
    *,
    kind: str,
    script: str,
    role: str,
    company: str,
    company_phone: str,
    contact: str | None,
    contact_phone: str | None,
    way_through: str | None,
) -> StepText:
    """The same from plain values, for the feed, which reads a thousand rows without models."""
    step = ActionKind(kind)
    if contact:
        title = f"{_TITLES[step].format(contact=contact)} — {company}"
    else:
        title = f"{step.label} — {company}"
    return StepText(
        title=title,
        script=script,
        phone=contact_phone or company_phone,
        way_through=way_through or "",
        company=company,
        role=role,
    )
