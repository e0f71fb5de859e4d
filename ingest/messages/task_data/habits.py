"""Habits and fixed calendar events as a command carries them to the optimizer."""

from __future__ import annotations

from pydantic import Field, model_validator

from ingest.messages.base import WireModel
from ingest.messages.enums import Frequency
from ingest.messages.parts import Streak
from ingest.messages.task_data.hours import ClockTime, WeeklyHours, require_custom_hours
from ingest.messages.task_data.kinds import HoursKind, ItemPriority, Weekday
from ingest.messages.types import Id, UtcDatetime

_DAY_MINUTES = 24 * 60


class CalendarEvent(WireModel):
    """A fixed event of the user's calendar; a free (transparent) event blocks no time."""

    id: Id
    """The event's id in its calendar."""
    title: str = ""
    """The event's title."""
    start: UtcDatetime
    """Start instant."""
    end: UtcDatetime
    """End instant, after `start`."""
    busy: bool = True
    """False for a transparent (free) event, which other items may overlap."""

    @model_validator(mode="after")
    def _ordered(self) -> CalendarEvent:
        if self.end <= self.start:
            raise ValueError(f"event {self.id}: end must be after start")
        return self


class Habit(WireModel):
    """A recurring activity placed a number of times per day or week."""

    id: Id
    """Stable habit id."""
    name: str = ""
    """Display name."""
    min_duration_minutes: int = Field(gt=0, le=_DAY_MINUTES)
    """Shortest acceptable occurrence."""
    max_duration_minutes: int | None = Field(default=None, gt=0, le=_DAY_MINUTES)
    """Longest useful occurrence; absent means the same as `minDurationMinutes`."""
    frequency: Frequency = Frequency.DAILY
    """Period over which `timesPerPeriod` counts."""
    times_per_period: int = Field(default=1, ge=1, le=50)
    """Occurrences wanted per day (DAILY) or per week (WEEKLY)."""
    allowed_days: tuple[Weekday, ...] = Field(default=tuple(Weekday), min_length=1)
    """Weekdays on which the habit may be placed."""
    hours: HoursKind = HoursKind.ANY
    """Which hours the habit may use."""
    custom_hours: WeeklyHours | None = None
    """The habit's own windows, required when `hours` is CUSTOM."""
    ideal_time: ClockTime | None = None
    """Preferred local start time; placements closer to it are better."""
    priority: ItemPriority = ItemPriority.MEDIUM
    """Importance against other items."""
    buffer_before_minutes: int = Field(default=0, ge=0, le=_DAY_MINUTES)
    """Free time kept before each occurrence."""
    buffer_after_minutes: int = Field(default=0, ge=0, le=_DAY_MINUTES)
    """Free time kept after each occurrence."""
    min_spacing_minutes: int = Field(default=0, ge=0, le=7 * _DAY_MINUTES)
    """Least time between one occurrence's end and the next one's start."""
    defended: bool = True
    """True if the habit's time shows as busy and other items may not take it."""
    streak: Streak | None = None
    """The streak the product knows; a habit new to the worker starts from it (later ones are not read)."""

    @model_validator(mode="after")
    def _consistent(self) -> Habit:
        if self.max_duration_minutes is not None and self.max_duration_minutes < self.min_duration_minutes:
            raise ValueError(f"habit {self.id}: maxDurationMinutes is below minDurationMinutes")
        require_custom_hours(self.hours, self.custom_hours, f"habit {self.id}")
        return self

    @property
    def duration_range(self) -> tuple[int, int]:
        """(shortest, longest) occurrence in minutes."""
        return self.min_duration_minutes, self.max_duration_minutes or self.min_duration_minutes
