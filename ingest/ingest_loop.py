"""The ingest loop: consume commands, hand them to their hosts, publish the answers, commit what is done.

One thread runs it; the consumer's rebalance callbacks and the producer's delivery callbacks run on it
too, from inside `poll`. Malformed or untranslatable commands go to the dead letters at once. A user's
results are published in the order the user's commands were consumed.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from dataclasses import replace

from confluent_kafka import Message, Producer

from actors.contract import ItemResult
from ingest.answers import Answers, Ref
from ingest.command_consumer import CommandConsumer
from ingest.command_reader import read_commands
from ingest.dispatch import Dispatcher, Route
from ingest.ingest_stats import IngestStats
from ingest.local_host import LocalHost
from ingest.loop_recovery import LoopRecovery
from ingest.sequencer import UserSequencer
from ingest.settings import Settings

log = logging.getLogger(__name__)

# Where the loop waits: in `consume` when nothing is out at the hosts, else in `ray.wait`, which wakes
# on the first result; Kafka is polled at least every RESULT_WAIT_S either way.
IDLE_POLL_S, ACK_POLL_S, RESULT_WAIT_S = 0.1, 0.005, 0.01
FLUSH_AT_EXIT_S = 10.0
LAG_EVERY_S = 1.0


class IngestLoop(LoopRecovery):
    def __init__(self, worker: str, settings: Settings, route: Route, local: LocalHost | None = None) -> None:
        self._pipeline = settings.pipeline
        self._batch = settings.kafka.consumer.max_poll_records
        config = self._pipeline.consumer_config(settings.kafka.consumer_config(self._pipeline.group_id))
        self.consumer = CommandConsumer(config, self._pipeline, self)
        producer = Producer(settings.kafka.producer_config())
        self.answers = Answers(producer, self._pipeline.resolved_topics, self.consumer.tracker, worker)
        caller = f"{worker}/{uuid.uuid4().hex[:8]}"
        plan = self._pipeline.call_plan()
        self.dispatcher = Dispatcher(route, caller, self._pipeline.host_window, plan, local)
        self.local = local
        self._order: UserSequencer[Ref, ItemResult] = UserSequencer()
        self.stopping = threading.Event()
        self._lag_due = 0.0

    def run(self) -> None:
        self.consumer.subscribe()
        try:
            while not self.stopping.is_set() and self.answers.publisher.fatal is None:
                self.step()
        finally:
            self._shutdown()

    def step(self) -> None:
        at_hosts = self.dispatcher.calls > 0
        wait = 0.0 if at_hosts else (ACK_POLL_S if len(self.answers) else IDLE_POLL_S)
        messages = self.consumer.poll(self._batch, wait)
        if messages:
            self._take(messages)
        self._deliver(self.dispatcher.collect(timeout=RESULT_WAIT_S if at_hosts and not messages else 0.0))
        self.answers.publisher.poll()
        self._rewind_stalled()
        self.consumer.commit_due()
        self.consumer.throttle(len(self.answers))
        if time.monotonic() >= self._lag_due:  # consumer state: read here, on the loop's thread
            self._lag_due = time.monotonic() + LAG_EVERY_S
            self.answers.stats.lag = self.consumer.lag()
            self.answers.stats.partitions = self.consumer.assigned()
            if self.local is not None:
                self.local.snapshot()

    def snapshot(self) -> IngestStats:
        stats = replace(self.answers.stats)
        stats.in_flight = len(self.answers)
        stats.resent = self.dispatcher.resent
        stats.host_calls = self.dispatcher.sent_calls
        stats.paused, stats.pauses = self.consumer.paused, self.consumer.pauses
        stats.rewinds = self.consumer.rewinds
        return stats

    def _take(self, messages: list[Message]) -> None:
        items = read_commands(messages, self.consumer.tracker, self.answers)
        for item in items:
            self._order.expect(item.user_id, item.source)
        if items:
            self.dispatcher.submit(items)

    def _shutdown(self) -> None:
        try:
            self.consumer.pause_all()
            self.drain(self.consumer.tracker.partitions())
            self.consumer.commit_now()
        finally:
            self.consumer.close()
            self.consumer.paused = False
            left = self.answers.publisher.flush(FLUSH_AT_EXIT_S)
            if left:
                log.warning("%d outputs unacked at shutdown; their commands stay uncommitted", left)
