"""A push notification's sync command goes to the commands topic this deployment's workers read."""

from __future__ import annotations

import time
import uuid

import pytest
from confluent_kafka import Consumer, Producer

from ingest.calendar_commands import push_enqueuer
from ingest.messages import Command, SyncCalendarData, decode_command
from ingest.pipeline_config import PipelineSettings, PipelineTopics
from ingest.settings import Settings
from tests.fixtures.kafka import NewTopicFactory

pytestmark = pytest.mark.kafka


def first_command(settings: Settings, topic: str, timeout_s: float = 15.0) -> Command:
    group = f"test-push-{uuid.uuid4().hex[:8]}"
    consumer = Consumer({**settings.kafka.consumer_config(group), "auto.offset.reset": "earliest"})
    consumer.subscribe([topic])
    try:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            message = consumer.poll(0.5)
            if message is not None and message.error() is None:
                return decode_command(message.value())
    finally:
        consumer.close()
    raise AssertionError(f"no command arrived on {topic} within {timeout_s:.0f} s")


def test_a_suffixed_deployment_gets_its_push_syncs_on_its_own_commands_topic(
    kafka_settings: Settings, new_topic: NewTopicFactory
) -> None:
    topic = new_topic(prefix="test-push")
    base, suffix = topic.split(".", 1)
    pipeline = PipelineSettings(topics=PipelineTopics(commands=base), topic_suffix=f".{suffix}")
    settings = kafka_settings.model_copy(update={"pipeline": pipeline})
    assert settings.pipeline.resolved_topics.commands == topic

    enqueue = push_enqueuer(settings, Producer(settings.kafka.producer_config()))
    enqueue("u1", "primary", "channel-1/7")

    command = first_command(settings, topic)
    assert command.user_id == "u1" and isinstance(command.task_data, SyncCalendarData)
    assert command.task_data.calendar_id == "primary"
