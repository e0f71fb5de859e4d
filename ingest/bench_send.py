"""Sending a benchmark sample through the worker and timing it until every command is done."""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from confluent_kafka import Producer

from ingest.sample import SampleRecord, SampleShape, sample_commands
from ingest.settings import Settings
from ingest.worker import Worker


@dataclass(frozen=True)
class BenchPlan:
    users: int
    commands: int
    trivial: bool = False
    time_limit_ms: int = 1000
    seed: int = 11
    week: bool = False  # plan a week with 15-25 meetings instead of 2 days with 0-3


def sample(plan: BenchPlan, phase: str) -> list[SampleRecord]:
    days, meetings = (7, (15, 25)) if plan.week else (2, (0, 3))
    shape = SampleShape(
        users=plan.users, commands_per_user=plan.commands, horizon_days=days, meetings=meetings,
        time_limit_ms=plan.time_limit_ms,
        malformed_every=None, sync_share=1.0 if plan.trivial else 0.0, run=phase,
        user_prefix=f"{phase}-{uuid.uuid4().hex[:6]}", seed=plan.seed,
    )  # fmt: skip
    return sample_commands(shape, datetime.now(UTC))


class Sender:
    """The benchmark's producer of commands, one for the whole run. A new idempotent producer delivers
    its first record about 0.5 s after it is made (it first obtains its producer id: 0.503-0.505 s on
    this machine, 0.003 s without idempotence), which a timed phase would count as the worker's time;
    the warm-up phase takes that wait instead."""

    def __init__(self, settings: Settings) -> None:
        self.producer = Producer(settings.kafka.producer_config())
        self.topic = settings.pipeline.resolved_topics.commands


def timed(worker: Worker, sender: Sender, records: list[SampleRecord], rate: float | None) -> float:
    """Seconds from the first send until every command is done: until the last one finished, as the
    ingest actors stamp it, so the polling below (each poll costs the actors a Ray call) can be slow."""
    target = worker.stats().done + len(records)
    producer, topic = sender.producer, sender.topic
    started = time.time()
    for n, record in enumerate(records):
        if rate is not None:
            time.sleep(max(0.0, started + n / rate - time.time()))
            value = _stamped(record.value)  # latency counts from the moment of sending
        else:
            value = record.value
        producer.produce(topic, value, record.key)
        producer.poll(0)
    producer.flush(60)
    while (stats := worker.stats()).done < target:
        time.sleep(0.25)
    return stats.last_done_at - started


def _stamped(value: bytes) -> bytes:
    command = json.loads(value)
    command["timestamp"] = datetime.now(UTC).isoformat().replace("+00:00", "Z")
    return json.dumps(command, separators=(",", ":")).encode()
