"""Enumerations of the command payload data, spelled as on the wire."""

from __future__ import annotations

from enum import StrEnum


class Weekday(StrEnum):
    MON = "MON"
    TUE = "TUE"
    WED = "WED"
    THU = "THU"
    FRI = "FRI"
    SAT = "SAT"
    SUN = "SUN"


class HoursKind(StrEnum):
    """Which of the user's hours an item may use; CUSTOM needs its own `customHours`."""

    WORKING = "WORKING"
    PERSONAL = "PERSONAL"
    ANY = "ANY"
    CUSTOM = "CUSTOM"


class ItemPriority(StrEnum):
    """Importance of a habit, task or goal; CRITICAL items are placed before anything else."""

    CRITICAL = "CRITICAL"
    HIGH = "HIGH"
    MEDIUM = "MEDIUM"
    LOW = "LOW"


class BlockKind(StrEnum):
    HABIT = "HABIT"
    TASK = "TASK"
    GOAL = "GOAL"
    FOCUS = "FOCUS"


class PriorityMode(StrEnum):
    """WEIGHTED trades priorities against each other; LEXICOGRAPHIC never sacrifices a higher level."""

    WEIGHTED = "WEIGHTED"
    LEXICOGRAPHIC = "LEXICOGRAPHIC"


class SyncReason(StrEnum):
    """Why a calendar sync was requested: a push notification, a timer, or the user."""

    PUSH = "PUSH"
    SCHEDULED = "SCHEDULED"
    USER = "USER"
