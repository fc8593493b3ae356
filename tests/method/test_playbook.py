"""The playbook: METHOD's defaults, checked parameters, and a lossless stored form."""

from datetime import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pursuit.method.playbook import DEFAULT_PLAYBOOK, Playbook, PlaybookError, WindowSpec
from pursuit.method.vocab import Window


@pytest.mark.parametrize(
    ("window", "start", "end", "call_at", "visit_at"),
    [
        pytest.param(Window.MORNING, "08:30", "09:30", "09:00", "08:30", id="morning"),
        pytest.param(Window.LUNCH, "12:00", "13:00", "12:15", "12:00", id="lunch"),
        pytest.param(Window.END_OF_DAY, "17:00", "18:00", "17:30", "17:00", id="end-of-day"),
    ],
)
def test_the_default_windows_are_methods(
    window: Window, start: str, end: str, call_at: str, visit_at: str
) -> None:
    spec = DEFAULT_PLAYBOOK.window(window)
    assert spec == WindowSpec(*(time.fromisoformat(t) for t in (start, end, call_at, visit_at)))


def test_the_default_numbers_are_methods() -> None:
    p = DEFAULT_PLAYBOOK
    assert p.preferred_weekdays == {1, 2, 3}
    assert (p.max_call_attempts, p.default_wait_business_days, p.grace_business_days) == (5, 5, 1)
    assert (p.close_out_wait_business_days, p.written_offer_every_business_days) == (5, 2)
    assert p.retry_rotation == (Window.MORNING, Window.END_OF_DAY, Window.LUNCH)
    assert p.closing_ask_windows == (Window.MORNING, Window.END_OF_DAY)
    assert (p.min_gap_minutes, p.thank_you, p.visits, p.defacto_closures) == (15, True, True, True)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        pytest.param({"max_call_attempts": 0}, "max_call_attempts", id="zero-attempts"),
        pytest.param({"grace_business_days": 99}, "grace_business_days", id="huge-grace"),
        pytest.param({"preferred_weekdays": frozenset({5})}, "Monday", id="saturday-only"),
        pytest.param({"preferred_weekdays": frozenset()}, "at least one", id="no-days"),
        pytest.param({"retry_rotation": ()}, "retry_rotation", id="no-rotation"),
        pytest.param({"min_gap_minutes": 0}, "min_gap_minutes", id="no-gap"),
    ],
)
def test_it_refuses_a_parameter_that_cannot_work(change: dict, message: str) -> None:
    with pytest.raises(PlaybookError, match=message):
        DEFAULT_PLAYBOOK.with_changes(**change)


def test_a_window_must_hold_its_own_times() -> None:
    windows = dict(DEFAULT_PLAYBOOK.windows)
    windows[Window.LUNCH] = WindowSpec(time(12), time(13), call_at=time(14), visit_at=time(12))
    with pytest.raises(PlaybookError, match="lunch"):
        Playbook(windows=windows)


def test_unknown_stored_keys_are_named() -> None:
    with pytest.raises(PlaybookError, match="colour"):
        Playbook.from_dict({"colour": "blue"})


@given(
    attempts=st.integers(1, 60),
    days=st.frozensets(st.integers(0, 4), min_size=1),
    rotation=st.permutations(list(Window)),
    thank_you=st.booleans(),
)
def test_the_stored_form_round_trips(
    attempts: int, days: frozenset[int], rotation: list[Window], thank_you: bool
) -> None:
    playbook = Playbook(
        max_call_attempts=attempts,
        preferred_weekdays=days,
        retry_rotation=tuple(rotation),
        thank_you=thank_you,
    )
    assert Playbook.from_dict(playbook.to_dict()) == playbook
