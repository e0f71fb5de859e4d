"""A validated command becomes a `WorkItem`: wire task data in, the host's request models out.

The command's `timestamp` is the plan's `now`, never the clock, so a replayed command asks for exactly the
plan it asked for the first time. What the wire schema accepts but the domain refuses (a horizon the
domain rejects, say) raises `UntranslatableCommand`, which goes to the dead letters like any bad message.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from pydantic import ValidationError

from actors.contract import CommandPriority, TaskType, WorkItem
from actors.requests import GoalMeta, Request, ScheduleRequest, SyncRequest
from ingest.messages import Command, MessageError, OptimizeScheduleData, Priority, SyncCalendarData
from ingest.messages import TaskType as WireTaskType
from ingest.messages.task_data import Goal, PlanningData
from ingest.messages.validation import describe
from ingest.translate_habits import CompletionInTheFuture, completions, streaks
from ingest.translate_items import focus, goal, habit, hours, options, task
from optimizer import domain


class UntranslatableCommand(MessageError):
    """The command is valid on the wire but its data makes no problem the worker can solve."""


def work_item(command: Command, source: tuple[str, int, int], received_at: datetime) -> WorkItem:
    """The command as the host receives it; raises `UntranslatableCommand` naming the field."""
    return WorkItem(
        task_id=command.task_id,
        user_id=command.user_id,
        task_type=_TASK_TYPES[command.task_type],
        priority=_PRIORITIES[command.priority],
        received_at=received_at,
        request=request_for(command),
        source=source,
    )


# The wire's enums and the host's, spelled alike, matched once rather than on every command.
_TASK_TYPES = {kind: TaskType(kind.value) for kind in WireTaskType}
_PRIORITIES = {level: CommandPriority(level.value) for level in Priority}


@lru_cache(maxsize=1024)  # a sync's request is three fields that repeat: each set is built once
def _sync(calendar_id: str, full_sync: bool, reason: str) -> SyncRequest:
    # Plain text and a bool, already checked on the wire: nothing here can be refused.
    return SyncRequest(calendar_id=calendar_id, full_sync=full_sync, reason=reason)


def request_for(command: Command) -> Request:
    data = command.task_data
    try:
        if isinstance(data, SyncCalendarData):
            return _sync(data.calendar_id, data.full_sync, data.reason.value)
        goals = {g.id: GoalMeta(goal_type=g.type.value, unit=g.progress.unit) for g in _goals(data)}
        fields: dict[str, Any] = {"instance": instance_for(command, data), "goals": goals}
        # Only what the command gives is set: a request without habit progress encodes as before.
        if data.habit_completions:
            fields["habit_completions"] = completions(data, command.timestamp)
        if seeds := streaks(data):
            fields["habit_streaks"] = seeds
        return ScheduleRequest.model_validate(fields)
    except ValidationError as error:
        raise UntranslatableCommand(f"payload.data cannot be planned: {describe(error)}") from None
    except CompletionInTheFuture as error:
        raise UntranslatableCommand(f"payload.data cannot be planned: {error}") from None
    except OverflowError:  # a timestamp near year 9999: its horizon or freeze runs past the calendar
        raise UntranslatableCommand(
            "payload.data cannot be planned: the horizon or freeze period runs past year 9999; "
            "send a realistic timestamp and horizon"
        ) from None


def instance_for(command: Command, data: PlanningData) -> domain.Instance:
    now = command.timestamp
    start, end = data.horizon.span(_slot_ceil(now, data.slot_minutes) if data.horizon.start is None else now)
    freeze = data.freeze_until
    if data.freeze_minutes is not None:
        freeze = now + timedelta(minutes=data.freeze_minutes)
    fields: dict[str, Any] = {
        "user_id": command.user_id,
        "timezone": data.timezone,
        "now": now,
        "horizon_start": start,
        "horizon_end": end,
        "slot_minutes": data.slot_minutes,
        "working_hours": hours(data.working_hours),
        "personal_hours": hours(data.personal_hours),
        "events": [e.model_dump() for e in data.events],
        "habits": [habit(h) for h in data.habits],
        "previous_plan": [b.model_dump() for b in data.previous_plan],
        "freeze_until": freeze,
        "daily_cap_minutes": data.daily_cap_minutes,
        "options": options(data),
    }
    if isinstance(data, OptimizeScheduleData):
        fields["tasks"] = [task(t) for t in data.tasks]
        fields["goals"] = [goal(g) for g in data.goals]
        if data.focus is not None:
            fields["focus"] = focus(data.focus)
    return domain.Instance.model_validate(fields)


def _slot_ceil(at: datetime, minutes: int) -> datetime:
    """A horizon that starts "now" starts at the next slot boundary, so blocks land on whole slots."""
    step = timedelta(minutes=minutes)
    floor = at.replace(second=0, microsecond=0) - timedelta(minutes=at.minute % minutes)
    return floor if floor == at else floor + step


def _goals(data: object) -> tuple[Goal, ...]:
    return data.goals if isinstance(data, OptimizeScheduleData) else ()
