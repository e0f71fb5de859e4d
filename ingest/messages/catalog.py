"""Every wire document by its schema name: the messages of each topic and the data of each command type."""

from __future__ import annotations

from ingest.messages.analytics import PerformanceMetric, UsageAnalytics
from ingest.messages.base import Versioned
from ingest.messages.command import Command
from ingest.messages.dead_letter import DeadLetter
from ingest.messages.events import CalendarEventMessage, GoalEventMessage, HabitEventMessage
from ingest.messages.notifications import CalendarUpdateNotification, ReminderNotification
from ingest.messages.task_data.payloads import OptimizeScheduleData, ScheduleHabitsData, SyncCalendarData

MESSAGE_MODELS: dict[str, type[Versioned]] = {
    "command": Command,
    "calendar-event": CalendarEventMessage,
    "goal-event": GoalEventMessage,
    "habit-event": HabitEventMessage,
    "reminder-notification": ReminderNotification,
    "calendar-update-notification": CalendarUpdateNotification,
    "usage-analytics": UsageAnalytics,
    "performance-metric": PerformanceMetric,
    "dead-letter": DeadLetter,
}
"""Top-level messages, one per topic family."""

TASK_DATA_DOCUMENTS: dict[str, type[Versioned]] = {
    "schedule-habits-data": ScheduleHabitsData,
    "optimize-schedule-data": OptimizeScheduleData,
    "sync-calendar-data": SyncCalendarData,
}
"""The `payload.data` of each command type."""

ALL_DOCUMENTS: dict[str, type[Versioned]] = {**MESSAGE_MODELS, **TASK_DATA_DOCUMENTS}
