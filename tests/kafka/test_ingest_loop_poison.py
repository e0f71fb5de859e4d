"""Records that cannot become work go to the dead letters and the ingest loop keeps running.

Each of these once stopped the loop on an exception, on every read of the same uncommitted record:
a command whose horizon runs past year 9999, and a record with so many tiny headers that its
dead-letter envelope passed the size limit (its value, more than one envelope keeps, now goes whole
in two). No host is involved: none of them reaches one.
"""

from __future__ import annotations

import json
import threading
import time
import uuid

import pytest
from confluent_kafka import Consumer, ConsumerGroupTopicPartitions, Producer, TopicPartition
from confluent_kafka.admin import AdminClient

from ingest.ingest_loop import IngestLoop
from ingest.messages import DeadLetter, decode
from ingest.pipeline_config import OutputTopics, PipelineSettings, PipelineTopics
from ingest.settings import Settings
from tests.fixtures.kafka import NewTopicFactory

pytestmark = pytest.mark.kafka

LATE_COMMAND = {
    "taskId": "late-1",
    "taskType": "SCHEDULE_HABITS",
    "payload": {"userId": "ann", "data": {}},
    "timestamp": "9999-12-31T23:50:00Z",
}


def _no_host(user_id: str) -> object:
    raise AssertionError("no record of this test should reach a host")


def _produce(settings: Settings, topic: str) -> None:
    producer = Producer(settings.kafka.producer_config())
    producer.produce(topic, json.dumps(LATE_COMMAND).encode(), b"ann")
    # Accepted by the broker (about 3 bytes a header there); about 12 bytes a header in an envelope.
    producer.produce(topic, b"x" * 600_000, b"eve", headers=[("h", None)] * 60_000)
    producer.produce(topic, b"not json", b"bob")
    assert producer.flush(30) == 0


def _dead_letters(settings: Settings, topic: str, count: int) -> list[DeadLetter]:
    consumer = Consumer(settings.kafka.consumer_config(f"test-read-{uuid.uuid4().hex[:8]}"))
    consumer.assign([TopicPartition(topic, 0, 0)])  # assigned, not subscribed: no group to join
    letters: list[DeadLetter] = []
    deadline = time.monotonic() + 30
    while len(letters) < count and time.monotonic() < deadline:
        message = consumer.poll(0.5)
        if message is not None and message.error() is None:
            letters.append(decode(message.value(), DeadLetter))  # type: ignore[arg-type]
    consumer.close()
    return letters


def _run_until_done(loop: IngestLoop, count: int) -> list[BaseException]:
    """Run the loop on a thread until `count` commands are done (or 60 s), stop it, and return what
    it raised, if anything: the defect these tests guard against."""
    failures: list[BaseException] = []

    def run() -> None:
        try:
            loop.run()
        except BaseException as error:
            failures.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while loop.snapshot().done < count and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.1)
    loop.stopping.set()
    thread.join(30)
    return failures


def _committed(settings: Settings, group: str, topic: str) -> int:
    admin = AdminClient(settings.kafka.admin_config())
    request = [ConsumerGroupTopicPartitions(group, [TopicPartition(topic, 0)])]
    answer = admin.list_consumer_group_offsets(request)[group].result()
    return int(answer.topic_partitions[0].offset)


def test_poison_records_are_dead_lettered_and_the_loop_goes_on(
    kafka_settings: Settings, new_topic: NewTopicFactory
) -> None:
    commands, dead = new_topic(partitions=1), new_topic(partitions=1)
    group = f"test-poison-{uuid.uuid4().hex[:8]}"
    topics = PipelineTopics(commands=commands, outputs=OutputTopics(dead_letter=dead))
    pipeline = PipelineSettings(topics=topics, group_id=group, commit_interval_s=0.1)
    settings = kafka_settings.model_copy(update={"pipeline": pipeline})
    _produce(settings, commands)
    failures = _run_until_done(IngestLoop("test-worker", settings, _no_host), 3)
    assert not failures, f"the ingest loop stopped on {failures[0]!r}"
    letters = _dead_letters(settings, dead, 4)
    assert [(letter.source_offset, letter.error_class) for letter in letters] == [
        (0, "UntranslatableCommand"),
        (1, "MalformedMessage"),  # its 600,000 bytes in two parts, kept whole
        (1, "MalformedMessage"),
        (2, "MalformedMessage"),
    ]
    assert "9999" in letters[0].reason
    assert b"".join(letter.original_value or b"" for letter in letters[1:3]) == b"x" * 600_000
    assert _committed(settings, group, commands) == 3  # committed past all three on shutdown


def test_an_unforeseen_error_on_one_record_dead_letters_it_and_the_loop_goes_on(
    kafka_settings: Settings, new_topic: NewTopicFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    commands, dead = new_topic(partitions=1), new_topic(partitions=1)
    group = f"test-defect-{uuid.uuid4().hex[:8]}"
    topics = PipelineTopics(commands=commands, outputs=OutputTopics(dead_letter=dead))
    settings = kafka_settings.model_copy(
        update={"pipeline": PipelineSettings(topics=topics, group_id=group, commit_interval_s=0.1)}
    )

    def defect(*_: object) -> None:  # a fault injected where a defect could be
        raise RuntimeError("a defect in translating commands")

    monkeypatch.setattr("ingest.command_reader.work_item", defect)
    producer = Producer(settings.kafka.producer_config())
    command = {**LATE_COMMAND, "taskId": "defect-1", "timestamp": "2026-01-05T09:00:00Z"}
    producer.produce(commands, json.dumps(command).encode(), b"ann")
    producer.produce(commands, b"not json", b"bob")
    assert producer.flush(30) == 0
    failures = _run_until_done(IngestLoop("test-worker", settings, _no_host), 2)
    assert not failures, f"the ingest loop stopped on {failures[0]!r}"
    letters = _dead_letters(settings, dead, 2)
    assert [(letter.source_offset, letter.error_class) for letter in letters] == [
        (0, "UnexpectedError"),
        (1, "MalformedMessage"),
    ]
    assert "defect in the worker" in letters[0].reason and "translating" not in letters[0].reason
    assert _committed(settings, group, commands) == 2
