"""The request models a `WorkItem` carries, and their JSON encoding.

Ingest translates a command's wire data into one of these. A host in the ingest actor's own process takes
the model as it is; one in another process gets its JSON, which it decodes inside the user actor.
`ScheduleRequest` serves SCHEDULE_HABITS and OPTIMIZE_SCHEDULE: the optimizer's `Instance` plus what the
outcomes need and the domain lacks (goal types and units, completed habit occurrences, where reminders go).
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError

from actors.kinds import TaskType
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

_MODELS: dict[TaskType, type[ScheduleRequest] | type[SyncRequest]] = {
    TaskType.SCHEDULE_HABITS: ScheduleRequest,
    TaskType.OPTIMIZE_SCHEDULE: ScheduleRequest,
    TaskType.SYNC_CALENDAR: SyncRequest,
}


class InvalidRequest(Exception):
    """The request bytes do not hold a valid request for their task type; `reason` says which field."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def encode_request(request: Request) -> bytes:
    # Unset fields stay out, so they are unset again after decoding: the solver tells a time limit the
    # command asked for from the default by `model_fields_set`.
    return request.model_dump_json(exclude_unset=True).encode()


def request_bytes(request: bytes | Request) -> bytes:
    """The request's JSON, to cross to another process. A sync's few fields repeat from command to
    command: each distinct one is encoded once."""
    if isinstance(request, bytes):
        return request
    if isinstance(request, SyncRequest):  # equal models may differ in the fields they set
        return _sync_bytes(request, frozenset(request.model_fields_set))
    return encode_request(request)


@lru_cache(maxsize=1024)
def _sync_bytes(request: SyncRequest, _fields_set: frozenset[str]) -> bytes:
    return encode_request(request)


def decode_request(task_type: TaskType | str, data: bytes | Request) -> Request:
    """The request model for `task_type`; raises `InvalidRequest` naming what is wrong (never values).
    A model handed over in process is taken as it is: ingest built and validated it. A sync's request
    (a few immutable fields, alike from command to command) is decoded once per text."""
    if isinstance(data, ScheduleRequest | SyncRequest):
        return _handed_over(task_type, data)
    if task_type == TaskType.SYNC_CALENDAR and type(data) is bytes and len(data) <= 256:
        return _sync_request(data)
    return _decoded(task_type, data)


def _handed_over(task_type: TaskType | str, request: Request) -> Request:
    model = _model(task_type)
    if type(request) is not model:
        raise InvalidRequest(
            f"a {task_type} request must be a {model.__name__}, not a {type(request).__name__}"
        )
    return request


@lru_cache(maxsize=1024)  # the same frozen model handed out again; a refused one is not remembered
def _sync_request(data: bytes) -> Request:
    return _decoded(TaskType.SYNC_CALENDAR, data)


def _model(task_type: TaskType | str) -> type[ScheduleRequest] | type[SyncRequest]:
    try:
        return _MODELS[TaskType(task_type)]
    except ValueError:
        raise InvalidRequest(
            f"unknown task type {task_type!r}: expected one of {[t.value for t in TaskType]}"
        ) from None


def _decoded(task_type: TaskType | str, data: bytes) -> Request:
    model = _model(task_type)
    try:
        request = model.model_validate_json(data)
    except ValidationError as error:
        raise InvalidRequest(f"invalid {task_type} request: {_describe(error)}") from error
    if request.version != REQUEST_VERSION:
        raise InvalidRequest(f"{task_type} request version {request.version} is not {REQUEST_VERSION}")
    return request


def _describe(error: ValidationError) -> str:
    """Field paths and messages only: inputs may hold personal data and stay out of reasons."""
    problems = (f"{'.'.join(map(str, e['loc'])) or '<root>'}: {e['msg']}" for e in error.errors())
    return "; ".join(list(problems)[:5])
