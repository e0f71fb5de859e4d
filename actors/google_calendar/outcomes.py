"""A sync's changes as outcomes for `scheduling.events.calendar` (source GOOGLE_CALENDAR).

Created and updated events carry their new times; deleted ones their last known times. Events that
only left the horizon (`dropped`) are not deletions and produce nothing.
"""

from __future__ import annotations

from datetime import datetime

from actors.google_calendar.events import GoogleEvent
from actors.google_calendar.mirror import MirrorUpdate
from actors.outcomes import CalendarBlockOutcome
from optimizer.domain import CalendarEvent


def _outcome(
    event: GoogleEvent | CalendarEvent, change: str, user_id: str, calendar_id: str, at: datetime
) -> CalendarBlockOutcome:
    summary = event.summary if isinstance(event, GoogleEvent) else event.title
    return CalendarBlockOutcome.model_validate(
        {
            "user_id": user_id,
            "at": at,
            "event_id": event.id,
            "change": change,
            "calendar_id": calendar_id,
            "summary": summary,
            "start": event.start,
            "end": event.end,
            "source": "GOOGLE_CALENDAR",
        }
    )


def calendar_outcomes(
    update: MirrorUpdate, user_id: str, calendar_id: str, at: datetime
) -> list[CalendarBlockOutcome]:
    """One outcome per changed event: deletions first, then creations and updates by start time."""
    ordered = sorted(update.changed, key=lambda e: (e.start or at, e.id))
    return [
        *(_outcome(e, "DELETED", user_id, calendar_id, at) for e in update.deleted),
        *(
            _outcome(e, "CREATED" if e in update.created else "UPDATED", user_id, calendar_id, at)
            for e in ordered
        ),
    ]
