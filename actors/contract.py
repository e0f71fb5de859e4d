"""What crosses the line between the ingest actors and the host actors.

Ingest turns a validated Kafka command into a `WorkItem` (wire formats stop there) and gets back an
`ItemResult` whose outcomes it publishes. Outcomes are wire-neutral; ingest maps each one to its topic
and message. Ids and timestamps inside outcomes are fixed when a command is first applied and kept in
the user's outbox, so a replay returns exactly the same outcomes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, TypeAdapter


class TaskType(StrEnum):
    SCHEDULE_HABITS = "SCHEDULE_HABITS"
    SYNC_CALENDAR = "SYNC_CALENDAR"
    OPTIMIZE_SCHEDULE = "OPTIMIZE_SCHEDULE"


class CommandPriority(StrEnum):
    HIGH = "HIGH"
    NORMAL = "NORMAL"
    LOW = "LOW"


@dataclass(frozen=True, slots=True)
class WorkItem:
    """One command for one user. `request` is the JSON of a request model from `actors.requests`.

    Plain bytes rather than pydantic objects cross the process boundary: pickling models costs more
    than the whole hot path (ARCHITECTURE.md section 4b).
    """

    task_id: str
    user_id: str
    task_type: TaskType
    priority: CommandPriority
    received_at: datetime
    request: bytes
    source: tuple[str, int, int] = ("", -1, -1)  # topic, partition, offset: for logs only

    def __reduce__(self) -> tuple[type[WorkItem], tuple[object, ...]]:
        # Pickled as plain arguments: a frozen slots dataclass's own pickling looks its fields up
        # on every call, which cost more than the rest of a cheap command's trip to its host.
        fields = (self.task_id, self.user_id, self.task_type, self.priority, self.received_at)
        return WorkItem, (*fields, self.request, self.source)


@dataclass(frozen=True, slots=True)
class ItemResult:
    """The answer for one WorkItem: outcomes to publish, or why it failed after its retries.

    Outcomes travel as the JSON the user's outbox keeps them in (`OUTCOMES`): the host encodes them
    once, for the store and for the way back, a replay hands back the stored bytes unchanged, and
    pickling a list of pydantic models across processes would cost more than that whole encoding.
    """

    task_id: str
    user_id: str
    outcomes_json: bytes = b"[]"
    error_class: str | None = None
    reason: str | None = None
    attempts: int = 1
    replayed: bool = False
    timings_ms: dict[str, float] = field(default_factory=dict)

    def __reduce__(self) -> tuple[type[ItemResult], tuple[object, ...]]:
        fields = (self.task_id, self.user_id, self.outcomes_json, self.error_class, self.reason)
        return ItemResult, (*fields, self.attempts, self.replayed, self.timings_ms)

    @classmethod
    def of(cls, task_id: str, user_id: str, outcomes: tuple[Outcome, ...], **fields: Any) -> ItemResult:
        return cls(task_id, user_id, OUTCOMES.dump_json(outcomes), **fields)

    @property
    def ok(self) -> bool:
        return self.error_class is None

    @property
    def outcomes(self) -> tuple[Outcome, ...]:
        """The outcomes as models (decoded on each access: the hot path reads `outcomes_json`)."""
        return OUTCOMES.validate_json(self.outcomes_json)


class _Outcome(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    user_id: str
    at: AwareDatetime


class CalendarBlockOutcome(_Outcome):
    """A block the worker placed, moved or removed on the user's calendar (source WORKER)."""

    kind: Literal["calendar"] = "calendar"
    event_id: str
    change: Literal["CREATED", "UPDATED", "DELETED"]
    calendar_id: str = "primary"
    summary: str
    start: AwareDatetime
    end: AwareDatetime
    source: Literal["GOOGLE_CALENDAR", "API", "WORKER"] = "WORKER"


class HabitOutcome(_Outcome):
    kind: Literal["habit"] = "habit"
    habit_id: str
    change: Literal["CREATED", "COMPLETED", "STREAK_UPDATED", "REMINDER_SENT"]
    name: str
    frequency: Literal["DAILY", "WEEKLY"]
    streak_current: int = 0
    streak_longest: int = 0


class GoalOutcome(_Outcome):
    kind: Literal["goal"] = "goal"
    goal_id: str
    change: Literal["CREATED", "UPDATED", "COMPLETED", "DELETED"]
    title: str
    goal_type: Literal["PROJECT", "PERSONAL", "HEALTH"] = "PERSONAL"
    target_date: AwareDatetime
    progress_current: float
    progress_target: float
    progress_unit: str = "percentage"


class ReminderOutcome(_Outcome):
    kind: Literal["reminder"] = "reminder"
    notification_id: str
    reminder_type: Literal["HABIT_REMINDER", "GOAL_DEADLINE", "MEETING_REMINDER"]
    channel: Literal["EMAIL", "PUSH", "SMS"] = "PUSH"
    priority: CommandPriority = CommandPriority.NORMAL
    title: str
    message: str
    action_url: str = ""
    scheduled_for: AwareDatetime


class CalendarUpdateOutcome(_Outcome):
    kind: Literal["calendar_update"] = "calendar_update"
    update_type: Literal["SYNC_COMPLETED", "SYNC_FAILED", "CONFLICT_RESOLVED"]
    events_processed: int = 0
    conflicts_resolved: int = 0
    errors: tuple[str, ...] = ()


class PerformanceOutcome(_Outcome):
    kind: Literal["performance"] = "performance"
    metric_type: Literal["API_LATENCY", "DB_QUERY_TIME", "EXTERNAL_API_CALL"]
    value: float
    unit: str = "milliseconds"
    labels: dict[str, str | int] = Field(default_factory=dict)


Outcome = Annotated[
    CalendarBlockOutcome
    | HabitOutcome
    | GoalOutcome
    | ReminderOutcome
    | CalendarUpdateOutcome
    | PerformanceOutcome,
    Field(discriminator="kind"),
]

OUTCOMES: TypeAdapter[tuple[Outcome, ...]] = TypeAdapter(tuple[Outcome, ...])
"""A command's outcomes as JSON: how the outbox stores them and how results carry them."""
