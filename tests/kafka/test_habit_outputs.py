"""A command reporting a habit completion, through the real broker: its habit event and its usage event
arrive keyed by the user, with the bytes and ids the outputs were written with."""

from __future__ import annotations

import asyncio
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from confluent_kafka import Consumer, Producer

from actors.store import open_store
from actors.user_actor import UserActor
from ingest.messages import Command
from ingest.messages.task_data import ScheduleHabitsData
from ingest.outputs import records_from_json
from ingest.pipeline_config import OutputTopics
from ingest.settings import Settings
from ingest.translate import work_item
from tests.actors.scripted import ScriptedSolver, persist_into
from tests.fixtures.kafka import NewTopicFactory

pytestmark = pytest.mark.kafka

ISSUED = datetime(2025, 10, 27, 10, tzinfo=UTC)


def _command() -> Command:
    data = ScheduleHabitsData.model_validate(
        {
            "timezone": "Europe/Berlin",
            "habits": [{"id": "gym", "name": "Gym", "minDurationMinutes": 45,
                        "streak": {"current": 4, "longest": 9}}],
            "habitCompletions": [{"habitId": "gym", "completedAt": "2025-10-27T06:30:00Z"}],
        }
    )  # fmt: skip
    return Command.create(task_id="habits-1", user_id="ann", data=data, timestamp=ISSUED)


def test_habit_and_usage_events_arrive_through_the_broker(
    kafka_settings: Settings, new_topic: NewTopicFactory, tmp_path: Path
) -> None:
    topics = OutputTopics(habits=new_topic(partitions=2), usage=new_topic(partitions=2))
    item = work_item(_command(), ("scheduling.commands", 0, 0), ISSUED)
    store = open_store(f"sqlite:///{tmp_path / 'state.sqlite3'}")
    actor = UserActor("ann")
    result = asyncio.run(actor.handle(item, ScriptedSolver(), persist_into(store, "ann")))
    records = [
        r for r in records_from_json(item.task_id, result.outcomes_json, topics)
        if r.topic in (topics.habits, topics.usage)
    ]  # fmt: skip
    producer = Producer(kafka_settings.kafka.producer_config())
    for r in records:
        producer.produce(r.topic, value=r.value, key=r.key, headers=r.headers)
    assert producer.flush(30) == 0
    consumer = Consumer(kafka_settings.kafka.consumer_config(f"test-{uuid.uuid4().hex[:8]}"))
    consumer.subscribe([topics.habits, topics.usage])
    got: list[tuple[str, bytes | None, bytes | None, bytes | None]] = []
    deadline = time.monotonic() + 30
    try:
        while len(got) < len(records) and time.monotonic() < deadline:
            for m in consumer.consume(num_messages=10, timeout=0.5):
                assert m.error() is None, m.error()
                message_id = dict(m.headers() or [])["messageId"]
                got.append((m.topic() or "", m.key(), m.value(), message_id))  # type: ignore[arg-type]
    finally:
        consumer.close()
    sent = [(r.topic, r.key, r.value, dict(r.headers)["messageId"]) for r in records]
    assert sorted(got) == sorted(sent)
    habit_values = [value for topic, _, value, _ in got if topic == topics.habits]
    assert len(habit_values) == 2 and all(key == b"ann" for _, key, _, _ in got)
    assert any(b'"eventType":"CREATED"' in v and b'"current":4,"longest":9' in v for v in habit_values if v)
    assert any(b'"eventType":"COMPLETED"' in v and b'"current":5,"longest":9' in v for v in habit_values if v)
    (usage,) = [value for topic, _, value, _ in got if topic == topics.usage]
    assert usage is not None and b'"eventType":"HABIT_COMPLETED","metadata":{"habitId":"gym"}' in usage
