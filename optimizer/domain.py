"""The scheduling problem as the optimizer sees it: one user's calendar over a horizon.

Everything here is wire-neutral (snake_case, durations in minutes, aware datetimes). The Kafka
payloads are translated into these types at the edge; the models never see JSON.
"""

from __future__ import annotations

from datetime import datetime, time
from enum import IntEnum, StrEnum
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_validator, model_validator


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


class CalendarEvent(Frozen):
    """A fixed event from the user's calendar. Free (transparent) events do not block time."""

    id: str
    title: str = ""
    start: AwareDatetime
    end: AwareDatetime
    busy: bool = True


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


class PriorityMode(StrEnum):
    WEIGHTED = "WEIGHTED"
    LEXICOGRAPHIC = "LEXICOGRAPHIC"


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
