"""The publisher against the real broker: a record the producer refuses fails its command, not the loop."""

from __future__ import annotations

import time

import pytest
from confluent_kafka import Producer

from ingest.outputs import OutputRecord
from ingest.publisher import Publisher
from ingest.settings import Settings
from tests.fixtures.kafka import NewTopicFactory

pytestmark = pytest.mark.kafka


def test_an_output_the_producer_refuses_fails_its_command_and_the_next_one_goes_through(
    kafka_settings: Settings, new_topic: NewTopicFactory
) -> None:
    topic = new_topic(partitions=1)
    finished: list[str] = []
    failed: list[tuple[str, str, str]] = []
    publisher: Publisher[str] = Publisher(
        Producer(kafka_settings.kafka.producer_config()),
        finished.append,
        lambda ref, error_class, reason: failed.append((ref, error_class, reason)),
    )
    fine = OutputRecord(topic, b"ann", b"{}")
    # Under the 1 MB value limit, but key and value together pass librdkafka's `message.max.bytes`.
    too_large = OutputRecord(topic, b"k" * 20_000, b"v" * 990_000)
    publisher.publish("big", [fine, too_large])
    publisher.publish("next", [fine])
    deadline = time.monotonic() + 30
    while "next" not in finished and time.monotonic() < deadline:
        publisher.poll(0.05)
    assert publisher.flush(10) == 0
    assert finished == ["next"]  # the refused command is not reported finished, even though `fine` landed
    ((ref, error_class, reason),) = failed
    assert (ref, error_class) == ("big", "OutputRejected")
    assert topic in reason and "refused" in reason
    assert publisher.pending == 0


def _short_timeout_publisher(settings: Settings) -> tuple[Publisher[str], list[str], list[str]]:
    """A publisher whose records time out after 1.5 s, and the commands it finished and failed."""
    finished: list[str] = []
    failed: list[str] = []
    config = {**settings.kafka.producer_config(), "message.timeout.ms": 1500}
    return Publisher(Producer(config), finished.append, lambda ref, *_: failed.append(ref)), finished, failed


def test_an_output_not_delivered_after_the_retries_stalls_its_command_and_only_it(
    kafka_settings: Settings, new_topic: NewTopicFactory
) -> None:
    topic = new_topic(partitions=1)
    publisher, finished, failed = _short_timeout_publisher(kafka_settings)
    missing = f"{topic}-not-created"  # the broker creates no topics: records for it time out
    publisher.publish("stuck", [OutputRecord(topic, b"ann", b"{}"), OutputRecord(missing, b"ann", b"{}")])
    publisher.publish("next", [OutputRecord(topic, b"bob", b"{}")])
    deadline = time.monotonic() + 30
    while not publisher.stalled and time.monotonic() < deadline:
        publisher.poll(0.05)
    assert publisher.take_stalled() == ["stuck"]
    assert publisher.take_stalled() == []  # taken once
    assert publisher.flush(10) == 0
    assert (finished, failed) == (["next"], [])  # neither finished nor dead-lettered: read again
    assert publisher.pending == 0


def test_acks_of_an_abandoned_command_do_not_finish_it_when_it_is_published_again(
    kafka_settings: Settings, new_topic: NewTopicFactory
) -> None:
    topic = new_topic(partitions=1)
    publisher, finished, failed = _short_timeout_publisher(kafka_settings)
    publisher.publish("cmd", [OutputRecord(topic, b"ann", b"{}")] * 3)
    publisher.abandon(["cmd"])  # its partition is read again before the acks come
    assert publisher.pending == 0
    assert publisher.flush(10) == 0
    assert finished == []  # the acks of the abandoned outputs were ignored
    publisher.publish("cmd", [OutputRecord(topic, b"ann", b"{}")])  # the replay's outputs
    assert publisher.flush(10) == 0
    assert (finished, failed, publisher.pending) == (["cmd"], [], 0)
