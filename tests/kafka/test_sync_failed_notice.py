"""A SYNC_CALENDAR command that fails for good is dead-lettered and its user is told (SYNC_FAILED on
the calendar-updates topic); a failed planning command is only dead-lettered."""

from __future__ import annotations

import json
import time
import uuid
from datetime import UTC, datetime

import pytest
from confluent_kafka import Consumer, Message, Producer, TopicPartition

from actors.contract import ItemResult
from ingest.answers import Answers
from ingest.messages import CalendarUpdateNotification, DeadLetter, decode
from ingest.offsets import OffsetTracker
from ingest.pipeline_config import OutputTopics, PipelineTopics
from ingest.settings import Settings
from tests.fixtures.kafka import NewTopicFactory

pytestmark = pytest.mark.kafka


def _command(task_id: str, task_type: str) -> bytes:
    data = {"calendarId": "primary"} if task_type == "SYNC_CALENDAR" else {}
    payload = {"userId": "ann", "data": data}
    command = {
        "taskId": task_id,
        "taskType": task_type,
        "payload": payload,
        "timestamp": "2026-11-27T10:00:00Z",
    }
    return json.dumps(command).encode()


def _read(settings: Settings, topic: str, count: int, wait_s: float = 30) -> list[Message]:
    consumer = Consumer(settings.kafka.consumer_config(f"test-read-{uuid.uuid4().hex[:8]}"))
    consumer.assign([TopicPartition(topic, 0, 0)])  # assigned, not subscribed: no group to join
    found: list[Message] = []
    deadline = time.monotonic() + wait_s
    while len(found) < count and time.monotonic() < deadline:
        message = consumer.poll(0.2)
        if message is not None and message.error() is None:
            found.append(message)
    consumer.close()
    return found


def test_a_sync_that_failed_for_good_tells_its_user(
    kafka_settings: Settings, new_topic: NewTopicFactory
) -> None:
    commands, dead, updates = new_topic(), new_topic(), new_topic()
    producer = Producer(kafka_settings.kafka.producer_config())
    producer.produce(commands, _command("sync-1", "SYNC_CALENDAR"), b"ann")
    producer.produce(commands, _command("plan-1", "SCHEDULE_HABITS"), b"ann")
    assert producer.flush(30) == 0
    sync, plan = _read(kafka_settings, commands, 2)
    topics = PipelineTopics(
        commands=commands, outputs=OutputTopics(dead_letter=dead, calendar_updates=updates)
    )
    answers = Answers(producer, topics, OffsetTracker(), "test-worker")
    now = datetime.now(UTC)
    answers.hold((commands, 0, 0), sync, None, now, sync=True)
    answers.hold((commands, 0, 1), plan, None, now)

    reason = "Google Calendar events.list failed (503, backendError): meeting 'Therapy' unavailable"
    answers.answer(
        (commands, 0, 0),
        ItemResult("sync-1", "ann", error_class="CalendarApiError", reason=reason, attempts=4),
    )
    answers.answer(
        (commands, 0, 1), ItemResult("plan-1", "ann", error_class="SolveFailed", reason="x", attempts=4)
    )
    assert answers.publisher.flush(30) == 0

    letters = [decode(m.value(), DeadLetter) for m in _read(kafka_settings, dead, 2)]  # type: ignore[arg-type]
    assert [(letter.source_offset, letter.error_class) for letter in letters] == [
        (0, "CalendarApiError"),
        (1, "SolveFailed"),
    ]
    (told,) = _read(kafka_settings, updates, 2, wait_s=5)  # the planning command's failure tells nobody
    notice = decode(told.value(), CalendarUpdateNotification)  # type: ignore[arg-type]
    assert (told.key(), notice.user_id, notice.update_type) == (b"ann", "ann", "SYNC_FAILED")
    (error,) = notice.details.errors
    assert "CalendarApiError after 4 attempts" in error and "Therapy" not in error  # no calendar data
    assert dict(told.headers() or [])["taskId"] == b"sync-1"
