"""The kinds of command and their priorities, as the ingest and host actors both name them."""

from __future__ import annotations

from enum import StrEnum


class TaskType(StrEnum):
    SCHEDULE_HABITS = "SCHEDULE_HABITS"
    SYNC_CALENDAR = "SYNC_CALENDAR"
    OPTIMIZE_SCHEDULE = "OPTIMIZE_SCHEDULE"


class CommandPriority(StrEnum):
    HIGH = "HIGH"
    NORMAL = "NORMAL"
    LOW = "LOW"
