"""What the user wants placed: habits, tasks, and goals (whose unfinished work becomes tasks)."""

from __future__ import annotations

from datetime import time
from typing import Literal

from pydantic import AwareDatetime, Field, model_validator

from optimizer.domain_terms import (
    ALL_DAYS,
    BlockKind,
    Frequency,
    Frozen,
    HoursKind,
    Priority,
    Weekday,
    WeeklyHours,
)


class Habit(Frozen):
    id: str
    name: str
    min_duration: int = Field(gt=0, description="minutes")
    max_duration: int = Field(gt=0, description="minutes")
    frequency: Frequency = Frequency.DAILY
    times_per_period: int = Field(default=1, ge=1)
    allowed_days: frozenset[Weekday] = ALL_DAYS
    hours: HoursKind = HoursKind.ANY
    custom_hours: WeeklyHours | None = None
    ideal_time: time | None = None
    priority: Priority = Priority.MEDIUM
    buffer_before: int = Field(default=0, ge=0, description="minutes kept free before")
    buffer_after: int = Field(default=0, ge=0, description="minutes kept free after")
    min_spacing: int = Field(default=0, ge=0, description="minutes between one end and the next start")
    defended: bool = True

    @model_validator(mode="after")
    def _durations(self) -> Habit:
        if self.max_duration < self.min_duration:
            raise ValueError(f"habit {self.id}: max_duration < min_duration")
        if self.hours is HoursKind.CUSTOM and not self.custom_hours:
            raise ValueError(f"habit {self.id}: hours CUSTOM needs custom_hours")
        return self


class Task(Frozen):
    """Work to split into chunks; goals contribute tasks of kind GOAL (see `Goal.remaining_effort`)."""

    id: str
    title: str
    effort: int = Field(gt=0, description="minutes still to schedule")
    min_chunk: int = Field(default=30, gt=0)
    max_chunk: int = Field(default=120, gt=0)
    earliest_start: AwareDatetime | None = None
    due: AwareDatetime | None = None
    due_is_hard: bool = False
    priority: Priority = Priority.MEDIUM
    depends_on: tuple[str, ...] = ()
    hours: HoursKind = HoursKind.WORKING
    custom_hours: WeeklyHours | None = None
    kind: Literal[BlockKind.TASK, BlockKind.GOAL] = BlockKind.TASK

    @model_validator(mode="after")
    def _chunks(self) -> Task:
        if self.max_chunk < self.min_chunk:
            raise ValueError(f"task {self.id}: max_chunk < min_chunk")
        if self.hours is HoursKind.CUSTOM and not self.custom_hours:
            raise ValueError(f"task {self.id}: hours CUSTOM needs custom_hours")
        return self


class Goal(Frozen):
    """A goal with a target date; the unfinished share of its effort becomes goal work."""

    id: str
    title: str
    target_date: AwareDatetime
    progress_current: float = Field(default=0, ge=0)
    progress_target: float = Field(default=100, gt=0)
    effort: int = Field(gt=0, description="total minutes the whole goal takes")
    min_chunk: int = Field(default=30, gt=0)
    max_chunk: int = Field(default=90, gt=0)
    priority: Priority = Priority.MEDIUM
    hours: HoursKind = HoursKind.ANY
    custom_hours: WeeklyHours | None = None

    def remaining_effort(self) -> int:
        done = min(self.progress_current / self.progress_target, 1.0)
        return round(self.effort * (1.0 - done))

    def as_task(self) -> Task | None:
        """The goal's remaining work as a GOAL task, due (softly) at the target date; None once done."""
        effort = self.remaining_effort()
        if effort <= 0:
            return None
        return Task(
            id=self.id,
            title=self.title,
            effort=effort,
            min_chunk=self.min_chunk,
            max_chunk=max(self.max_chunk, self.min_chunk),
            due=self.target_date,
            priority=self.priority,
            hours=self.hours,
            custom_hours=self.custom_hours,
            kind=BlockKind.GOAL,
        )
