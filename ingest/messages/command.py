"""The command on `scheduling.commands`: what the product asks the worker to do for one user."""

from __future__ import annotations

from datetime import datetime
from functools import cached_property
from typing import Any

from pydantic import Field

from ingest.messages.base import Versioned, WireModel
from ingest.messages.enums import Priority, TaskType
from ingest.messages.task_data.parse import TaskData, parse_task_data, task_type_of
from ingest.messages.types import Id, UtcDatetime


class CommandPayload(WireModel):
    """Whom the command is for, and its type-specific data."""

    user_id: Id
    """The user; also the Kafka key, so a user's commands stay in order on one partition."""
    data: dict[str, Any] = Field(default_factory=dict)
    """Type-specific data; its schema depends on `taskType` (see the *-data schemas)."""


class Command(Versioned):
    """A request to schedule habits, sync a calendar or optimize a schedule."""

    task_id: Id
    """Unique id of this command; a replayed command with a known id is not applied twice."""
    task_type: TaskType
    """What to do; selects the schema of `payload.data`."""
    payload: CommandPayload
    """The user and the data."""
    timestamp: UtcDatetime
    """When the command was issued; 'now' for the plan it asks for."""
    priority: Priority = Priority.NORMAL
    """Urgency across users; it never reorders one user's commands."""

    @property
    def user_id(self) -> str:
        return self.payload.user_id

    @cached_property
    def task_data(self) -> TaskData:
        """The typed `payload.data`; raises SchemaViolation or UnsupportedVersion if it does not fit."""
        return parse_task_data(self)

    @classmethod
    def create(
        cls,
        *,
        task_id: str,
        user_id: str,
        data: TaskData,
        timestamp: datetime,
        priority: Priority = Priority.NORMAL,
    ) -> Command:
        """A command whose type follows from the data it carries."""
        wire_data = data.model_dump(mode="json", by_alias=True, exclude_none=True)
        return cls(
            task_id=task_id,
            task_type=task_type_of(data),
            payload=CommandPayload(user_id=user_id, data=wire_data),
            timestamp=timestamp,
            priority=priority,
        )
