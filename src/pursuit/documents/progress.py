"""Long imports report their progress by yielding it: a web page streams a progress bar from
the same generator the command line drives (the whole import stays one transaction, in one
thread, whoever reads it)."""

from __future__ import annotations

from collections.abc import Callable, Generator

#: Yields (done, total) as the work goes, and returns its result.
type Steps[R] = Generator[tuple[int, int], None, R]
type Progress = Callable[[int, int], None]


def drive[R](steps: Steps[R], progress: Progress | None = None) -> R:
    """Run the steps to their end, telling `progress` about each, and return the result."""
    while True:
        try:
            done, total = next(steps)
        except StopIteration as finished:
            return finished.value  # type: ignore[no-any-return]
        if progress is not None:
            progress(done, total)
