"""How a command consumer commits its offsets, and when a commit counts as done.

Offsets are committed per partition from the watermark (`ingest.offsets`), asynchronously in steady
state and synchronously when partitions are revoked or the consumer closes. An asynchronous commit
counts as done only once the broker confirms it (the consumer's `on_commit`, served inside `poll` on
the loop's thread): one that failed is sent again with the next, even if the watermark has not moved.
"""

from __future__ import annotations

import logging
import time

from confluent_kafka import Consumer, KafkaError, KafkaException, TopicPartition

from ingest.offsets import OffsetTracker, Partition
from ingest.pipeline_config import PipelineSettings

log = logging.getLogger(__name__)


class OffsetCommits:
    """The commit side of `CommandConsumer`, which sets these attributes and passes `_committed` to
    its consumer as `on_commit`."""

    tracker: OffsetTracker
    _consumer: Consumer
    _pipeline: PipelineSettings
    _next_commit: float

    def commit_due(self) -> None:
        now = time.monotonic()
        if now >= self._next_commit:
            self._next_commit = now + self._pipeline.commit_interval_s
            self._commit(self.tracker.to_commit(), asynchronous=True)

    def commit_now(self, partitions: list[Partition] | None = None) -> None:
        offsets = self.tracker.committable()
        if partitions is not None:
            offsets = {p: o for p, o in offsets.items() if p in partitions}
        self._commit(offsets, asynchronous=False)

    def _commit(self, offsets: dict[Partition, int], asynchronous: bool) -> None:
        if not offsets:
            return
        tps = [TopicPartition(topic, partition, offset) for (topic, partition), offset in offsets.items()]
        try:
            if asynchronous:
                self._consumer.commit(offsets=tps, asynchronous=True)
                return  # done when `_committed` hears back
            self._consumer.commit(offsets=tps, asynchronous=False)
        except KafkaException as error:
            # Not fatal: what is not committed is read again, and replays reproduce their outputs.
            log.warning("commit of %d partitions failed: %s", len(tps), error)
            return
        self.tracker.mark_committed(offsets)

    def _committed(self, error: KafkaError | None, partitions: list[TopicPartition]) -> None:
        """The broker's answer to a commit: only the partitions it accepted count as committed."""
        if error is not None:
            log.warning("commit failed (%s); it is sent again with the next one", error.str())
            return
        accepted = {
            (tp.topic, tp.partition): tp.offset for tp in partitions if tp.error is None and tp.offset >= 0
        }
        failed = len(partitions) - len(accepted)
        if failed:
            log.warning("commit of %d partitions failed; they are sent again with the next one", failed)
        self.tracker.mark_committed(accepted)
