"""SYNC_CALENDAR until a calendar provider is configured: a clear SYNC_FAILED, never silence.

While the Google Calendar integration is off (`actors.calendar.enabled`, the default), every sync command
is answered with a SYNC_FAILED update that says so and names the calendar. The command is recorded like
any other, so a replay answers the same way.
"""

from __future__ import annotations

from actors.outcomes import CalendarUpdateOutcome
from actors.requests import SyncRequest
from actors.stamp import Stamp


def not_configured(calendar: str, mode: str) -> str:
    # An f-string, not a `str.format` template: parsing the template cost a quarter of a sync's answer.
    return (
        f"Google Calendar sync is not configured for this worker: calendar {calendar} was not synced "
        f"({mode} sync requested). Configure the Google Calendar integration and send the command again."
    )


def sync_outcome(request: SyncRequest, stamp: Stamp) -> CalendarUpdateOutcome:
    mode = "full" if request.full_sync else "incremental"
    return CalendarUpdateOutcome(
        user_id=stamp.user_id,
        at=stamp.at,
        update_type="SYNC_FAILED",
        errors=(not_configured(request.calendar_id, mode),),
    )
