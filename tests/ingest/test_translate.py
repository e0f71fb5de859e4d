"""Wire commands become host requests: the command's timestamp is the plan's now, bad data is typed."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any

import pytest

from actors.contract import CommandPriority, TaskType
from actors.request_codec import InvalidRequest, decode_request, encode_request, request_bytes
from actors.requests import ScheduleRequest, SyncRequest
from ingest.messages import Command, MessageError
from ingest.messages.task_data import TimeWindow, validate_task_data
from ingest.messages.task_data import Weekday as WireWeekday
from ingest.translate import UntranslatableCommand, request_for, work_item
from ingest.translate_items import hours
from optimizer import domain
from optimizer.domain import Weekday

ISSUED = datetime(2025, 10, 27, 10, 7, 30, tzinfo=UTC)  # a Monday
SOURCE = ("scheduling.commands", 2, 17)


def command(task_type: str, data: dict[str, Any], priority: str = "NORMAL") -> Command:
    typed = validate_task_data(task_type, data)  # type: ignore[arg-type]
    return Command.create(task_id="t1", user_id="ann", data=typed, timestamp=ISSUED, priority=priority)  # type: ignore[arg-type]


HABIT = {"id": "gym", "name": "Gym", "minDurationMinutes": 45, "maxDurationMinutes": 60,
         "hours": "PERSONAL", "allowedDays": ["MON", "WED"], "idealTime": "07:30", "priority": "HIGH",
         "bufferAfterMinutes": 10}  # fmt: skip


def request(cmd: Command, received: datetime = ISSUED) -> Any:
    item = work_item(cmd, SOURCE, received)
    assert (item.task_id, item.user_id, item.source) == ("t1", "ann", SOURCE)
    return item, decode_request(item.task_type, item.request)


def test_schedule_habits_plans_from_the_command_timestamp() -> None:
    item, req = request(command("SCHEDULE_HABITS", {"timezone": "Europe/Berlin", "habits": [HABIT],
                                                    "horizon": {"days": 2}}, "HIGH"))  # fmt: skip
    assert isinstance(req, ScheduleRequest)
    assert (item.task_type, item.priority) == (TaskType.SCHEDULE_HABITS, CommandPriority.HIGH)
    inst = req.instance
    assert inst.now == ISSUED
    assert inst.horizon_start == datetime(2025, 10, 27, 10, 15, tzinfo=UTC)  # the next whole slot
    assert inst.horizon_end == inst.horizon_start + timedelta(days=2)
    (habit,) = inst.habits
    assert (habit.min_duration, habit.max_duration, habit.buffer_after) == (45, 60, 10)
    assert habit.allowed_days == frozenset({Weekday.MON, Weekday.WED})
    assert (habit.ideal_time, habit.priority.name, habit.hours.value) == (time(7, 30), "HIGH", "PERSONAL")
    assert inst.working_hours[Weekday.MON][0].start == time(9)
    assert "time_limit_s" not in inst.options.model_fields_set  # the host applies its priority's limit


def test_optimize_schedule_carries_work_goals_and_limits() -> None:
    data = {
        "tasks": [{"id": "rep", "effortMinutes": 90, "due": "2025-10-29T17:00:00Z", "dependsOn": []}],
        "goals": [{"id": "es", "title": "Spanish", "type": "HEALTH", "targetDate": "2025-12-01T00:00:00Z",
                   "effortMinutes": 600, "progress": {"current": 3, "target": 10, "unit": "lessons"}}],
        "freezeMinutes": 30,
        "focus": {"minBlockMinutes": 90, "dailyMinutes": 120, "hours": "CUSTOM"},
        "options": {"timeLimitMs": 1500, "randomSeed": 4},
    }  # fmt: skip
    _, req = request(command("OPTIMIZE_SCHEDULE", data))
    inst = req.instance
    assert inst.tasks[0].effort == 90 and inst.tasks[0].title == "rep"
    assert (inst.goals[0].progress_current, inst.goals[0].progress_target) == (3, 10)
    assert req.goals["es"].goal_type == "HEALTH" and req.goals["es"].unit == "lessons"
    assert inst.freeze_until == ISSUED + timedelta(minutes=30)
    assert inst.focus is not None and inst.focus.hours.value == "WORKING"
    assert (inst.options.time_limit_s, inst.options.random_seed) == (1.5, 4)


def test_sync_calendar() -> None:
    item, req = request(command("SYNC_CALENDAR", {"calendarId": "work", "fullSync": True}))
    assert item.task_type is TaskType.SYNC_CALENDAR
    assert req == SyncRequest(calendar_id="work", full_sync=True, reason="USER")


@pytest.mark.parametrize("calendar", ["primary", "work"])
@pytest.mark.parametrize("full", [False, True])
def test_sync_requests_are_one_model_and_the_bytes_it_encodes_each_time(calendar: str, full: bool) -> None:
    cmd = command("SYNC_CALENDAR", {"calendarId": calendar, "fullSync": full, "reason": "PUSH"})
    first, again = (work_item(cmd, SOURCE, ISSUED).request for _ in range(2))
    assert first is again  # built once
    expected = encode_request(request_for(cmd))
    assert [request_bytes(first), request_bytes(again)] == [expected, expected]
    decoded = decode_request(TaskType.SYNC_CALENDAR, expected)
    assert decoded == decode_request("SYNC_CALENDAR", expected)
    assert decoded == SyncRequest(calendar_id=calendar, full_sync=full, reason="PUSH")


def test_a_refused_sync_request_is_refused_every_time() -> None:
    for _ in range(2):
        with pytest.raises(InvalidRequest, match="full_sync"):
            decode_request(TaskType.SYNC_CALENDAR, b'{"full_sync":"sometimes"}')


def test_a_replay_asks_for_exactly_the_same_work() -> None:
    cmd = command("SCHEDULE_HABITS", {"habits": [HABIT]})
    first = work_item(cmd, SOURCE, ISSUED)
    later = work_item(cmd, SOURCE, ISSUED + timedelta(hours=5))
    assert request_bytes(first.request) == request_bytes(later.request)


def test_data_the_domain_refuses_is_a_typed_error() -> None:
    cmd = command("SCHEDULE_HABITS", {"horizon": {"end": "2025-10-27T10:10:00Z"}})  # ends before it starts
    with pytest.raises(UntranslatableCommand) as caught:
        work_item(cmd, SOURCE, ISSUED)
    assert isinstance(caught.value, MessageError)
    assert "horizon" in caught.value.reason and caught.value.error_class == "UntranslatableCommand"


def test_hours_give_the_same_windows_every_time_and_a_refused_window_names_its_field() -> None:
    monday = {"MON": [{"start": "09:00", "end": "12:00"}, {"start": "13:00", "end": "24:00"}]}
    first = hours(validate_task_data("SCHEDULE_HABITS", {"workingHours": monday}).working_hours)  # type: ignore[arg-type]
    again = hours(validate_task_data("SCHEDULE_HABITS", {"workingHours": monday}).working_hours)  # type: ignore[arg-type]
    assert first == again == {Weekday.MON: (domain.TimeWindow(start=time(9), end=time(12)),
                                            domain.TimeWindow(start=time(13), end=time(0)))}  # fmt: skip
    # A window the domain refuses (never one the wire accepts) is left to the instance, which names it.
    backwards = TimeWindow.model_construct(start=time(12), end=time(9))
    data = validate_task_data("SCHEDULE_HABITS", {}).model_copy(  # type: ignore[union-attr]
        update={"working_hours": {WireWeekday.MON: (backwards,)}}
    )
    cmd = Command.create(task_id="t1", user_id="ann", data=data, timestamp=ISSUED)
    cmd.__dict__["task_data"] = data  # as decoded: the wire's own check is what this window skipped
    with pytest.raises(UntranslatableCommand, match=r"working_hours\[0\]\[0\]: window end"):
        work_item(cmd, SOURCE, ISSUED)


@pytest.mark.parametrize(
    "data", [{}, {"horizon": {"days": 3}}, {"freezeMinutes": 10_000, "horizon": {"days": 1}}]
)
def test_a_horizon_past_year_9999_is_a_typed_error_not_a_crash(data: dict[str, Any]) -> None:
    # The wire accepts any ISO timestamp; the plan's end computed from it must not escape as an
    # OverflowError, which would stop the ingest loop on every read of the same record.
    late = Command.create(
        task_id="t1",
        user_id="ann",
        data=validate_task_data("SCHEDULE_HABITS", data),  # type: ignore[arg-type]
        timestamp=datetime(9999, 12, 31, 23, 50, tzinfo=UTC),
    )
    with pytest.raises(UntranslatableCommand, match="past year 9999"):
        work_item(late, SOURCE, ISSUED)
