"""Validates a command's `payload.data` against the schema of its `taskType`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ingest.messages.enums import TaskType
from ingest.messages.task_data.payloads import OptimizeScheduleData, ScheduleHabitsData, SyncCalendarData
from ingest.messages.validation import validate_document

if TYPE_CHECKING:
    from ingest.messages.command import Command

TaskData = ScheduleHabitsData | OptimizeScheduleData | SyncCalendarData

TASK_DATA_MODELS: dict[TaskType, type[TaskData]] = {
    TaskType.SCHEDULE_HABITS: ScheduleHabitsData,
    TaskType.OPTIMIZE_SCHEDULE: OptimizeScheduleData,
    TaskType.SYNC_CALENDAR: SyncCalendarData,
}


def parse_task_data(command: Command) -> TaskData:
    """The typed data of `command`; raises SchemaViolation or UnsupportedVersion naming the field."""
    return validate_task_data(command.task_type, command.payload.data)


def validate_task_data(task_type: TaskType, data: Mapping[str, Any]) -> TaskData:
    return validate_document(TASK_DATA_MODELS[task_type], data, "payload.data")


def task_type_of(data: TaskData) -> TaskType:
    """The command type that carries `data`."""
    for task_type, model in TASK_DATA_MODELS.items():
        if type(data) is model:
            return task_type
    raise TypeError(f"{type(data).__name__} is not the data of any command type")
