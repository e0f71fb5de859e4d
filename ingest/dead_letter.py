"""Dead-letter records: a command that cannot be processed, with everything needed to replay it.

The envelope (`ingest.messages.DeadLetter`) keeps the original bytes, key and headers and names the
source topic, partition and offset, the error class, the reason, and how often and when it failed.
It is keyed like the original (by `userId`), so one user's failures stay in order, and carries the
headers `errorClass` and `messageId` (derived from the failed record's topic, partition and offset).
A key longer than the envelope keeps is cut the same way for the record's own key: a userId is far
shorter, and the full key beside the envelope could pass the producer's size limit.
"""

from __future__ import annotations

import logging
import os
import socket
import traceback
from dataclasses import dataclass
from datetime import UTC, datetime

from confluent_kafka import Message

from ingest.messages import DeadLetter, FailedRecord, derive_id, encode
from ingest.messages.dead_letter import MAX_CAPTURED_KEY, value_parts
from ingest.outputs import Headers, OutputRecord

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Failure:
    """Why and how often a record failed."""

    error_class: str
    reason: str
    attempts: int
    first_at: datetime
    last_at: datetime


def worker_id() -> str:
    """This process, as the dead-letter record names it: host name and process id."""
    return f"{socket.gethostname()}/{os.getpid()}"


def failed_record(source: tuple[str, int, int], message: Message) -> FailedRecord:
    """The consumed record as the envelope keeps it; `source` is its topic, partition and offset."""
    topic, partition, offset = source
    headers = message.headers() or []
    pairs = list(headers.items()) if isinstance(headers, dict) else headers
    kept = [(k, v.encode() if isinstance(v, str) else v) for k, v in pairs]
    return FailedRecord(topic, partition, offset, message.key(), message.value(), tuple(kept))


def dead_letter_records(
    record: FailedRecord, failure: Failure, topic: str, worker: str
) -> list[OutputRecord]:
    """The records to produce on `topic` (the dead-letter topic) for `record`: one, or one per part of
    a value too large for one envelope, in order, all keyed alike (so on one partition)."""
    key = None if record.key is None else record.key[:MAX_CAPTURED_KEY]
    letters = []
    for part in range(value_parts(record)):
        envelope = DeadLetter.capture(
            record,
            error_class=failure.error_class,
            reason=failure.reason,
            attempts=failure.attempts,
            first_failure_at=failure.first_at,
            # Wall-clock times: a clock stepped back between the two must not make the envelope invalid.
            last_failure_at=max(failure.first_at, failure.last_at),
            worker_id=worker,
            part=part,
        )
        headers: Headers = [
            ("errorClass", failure.error_class.encode()),
            ("messageId", letter_id(record, part).encode()),
        ]
        letters.append(OutputRecord(topic, key, encode(envelope), headers))
    return letters


def letter_id(record: FailedRecord, part: int = 0) -> str:
    """The dead-letter record's id, from where the failed record sits (and which part of its value it
    holds, after the first): a record read again after a restart fails again with new times and
    worker, and this id lets consumers drop the copy."""
    where = (record.topic, "dead-letter", str(record.partition), str(record.offset))
    return derive_id(*where, *([f"part-{part}"] if part else []))


def unexpected(error: Exception, doing: str, ref: tuple[str, int, int]) -> Failure:
    """A failure nobody foresaw (a defect): dead-lettered rather than stopping the loop on a record it
    would meet again after every restart. The log gets where it happened, not the error's message,
    which may quote the command's data."""
    frames = "".join(traceback.format_tb(error.__traceback__))
    log.error("unexpected %s while %s (record %s):\n%s", type(error).__name__, doing, ref, frames)
    now = datetime.now(UTC)
    reason = (
        f"unexpected {type(error).__name__} while {doing}; this is a defect in the worker: report it, "
        "and replay the command from the dead letters once fixed"
    )
    return Failure("UnexpectedError", reason, 1, now, now)
