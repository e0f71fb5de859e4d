"""Small builders for the actors tests: one user's week, work items, and solutions told block by block."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from actors.contract import CommandPriority, TaskType, WorkItem
from actors.request_codec import encode_request
from actors.requests import GoalMeta, HabitCompletion, ScheduleRequest, SyncRequest
from optimizer.domain import BlockKind, Goal, Habit, Instance, TimeWindow, Weekday
from optimizer.solution import Placement, Solution, SolveStatus

MONDAY = datetime(2025, 3, 3, tzinfo=UTC)
NINE_TO_FIVE = {day: (TimeWindow(start=time(9), end=time(17)),) for day in list(Weekday)[:5]}


def gym(**changes: object) -> Habit:
    return Habit.model_validate(
        {"id": "gym", "name": "Gym", "min_duration": 60, "max_duration": 60, **changes}
    )


def goal(progress: float = 0, **changes: object) -> Goal:
    base = {"id": "book", "title": "Write book", "target_date": MONDAY + timedelta(days=30), "effort": 600}
    return Goal.model_validate({**base, "progress_current": progress, **changes})


def instance(user_id: str = "u1", now: datetime = MONDAY, days: int = 7, **fields: object) -> Instance:
    base = {
        "user_id": user_id,
        "now": now,
        "horizon_start": now,
        "horizon_end": now + timedelta(days=days),
        "working_hours": NINE_TO_FIVE,
    }
    return Instance.model_validate({**base, **fields})


def schedule_request(
    inst: Instance,
    completions: tuple[HabitCompletion, ...] = (),
    goals: dict[str, GoalMeta] | None = None,
) -> ScheduleRequest:
    return ScheduleRequest(instance=inst, habit_completions=completions, goals=goals or {})


def item(
    task_id: str,
    request: ScheduleRequest | SyncRequest,
    user_id: str = "u1",
    task_type: TaskType = TaskType.SCHEDULE_HABITS,
    priority: CommandPriority = CommandPriority.NORMAL,
) -> WorkItem:
    if isinstance(request, SyncRequest):
        task_type = TaskType.SYNC_CALENDAR
    return WorkItem(task_id, user_id, task_type, priority, MONDAY, encode_request(request))


def block(item_id: str, occurrence: int, start: datetime, minutes: int = 60, title: str = "Gym") -> Placement:
    return Placement(
        item_id=item_id,
        kind=BlockKind.HABIT,
        occurrence=occurrence,
        title=title,
        start=start,
        end=start + timedelta(minutes=minutes),
    )


def solution(*placements: Placement, status: SolveStatus = SolveStatus.OPTIMAL, **fields: object) -> Solution:
    return Solution.model_validate({"status": status, "placements": placements, **fields})


def at(day: int, hour: int) -> datetime:
    return MONDAY + timedelta(days=day, hours=hour)
