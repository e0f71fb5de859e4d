"""The consumer side of an ingest actor: what it may commit, when it pauses, and what a rebalance does.

How offsets are committed, and when a commit counts as done: `ingest.offset_commits`. A revoke drains
the revoked partitions' work and commits what is finished of them; a lost partition commits nothing.
Above the in-flight bound every assigned partition is paused while polling goes on (librdkafka keeps
`max.poll.interval.ms` satisfied), and resumed below half of it.
"""

from __future__ import annotations

import logging
from typing import Any, Protocol

from confluent_kafka import Consumer, Message, TopicPartition

from ingest.offset_commits import OffsetCommits
from ingest.offsets import OffsetTracker, Partition
from ingest.pipeline_config import PipelineSettings

log = logging.getLogger(__name__)


class RebalanceHooks(Protocol):
    def drain(self, partitions: list[Partition]) -> None: ...

    def abandon(self, partitions: list[Partition]) -> None: ...


class CommandConsumer(OffsetCommits):
    def __init__(self, config: dict[str, Any], pipeline: PipelineSettings, hooks: RebalanceHooks) -> None:
        self.tracker = OffsetTracker()
        self._consumer = Consumer({**config, "on_commit": self._committed})
        self._pipeline = pipeline
        self._hooks = hooks
        self._next_commit = 0.0
        self.paused = False
        self.pauses = 0  # times the bound was reached
        self.rewinds = 0  # partitions read again after outputs were not delivered
        self._repause = False

    def subscribe(self) -> None:
        self._consumer.subscribe(
            [self._pipeline.resolved_topics.commands],
            on_assign=self._on_assign,
            on_revoke=self._on_revoke,
            on_lost=self._on_lost,
        )

    def poll(self, max_messages: int, timeout: float) -> list[Message]:
        return list(self._consumer.consume(max_messages, timeout))

    def throttle(self, in_flight: int) -> None:
        """Pause above the bound, resume below half of it."""
        bound = self._pipeline.max_in_flight
        if (not self.paused and in_flight >= bound) or (self.paused and self._repause):
            self._consumer.pause(self._consumer.assignment())
            self.pauses += not self._repause
            self.paused, self._repause = True, False
        elif self.paused and in_flight <= bound // 2:
            self._consumer.resume(self._consumer.assignment())
            self.paused = False

    def pause_all(self) -> None:
        self._consumer.pause(self._consumer.assignment())
        self.paused = True

    def rewind(self, partitions: list[Partition]) -> None:
        """Read `partitions` again from their first unfinished message, whose work the caller has
        abandoned; what is finished below it is committed first."""
        self.commit_now(partitions)
        starts = self.tracker.committable()
        self.tracker.forget(partitions)
        for topic, partition in partitions:
            if (topic, partition) in starts:
                self._consumer.seek(TopicPartition(topic, partition, starts[topic, partition]))
        self.rewinds += len(partitions)

    def lag(self) -> int:
        """Messages behind the log end, from the committable offsets (cached high watermarks)."""
        committable = self.tracker.committable()
        total = 0
        for tp in self._consumer.assignment():
            high = self._consumer.get_watermark_offsets(tp, cached=True)[1]
            start = committable.get((tp.topic, tp.partition))
            if start is None:
                start = self._consumer.position([tp])[0].offset
            if high >= 0 and start >= 0:
                total += max(0, high - start)
        return total

    def assigned(self) -> int:
        return len(self._consumer.assignment())

    def close(self) -> None:
        self._consumer.close()  # revokes everything first, so the revoke path commits

    def _on_assign(self, consumer: Consumer, partitions: list[TopicPartition]) -> None:
        log.info("assigned %s", [(tp.topic, tp.partition) for tp in partitions])
        self._repause = self.paused  # new partitions arrive unpaused

    def _on_revoke(self, consumer: Consumer, partitions: list[TopicPartition]) -> None:
        revoked = [(tp.topic, tp.partition) for tp in partitions]
        log.info("revoking %s: draining in-flight work", revoked)
        self._hooks.drain(revoked)
        self.commit_now(revoked)
        self._hooks.abandon(revoked)
        self.tracker.forget(revoked)

    def _on_lost(self, consumer: Consumer, partitions: list[TopicPartition]) -> None:
        lost = [(tp.topic, tp.partition) for tp in partitions]
        log.warning("lost %s: abandoning their in-flight work without committing", lost)
        self._hooks.abandon(lost)
        self.tracker.forget(lost)
