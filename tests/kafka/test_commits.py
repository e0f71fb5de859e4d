"""An asynchronous commit counts only once the broker confirms it; a failed one goes again."""

from __future__ import annotations

import time
import uuid

import pytest
from confluent_kafka import KafkaError, Producer, TopicPartition

from ingest.command_consumer import CommandConsumer
from ingest.offsets import Partition
from ingest.pipeline_config import PipelineSettings, PipelineTopics
from ingest.settings import Settings
from tests.fixtures.kafka import NewTopicFactory

pytestmark = pytest.mark.kafka


class _NoRebalanceWork:
    def drain(self, partitions: list[Partition]) -> None:
        pass

    def abandon(self, partitions: list[Partition]) -> None:
        pass


def _consumer(settings: Settings, topic: str) -> CommandConsumer:
    group = f"test-commits-{uuid.uuid4().hex[:8]}"
    pipeline = PipelineSettings(
        topics=PipelineTopics(commands=topic), group_id=group, commit_interval_s=0.001
    )
    config = pipeline.consumer_config(settings.kafka.consumer_config(group))
    return CommandConsumer(config, pipeline, _NoRebalanceWork())


def _take_one(consumer: CommandConsumer) -> Partition:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        for message in consumer.poll(10, 0.2):
            if message.error() is None:
                partition = (message.topic() or "", message.partition() or 0)
                consumer.tracker.track(partition, message.offset() or 0)
                consumer.tracker.done(partition, message.offset() or 0)
                return partition
    raise AssertionError("no message came within 30 s")


def test_a_commit_counts_once_confirmed_and_a_refused_one_is_sent_again(
    kafka_settings: Settings, new_topic: NewTopicFactory
) -> None:
    topic = new_topic(partitions=1)
    producer = Producer(kafka_settings.kafka.producer_config())
    producer.produce(topic, b"{}", b"ann")
    producer.produce(topic, b"{}", b"ann")
    assert producer.flush(30) == 0
    consumer = _consumer(kafka_settings, topic)
    consumer.subscribe()
    try:
        partition = _take_one(consumer)
        consumer.commit_due()
        assert consumer.tracker.to_commit() == {partition: 1}  # asked for, not yet confirmed
        _until_confirmed(consumer)

        # A refusal (as the broker would send for a fenced member) leaves the offset to commit again...
        consumer.tracker.track(partition, 1)  # the second message (the polls above may have read it)
        consumer.tracker.done(partition, 1)
        refused = TopicPartition(partition[0], partition[1], 2)
        consumer._committed(KafkaError(KafkaError.UNKNOWN_MEMBER_ID), [refused])
        assert consumer.tracker.to_commit() == {partition: 2}
        # ...and the next round sends it again, and it counts once the broker confirms it.
        consumer.commit_due()
        _until_confirmed(consumer)
        [stored] = consumer._consumer.committed([TopicPartition(*partition)], timeout=10)
        assert stored.offset == 2
    finally:
        consumer.close()


def _until_confirmed(consumer: CommandConsumer) -> None:
    deadline = time.monotonic() + 30
    while consumer.tracker.to_commit() and time.monotonic() < deadline:
        consumer.poll(10, 0.1)  # serves the commit's answer
    assert consumer.tracker.to_commit() == {}, "the broker never confirmed the commit"
