"""Enumerations exactly as the wire spells them. A new value is a breaking change (a new major)."""

from __future__ import annotations

from enum import StrEnum


class TaskType(StrEnum):
    SCHEDULE_HABITS = "SCHEDULE_HABITS"
    SYNC_CALENDAR = "SYNC_CALENDAR"
    OPTIMIZE_SCHEDULE = "OPTIMIZE_SCHEDULE"


class Priority(StrEnum):
    """Urgency of a command or a notification (not of a habit or task: see `ItemPriority`)."""

    HIGH = "HIGH"
    NORMAL = "NORMAL"
    LOW = "LOW"


class CalendarEventType(StrEnum):
    CREATED = "CREATED"
    UPDATED = "UPDATED"
    DELETED = "DELETED"


class EventSource(StrEnum):
    GOOGLE_CALENDAR = "GOOGLE_CALENDAR"
    API = "API"
    WORKER = "WORKER"


class GoalEventType(StrEnum):
    CREATED = "CREATED"
    UPDATED = "UPDATED"
    COMPLETED = "COMPLETED"
    DELETED = "DELETED"


class GoalType(StrEnum):
    PROJECT = "PROJECT"
    PERSONAL = "PERSONAL"
    HEALTH = "HEALTH"


class HabitEventType(StrEnum):
    CREATED = "CREATED"
    COMPLETED = "COMPLETED"
    STREAK_UPDATED = "STREAK_UPDATED"
    REMINDER_SENT = "REMINDER_SENT"


class Frequency(StrEnum):
    DAILY = "DAILY"
    WEEKLY = "WEEKLY"


class NotificationType(StrEnum):
    HABIT_REMINDER = "HABIT_REMINDER"
    GOAL_DEADLINE = "GOAL_DEADLINE"
    MEETING_REMINDER = "MEETING_REMINDER"


class Channel(StrEnum):
    EMAIL = "EMAIL"
    PUSH = "PUSH"
    SMS = "SMS"


class CalendarUpdateType(StrEnum):
    SYNC_COMPLETED = "SYNC_COMPLETED"
    SYNC_FAILED = "SYNC_FAILED"
    CONFLICT_RESOLVED = "CONFLICT_RESOLVED"


class UsageEventType(StrEnum):
    CALENDAR_VIEWED = "CALENDAR_VIEWED"
    GOAL_CREATED = "GOAL_CREATED"
    HABIT_COMPLETED = "HABIT_COMPLETED"


class MetricType(StrEnum):
    API_LATENCY = "API_LATENCY"
    DB_QUERY_TIME = "DB_QUERY_TIME"
    EXTERNAL_API_CALL = "EXTERNAL_API_CALL"
