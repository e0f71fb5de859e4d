"""What a command leads to, wire-neutral: calendar blocks, habit and goal changes, reminders, sync
updates and timings. Ingest maps each outcome to its topic and message. Ids and timestamps inside
outcomes are fixed when a command is first applied and kept in the user's outbox, so a replay returns
exactly the same outcomes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, TypeAdapter

from actors.kinds import CommandPriority


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


class UsageOutcome(_Outcome):
    """Something the user did that the worker learnt of, for usage analytics. The worker has no
    session of the user's, so none of its details come with it."""

    kind: Literal["usage"] = "usage"
    event_type: Literal["GOAL_CREATED", "HABIT_COMPLETED"]
    item_id: str  # the goal or habit
    occurred_at: AwareDatetime  # when the user did it: a completion's own instant, else `at`


Outcome = Annotated[
    CalendarBlockOutcome
    | HabitOutcome
    | GoalOutcome
    | ReminderOutcome
    | CalendarUpdateOutcome
    | PerformanceOutcome
    | UsageOutcome,
    Field(discriminator="kind"),
]

OUTCOMES: TypeAdapter[tuple[Outcome, ...]] = TypeAdapter(tuple[Outcome, ...])
"""A command's outcomes as JSON: how the outbox stores them and how results carry them."""


def dump_outcomes(outcomes: Sequence[Outcome]) -> bytes:
    """`OUTCOMES.dump_json(tuple(outcomes))`, byte for byte, at about half the cost: each outcome is
    written by its own model's serializer, which skips the union's choice of model for every item and
    the adapter's per-call overhead (a sync's one outcome is answered on the host's hot path)."""
    return b"[%b]" % b",".join([outcome.__pydantic_serializer__.to_json(outcome) for outcome in outcomes])
