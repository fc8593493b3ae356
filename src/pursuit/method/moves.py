"""Moving a planned step by hand: where "next good slot" puts it, and what to ask before a move.

The seeker's choice wins, but a move onto a closed day, outside the hours the company is easiest
to reach, or off a time someone agreed to is said out loud first (the caller asks, then moves
with the seeker's yes). Pure: the calendar, the playbook and the clock are passed in.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from pursuit.method.calendar import BusinessCalendar
from pursuit.method.playbook import Playbook
from pursuit.method.slots import Busy, BusyIndex, place
from pursuit.method.vocab import ActionKind, Basis, Window

#: Steps whose time someone else gave: moving them breaks a word, so the seeker is asked first.
_GIVEN_TIMES = {
    Basis.AGREED: "they agreed to this time",
    Basis.CALLBACK: "they gave this time to call back",
}


def next_good_slot(
    kind: ActionKind,
    due: datetime,
    window: Window | None,
    *,
    calendar: BusinessCalendar,
    playbook: Playbook,
    now: datetime,
    busy: Sequence[Busy] | BusyIndex = (),
) -> tuple[datetime, Window]:
    """The first free time in the step's window (the morning for a step at an exact time) on a
    business day after the one it is planned for; from today on when that day has passed."""
    today, planned = calendar.today(now), calendar.today(due)
    first = calendar.next_business_day(planned) if planned >= today else today
    return place(
        kind,
        first,
        window or Window.MORNING,
        calendar=calendar,
        playbook=playbook,
        now=now,
        busy=busy,
    )


def move_warnings(
    to: datetime, basis: Basis, *, calendar: BusinessCalendar, playbook: Playbook
) -> list[str]:
    """What the seeker should hear before a step moves to `to`; empty when nothing."""
    local = calendar.local(to)
    said = []
    closed = calendar.why_closed(local.date())
    if closed is not None:
        said.append(f"{local:%A} {local.date().isoformat()} is not a business day ({closed})")
    if not any(spec.contains(local.time()) for spec in playbook.windows.values()):
        said.append("that time is outside the hours they are easiest to reach")
    if basis in _GIVEN_TIMES:
        said.append(_GIVEN_TIMES[basis])
    return said
