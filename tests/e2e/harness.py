"""Running the whole worker in a test: isolated topics and actor names, a sample fed in, outputs read back."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial

from confluent_kafka import Consumer, KafkaError, KafkaException, Message, Producer, TopicPartition

from actors.contract import CommandPriority
from ingest.pipeline_topics import create_pipeline_topics, delete_pipeline_topics
from ingest.sample import SampleRecord
from ingest.settings import Settings
from ingest.tail import Output, output_topics, read_outputs
from ingest.worker import Worker

# What the group's coordinator answers while it moves or loads (a new group, say): ask again.
COORDINATOR_MOVES = {
    KafkaError.NOT_COORDINATOR,
    KafkaError.COORDINATOR_LOAD_IN_PROGRESS,
    KafkaError.COORDINATOR_NOT_AVAILABLE,
    KafkaError._TIMED_OUT,
}
SOLVE_LIMIT_S = 0.3  # every priority: the tests check delivery, not plan quality
STORE_METRICS_S = 2.0


def isolated(base: Settings, store_url: str, **pipeline: object) -> Settings:
    """`base` with its own topics, consumer group and actor names, and short solves."""
    tag = uuid.uuid4().hex[:10]
    limits = dict.fromkeys(CommandPriority, SOLVE_LIMIT_S)
    solver = base.actors.solver.model_copy(update={"time_limit_s": limits})
    # A store metrics window of its own: the runs are short, and the metrics ride on commands' outputs.
    host = base.actors.host.model_copy(update={"store_metrics_s": STORE_METRICS_S})
    update_actors = {"hosts": 2, "name_prefix": f"e2e-host-{tag}", "solver": solver, "host": host}
    actors = base.actors.model_copy(update=update_actors)
    update = {
        "topic_suffix": f".e2e-{tag}",
        "group_id": f"e2e-{tag}",
        "name_prefix": f"e2e-ingest-{tag}",
        "commit_interval_s": 0.2,
        "drain_timeout_s": 10.0,
        **pipeline,
    }
    return base.model_copy(
        update={"actors": actors, "pipeline": base.pipeline.model_copy(update=update), "store_url": store_url}
    )


def fresh_actor_names(settings: Settings) -> Settings:
    """The same worker under new actor names, as a restarted worker process would be."""
    tag = uuid.uuid4().hex[:10]
    actors = settings.actors.model_copy(update={"name_prefix": f"e2e-host-{tag}"})
    pipeline = settings.pipeline.model_copy(update={"name_prefix": f"e2e-ingest-{tag}"})
    return settings.model_copy(update={"actors": actors, "pipeline": pipeline})


@contextmanager
def pipeline_topics(settings: Settings) -> Iterator[None]:
    create_pipeline_topics(settings)
    try:
        yield
    finally:
        delete_pipeline_topics(settings)


def produce(settings: Settings, records: list[SampleRecord]) -> dict[tuple[int, int], SampleRecord]:
    """Send `records` in order; returns each record by the (partition, offset) it landed at."""
    producer = Producer(settings.kafka.producer_config())
    landed: dict[tuple[int, int], SampleRecord] = {}
    topic = settings.pipeline.resolved_topics.commands
    for record in records:
        producer.produce(topic, record.value, record.key, on_delivery=partial(_landed, landed, record))
        producer.poll(0)
    assert producer.flush(30) == 0, "the sample could not be produced"
    return landed


def _landed(
    landed: dict[tuple[int, int], SampleRecord], record: SampleRecord, error: object, msg: Message
) -> None:
    landed[(msg.partition() or 0, msg.offset() or 0)] = record


def wait_done(worker: Worker, count: int, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        stats = worker.stats()
        if stats.done >= count:
            return
        time.sleep(0.5)
    raise AssertionError(f"only {worker.stats().line()} of {count} after {timeout_s}s")


def wait_committed(settings: Settings, timeout_s: float) -> None:
    """Until the group has committed every partition of the commands topic up to its end."""
    topic = settings.pipeline.resolved_topics.commands
    probe = Consumer(settings.kafka.consumer_config(settings.pipeline.group_id))  # never subscribes
    try:
        partitions = probe.list_topics(topic, timeout=10).topics[topic].partitions
        tps = [TopicPartition(topic, p) for p in partitions]
        deadline = time.monotonic() + timeout_s
        committed: list[int] = []
        ends: list[int] = []
        while time.monotonic() < deadline:
            try:
                ends = [probe.get_watermark_offsets(tp, timeout=10)[1] for tp in tps]
                committed = [tp.offset for tp in probe.committed(tps, timeout=10)]
            except KafkaException as error:  # a group's coordinator can move or still be loading
                if not (error.args[0].retriable() or error.args[0].code() in COORDINATOR_MOVES):
                    raise
                time.sleep(1.0)
                continue
            # A partition no command landed on has nothing to commit (its offset stays unset).
            if all(c >= e or e == 0 for c, e in zip(committed, ends, strict=True)):
                return
            time.sleep(1.0)
        raise AssertionError(f"offsets {committed} never reached the ends {ends}")
    finally:
        probe.close()


def outputs(settings: Settings) -> list[Output]:
    return list(read_outputs(settings, output_topics(settings.pipeline.resolved_topics), idle_s=3.0))
