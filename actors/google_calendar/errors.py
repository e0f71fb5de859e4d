"""Errors of the Google Calendar edge. Each says what failed and whether trying again can help.

`retryable` is the answer callers (the command retry path) act on: transient failures are retryable;
answers that will be the same next time (a revoked grant, a bad request, a lost sync token) are not.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from actors.google_calendar.events import GoogleEvent


class GoogleCalendarError(Exception):
    """Root of this package's errors."""

    retryable = False


class CalendarApiError(GoogleCalendarError):
    """Google answered a Calendar or OAuth request with an error, or did not answer at all.

    `status` is None when no HTTP answer came (refused connection, timeout). `dependency_failure` marks
    answers that count against the circuit breaker: Google is unwell or throttling, not our request wrong.
    """

    def __init__(
        self,
        operation: str,
        status: int | None,
        reason: str,
        message: str,
        *,
        retryable: bool,
        dependency_failure: bool,
        retry_after: float | None = None,
    ) -> None:
        shown = status if status is not None else "no answer"
        super().__init__(f"Google Calendar {operation} failed ({shown}, {reason}): {message}")
        self.operation = operation
        self.status = status
        self.reason = reason
        self.retryable = retryable
        self.dependency_failure = dependency_failure
        self.retry_after = retry_after


class ReconnectNeeded(GoogleCalendarError):
    """The user's grant was revoked or expired (`invalid_grant`). Only the user can fix this by connecting
    their Google account again; retrying never helps."""

    def __init__(self, detail: str) -> None:
        super().__init__(
            f"Google refused the stored calendar grant ({detail}); the user must reconnect Google Calendar"
        )


class FullSyncRequired(GoogleCalendarError):
    """The sync token is no longer valid (410 Gone): wipe the local copy and sync fully."""

    def __init__(self, calendar_id: str) -> None:
        super().__init__(
            f"Google discarded the sync token of calendar {calendar_id}; a full sync is required"
        )
        self.calendar_id = calendar_id


class UserEdited(GoogleCalendarError):
    """Someone changed a worker block since we read it (412 on If-Match). `event` is the fresh copy:
    keep the user's version and plan around it."""

    def __init__(self, block_id: str, event: GoogleEvent | None) -> None:
        state = "deleted it" if event is None or event.cancelled else "changed it"
        super().__init__(f"The user {state} while the worker was writing block {block_id}; their edit wins")
        self.block_id = block_id
        self.event = event


class CircuitOpen(GoogleCalendarError):
    """The dependency's circuit breaker is open: the call was not attempted."""

    retryable = True

    def __init__(self, dependency: str, retry_in: float) -> None:
        super().__init__(
            f"{dependency} is failing; calls are suspended for {retry_in:.1f} s more (circuit breaker open)"
        )
        self.dependency = dependency
        self.retry_in = retry_in
