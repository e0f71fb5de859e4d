"""Every message type through the real broker: same bytes back, same model back, a user on one partition."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pytest
from confluent_kafka import Consumer, KafkaError, Message, Producer

from ingest.messages import MESSAGE_MODELS, Command, SyncCalendarData, Versioned, decode, encode, message_key
from ingest.settings import Settings
from tests.messages.examples import command, instances

pytestmark = pytest.mark.kafka

TYPE_HEADER = "message-type"


@dataclass(frozen=True)
class Received:
    name: str
    key: bytes | None
    value: bytes
    partition: int
    offset: int


def _produce(settings: Settings, topic: str, batch: Sequence[tuple[str, Versioned]]) -> None:
    producer = Producer(settings.kafka.producer_config())
    failures: list[str] = []

    def delivered(error: KafkaError | None, _message: Message) -> None:
        if error is not None:
            failures.append(str(error))

    for name, message in batch:
        value = encode(message)
        headers: list[tuple[str, str | bytes | None]] = [(TYPE_HEADER, name)]
        producer.produce(topic, value=value, key=message_key(message), headers=headers, on_delivery=delivered)
    assert producer.flush(30) == 0, "messages still queued after 30 s"
    assert not failures, failures


def _consume(settings: Settings, topic: str, count: int, timeout_s: float = 30.0) -> list[Received]:
    consumer = Consumer(settings.kafka.consumer_config(f"test-{uuid.uuid4().hex[:8]}"))
    consumer.subscribe([topic])
    received: list[Received] = []
    deadline = time.monotonic() + timeout_s
    try:
        while len(received) < count and time.monotonic() < deadline:
            for message in consumer.consume(num_messages=100, timeout=0.5):
                assert message.error() is None, message.error()
                received.append(_received(message))
    finally:
        consumer.close()
    assert len(received) == count, f"got {len(received)} of {count} messages within {timeout_s:.0f}s"
    return received


def _received(message: Message) -> Received:
    name = dict(message.headers() or [])[TYPE_HEADER]
    value, partition, offset = message.value(), message.partition(), message.offset()
    assert isinstance(name, bytes) and value is not None and partition is not None and offset is not None
    return Received(name.decode(), message.key(), value, partition, offset)


def test_every_message_type_comes_back_equal_under_its_key(
    kafka_settings: Settings, new_topic: Callable[..., str]
) -> None:
    topic = new_topic(partitions=6)
    sent = instances()
    _produce(kafka_settings, topic, list(sent.items()))
    for got in _consume(kafka_settings, topic, len(sent)):
        original = sent[got.name]
        assert got.key == message_key(original)
        assert got.value == encode(original)
        assert decode(got.value, MESSAGE_MODELS[got.name]) == original


def test_a_users_messages_share_one_partition_in_order(
    kafka_settings: Settings, new_topic: Callable[..., str]
) -> None:
    topic = new_topic(partitions=6)
    users = [f"user-{n}" for n in range(12)]
    batch = [
        (
            "command",
            command(user_id=user, task_id=f"{user}-{seq}", data=SyncCalendarData(calendar_id=str(seq))),
        )
        for seq in range(5)
        for user in users
    ]
    _produce(kafka_settings, topic, batch)
    by_user: dict[str, list[Received]] = {}
    for got in _consume(kafka_settings, topic, len(batch)):
        by_user.setdefault((got.key or b"").decode(), []).append(got)
    assert sorted(by_user) == sorted(users)
    for user, messages in by_user.items():
        assert len({item.partition for item in messages}) == 1, f"{user} spread over partitions"
        in_offset_order = sorted(messages, key=lambda item: item.offset)
        task_ids = [decode(item.value, Command).task_id for item in in_offset_order]
        assert task_ids == [f"{user}-{seq}" for seq in range(5)]
    # Twelve users over six partitions: keying spreads them rather than piling them on one.
    assert len({messages[0].partition for messages in by_user.values()}) > 1
