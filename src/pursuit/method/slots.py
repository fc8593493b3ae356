"""Where a step goes: the closing ask's two options, and free slots that keep steps apart.

A flexible step (a planned call, retry, visit, note, reminder) is placed at its window's default
time, or the next time in that window at least `min_gap_minutes` from every busy moment, or in
another window of the same day, or on the next eligible day. Exact times agreed with someone (a
permission call, a callback) are never moved: they are not placed here.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from itertools import accumulate

from pursuit.method.calendar import BusinessCalendar, CalendarError
from pursuit.method.playbook import Playbook
from pursuit.method.vocab import ActionKind, Window

#: A busy span of the seeker's time; a planned step is a span of zero length.
Busy = tuple[datetime, datetime]

#: How many eligible days a placement may look ahead before giving up (a seeker's agenda that is
#: full for months is a data problem to report, not a loop to spin in).
MAX_PLACEMENT_DAYS = 120


class NoFreeSlot(CalendarError):
    """Every slot within the look-ahead is taken."""


@dataclass(frozen=True, slots=True)
class ClosingAsk:
    """The two call times to offer before the interview ends, and a fallback day."""

    target_day: date
    options: tuple[datetime, datetime]
    alternate_day: date


def closing_ask(
    interview_at: datetime,
    promise_latest: date | None,
    *,
    calendar: BusinessCalendar,
    playbook: Playbook,
) -> ClosingAsk:
    """METHOD §4.1: the promise's latest date (or interview + the default wait), moved forward to
    a preferred business day, offered at the first and second closing-ask windows' call times."""
    if promise_latest is None:
        promise_latest = calendar.add_business_days(
            calendar.today(interview_at), playbook.default_wait_business_days
        )
    weekdays = playbook.preferred_weekdays
    target = calendar.preferred_day_on_or_after(promise_latest, weekdays)
    first, second = playbook.closing_ask_windows
    options = (
        calendar.at(target, playbook.window(first).call_at),
        calendar.at(target, playbook.window(second).call_at),
    )
    return ClosingAsk(target, options, calendar.next_preferred_day(target, weekdays))


def as_busy(moments: Iterable[datetime | Busy]) -> list[Busy]:
    """Normalise planned moments and busy spans into spans."""
    return [m if isinstance(m, tuple) else (m, m) for m in moments]


class BusyIndex:
    """The seeker's busy spans, sorted, answering "is this moment free?" in O(log n).

    `_reach[i]` is the latest end among the first i+1 spans by start, so the spans starting
    before a moment's upper bound overlap it exactly when their reach passes its lower bound.
    """

    __slots__ = ("_reach", "_spans", "_starts")

    def __init__(self, spans: Iterable[Busy] = ()) -> None:
        self._spans = sorted(spans)
        self._starts = [start for start, _ in self._spans]
        self._reach = list(accumulate((end for _, end in self._spans), max))

    def __len__(self) -> int:
        return len(self._spans)

    def add(self, start: datetime, end: datetime) -> None:
        i = bisect_right(self._starts, start)
        self._spans.insert(i, (start, end))
        self._starts.insert(i, start)
        running = self._reach[i - 1] if i else end
        del self._reach[i:]
        for _, later_end in self._spans[i:]:
            running = max(running, later_end)
            self._reach.append(running)

    def is_free(self, moment: datetime, gap: timedelta) -> bool:
        """True when `moment` stands at least `gap` from every span."""
        i = bisect_left(self._starts, moment + gap)
        return i == 0 or self._reach[i - 1] <= moment - gap


@lru_cache(maxsize=256)
def _times_in(start: time, end: time, first: time, step: timedelta) -> tuple[time, ...]:
    """Candidate local times of a window: its default time and later, then the earlier ones."""
    anchor = date(2000, 1, 1)
    lo, hi, at = (datetime.combine(anchor, t) for t in (start, end, first))
    later = []
    t = at
    while t <= hi:
        later.append(t.time())
        t += step
    earlier = []
    t = lo
    while t < at:
        earlier.append(t.time())
        t += step
    return (*later, *earlier)


#: Where to look when a window is full: the same window first, then the others in day order.
_WINDOW_ORDER = {w: (w, *(o for o in Window if o is not w)) for w in Window}


def place(
    kind: ActionKind,
    first_day: date,
    window: Window,
    *,
    calendar: BusinessCalendar,
    playbook: Playbook,
    now: datetime,
    busy: Sequence[Busy] | BusyIndex = (),
    preferred_only: bool = False,
    last_day: date | None = None,
) -> tuple[datetime, Window]:
    """The first free slot for a flexible step, from `first_day` on, after `now`.

    Visits use the window's visit time, everything else its call time. `preferred_only` keeps the
    step on preferred weekdays (Tue–Thu by default); `last_day` bounds the search (for a step that
    must happen before another) and raises NoFreeSlot past it.
    """
    weekdays = playbook.preferred_weekdays
    eligible: Callable[[date], date]
    if preferred_only:
        eligible = lambda d: calendar.preferred_day_on_or_after(d, weekdays)  # noqa: E731
    else:
        eligible = calendar.business_day_on_or_after
    gap = timedelta(minutes=playbook.min_gap_minutes)
    index = busy if isinstance(busy, BusyIndex) else BusyIndex(busy)
    today = calendar.today(now)
    day = eligible(max(first_day, today))
    for _ in range(MAX_PLACEMENT_DAYS):
        if last_day is not None and day > last_day:
            break
        for w in _WINDOW_ORDER[window]:
            spec = playbook.window(w)
            default = spec.visit_at if kind is ActionKind.VISIT else spec.call_at
            for t in _times_in(spec.start, spec.end, default, gap):
                moment = calendar.at(day, t)
                # On a DST day a wall time may not exist and come back shifted out of the window.
                if moment <= now or not spec.contains(moment.time()):
                    continue
                if index.is_free(moment, gap):
                    return moment, w
        day = eligible(day + timedelta(days=1))
    raise NoFreeSlot(
        f"no free {kind.label.lower()} slot from {first_day} on: the agenda is full"
        + (f" before {last_day}" if last_day else "")
    )
