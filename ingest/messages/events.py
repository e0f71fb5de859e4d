"""Events the worker publishes (and listens to) about calendars, goals and habits."""

from __future__ import annotations

import datetime as dt

from pydantic import model_validator

from ingest.messages.base import Versioned, WireModel
from ingest.messages.enums import (
    CalendarEventType,
    EventSource,
    Frequency,
    GoalEventType,
    GoalType,
    HabitEventType,
)
from ingest.messages.parts import Progress, Streak
from ingest.messages.types import Id, UtcDatetime


class EventTime(WireModel):
    """A start or end as calendars give it: `dateTime` for timed events, `date` for all-day ones."""

    date_time: UtcDatetime | None = None
    """Instant of a timed event."""
    date: dt.date | None = None
    """Day of an all-day event, 'YYYY-MM-DD'."""

    @model_validator(mode="after")
    def _one_of(self) -> EventTime:
        if (self.date_time is None) == (self.date is None):
            raise ValueError("give exactly one of dateTime or date")
        return self


class CalendarEventData(WireModel):
    """The event itself. `attendees` and `location` are sensitive."""

    summary: str = ""
    """Title of the event."""
    start: EventTime
    """Start of the event."""
    end: EventTime
    """End of the event."""
    attendees: tuple[str, ...] = ()
    """Attendee addresses (sensitive)."""
    location: str | None = None
    """Where the event takes place (sensitive)."""


class CalendarEventMessage(Versioned):
    """A calendar event was created, updated or deleted (topic `scheduling.events.calendar`)."""

    event_id: Id
    """Id of the calendar event."""
    event_type: CalendarEventType
    """What happened."""
    calendar_id: Id
    """Calendar that holds the event."""
    user_id: Id
    """Owner of the calendar; the Kafka key."""
    event_data: CalendarEventData | None = None
    """The event; absent for a deletion."""
    source: EventSource
    """Who reported the change."""
    timestamp: UtcDatetime
    """When the change happened."""


class GoalData(WireModel):
    """The goal's state after the change."""

    title: str
    """Title of the goal."""
    type: GoalType
    """Kind of goal."""
    target_date: UtcDatetime | None = None
    """When the goal should be reached."""
    progress: Progress = Progress()
    """Progress so far."""


class GoalEventMessage(Versioned):
    """A goal changed (topic `scheduling.events.goals`)."""

    goal_id: Id
    """Id of the goal."""
    event_type: GoalEventType
    """What happened."""
    user_id: Id
    """Owner of the goal; the Kafka key."""
    goal_data: GoalData | None = None
    """The goal; absent for a deletion."""
    timestamp: UtcDatetime
    """When the change happened."""


class HabitData(WireModel):
    """The habit's state after the change."""

    name: str
    """Name of the habit."""
    frequency: Frequency
    """How often the habit recurs."""
    streak: Streak | None = None
    """The streak, when it is known."""


class HabitEventMessage(Versioned):
    """A habit changed or was done (topic `scheduling.events.habits`)."""

    habit_id: Id
    """Id of the habit."""
    event_type: HabitEventType
    """What happened."""
    user_id: Id
    """Owner of the habit; the Kafka key."""
    habit_data: HabitData | None = None
    """The habit; absent when only the id matters."""
    timestamp: UtcDatetime
    """When it happened."""
