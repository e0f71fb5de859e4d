"""Tasks and goals: effort to split into chunks and place before a due date."""

from __future__ import annotations

from pydantic import Field, model_validator

from ingest.messages.base import WireModel
from ingest.messages.enums import GoalType
from ingest.messages.parts import Progress
from ingest.messages.task_data.hours import WeeklyHours, require_custom_hours
from ingest.messages.task_data.kinds import HoursKind, ItemPriority
from ingest.messages.types import Id, UtcDatetime

# A year of full-time work; anything larger is a unit mistake (hours or seconds sent as minutes).
_MAX_EFFORT = 2_000 * 60
_MAX_CHUNK = 24 * 60


def _check_chunks(owner: str, smallest: int, largest: int) -> None:
    if largest < smallest:
        raise ValueError(f"{owner}: maxChunkMinutes is below minChunkMinutes")


class Task(WireModel):
    """A piece of work of known effort, placed in chunks."""

    id: Id
    """Stable task id."""
    title: str = ""
    """Display title."""
    effort_minutes: int = Field(gt=0, le=_MAX_EFFORT)
    """Minutes still to schedule."""
    min_chunk_minutes: int = Field(default=30, gt=0, le=_MAX_CHUNK)
    """Shortest chunk worth placing."""
    max_chunk_minutes: int = Field(default=120, gt=0, le=_MAX_CHUNK)
    """Longest chunk in one sitting."""
    earliest_start: UtcDatetime | None = None
    """No chunk starts before this instant."""
    due: UtcDatetime | None = None
    """The task should be done by this instant."""
    due_is_hard: bool = False
    """True if missing `due` is not allowed at all, rather than penalized."""
    priority: ItemPriority = ItemPriority.MEDIUM
    """Importance against other items."""
    depends_on: tuple[Id, ...] = ()
    """Ids of tasks that must be finished before this one starts."""
    hours: HoursKind = HoursKind.WORKING
    """Which hours the task may use."""
    custom_hours: WeeklyHours | None = None
    """The task's own windows, required when `hours` is CUSTOM."""

    @model_validator(mode="after")
    def _consistent(self) -> Task:
        owner = f"task {self.id}"
        _check_chunks(owner, self.min_chunk_minutes, self.max_chunk_minutes)
        if self.due_is_hard and self.due is None:
            raise ValueError(f"{owner}: dueIsHard needs a due instant")
        if self.due and self.earliest_start and self.due <= self.earliest_start:
            raise ValueError(f"{owner}: due must be after earliestStart")
        if self.id in self.depends_on:
            raise ValueError(f"{owner}: a task cannot depend on itself")
        require_custom_hours(self.hours, self.custom_hours, owner)
        return self


class Goal(WireModel):
    """A goal with a target date; its unfinished share of effort becomes work to place."""

    id: Id
    """Stable goal id."""
    title: str = ""
    """Display title."""
    type: GoalType = GoalType.PROJECT
    """Kind of goal."""
    target_date: UtcDatetime
    """The goal should be reached by this instant."""
    progress: Progress = Progress()
    """Progress so far; the remaining share of `effortMinutes` is scheduled."""
    effort_minutes: int = Field(gt=0, le=_MAX_EFFORT)
    """Total minutes the whole goal takes."""
    min_chunk_minutes: int = Field(default=30, gt=0, le=_MAX_CHUNK)
    """Shortest session worth placing."""
    max_chunk_minutes: int = Field(default=90, gt=0, le=_MAX_CHUNK)
    """Longest session in one sitting."""
    priority: ItemPriority = ItemPriority.MEDIUM
    """Importance against other items."""
    hours: HoursKind = HoursKind.ANY
    """Which hours the goal's sessions may use."""
    custom_hours: WeeklyHours | None = None
    """The goal's own windows, required when `hours` is CUSTOM."""

    @model_validator(mode="after")
    def _consistent(self) -> Goal:
        _check_chunks(f"goal {self.id}", self.min_chunk_minutes, self.max_chunk_minutes)
        require_custom_hours(self.hours, self.custom_hours, f"goal {self.id}")
        return self
