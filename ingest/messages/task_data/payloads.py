"""The `payload.data` object of each command type, with its own major `version`.

Within a major version only optional fields are added, so older producers keep working.
"""

from __future__ import annotations

from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, field_validator, model_validator

from ingest.messages.base import Versioned
from ingest.messages.task_data.completions import HabitCompletion, require_known_habits
from ingest.messages.task_data.default_hours import (
    DEFAULT_PERSONAL_HOURS,
    DEFAULT_WORKING_HOURS,
    hours_default,
)
from ingest.messages.task_data.habits import CalendarEvent, Habit
from ingest.messages.task_data.hours import WeeklyHours
from ingest.messages.task_data.integrity import require_acyclic, require_unique
from ingest.messages.task_data.kinds import SyncReason
from ingest.messages.task_data.plan import FocusPolicy, Horizon, PlacedBlock, SolveOptions
from ingest.messages.task_data.work import Goal, Task
from ingest.messages.types import Id, UtcDatetime


class PlanningData(Versioned):
    """What both planning commands share: the user's frame, calendar, habits and previous plan."""

    timezone: str = "UTC"
    """IANA time zone of the user's hours, such as 'Europe/Berlin'."""
    horizon: Horizon = Horizon()
    """The span to plan."""
    slot_minutes: Literal[5, 15] = 15
    """Granularity of placements."""
    working_hours: WeeklyHours = hours_default(DEFAULT_WORKING_HOURS)
    """Local working hours per weekday."""
    personal_hours: WeeklyHours = hours_default(DEFAULT_PERSONAL_HOURS)
    """Local personal hours per weekday."""
    events: tuple[CalendarEvent, ...] = ()
    """Fixed calendar events within the horizon."""
    habits: tuple[Habit, ...] = ()
    """Habits to place."""
    previous_plan: tuple[PlacedBlock, ...] = ()
    """Blocks of the plan in force; locked ones stay, the rest guide the new plan."""
    freeze_until: UtcDatetime | None = None
    """Nothing before this instant moves."""
    freeze_minutes: int | None = Field(default=None, ge=0, le=7 * 24 * 60)
    """Nothing within this many minutes of the command's timestamp moves (instead of `freezeUntil`)."""
    daily_cap_minutes: int | None = Field(default=None, gt=0, le=24 * 60)
    """Most minutes of scheduled items per day."""
    options: SolveOptions = SolveOptions()
    """Solver options."""
    habit_completions: tuple[HabitCompletion, ...] = ()
    """Times the user did a habit; they advance its streak. Sending one again changes nothing."""

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            raise ValueError("is not a known IANA time zone such as 'Europe/Berlin'") from None
        return value

    @model_validator(mode="after")
    def _planning_rules(self) -> PlanningData:
        if self.freeze_until is not None and self.freeze_minutes is not None:
            raise ValueError("give either freezeUntil or freezeMinutes, not both")
        require_unique("event", (event.id for event in self.events))
        require_unique("habit", (habit.id for habit in self.habits))
        require_known_habits(self.habit_completions, (habit.id for habit in self.habits))
        return self


class ScheduleHabitsData(PlanningData):
    """Data of SCHEDULE_HABITS: place the habits around the calendar."""


class OptimizeScheduleData(PlanningData):
    """Data of OPTIMIZE_SCHEDULE: place habits, tasks, goals and focus time together."""

    tasks: tuple[Task, ...] = ()
    """Tasks to place in chunks."""
    goals: tuple[Goal, ...] = ()
    """Goals whose remaining effort is placed in sessions."""
    focus: FocusPolicy | None = None
    """Protected focus time; absent means none."""

    @model_validator(mode="after")
    def _work_rules(self) -> OptimizeScheduleData:
        require_unique("task", (task.id for task in self.tasks))
        require_unique("goal", (goal.id for goal in self.goals))
        require_acyclic({task.id: task.depends_on for task in self.tasks})
        return self


class SyncCalendarData(Versioned):
    """Data of SYNC_CALENDAR: pull changes of one calendar."""

    calendar_id: Id = "primary"
    """Calendar to sync; 'primary' is the user's main calendar."""
    full_sync: bool = False
    """True to drop the sync token and fetch everything again."""
    reason: SyncReason = SyncReason.USER
    """What triggered the sync."""
