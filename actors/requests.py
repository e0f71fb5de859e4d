"""The request models a `WorkItem` carries (their JSON: `actors/request_codec.py`).

Ingest translates a command's wire data into one of these. A host in the ingest actor's own process takes
the model as it is; one in another process gets its JSON, which it decodes inside the user actor.
`ScheduleRequest` serves SCHEDULE_HABITS and OPTIMIZE_SCHEDULE: the optimizer's `Instance` plus what the
outcomes need and the domain lacks (goal types and units, completed habit occurrences, where reminders go).
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from optimizer.domain import Instance

REQUEST_VERSION = 1


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class GoalMeta(_Frozen):
    """How a goal is reported on `scheduling.events.goals`; the optimizer needs neither field."""

    goal_type: Literal["PROJECT", "PERSONAL", "HEALTH"] = "PERSONAL"
    unit: str = "percentage"


class HabitCompletion(_Frozen):
    """The user did habit `habit_id` on local day `day` (at instant `at`, when known); it feeds the
    habit's streak. Its instant tells it from other completions of the same day."""

    habit_id: str
    day: date
    at: AwareDatetime | None = None


class StreakSeed(_Frozen):
    """The streak the product already knows for a habit: a habit new to the worker starts from it."""

    current: int = Field(ge=0)
    longest: int = Field(ge=0)


class ReminderPolicy(_Frozen):
    """When and where a HABIT_REMINDER goes before each newly placed habit occurrence."""

    lead_minutes: int = Field(default=10, ge=0)
    channel: Literal["EMAIL", "PUSH", "SMS"] = "PUSH"
    goal_deadline_days: int = Field(default=3, ge=0, description="warn when a goal is due within this")


class ScheduleRequest(_Frozen):
    """SCHEDULE_HABITS or OPTIMIZE_SCHEDULE for one user.

    An empty `instance.previous_plan` means "use the plan the worker keeps for this user", so re-plans
    stay stable even when the producer does not know the current plan.
    """

    version: int = REQUEST_VERSION
    instance: Instance
    calendar_id: str = "primary"
    goals: dict[str, GoalMeta] = Field(default_factory=dict, description="by goal id; default PERSONAL/%")
    habit_completions: tuple[HabitCompletion, ...] = ()
    habit_streaks: dict[str, StreakSeed] = Field(default_factory=dict, description="by habit id")
    reminders: ReminderPolicy = ReminderPolicy()


class SyncRequest(_Frozen):
    """SYNC_CALENDAR for one user's calendar."""

    version: int = REQUEST_VERSION
    calendar_id: str = "primary"
    full_sync: bool = False
    reason: str = ""


Request = ScheduleRequest | SyncRequest
