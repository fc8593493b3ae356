"""The words to say for every step (talk tracks), honest about what is recorded.

Honesty rule (METHOD §4): a script never claims what is not recorded. "<contact> asked me to call
today at <time>" appears only for a call whose basis is AGREED and whose due time is the agreed time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from pursuit.method.vocab import ActionKind, Basis


@dataclass(frozen=True, slots=True)
class ScriptFacts:
    """What is recorded about a campaign, as the scripts may use it."""

    company: str
    seeker: str = ""
    role: str = ""
    contact: str | None = None  # the decision maker
    gatekeeper: str | None = None  # receptionist or assistant, when known
    way_through: str | None = None  # the best way to get through, as the decision maker said it
    phone: str | None = None
    interview_on: date | None = None
    agreed_at: datetime | None = None  # the call time the decision maker agreed to (company zone)
    promise: str | None = None  # the promise as said ("by Wednesday")
    locale: str = "en_US"


def script_for(kind: ActionKind, basis: Basis, due: datetime, facts: ScriptFacts) -> str:
    """The talk track (or draft, or checklist) for one planned step."""
    raise NotImplementedError


def closing_ask(options: tuple[datetime, datetime], alternate_day: date, facts: ScriptFacts) -> str:
    """What to say before the interview ends: thanks, hard to reach, may I call at one of two times."""
    raise NotImplementedError
