"""The scheduling problem as the optimizer sees it: one user's calendar over a horizon.

Everything here is wire-neutral (snake_case, durations in minutes, aware datetimes). The Kafka
payloads are translated into these types at the edge; the models never see JSON. The vocabulary
(`domain_terms`) and the items to place (`domain_items`) live in modules of their own and are
named from here as well.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AwareDatetime, Field, field_validator, model_validator

from optimizer.domain_items import Goal, Habit, Task
from optimizer.domain_terms import (
    ALL_DAYS,
    BlockKind,
    Frequency,
    Frozen,
    HoursKind,
    Priority,
    PriorityMode,
    TimeWindow,
    Weekday,
    WeeklyHours,
)

__all__ = [
    "ALL_DAYS",
    "BlockKind",
    "CalendarEvent",
    "FocusPolicy",
    "Frequency",
    "Frozen",
    "Goal",
    "Habit",
    "HoursKind",
    "Instance",
    "PlacedBlock",
    "Priority",
    "PriorityMode",
    "SolveOptions",
    "Task",
    "TimeWindow",
    "Weekday",
    "WeeklyHours",
]


class CalendarEvent(Frozen):
    """A fixed event from the user's calendar. Free (transparent) events do not block time."""

    id: str
    title: str = ""
    start: AwareDatetime
    end: AwareDatetime
    busy: bool = True


class PlacedBlock(Frozen):
    """A block of the previous plan; `occurrence` numbers a habit's or task's blocks from 0."""

    item_id: str
    kind: BlockKind
    occurrence: int = 0
    start: AwareDatetime
    end: AwareDatetime
    locked: bool = False


class FocusPolicy(Frozen):
    """Protected deep-work time: blocks of at least `min_block` minutes, `daily_minutes` a workday."""

    min_block: int = Field(default=60, gt=0)
    daily_minutes: int = Field(default=120, ge=0)
    hours: HoursKind = HoursKind.WORKING


class SolveOptions(Frozen):
    time_limit_s: float = Field(default=5.0, gt=0)
    num_workers: int = Field(default=1, ge=1)
    random_seed: int | None = None
    use_hint: bool = True
    priority_mode: PriorityMode = PriorityMode.WEIGHTED


class Instance(Frozen):
    """One user's scheduling problem. All instants are aware; the models work in UTC."""

    user_id: str
    timezone: str = "UTC"
    now: AwareDatetime
    horizon_start: AwareDatetime
    horizon_end: AwareDatetime
    slot_minutes: Literal[5, 15] = 15
    working_hours: WeeklyHours = Field(default_factory=dict)
    personal_hours: WeeklyHours = Field(default_factory=dict)
    events: tuple[CalendarEvent, ...] = ()
    habits: tuple[Habit, ...] = ()
    tasks: tuple[Task, ...] = ()
    goals: tuple[Goal, ...] = ()
    previous_plan: tuple[PlacedBlock, ...] = ()
    freeze_until: AwareDatetime | None = None
    daily_cap_minutes: int | None = Field(default=None, gt=0)
    focus: FocusPolicy | None = None
    options: SolveOptions = SolveOptions()

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown IANA time zone {value!r}") from exc
        return value

    @model_validator(mode="after")
    def _horizon(self) -> Instance:
        if self.horizon_end <= self.horizon_start:
            raise ValueError("horizon_end must be after horizon_start")
        return self

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def work_items(self) -> tuple[Task, ...]:
        """Tasks and the unfinished goal work, all as tasks to split into chunks."""
        goal_work = (goal.as_task() for goal in self.goals)
        return self.tasks + tuple(task for task in goal_work if task is not None)

    def movable_from(self) -> datetime:
        """Nothing starts before this instant: the later of `now` and the freeze window."""
        return max(self.now, self.freeze_until or self.now)
