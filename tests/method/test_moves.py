"""Moving a step by hand: the next good slot, and what is asked before a move."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from pursuit.method.calendar import BusinessCalendar
from pursuit.method.moves import move_warnings, next_good_slot
from pursuit.method.playbook import DEFAULT_PLAYBOOK
from pursuit.method.vocab import ActionKind, Basis, Window

NY_ZONE = ZoneInfo("America/New_York")
NY = BusinessCalendar(zone="America/New_York", country="US")


def ny(iso: str) -> datetime:
    return datetime.fromisoformat(iso).replace(tzinfo=NY_ZONE)


@pytest.mark.parametrize(
    ("due", "window", "now", "busy", "expected"),
    [
        pytest.param(
            "2026-11-24T09:00",
            Window.MORNING,
            "2026-11-23T10:00",
            [],
            "2026-11-25T09:00",
            id="tuesday-morning-to-wednesday-morning",
        ),
        pytest.param(
            "2026-11-25T17:30",
            Window.END_OF_DAY,
            "2026-11-23T10:00",
            [],
            "2026-11-30T17:30",
            id="over-thanksgiving-and-the-day-after",
        ),
        pytest.param(
            "2026-12-01T14:00",
            None,
            "2026-11-23T10:00",
            [],
            "2026-12-02T09:00",
            id="an-exact-time-goes-to-the-morning",
        ),
        pytest.param(
            "2026-11-30T09:00",
            Window.MORNING,
            "2026-12-01T08:00",
            [],
            "2026-12-01T09:00",
            id="an-overdue-step-goes-to-today",
        ),
        pytest.param(
            "2026-11-24T09:00",
            Window.MORNING,
            "2026-11-23T10:00",
            ["2026-11-25T09:00"],
            "2026-11-25T09:15",
            id="keeps-apart-from-another-step",
        ),
    ],
)
def test_the_next_good_slot(
    due: str, window: Window | None, now: str, busy: list[str], expected: str
) -> None:
    moment, _ = next_good_slot(
        ActionKind.CALL,
        ny(due),
        window,
        calendar=NY,
        playbook=DEFAULT_PLAYBOOK,
        now=ny(now),
        busy=[(ny(b), ny(b)) for b in busy],
    )
    assert moment == ny(expected)


@pytest.mark.parametrize(
    ("to", "basis", "said"),
    [
        pytest.param("2026-12-01T09:10", Basis.RETRY, [], id="a-good-time"),
        pytest.param(
            "2026-11-26T09:00",
            Basis.RETRY,
            ["Thursday 2026-11-26 is not a business day (Thanksgiving Day)"],
            id="thanksgiving",
        ),
        pytest.param(
            "2026-12-01T21:00",
            Basis.RETRY,
            ["that time is outside the hours they are easiest to reach"],
            id="late-evening",
        ),
        pytest.param(
            "2026-12-01T09:10", Basis.AGREED, ["they agreed to this time"], id="an-agreed-call"
        ),
        pytest.param(
            "2026-12-05T09:00",
            Basis.CALLBACK,
            [
                "Saturday 2026-12-05 is not a business day (weekend)",
                "they gave this time to call back",
            ],
            id="a-callback-onto-a-saturday",
        ),
    ],
)
def test_what_is_asked_before_a_move(to: str, basis: Basis, said: list[str]) -> None:
    assert move_warnings(ny(to), basis, calendar=NY, playbook=DEFAULT_PLAYBOOK) == said
