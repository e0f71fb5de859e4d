"""The output reader shows any message on its topics, including ones the worker did not write."""

from __future__ import annotations

from confluent_kafka import Message

from ingest.tail import _output, describe


def test_a_foreign_or_broken_message_is_shown_not_fatal() -> None:
    for value in (b"not json", b"[1, 2]", b'{"eventId": "e1"}'):
        message = Message(topic="scheduling.events.calendar", key=b"ann", value=value, partition=0)
        line = describe(_output(message))
        assert line.startswith("events.calendar") and "ann" in line
        assert "not a JSON object" in line or "not a message the worker writes" in line


def test_a_worker_message_is_described() -> None:
    value = b'{"metricType": "API_LATENCY", "value": 12.5, "unit": "ms", "labels": {"status": "ok"}}'
    message = Message(topic="scheduling.analytics.performance", key=b"ann", value=value, partition=0)
    assert describe(_output(message)).endswith("API_LATENCY 12.5 ms ok")


def test_usage_and_calendar_updates_say_what_happened() -> None:
    usage = b'{"userId": "ann", "eventType": "HABIT_COMPLETED", "metadata": {"habitId": "gym"}}'
    update = b'{"userId": "ann", "updateType": "SYNC_FAILED", "details": {"errors": ["not configured", "x"]}}'
    lines = [
        describe(_output(Message(topic=topic, key=b"ann", value=value, partition=0)))
        for topic, value in (("scheduling.analytics.usage", usage), ("scheduling.notifications.x", update))
    ]
    assert lines[0].endswith("HABIT_COMPLETED gym")
    assert lines[1].endswith("SYNC_FAILED: not configured (+1 more)")
