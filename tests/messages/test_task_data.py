"""Payload data per task type: minimal data gets sensible defaults, bad data a reason with its path."""

from __future__ import annotations

import json
from datetime import UTC, datetime, time, timedelta
from typing import Any

import pytest

from ingest.messages import (
    Command,
    OptimizeScheduleData,
    ScheduleHabitsData,
    SchemaViolation,
    SyncCalendarData,
    TaskType,
    Versioned,
    decode_command,
    encode,
)
from ingest.messages.task_data import (
    HoursKind,
    ItemPriority,
    PlanningData,
    PriorityMode,
    SyncReason,
    Weekday,
    validate_task_data,
)
from tests.messages.examples import NOW, OPTIMIZE_DATA, SCHEDULE_HABITS_DATA, SYNC_DATA, command


def test_empty_data_is_valid_for_every_type_with_sensible_defaults() -> None:
    habits = validate_task_data(TaskType.SCHEDULE_HABITS, {})
    assert isinstance(habits, ScheduleHabitsData)
    assert (
        habits.timezone == "UTC"
        and habits.slot_minutes == 15
        and habits.horizon.span(NOW)
        == (
            NOW,
            NOW + timedelta(days=7),
        )
    )
    assert habits.working_hours[Weekday.MON][0].start == time(9) and Weekday.SAT not in habits.working_hours
    assert habits.options.num_workers == 1 and habits.options.time_limit_ms is None
    sync = validate_task_data(TaskType.SYNC_CALENDAR, {})
    assert sync == SyncCalendarData(calendar_id="primary", full_sync=False, reason=SyncReason.USER)


def test_full_optimize_data_parses_every_field() -> None:
    data = OptimizeScheduleData.model_validate(OPTIMIZE_DATA)
    run = data.habits[0]
    assert run.duration_range == (30, 45) and run.ideal_time == time(6, 30) and run.streak is not None
    assert run.custom_hours is not None and run.hours is HoursKind.CUSTOM
    assert data.tasks[1].depends_on == ("spec",) and data.tasks[1].priority is ItemPriority.CRITICAL
    assert data.goals[0].progress.target == 300 and data.goals[0].hours is HoursKind.ANY
    assert data.horizon.start == datetime(2025, 10, 26, 23, tzinfo=UTC)
    assert data.personal_hours[Weekday.SAT][0].end == time(0)
    assert data.options.priority_mode is PriorityMode.LEXICOGRAPHIC and data.focus is not None


@pytest.mark.parametrize(
    ("data", "model"), [(SCHEDULE_HABITS_DATA, ScheduleHabitsData), (SYNC_DATA, SyncCalendarData)]
)
def test_each_type_example_parses(data: dict[str, Any], model: type[Versioned]) -> None:
    assert isinstance(model.model_validate(data), model)


def test_command_create_picks_the_type_from_the_data_and_round_trips() -> None:
    made = command(data=SyncCalendarData(calendar_id="work"))
    assert made.task_type is TaskType.SYNC_CALENDAR
    assert decode_command(encode(made)).task_data == SyncCalendarData(calendar_id="work")
    # The end of day survives the trip as '24:00'.
    written = json.loads(encode(command()))["payload"]["data"]
    assert written["personalHours"]["SAT"] == [{"start": "08:00", "end": "24:00"}]


def _problem(task_type: TaskType, data: dict[str, Any]) -> str:
    raw = {
        "taskId": "t",
        "taskType": task_type,
        "payload": {"userId": "u", "data": data},
        "timestamp": "2025-10-27T10:00:00Z",
    }
    with pytest.raises(SchemaViolation) as caught:
        decode_command(json.dumps(raw).encode())
    return caught.value.reason


