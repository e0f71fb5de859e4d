"""Produces each command's outputs and reports the command finished once the broker has acked them all.

Delivery callbacks run on the thread that polls the producer, which is the ingest loop's own thread, so
the counts here need no lock. A record the broker refused for a reason that may pass (a timeout, a
leader change) is produced again: outputs carry deterministic ids, so a second copy is harmless. A
record refused for good fails its command, which the caller then dead-letters; so does one the producer
refuses before sending it (too large for `message.max.bytes`, say), rather than stopping the loop.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Hashable
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
    failed: bool = False


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
        self._retry: list[tuple[_Batch[R], OutputRecord]] = []
        self.pending = 0  # batches not yet fully acked
        self.fatal: KafkaError | None = None

    def publish(self, ref: R, records: list[OutputRecord]) -> None:
        """Produce `records`; `on_finished(ref)` follows when every one of them is acked."""
        if not records:
            self._on_finished(ref)
            return
        batch = _Batch(ref, len(records))
        self.pending += 1
        for record in records:
            if batch.failed:
                return
            self._produce(batch, record)

    def poll(self, timeout: float = 0.0) -> None:
        """Serve delivery callbacks and produce again what may now pass."""
        self._producer.poll(timeout)
        retry, self._retry = self._retry, []
        for batch, record in retry:
            if not batch.failed:
                self._produce(batch, record)

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
        if batch.failed:
            return
        if error is None:
            batch.remaining -= 1
            if batch.remaining == 0:
                self.pending -= 1
                self._on_finished(batch.ref)
            return
        if error.fatal():
            self.fatal = error  # the producer is unusable; the loop stops and the actor is replaced
        if (error.retriable() or error.code() == KafkaError._MSG_TIMED_OUT) and not error.fatal():
            log.warning("delivery to %s failed (%s); producing it again", record.topic, error.name())
            self._retry.append((batch, record))
            return
        self._fail(batch, f"the broker refused an output for {record.topic}: {error.str()}")

    def _fail(self, batch: _Batch[R], reason: str) -> None:
        batch.failed = True
        self.pending -= 1
        self._on_failed(batch.ref, "OutputRejected", reason)
