"""The one error a refused write raises, shared by every service."""

from __future__ import annotations


class ServiceError(Exception):
    """A refused write: `message` says what to fix, `field` names the input it is about."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class NeedsConfirmation(ServiceError):
    """A write that may go ahead only once the seeker answers a question (`message`): when an
    outcome on a step not due yet happened, or whether to move a step onto a closed day.
    Callers ask, then call again with the answer (the time, or `confirm=True`)."""
