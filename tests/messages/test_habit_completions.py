"""`habitCompletions` in planning data: a habit id and an instant each, checked against the command."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest

from ingest.messages import SchemaViolation, TaskType, decode_command
from ingest.messages.task_data import HabitCompletion, OptimizeScheduleData, ScheduleHabitsData

GYM = {"id": "gym", "minDurationMinutes": 45}


def decoded(task_type: str, data: dict[str, Any]) -> Any:
    raw = {"taskId": "t", "taskType": task_type, "timestamp": "2025-10-27T10:00:00Z",
           "payload": {"userId": "u", "data": data}}  # fmt: skip
    return decode_command(json.dumps(raw).encode()).task_data


def problem(data: dict[str, Any], task_type: str = TaskType.SCHEDULE_HABITS) -> str:
    with pytest.raises(SchemaViolation) as caught:
        decoded(task_type, data)
    return caught.value.reason


@pytest.mark.parametrize("task_type", [TaskType.SCHEDULE_HABITS, TaskType.OPTIMIZE_SCHEDULE])
def test_both_planning_commands_carry_completions_in_utc(task_type: str) -> None:
    done = [{"habitId": "gym", "completedAt": "2025-10-27T08:30:00+02:00"}]
    data = decoded(task_type, {"habits": [GYM], "habitCompletions": done})
    assert isinstance(data, ScheduleHabitsData | OptimizeScheduleData)
    assert data.habit_completions == (
        HabitCompletion(habit_id="gym", completed_at=datetime(2025, 10, 27, 6, 30, tzinfo=UTC)),
    )
    dumped = data.model_dump(mode="json", by_alias=True)["habitCompletions"]
    assert dumped == [{"habitId": "gym", "completedAt": "2025-10-27T06:30:00Z"}]


def test_completions_are_optional_and_may_repeat() -> None:
    assert decoded(TaskType.SCHEDULE_HABITS, {"habits": [GYM]}).habit_completions == ()
    twice = [{"habitId": "gym", "completedAt": "2025-10-27T06:30:00Z"}] * 2  # counted once downstream
    assert (
        len(decoded(TaskType.SCHEDULE_HABITS, {"habits": [GYM], "habitCompletions": twice}).habit_completions)
        == 2
    )


@pytest.mark.parametrize(
    ("completion", "reason"),
    [
        ({"habitId": "yoga", "completedAt": "2025-10-27T06:30:00Z"},
         "habitCompletions names habit yoga, which is not among the command's habits"),
        ({"habitId": "gym", "completedAt": "2025-10-27T06:30:00"}, "timestamp has no UTC offset"),
        ({"habitId": "gym", "completedAt": "yesterday"},
         "habitCompletions[0].completedAt: is not an ISO-8601 timestamp"),
        ({"habitId": "gym", "completedAt": 1761546600}, "must be an ISO-8601 timestamp string"),
        ({"habitId": "", "completedAt": "2025-10-27T06:30:00Z"},
         "habitCompletions[0].habitId: String should have at least 1"),
        ({"completedAt": "2025-10-27T06:30:00Z"}, "habitCompletions[0].habitId: Field required"),
    ],
)  # fmt: skip
def test_bad_completions_are_refused_with_their_path(completion: dict[str, Any], reason: str) -> None:
    assert reason in problem({"habits": [GYM], "habitCompletions": [completion]})


def test_a_completion_of_a_habit_the_command_lacks_is_refused_for_both_types() -> None:
    done = [{"habitId": "gym", "completedAt": "2025-10-27T06:30:00Z"}]
    assert "not among the command's habits" in problem({"habitCompletions": done}, TaskType.OPTIMIZE_SCHEDULE)
