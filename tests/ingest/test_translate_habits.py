"""Habit progress in a command becomes the host's: completions on the user's local days, given streaks."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from actors.request_codec import decode_request, request_bytes
from actors.requests import HabitCompletion, ScheduleRequest, StreakSeed
from ingest.messages import Command
from ingest.messages.task_data import validate_task_data
from ingest.translate import UntranslatableCommand, work_item

ISSUED = datetime(2025, 10, 27, 10, 7, 30, tzinfo=UTC)  # a Monday
GYM = {"id": "gym", "minDurationMinutes": 45}


def translated(data: dict[str, Any], task_type: str = "SCHEDULE_HABITS") -> tuple[bytes, ScheduleRequest]:
    typed = validate_task_data(task_type, data)  # type: ignore[arg-type]
    command = Command.create(task_id="t1", user_id="ann", data=typed, timestamp=ISSUED)
    item = work_item(command, ("scheduling.commands", 0, 1), ISSUED)
    request = decode_request(item.task_type, item.request)
    assert isinstance(request, ScheduleRequest)
    return request_bytes(item.request), request


@pytest.mark.parametrize("task_type", ["SCHEDULE_HABITS", "OPTIMIZE_SCHEDULE"])
def test_completions_land_on_the_users_local_day(task_type: str) -> None:
    done = [
        {"habitId": "gym", "completedAt": "2025-10-26T15:30:00Z"},  # Monday 00:30 in Tokyo
        {"habitId": "gym", "completedAt": "2025-10-26T14:30:00Z"},  # Sunday 23:30 in Tokyo
    ]
    _, request = translated({"timezone": "Asia/Tokyo", "habits": [GYM], "habitCompletions": done}, task_type)
    assert request.habit_completions == (
        HabitCompletion(
            habit_id="gym", day=date(2025, 10, 27), at=datetime(2025, 10, 26, 15, 30, tzinfo=UTC)
        ),
        HabitCompletion(
            habit_id="gym", day=date(2025, 10, 26), at=datetime(2025, 10, 26, 14, 30, tzinfo=UTC)
        ),
    )


def test_a_habits_streak_is_passed_on_to_start_from() -> None:
    habits = [{**GYM, "streak": {"current": 12, "longest": 28}}, {"id": "read", "minDurationMinutes": 15}]
    _, request = translated({"habits": habits})
    assert request.habit_streaks == {"gym": StreakSeed(current=12, longest=28)}


def test_a_command_without_habit_progress_is_translated_as_before() -> None:
    raw, request = translated({"habits": [GYM]})
    assert (request.habit_completions, request.habit_streaks) == ((), {})
    assert b"habit_completions" not in raw and b"habit_streaks" not in raw  # same request bytes as ever


def test_a_completion_well_after_the_command_is_untranslatable() -> None:
    done = [{"habitId": "gym", "completedAt": "2025-10-27T10:12:30Z"},  # 5 minutes late: the clocks' skew
            {"habitId": "gym", "completedAt": "2025-10-27T10:12:31Z"}]  # fmt: skip
    with pytest.raises(
        UntranslatableCommand,
        match=r"habitCompletions\.1 \(habit gym\): completedAt is more than 5 minutes after",
    ):
        translated({"habits": [GYM], "habitCompletions": done})
