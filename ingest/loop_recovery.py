"""What the ingest loop does when work must end early or be read again: a revoke drains, a lost
partition abandons, outputs the broker would not take send their partition back to be read again.
The consumer calls `drain` and `abandon` from inside `poll`, on the loop's thread."""

from __future__ import annotations

import logging
import time

from actors.contract import ItemResult, WorkItem
from ingest.answers import Answers, Ref
from ingest.command_consumer import CommandConsumer
from ingest.dispatch import Dispatcher
from ingest.local_host import LocalHost
from ingest.offsets import Partition
from ingest.pipeline_config import PipelineSettings
from ingest.sequencer import UserSequencer

log = logging.getLogger(__name__)


class LoopRecovery:
    _pipeline: PipelineSettings
    consumer: CommandConsumer
    answers: Answers
    dispatcher: Dispatcher
    local: LocalHost | None
    _order: UserSequencer[Ref, ItemResult]

    def _deliver(self, results: list[tuple[WorkItem, ItemResult]]) -> None:
        for item, result in results:
            for ref, ready in self._order.arrive(item.source, result):
                self.answers.answer(ref, ready)

    def _rewind_stalled(self) -> None:
        """A command whose outputs the broker did not take after the producer's retries: its
        partition is read again from the first unfinished command, and everything in flight there is
        dropped. The replays answer from the users' outboxes, so each user's outputs are produced again
        in order, the stalled ones before any later ones (producing only the stalled record again
        would land it after them)."""
        if not self.answers.publisher.stalled:
            return
        stalled = self.answers.publisher.take_stalled()
        partitions = sorted({ref[:2] for ref in stalled} & set(self.consumer.tracker.partitions()))
        if partitions:  # the others were revoked meanwhile: their next owner reads them again
            log.warning("outputs of %d commands not delivered; reading %s again", len(stalled), partitions)
            self.abandon(partitions)
            self.consumer.rewind(partitions)

    def drain(self, partitions: list[Partition]) -> None:
        """Finish what is in flight on `partitions`, up to the drain timeout. A stalled command is not
        waited for: it cannot finish, and its partition is left uncommitted from it on."""
        deadline = time.monotonic() + self._pipeline.drain_timeout_s
        while time.monotonic() < deadline:
            stalled = {ref[:2] for ref in self.answers.publisher.stalled}
            if not self.answers.holds_any([p for p in partitions if p not in stalled]):
                break
            self._deliver(self.dispatcher.collect(timeout=0.02))
            self.answers.publisher.poll(0.005)
        self._let_go()

    def abandon(self, partitions: list[Partition]) -> None:
        """Drop what is still in flight on `partitions`: it stays uncommitted for the next owner."""
        refs = self.answers.release(partitions)
        if refs:
            log.warning("abandoning %d in-flight commands of %s", len(refs), partitions)
        for ref, result in self._order.forget(refs):
            self.answers.answer(ref, result)
        self._let_go()

    def _let_go(self) -> None:
        """A host held here lets go of its idle users: some belong to another ingest actor now."""
        if self.local is not None:
            self.local.let_go()
