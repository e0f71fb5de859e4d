"""Push end to end: the first sync opens a watch channel; Google's notification reaches the push endpoint,
which puts a SYNC_CALENDAR command on a real Kafka topic; that command, consumed and applied by the host,
syncs the change. A redelivered notification is the same command, answered as a replay."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from confluent_kafka import Consumer, Producer

from actors.calendar.channel_store import SqlChannelStore
from actors.contract import WorkItem
from actors.google_calendar import OAuthGrant, PushReceiver
from actors.store import open_store
from ingest.calendar_push import CommandEnqueuer
from ingest.messages import decode_command
from ingest.settings import Settings
from ingest.translate import work_item
from tests.fakes.google_calendar import FakeGoogleCalendar
from tests.fixtures.kafka import NewTopicFactory
from tests.google_calendar.conftest import ACCOUNT
from tests.google_calendar.support import UserHands
from tests.google_calendar.wiring import (
    calendar_changes,
    calendar_settings,
    connect,
    edge_for,
    host_for,
    on,
    run,
    sync_item,
    updates,
)

pytestmark = pytest.mark.kafka


def consume(settings: Settings, topic: str, count: int) -> list[WorkItem]:
    consumer = Consumer(settings.kafka.consumer_config(f"test-{topic}") | {"auto.offset.reset": "earliest"})
    consumer.subscribe([topic])
    items: list[WorkItem] = []
    try:
        for _poll in range(100):
            message = consumer.poll(0.2)
            if message is not None and message.error() is None:
                command = decode_command(message.value())
                source = (topic, message.partition(), message.offset())
                items.append(work_item(command, source, datetime.now(UTC)))
            if len(items) == count:
                return items
    finally:
        consumer.close()
    raise AssertionError(f"expected {count} commands on {topic}, got {len(items)}")


def test_a_push_notification_becomes_a_sync_command_on_kafka_that_syncs_the_change(
    fake: FakeGoogleCalendar,
    grant: OAuthGrant,
    user: UserHands,
    tmp_path: Path,
    kafka_settings: Settings,
    new_topic: NewTopicFactory,
) -> None:
    url = f"sqlite:///{tmp_path / 'state.sqlite3'}"
    store, topic = open_store(url), new_topic()
    receiver_settings = calendar_settings(fake)
    channels = SqlChannelStore(url, edge_for(receiver_settings).vault)
    producer = Producer(kafka_settings.kafka.producer_config())
    receiver = PushReceiver(channels, CommandEnqueuer(producer, topic)).start()
    try:
        edge = edge_for(receiver_settings.model_copy(update={"push_address": receiver.url}), channels)
        connect(store, edge, grant)
        host = host_for(store, edge)
        (first,) = run(host, sync_item())
        assert first.ok and len(channels.all()) == 1  # the first sync opened the channel
        channel = channels.all()[0]
        user.add("Dentist", on(0, 10), on(0, 11))

        assert fake.channels.notify_calendar(ACCOUNT) == [200]
        fake.channels.channels[channel.channel_id].messages -= 1  # Google delivers the same message again
        assert fake.channels.notify(channel.channel_id) == 200
        pushed, again = consume(kafka_settings, topic, 2)

        assert pushed.task_id == again.task_id and pushed.user_id == "u1"
        (synced,) = run(host, pushed)
        (replayed,) = run(host, again)
        assert [c.summary for c in calendar_changes(synced, "GOOGLE_CALENDAR")] == ["Dentist"]
        assert updates(synced, "SYNC_COMPLETED")[0].events_processed == 1
        assert replayed.replayed and replayed.outcomes == synced.outcomes
    finally:
        receiver.stop()
        channels.close()
