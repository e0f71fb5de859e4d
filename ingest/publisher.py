"""Produces each command's outputs and reports the command finished once the broker has acked them all.

Delivery callbacks run on the thread that polls the producer, which is the ingest loop's own thread, so
the counts here need no lock. A record still not delivered after the producer's retries (a timeout, a
leader that did not come back) *stalls* its command: producing that record again here would put it
behind later records of the same user, which may have landed meanwhile. The caller reads the stalled
command's partition again instead (`take_stalled`), and the replays produce the user's outputs again
in order. A record refused for good fails its command, which the caller then dead-letters; so does one
the producer refuses before sending it (too large for `message.max.bytes`, say), rather than stopping
the loop.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from functools import partial
from typing import Generic, TypeVar

from confluent_kafka import KafkaError, KafkaException, Message, Producer

from ingest.outputs import OutputRecord

log = logging.getLogger(__name__)

R = TypeVar("R", bound=Hashable)  # what identifies the command the outputs belong to


@dataclass
class _Batch(Generic[R]):
    ref: R
    remaining: int
    closed: bool = False  # finished, failed, stalled or abandoned: later callbacks change nothing


class Publisher(Generic[R]):
    def __init__(
        self,
        producer: Producer,
        on_finished: Callable[[R], None],
        on_failed: Callable[[R, str, str], None],  # (ref, error class, reason)
    ) -> None:
        self._producer = producer
        self._on_finished = on_finished
        self._on_failed = on_failed
        self._open: dict[R, _Batch[R]] = {}
        self.stalled: list[R] = []  # commands whose outputs were not delivered after the retries
        self.pending = 0  # batches not yet fully acked
        self.fatal: KafkaError | None = None

    def publish(self, ref: R, records: list[OutputRecord]) -> None:
        """Produce `records`; `on_finished(ref)` follows when every one of them is acked."""
        if not records:
            self._on_finished(ref)
            return
        batch = _Batch(ref, len(records))
        self._open[ref] = batch
        self.pending += 1
        for record in records:
            if batch.closed:
                return
            self._produce(batch, record)

    def poll(self, timeout: float = 0.0) -> None:
        """Serve delivery callbacks."""
        self._producer.poll(timeout)

    def take_stalled(self) -> list[R]:
        """The commands stalled since the last call, oldest first."""
        stalled, self.stalled = self.stalled, []
        return stalled

    def abandon(self, refs: Iterable[R]) -> None:
        """Stop waiting for these commands' outputs: acks still to come for them change nothing, so a
        command read again and published anew is finished by its own outputs only."""
        for ref in refs:
            batch = self._open.get(ref)
            if batch is not None:
                self._close(batch)

    def flush(self, timeout: float) -> int:
        """Wait for outstanding deliveries; returns how many records are still unacked."""
        left: int = self._producer.flush(timeout)
        self.poll()
        return left

    def _produce(self, batch: _Batch[R], record: OutputRecord) -> None:
        callback = partial(self._delivered, batch, record)
        while True:
            try:
                self._producer.produce(
                    record.topic, record.value, record.key, headers=record.headers, on_delivery=callback
                )
                return
            except BufferError:  # the local queue is full: let deliveries drain it
                self._producer.poll(0.05)
            except KafkaException as refused:  # before sending: too large, unknown partition, ...
                self._fail(
                    batch, f"the producer refused an output for {record.topic}: {refused.args[0].str()}"
                )
                return

    def _delivered(
        self, batch: _Batch[R], record: OutputRecord, error: KafkaError | None, _: Message
    ) -> None:
        if batch.closed:
            return
        if error is None:
            batch.remaining -= 1
            if batch.remaining == 0:
                self._close(batch)
                self._on_finished(batch.ref)
            return
        if error.fatal():
            self.fatal = error  # the producer is unusable; the loop stops and the actor is replaced
        if (error.retriable() or error.code() == KafkaError._MSG_TIMED_OUT) and not error.fatal():
            log.warning(
                "delivery to %s failed (%s) after the producer's retries; its command is read again",
                record.topic, error.name(),
            )  # fmt: skip
            self._close(batch)
            self.stalled.append(batch.ref)
            return
        self._fail(batch, f"the broker refused an output for {record.topic}: {error.str()}")

    def _fail(self, batch: _Batch[R], reason: str) -> None:
        self._close(batch)
        self._on_failed(batch.ref, "OutputRejected", reason)

    def _close(self, batch: _Batch[R]) -> None:
        batch.closed = True
        self.pending -= 1
        if self._open.get(batch.ref) is batch:
            del self._open[batch.ref]