OPT = TaskType.OPTIMIZE_SCHEDULE
HABIT = {"id": "h", "minDurationMinutes": 30}
TASK = {"id": "a", "effortMinutes": 60}


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ({"timezone": "Mars/Olympus"}, "payload.data.timezone: is not a known IANA time zone"),
        ({"timezone": "../../etc/passwd"}, "payload.data.timezone: is not a known IANA time zone"),
        ({"slotMinutes": 10}, "payload.data.slotMinutes: Input should be 5 or 15"),
        (
            {"horizon": {"days": 3, "end": "2025-11-01T00:00:00Z"}},
            "payload.data.horizon: give either days or end",
        ),
        ({"horizon": {"days": 60}}, "payload.data.horizon.days: Input should be less than or equal to 31"),
        (
            {"horizon": {"start": "2025-11-02T00:00:00Z", "end": "2025-11-01T00:00:00Z"}},
            "end must be after start",
        ),
        (
            {"workingHours": {"MON": [{"start": "9:00", "end": "17:00"}]}},
            "workingHours.MON[0].start: must be a 24-hour",
        ),
        (
            {"workingHours": {"MON": [{"start": "17:00", "end": "09:00"}]}},
            "workingHours.MON[0]: end must be after start",
        ),
        (
            {"workingHours": {"FUNDAY": []}},
            "payload.data.workingHours.FUNDAY (the key): Input should be 'MON'",
        ),
        (
            {
                "workingHours": {
                    "TUE": [{"start": "09:00", "end": "13:00"}, {"start": "12:00", "end": "14:00"}]
                }
            },
            "payload.data.workingHours: the windows of TUE overlap",
        ),
        (
            {"habits": [{**HABIT, "minDurationMinutes": 0}]},
            "habits[0].minDurationMinutes: Input should be greater than 0",
        ),
        (
            {"habits": [{**HABIT, "maxDurationMinutes": 20}]},
            "habits[0]: habit h: maxDurationMinutes is below",
        ),
        (
            {"habits": [{**HABIT, "hours": "CUSTOM"}]},
            "habits[0]: habit h has hours CUSTOM but no customHours",
        ),
        (
            {"habits": [{**HABIT, "allowedDays": []}]},
            "habits[0].allowedDays: Tuple should have at least 1 item",
        ),
        ({"habits": [{**HABIT, "idealTime": "25:00"}]}, "habits[0].idealTime: must be a 24-hour local time"),
        ({"habits": [HABIT, HABIT]}, "payload.data: habit id h appears twice"),
        (
            {"habits": [{**HABIT, "streak": {"current": 5, "longest": 2}}]},
            "streak: longest must be at least current",
        ),
        ({"tasks": [{**TASK, "dependsOn": ["zzz"]}]}, "payload.data: task a depends on unknown task zzz"),
        ({"tasks": [{**TASK, "dependsOn": ["a"]}]}, "tasks[0]: task a: a task cannot depend on itself"),
        (
            {"tasks": [{**TASK, "dependsOn": ["b"]}, {"id": "b", "effortMinutes": 5, "dependsOn": ["a"]}]},
            "a dependency cycle",
        ),
        ({"tasks": [{**TASK, "dueIsHard": True}]}, "tasks[0]: task a: dueIsHard needs a due instant"),
        (
            {"tasks": [{**TASK, "minChunkMinutes": 150}]},
            "tasks[0]: task a: maxChunkMinutes is below minChunkMinutes",
        ),
        (
            {"tasks": [{**TASK, "priority": "URGENT"}]},
            "tasks[0].priority: Input should be 'CRITICAL', 'HIGH'",
        ),
        ({"goals": [{"id": "g", "effortMinutes": 60}]}, "goals[0].targetDate: Field required"),
        (
            {"freezeMinutes": 5, "freezeUntil": "2025-10-27T12:00:00Z"},
            "give either freezeUntil or freezeMinutes",
        ),
        (
            {"events": [{"id": "e", "start": "2025-10-27T10:00:00Z", "end": "2025-10-27T10:00:00Z"}]},
            "end must be after",
        ),
        ({"options": {"numWorkers": 0}}, "options.numWorkers: Input should be greater than or equal to 1"),
        ({"options": {"priorityMode": "RANDOM"}}, "options.priorityMode: Input should be 'WEIGHTED' or"),
        ({"tasks": "all of them"}, "payload.data.tasks: Input should be a valid tuple"),
    ],
)
def test_bad_data_names_the_path(data: dict[str, Any], reason: str) -> None:
    assert reason in _problem(OPT, data)


def test_sync_data_validates_its_fields() -> None:
    assert "payload.data.reason: Input should be 'PUSH', 'SCHEDULED' or 'USER'" in _problem(
        TaskType.SYNC_CALENDAR, {"reason": "BORED"}
    )


def test_a_deep_dependency_chain_is_checked_without_recursion() -> None:
    chain = [{"id": f"t{i}", "effortMinutes": 5, "dependsOn": [f"t{i + 1}"]} for i in range(3000)]
    chain.append({"id": "t3000", "effortMinutes": 5})
    assert len(OptimizeScheduleData.model_validate({"tasks": chain}).tasks) == 3001
    chain[-1] = {"id": "t3000", "effortMinutes": 5, "dependsOn": ["t0"]}
    with pytest.raises(ValueError, match="a dependency cycle"):
        OptimizeScheduleData.model_validate({"tasks": chain})


def test_only_the_data_of_a_command_type_makes_a_command() -> None:
    with pytest.raises(TypeError, match="PlanningData is not the data of any command type"):
        Command.create(task_id="t", user_id="u", data=PlanningData(), timestamp=NOW)  # type: ignore[arg-type]
