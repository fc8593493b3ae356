"""Every number and window of the method, as one frozen value with the defaults Pursuit ships.

A seeker or a coach may change any of them; the rules read them from here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import time
from types import MappingProxyType
from typing import Any

from pursuit.method.vocab import Window


class PlaybookError(ValueError):
    """A playbook parameter that cannot work; the message names it and says what to fix."""


@dataclass(frozen=True, slots=True)
class WindowSpec:
    """A window of the company's day and the default times used in it (company local time)."""

    start: time
    end: time
    call_at: time
    visit_at: time

    def contains(self, t: time) -> bool:
        return self.start <= t <= self.end


DEFAULT_WINDOWS: Mapping[Window, WindowSpec] = MappingProxyType(
    {
        Window.MORNING: WindowSpec(
            time(8, 30), time(9, 30), call_at=time(9, 0), visit_at=time(8, 30)
        ),
        Window.LUNCH: WindowSpec(
            time(12, 0), time(13, 0), call_at=time(12, 15), visit_at=time(12, 0)
        ),
        Window.END_OF_DAY: WindowSpec(
            time(17, 0), time(18, 0), call_at=time(17, 30), visit_at=time(17, 0)
        ),
    }
)

#: Monday is 0. "Avoid Mondays and Fridays": discretionary steps go on Tuesday to Thursday.
DEFAULT_PREFERRED_WEEKDAYS = frozenset({1, 2, 3})


@dataclass(frozen=True, slots=True)
class Playbook:
    """The parameters of the ladder (METHOD §3 and §4); defaults are the shipped playbook."""

    windows: Mapping[Window, WindowSpec] = field(default_factory=lambda: DEFAULT_WINDOWS)
    preferred_weekdays: frozenset[int] = DEFAULT_PREFERRED_WEEKDAYS
    #: The two times offered in the closing ask, as windows whose call time is used.
    closing_ask_windows: tuple[Window, Window] = (Window.MORNING, Window.END_OF_DAY)
    #: After this many call attempts without reaching the decision maker: visit or close out.
    max_call_attempts: int = 5
    #: With no promise, the seeker waits this many business days after the interview.
    default_wait_business_days: int = 5
    #: The missed-promise call goes this many business days after the promise's latest date.
    grace_business_days: int = 1
    #: The close-out step comes this many business days after the last call or visit.
    close_out_wait_business_days: int = 5
    #: A verbal offer is chased for the written one every this many business days.
    written_offer_every_business_days: int = 2
    #: Retries after an unanswered call rotate through these windows.
    retry_rotation: tuple[Window, ...] = (Window.MORNING, Window.END_OF_DAY, Window.LUNCH)
    #: Two of a seeker's steps never stand closer than this.
    min_gap_minutes: int = 15
    thank_you: bool = True
    visits: bool = True
    #: Treat the country's de-facto closure days (US: the day after Thanksgiving, Dec 24 and 31)
    #: as closed, on top of public holidays.
    defacto_closures: bool = True
    #: Warn when fewer campaigns than this are active (METHOD §4.9).
    min_active_campaigns: int = 3
    #: Warn when nothing is planned within this many business days.
    quiet_horizon_business_days: int = 5

    def __post_init__(self) -> None:
        problems = list(self._problems())
        if problems:
            raise PlaybookError("; ".join(problems))

    def _problems(self) -> Any:
        for name in (
            "max_call_attempts",
            "default_wait_business_days",
            "grace_business_days",
            "close_out_wait_business_days",
            "written_offer_every_business_days",
            "min_active_campaigns",
            "quiet_horizon_business_days",
        ):
            value = getattr(self, name)
            if not isinstance(value, int) or value < 1 or value > 60:
                yield f"{name} must be a whole number from 1 to 60 (got {value!r})"
        if not 1 <= self.min_gap_minutes <= 120:
            yield f"min_gap_minutes must be from 1 to 120 (got {self.min_gap_minutes!r})"
        if not self.preferred_weekdays or not self.preferred_weekdays <= set(range(5)):
            yield "preferred_weekdays must name at least one of Monday (0) to Friday (4)"
        missing = [w.value for w in Window if w not in self.windows]
        if missing:
            yield f"windows must define {', '.join(missing)}"
        for window, spec in self.windows.items():
            if not spec.start < spec.end:
                yield f"the {window.value} window must start before it ends"
            if not (spec.contains(spec.call_at) and spec.contains(spec.visit_at)):
                yield f"the {window.value} window's call and visit times must lie inside it"
        if not self.retry_rotation:
            yield "retry_rotation must name at least one window"

    def window(self, window: Window) -> WindowSpec:
        return self.windows[window]

    def with_changes(self, **changes: Any) -> Playbook:
        """A copy with some parameters changed (validated like a new playbook)."""
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values, the shape stored in a seeker's profile."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "windows":
                value = {
                    w.value: {
                        k: getattr(spec, k).strftime("%H:%M")
                        for k in ("start", "end", "call_at", "visit_at")
                    }
                    for w, spec in value.items()
                }
            elif isinstance(value, frozenset):
                value = sorted(value)
            elif isinstance(value, tuple):
                value = [str(v) for v in value]
            out[f.name] = value
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Playbook:
        """The inverse of `to_dict`: unknown keys are an error, missing keys take defaults."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise PlaybookError(f"unknown playbook parameter(s): {', '.join(unknown)}")
        kwargs: dict[str, Any] = {}
        for key, value in data.items():
            try:
                kwargs[key] = _parse_field(key, value)
            except (KeyError, ValueError, TypeError) as exc:
                if isinstance(exc, PlaybookError):
                    raise
                raise PlaybookError(f"{key}: {exc}") from None
        return cls(**kwargs)


def _parse_field(key: str, value: Any) -> Any:
    if key == "windows":
        windows = dict(DEFAULT_WINDOWS)
        for name, spec in value.items():
            windows[Window(name)] = WindowSpec(
                **{k: time.fromisoformat(spec[k]) for k in ("start", "end", "call_at", "visit_at")}
            )
        return MappingProxyType(windows)
    if key == "preferred_weekdays":
        return frozenset(int(v) for v in value)
    if key in ("closing_ask_windows", "retry_rotation"):
        return tuple(Window(v) for v in value)
    return value


DEFAULT_PLAYBOOK = Playbook()
