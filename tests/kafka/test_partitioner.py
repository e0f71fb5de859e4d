"""The worker's producer puts a key on the partition a Java (or KafkaJS) producer would choose."""

from __future__ import annotations

import pytest
from confluent_kafka import Message, Producer

from ingest.kafka_settings import ProducerSettings
from ingest.settings import Settings
from tests.fixtures.kafka import NewTopicFactory

MASK = 0xFFFFFFFF


def murmur2(data: bytes) -> int:
    """Kafka's `Utils.murmur2` (the Java client's key hash), as a signed 32-bit int."""
    m, length = 0x5BD1E995, len(data)
    h = (0x9747B28C ^ length) & MASK
    whole = length - length % 4
    for i in range(0, whole, 4):
        k = (int.from_bytes(data[i : i + 4], "little") * m) & MASK
        k = ((k ^ (k >> 24)) * m) & MASK
        h = ((h * m) & MASK) ^ k
    tail = data[whole:]
    if tail:
        for shift, byte in enumerate(tail):
            h ^= byte << (8 * shift)
        h = (h * m) & MASK
    h = ((h ^ (h >> 13)) * m) & MASK
    h ^= h >> 15
    return h - (1 << 32) if h >= 1 << 31 else h


def java_partition(key: bytes, partitions: int) -> int:
    """`BuiltInPartitioner.partitionForKey`: toPositive(murmur2(key)) % partitions."""
    return (murmur2(key) & 0x7FFFFFFF) % partitions


@pytest.mark.parametrize(
    ("key", "expected"),
    [  # vectors of Kafka's own murmur2 unit test
        ("21", -973_932_308),
        ("foobar", -790_332_482),
        ("a-little-bit-long-string", -985_981_536),
        ("a-little-bit-longer-string", -1_486_304_829),
        ("lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8", -58_897_971),
        ("abc", 479_470_107),
    ],
)
def test_the_reference_hash_matches_kafka(key: str, expected: int) -> None:
    assert murmur2(key.encode()) == expected


def test_the_partitioner_stays_overridable() -> None:
    assert ProducerSettings().config()["partitioner"] == "murmur2_random"
    assert ProducerSettings(partitioner="consistent_random").config()["partitioner"] == "consistent_random"


@pytest.mark.kafka
def test_keyed_records_land_where_a_java_producer_puts_them(
    kafka_settings: Settings, new_topic: NewTopicFactory
) -> None:
    partitions = 12  # as scheduling.events.calendar, which Google Calendar webhooks write too
    topic = new_topic(partitions=partitions)
    producer = Producer(kafka_settings.kafka.producer_config())
    landed: dict[bytes, int] = {}

    def delivered(error: object, message: Message) -> None:
        assert error is None, error
        key = message.key()
        assert key is not None
        landed[key] = message.partition()

    keys = [f"user-{n}".encode() for n in range(24)]
    for key in keys:
        producer.produce(topic, b"{}", key, on_delivery=delivered)
    assert producer.flush(15) == 0

    assert landed == {key: java_partition(key, partitions) for key in keys}
