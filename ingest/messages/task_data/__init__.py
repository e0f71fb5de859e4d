"""Versioned schemas of a command's `payload.data`, one per `taskType`, shaped for the optimizer."""

from ingest.messages.task_data.completions import HabitCompletion
from ingest.messages.task_data.default_hours import DEFAULT_PERSONAL_HOURS, DEFAULT_WORKING_HOURS
from ingest.messages.task_data.habits import CalendarEvent, Habit
from ingest.messages.task_data.hours import (
    ClockTime,
    EndClockTime,
    TimeWindow,
    WeeklyHours,
)
from ingest.messages.task_data.kinds import (
    BlockKind,
    HoursKind,
    ItemPriority,
    PriorityMode,
    SyncReason,
    Weekday,
)
from ingest.messages.task_data.parse import (
    TASK_DATA_MODELS,
    TaskData,
    parse_task_data,
    task_type_of,
    validate_task_data,
)
from ingest.messages.task_data.payloads import (
    OptimizeScheduleData,
    PlanningData,
    ScheduleHabitsData,
    SyncCalendarData,
)
from ingest.messages.task_data.plan import (
    DEFAULT_HORIZON_DAYS,
    MAX_HORIZON_DAYS,
    FocusPolicy,
    Horizon,
    PlacedBlock,
    SolveOptions,
)
from ingest.messages.task_data.work import Goal, Task

__all__ = [
    "DEFAULT_HORIZON_DAYS",
    "DEFAULT_PERSONAL_HOURS",
    "DEFAULT_WORKING_HOURS",
    "MAX_HORIZON_DAYS",
    "TASK_DATA_MODELS",
    "BlockKind",
    "CalendarEvent",
    "ClockTime",
    "EndClockTime",
    "FocusPolicy",
    "Goal",
    "Habit",
    "HabitCompletion",
    "Horizon",
    "HoursKind",
    "ItemPriority",
    "OptimizeScheduleData",
    "PlacedBlock",
    "PlanningData",
    "PriorityMode",
    "ScheduleHabitsData",
    "SolveOptions",
    "SyncCalendarData",
    "SyncReason",
    "Task",
    "TaskData",
    "TimeWindow",
    "Weekday",
    "WeeklyHours",
    "parse_task_data",
    "task_type_of",
    "validate_task_data",
]
