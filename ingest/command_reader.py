"""Consumed records to work items: each is tracked for its offset's commit and held for its answer,
and one that cannot be read goes to the dead letters at once instead of stopping its partition."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from confluent_kafka import Message

from actors.contract import TaskType, WorkItem
from ingest.answers import Answers, Ref
from ingest.dead_letter import Failure, unexpected
from ingest.messages import MessageError, decode_command
from ingest.offsets import OffsetTracker
from ingest.translate import work_item

log = logging.getLogger(__name__)


def read_commands(messages: list[Message], tracker: OffsetTracker, answers: Answers) -> list[WorkItem]:
    """The batch's commands, in order, ready for their hosts."""
    now, items = datetime.now(UTC), []
    for message in messages:
        if message.error() is not None:
            answers.stats.errors += 1
            log.warning("consume error: %s", message.error())
            continue
        ref: Ref = (message.topic() or "", message.partition() or 0, message.offset() or 0)
        tracker.track(ref[:2], ref[2])
        answers.stats.consumed += 1
        try:
            command = decode_command(message.value())  # type: ignore[arg-type]  # None is refused there
            item = work_item(command, ref, now)
        except MessageError as failure:
            answers.hold(ref, message, None, now)
            answers.dead_letter(ref, Failure(failure.error_class, failure.reason, 1, now, now))
            continue
        except Exception as error:  # a defect: this record goes to the dead letters, not the loop
            answers.hold(ref, message, None, now)
            answers.dead_letter(ref, unexpected(error, "reading the command", ref))
            continue
        answers.hold(ref, message, command.timestamp, now, sync=item.task_type is TaskType.SYNC_CALENDAR)
        items.append(item)
    return items
