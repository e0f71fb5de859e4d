"""The floor under `bench pipeline --trivial`: the same commands through one bare Python process.

It reads the commands in batches of `max_poll_records`, decodes each one's JSON, produces one output
of the size the worker answers a SYNC_CALENDAR with (a SYNC_FAILED notice), and commits each partition
up to what is acked: the Kafka part of the trivial mode with the spec's client settings, and nothing
else (no validation, routing, Ray, state or outbox). What it reaches on this machine, and the CPU it
and the broker spend per command, bound any worker in Python with this broker on the same cores.
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass
from functools import partial

from confluent_kafka import Consumer, KafkaError, Message, Producer, TopicPartition
from confluent_kafka.admin import AdminClient, NewTopic

from ingest import bench_cpu
from ingest.offsets import OffsetTracker
from ingest.sample import SampleRecord
from ingest.settings import Settings
from ingest.topics import CATALOG, COMMANDS

COMMIT_EVERY_S = 0.2
NOTICE = (
    "Google Calendar sync is not configured for this worker: calendar {0} was not synced (incremental "
    "sync requested). Configure the Google Calendar integration and send the command again."
)


@dataclass(frozen=True)
class FloorResult:
    commands: int
    seconds: float
    cpu_us: dict[str, float]  # per command, by role ("benchmark driver" is this loop)

    @property
    def rate(self) -> float:
        return self.commands / self.seconds


def run_floor(settings: Settings, records: list[SampleRecord], broker_pid: int | None) -> FloorResult:
    """Topics and the consumer group are the floor's own, and removed afterwards."""
    tag = uuid.uuid4().hex[:8]
    commands, outputs = f"bench-floor-{tag}.commands", f"bench-floor-{tag}.outputs"
    partitions = next(spec.partitions for spec in CATALOG if spec.name == COMMANDS)  # as the worker reads
    admin = AdminClient(settings.kafka.admin_config())
    for future in admin.create_topics([NewTopic(t, partitions, 1) for t in (commands, outputs)]).values():
        future.result()
    try:
        _produce(settings, commands, records)
        consumer = Consumer(settings.kafka.consumer_config(f"bench-floor-{tag}"))
        consumer.subscribe([commands])
        try:
            return _loop(settings, consumer, outputs, len(records), broker_pid)
        finally:
            consumer.close()
    finally:
        for future in admin.delete_topics([commands, outputs], operation_timeout=30).values():
            future.result()


def _produce(settings: Settings, topic: str, records: list[SampleRecord]) -> None:
    producer = Producer(settings.kafka.producer_config())
    for record in records:
        producer.produce(topic, record.value, record.key)
        producer.poll(0)
    if producer.flush(60):
        raise RuntimeError(f"the floor's commands could not be written to {topic}")


def _loop(
    settings: Settings, consumer: Consumer, outputs: str, count: int, broker_pid: int | None
) -> FloorResult:
    producer = Producer(settings.kafka.producer_config())
    tracker = OffsetTracker()
    batch = settings.kafka.consumer.max_poll_records
    acked = [0]
    started = before = None
    next_commit = 0.0
    while acked[0] < count:
        messages = consumer.consume(batch, 0.05)
        if messages and started is None:  # the clock starts with the first command read
            before, started = bench_cpu.sample(broker_pid), time.monotonic()
        for message in messages:
            if message.error() is None:
                _answer(producer, tracker, outputs, message, acked)
        producer.poll(0)
        if time.monotonic() >= next_commit:
            next_commit = time.monotonic() + COMMIT_EVERY_S
            _commit(consumer, tracker)
    producer.flush(30)
    _commit(consumer, tracker)
    seconds = time.monotonic() - (started or time.monotonic())
    cpu = bench_cpu.per_command_us(before or {}, bench_cpu.sample(broker_pid), count)
    return FloorResult(count, seconds, cpu)


def _answer(
    producer: Producer, tracker: OffsetTracker, topic: str, message: Message, acked: list[int]
) -> None:
    partition, offset = (message.topic() or "", message.partition() or 0), message.offset() or 0
    command = json.loads(message.value() or b"{}")
    payload = command.get("payload", {})
    notice = {
        "userId": payload.get("userId"),
        "updateType": "SYNC_FAILED",
        "details": {"errors": [NOTICE.format(payload.get("data", {}).get("calendarId"))]},
        "timestamp": command.get("timestamp"),
    }
    tracker.track(partition, offset)
    done = partial(_acked, tracker, partition, offset, acked)
    producer.produce(topic, json.dumps(notice).encode(), message.key(), on_delivery=done)


def _acked(
    tracker: OffsetTracker, partition: tuple[str, int], offset: int, acked: list[int],
    error: KafkaError | None, _: Message,
) -> None:  # fmt: skip
    if error is not None:
        raise RuntimeError(f"an output of the floor was not delivered: {error.str()}")
    tracker.done(partition, offset)
    acked[0] += 1


def _commit(consumer: Consumer, tracker: OffsetTracker) -> None:
    offsets = tracker.to_commit()
    if offsets:
        consumer.commit(offsets=[TopicPartition(t, p, o) for (t, p), o in offsets.items()], asynchronous=True)
        tracker.mark_committed(offsets)
