"""The messages an ingest actor holds, and their answers: outputs or a dead-letter record, then *done*.

A message is done only when every output it caused has been acked by the broker; then its offset may
be committed. A result whose outputs cannot be encoded, or which the broker refuses for good, turns
into a dead-letter record instead, so the command is never silently lost.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from confluent_kafka import Message, Producer

from actors.contract import ItemResult
from ingest.dead_letter import Failure, dead_letter_records, failed_record, unexpected
from ingest.ingest_stats import IngestStats, Latencies
from ingest.messages import MessageError
from ingest.offsets import OffsetTracker, Partition
from ingest.outputs import OutputRecord, records_from_json
from ingest.pipeline_config import PipelineTopics
from ingest.publisher import Publisher
from ingest.sync_failures import sync_failed_records

log = logging.getLogger(__name__)

Ref = tuple[str, int, int]  # topic, partition, offset


@dataclass
class _Held:
    message: Message
    issued_at: datetime | None  # the command's timestamp: end-to-end latency starts there
    taken_at: datetime
    sync: bool = False  # a SYNC_CALENDAR command: its user hears of a failure too
    dead: bool = False  # its output is a dead-letter record


class Answers:
    def __init__(
        self, producer: Producer, topics: PipelineTopics, tracker: OffsetTracker, worker: str
    ) -> None:
        self.publisher: Publisher[Ref] = Publisher(producer, self._finished, self._refused)
        self._topics = topics
        self._tracker = tracker
        self._worker = worker
        self._held: dict[Ref, _Held] = {}
        self.stats = IngestStats()
        self.latencies = Latencies()

    def __len__(self) -> int:
        return len(self._held)

    def hold(
        self, ref: Ref, message: Message, issued_at: datetime | None, now: datetime, sync: bool = False
    ) -> None:
        self._held[ref] = _Held(message, issued_at, now, sync)

    def holds_any(self, partitions: list[Partition]) -> bool:
        return any(ref[:2] in partitions for ref in self._held)

    def release(self, partitions: list[Partition]) -> list[Ref]:
        """Let go of the messages of `partitions` (abandoned); returns their refs."""
        refs = [ref for ref in self._held if ref[:2] in partitions]
        for ref in refs:
            del self._held[ref]
        self.publisher.abandon(refs)  # a late ack must not finish the command when it is read again
        self.stats.abandoned += len(refs)
        return refs

    def answer(self, ref: Ref, result: ItemResult) -> None:
        held = self._held.get(ref)
        if held is None:
            return  # abandoned meanwhile: the partition's next owner answers it
        if not result.ok:
            error_class = result.error_class or "ProcessingFailed"
            failure = Failure(error_class, result.reason or "", result.attempts, held.taken_at, _now())
            told = sync_failed_records(result, failure.last_at, self._topics.outputs) if held.sync else []
            self.dead_letter(ref, failure, told)
            return
        try:
            records = records_from_json(result.task_id, result.outcomes_json, self._topics.outputs)
        except MessageError as error:
            now = _now()
            self.dead_letter(ref, Failure(error.error_class, error.reason, 1, now, now))
            return
        except Exception as error:  # a defect here must not stop the loop on this record for good
            self.dead_letter(ref, unexpected(error, "writing its outputs", ref))
            return
        self.stats.replayed += result.replayed
        self.publisher.publish(ref, records)

    def dead_letter(self, ref: Ref, failure: Failure, also: list[OutputRecord] | None = None) -> None:
        """The command's dead-letter record, and `also` (what its user is told) with it."""
        held = self._held[ref]
        held.dead = True
        records = dead_letter_records(
            failed_record(ref, held.message), failure, self._topics.outputs.dead_letter, self._worker
        )
        self.stats.dead_lettered += 1
        self.publisher.publish(ref, [*records, *(also or [])])

    def _finished(self, ref: Ref) -> None:
        held = self._held.pop(ref, None)
        if held is None or not self._tracker.done(ref[:2], ref[2]):
            return
        self.stats.done += 1
        self.stats.last_done_at = time.time()
        if held.issued_at is not None:
            self.latencies.add((_now() - held.issued_at).total_seconds() * 1000)

    def _refused(self, ref: Ref, error_class: str, reason: str) -> None:
        held = self._held.get(ref)
        if held is None:
            return
        if held.dead:  # even the dead letter was refused: leave it uncommitted, so it is read again
            self.stats.errors += 1
            log.error("dead-letter record for %s refused: %s; the command stays uncommitted", ref, reason)
            return
        now = _now()
        self.dead_letter(ref, Failure(error_class, reason, 1, now, now))


def _now() -> datetime:
    return datetime.now(UTC)
