"""What crosses the line between the ingest actors and the host actors.

Ingest turns a validated Kafka command into a `WorkItem` (wire formats stop there) and gets back an
`ItemResult` whose outcomes (`actors.outcomes`) it publishes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from actors.kinds import CommandPriority, TaskType
from actors.outcomes import OUTCOMES, Outcome
from actors.request_codec import request_bytes
from actors.requests import Request

__all__ = ["CommandPriority", "ItemResult", "TaskType", "WorkItem"]


@dataclass(frozen=True, slots=True)
class WorkItem:
    """One command for one user. `request` is a request model from `actors.requests`, or its JSON.

    Plain bytes rather than pydantic objects cross the process boundary: pickling models costs more
    than the whole hot path (ARCHITECTURE.md section 4b). A host in the ingest actor's own process takes
    the model as ingest built it, which spares encoding and decoding it again (75-110 µs of a week-long
    plan's command, measured in one process).
    """

    task_id: str
    user_id: str
    task_type: TaskType
    priority: CommandPriority
    received_at: datetime
    request: bytes | Request
    source: tuple[str, int, int] = ("", -1, -1)  # topic, partition, offset the command was read at

    def __reduce__(self) -> tuple[type[WorkItem], tuple[object, ...]]:
        # Pickled as plain arguments: a frozen slots dataclass's own pickling looks its fields up
        # on every call, which cost more than the rest of a cheap command's trip to its host.
        fields = (self.task_id, self.user_id, self.task_type, self.priority, self.received_at)
        return WorkItem, (*fields, request_bytes(self.request), self.source)


@dataclass(frozen=True, slots=True)
class ItemResult:
    """The answer for one WorkItem: outcomes to publish, or why it failed after its retries.

    Outcomes travel as the JSON the user's outbox keeps them in (`OUTCOMES`): the host encodes them
    once, for the store and for the way back, a replay hands back the stored bytes unchanged, and
    pickling a list of pydantic models across processes would cost more than that whole encoding.
    """

    task_id: str
    user_id: str
    outcomes_json: bytes = b"[]"
    error_class: str | None = None
    reason: str | None = None
    attempts: int = 1
    replayed: bool = False
    timings_ms: dict[str, float] = field(default_factory=dict)

    def __reduce__(self) -> tuple[type[ItemResult], tuple[object, ...]]:
        fields = (self.task_id, self.user_id, self.outcomes_json, self.error_class, self.reason)
        return ItemResult, (*fields, self.attempts, self.replayed, self.timings_ms)

    @classmethod
    def of(cls, task_id: str, user_id: str, outcomes: tuple[Outcome, ...], **fields: Any) -> ItemResult:
        return cls(task_id, user_id, OUTCOMES.dump_json(outcomes), **fields)

    @property
    def ok(self) -> bool:
        return self.error_class is None

    @property
    def outcomes(self) -> tuple[Outcome, ...]:
        """The outcomes as models (decoded on each access: the hot path reads `outcomes_json`)."""
        return OUTCOMES.validate_json(self.outcomes_json)
