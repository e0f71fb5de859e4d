"""The optimizer's vocabulary: days, local windows, kinds of hours, priorities and frequencies."""

from __future__ import annotations

from datetime import time
from enum import IntEnum, StrEnum

from pydantic import BaseModel, ConfigDict, model_validator


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Weekday(IntEnum):
    """ISO weekday minus one, so it matches `datetime.weekday()`."""

    MON = 0
    TUE = 1
    WED = 2
    THU = 3
    FRI = 4
    SAT = 5
    SUN = 6


ALL_DAYS: frozenset[Weekday] = frozenset(Weekday)


class TimeWindow(Frozen):
    """A local wall-clock window within one day; `end` of 00:00 means midnight at the day's end."""

    start: time
    end: time

    @model_validator(mode="after")
    def _ordered(self) -> TimeWindow:
        if self.end != time(0) and self.end <= self.start:
            raise ValueError(f"window end {self.end} must be after start {self.start}")
        return self


WeeklyHours = dict[Weekday, tuple[TimeWindow, ...]]


class HoursKind(StrEnum):
    WORKING = "WORKING"
    PERSONAL = "PERSONAL"
    ANY = "ANY"
    CUSTOM = "CUSTOM"


class Priority(IntEnum):
    """Item priority; higher wins. Lexicographic mode solves level by level, highest first."""

    LOW = 1
    MEDIUM = 2
    HIGH = 3
    CRITICAL = 4


class Frequency(StrEnum):
    DAILY = "DAILY"
    WEEKLY = "WEEKLY"


class BlockKind(StrEnum):
    HABIT = "HABIT"
    TASK = "TASK"
    GOAL = "GOAL"
    FOCUS = "FOCUS"


class PriorityMode(StrEnum):
    WEIGHTED = "WEIGHTED"
    LEXICOGRAPHIC = "LEXICOGRAPHIC"
