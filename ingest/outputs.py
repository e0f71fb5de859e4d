"""Outcomes become Kafka records: the topic, the key (`userId`) and the wire message.

Every record also carries two headers: `taskId`, the command it answers, and `messageId`, an id derived
from the command and the outcome's position. Outcomes come back from the host's outbox in the same order
on every replay, so a replayed command yields byte-identical records with the same ids, and a consumer
can drop duplicates by `messageId` even for messages whose body has no id of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import ValidationError
from pydantic_core import from_json

from actors.outcomes import OUTCOMES, Outcome
from ingest.messages import MAX_MESSAGE_BYTES, SchemaViolation, derive_id, encode
from ingest.messages.ids import derive_ids
from ingest.messages.validation import describe
from ingest.output_models import message_for
from ingest.output_wire import wire_message
from ingest.pipeline_config import OutputTopics

Headers = list[tuple[str, str | bytes | None]]


@dataclass(frozen=True, slots=True)
class OutputRecord:
    topic: str
    key: bytes | None
    value: bytes
    headers: Headers = field(default_factory=list)


def records_from_json(task_id: str, outcomes_json: bytes, topics: OutputTopics) -> list[OutputRecord]:
    """The records of outcomes as a host returns them (`ItemResult.outcomes_json`); see `records_for`.

    Each output is written straight from the JSON when all are plainly what a host writes; otherwise
    the command's outcomes take the models' way, with the same bytes or the same error as ever.
    """
    try:
        records = _plain_records(task_id, from_json(outcomes_json), topics)
    except (ValueError, UnicodeEncodeError):  # not JSON, or a key that is not text
        records = None
    if records is None:
        return records_for(task_id, outcomes_of(task_id, outcomes_json), topics)
    return records


def outcomes_of(task_id: str, outcomes_json: bytes) -> tuple[Outcome, ...]:
    """The outcomes in a host's JSON; SchemaViolation when it is not outcomes this version reads."""
    try:
        return OUTCOMES.validate_json(outcomes_json)
    except ValidationError as error:
        raise SchemaViolation(f"the outputs of task {task_id} cannot be read: {describe(error)}") from None


def _plain_records(task_id: str, raw: object, topics: OutputTopics) -> list[OutputRecord] | None:
    if type(raw) is not list:
        return None
    records = []
    task = task_id.encode()
    for outcome, message_id in zip(raw, derive_ids(task_id, "output", len(raw)), strict=True):
        written = wire_message(outcome)
        if written is None or len(written[1]) > MAX_MESSAGE_BYTES:  # the models' way says what is wrong
            return None
        kind, value = written
        headers: Headers = [("taskId", task), ("messageId", message_id.encode())]
        topic = getattr(topics, _TOPICS[kind])
        records.append(OutputRecord(topic, outcome["user_id"].encode(), value, headers))
    return records


_TOPICS = {
    "calendar": "calendar",
    "habit": "habits",
    "goal": "goals",
    "reminder": "reminders",
    "calendar_update": "calendar_updates",
    "performance": "performance",
    "usage": "usage",
}


def records_for(task_id: str, outcomes: tuple[Outcome, ...], topics: OutputTopics) -> list[OutputRecord]:
    """The records of one command's outcomes, in order; raises MessageError if one cannot be encoded."""
    return [record_for(task_id, index, outcome, topics) for index, outcome in enumerate(outcomes)]


def record_for(task_id: str, index: int, outcome: Outcome, topics: OutputTopics) -> OutputRecord:
    try:
        topic, message = message_for(outcome, topics)
    except ValidationError as error:  # an outcome the wire refuses: a MessageError, so it is dead-lettered
        raise SchemaViolation(
            f"output {index} of task {task_id} breaks its wire schema: {describe(error)}"
        ) from None
    return OutputRecord(topic, outcome.user_id.encode(), encode(message), _headers(task_id, index))


def _headers(task_id: str, index: int) -> Headers:
    return [("taskId", task_id.encode()), ("messageId", derive_id(task_id, "output", str(index)).encode())]
