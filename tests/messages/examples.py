"""Example messages: the spec's own JSON (enum placeholders resolved) and one full instance per model."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from ingest.messages import (
    Command,
    DeadLetter,
    FailedRecord,
    OptimizeScheduleData,
    ScheduleHabitsData,
    SyncCalendarData,
    Versioned,
    decode,
)
from ingest.messages.catalog import MESSAGE_MODELS

SPEC_EXAMPLES: dict[str, dict[str, Any]] = {
    "command": {
        "taskId": "string",
        "taskType": "SYNC_CALENDAR",
        "payload": {"userId": "string", "data": {}},
        "timestamp": "2025-10-27T10:00:00Z",
        "priority": "HIGH",
    },
    "calendar-event": {
        "eventId": "string",
        "eventType": "CREATED",
        "calendarId": "string",
        "userId": "string",
        "eventData": {
            "summary": "string",
            "start": {"dateTime": "2025-10-27T10:00:00Z"},
            "end": {"dateTime": "2025-10-27T11:00:00Z"},
            "attendees": ["string"],
            "location": "string",
        },
        "source": "GOOGLE_CALENDAR",
        "timestamp": "2025-10-27T10:00:00Z",
    },
    "goal-event": {
        "goalId": "string",
        "eventType": "UPDATED",
        "userId": "string",
        "goalData": {
            "title": "string",
            "type": "PROJECT",
            "targetDate": "2025-12-31T23:59:59Z",
            "progress": {"current": 75, "target": 100, "unit": "percentage"},
        },
        "timestamp": "2025-10-27T10:00:00Z",
    },
    "habit-event": {
        "habitId": "string",
        "eventType": "STREAK_UPDATED",
        "userId": "string",
        "habitData": {"name": "string", "frequency": "DAILY", "streak": {"current": 12, "longest": 28}},
        "timestamp": "2025-10-27T10:00:00Z",
    },
    "reminder-notification": {
        "notificationId": "string",
        "userId": "string",
        "type": "HABIT_REMINDER",
        "channel": "PUSH",
        "priority": "NORMAL",
        "content": {"title": "string", "message": "string", "actionUrl": "string"},
        "scheduledFor": "2025-10-27T09:00:00Z",
        "timestamp": "2025-10-27T08:30:00Z",
    },
    "calendar-update-notification": {
        "userId": "string",
        "updateType": "SYNC_COMPLETED",
        "details": {"eventsProcessed": 25, "conflictsResolved": 2, "errors": ["string"]},
        "timestamp": "2025-10-27T10:00:00Z",
    },
    "usage-analytics": {
        "userId": "string",
        "eventType": "CALENDAR_VIEWED",
        "metadata": {"sessionId": "string", "userAgent": "string", "ipAddress": "string"},
        "timestamp": "2025-10-27T10:00:00Z",
    },
    "performance-metric": {
        "metricType": "API_LATENCY",
        "value": 150.5,
        "unit": "milliseconds",
        "labels": {"endpoint": "/api/calendars", "method": "GET", "statusCode": 200},
        "timestamp": "2025-10-27T10:00:00Z",
    },
}
"""The message formats of the Kafka topics spec, word for word, with one value picked per enum."""

NOW = datetime(2025, 10, 27, 10, 0, tzinfo=UTC)

OPTIMIZE_DATA: dict[str, Any] = {
    "version": 1,
    "timezone": "Europe/Berlin",
    "horizon": {"start": "2025-10-27T00:00:00+01:00", "days": 7},
    "slotMinutes": 15,
    "workingHours": {"MON": [{"start": "09:00", "end": "12:00"}, {"start": "13:00", "end": "17:00"}]},
    "personalHours": {"SAT": [{"start": "08:00", "end": "24:00"}]},
    "events": [
        {"id": "e1", "title": "Standup", "start": "2025-10-27T09:00:00Z", "end": "2025-10-27T09:15:00Z"}
    ],
    "habits": [
        {
            "id": "run",
            "name": "Run",
            "minDurationMinutes": 30,
            "maxDurationMinutes": 45,
            "frequency": "WEEKLY",
            "timesPerPeriod": 3,
            "allowedDays": ["MON", "WED", "FRI", "SAT"],
            "hours": "CUSTOM",
            "customHours": {"MON": [{"start": "06:00", "end": "08:00"}]},
            "idealTime": "06:30",
            "priority": "HIGH",
            "bufferAfterMinutes": 15,
            "minSpacingMinutes": 1440,
            "streak": {"current": 4, "longest": 9},
        }
    ],
    "tasks": [
        {"id": "spec", "title": "Write spec", "effortMinutes": 240, "due": "2025-10-30T17:00:00Z"},
        {"id": "impl", "effortMinutes": 600, "dependsOn": ["spec"], "priority": "CRITICAL"},
    ],
    "goals": [
        {
            "id": "book",
            "title": "Read a book",
            "type": "PERSONAL",
            "targetDate": "2025-12-31T23:59:59Z",
            "progress": {"current": 120, "target": 300, "unit": "pages"},
            "effortMinutes": 900,
        }
    ],
    "previousPlan": [
        {"itemId": "run", "kind": "HABIT", "start": "2025-10-27T05:00:00Z", "end": "2025-10-27T05:30:00Z"}
    ],
    "freezeMinutes": 60,
    "dailyCapMinutes": 480,
    "focus": {"minBlockMinutes": 90, "dailyMinutes": 180},
    "options": {"timeLimitMs": 2000, "numWorkers": 2, "randomSeed": 7, "priorityMode": "LEXICOGRAPHIC"},
}
"""OPTIMIZE_SCHEDULE data using every field."""

SCHEDULE_HABITS_DATA: dict[str, Any] = {
    "timezone": "America/New_York",
    "habits": [{"id": "meditate", "name": "Meditate", "minDurationMinutes": 10, "idealTime": "07:00"}],
}
SYNC_DATA: dict[str, Any] = {"calendarId": "work", "fullSync": True, "reason": "PUSH"}


def command(user_id: str = "user-1", task_id: str = "task-1", data: Any = None) -> Command:
    return Command.create(
        task_id=task_id,
        user_id=user_id,
        data=data or OptimizeScheduleData.model_validate(OPTIMIZE_DATA),
        timestamp=NOW,
    )


def dead_letter(key: bytes = b"user-1") -> DeadLetter:
    record = FailedRecord(
        topic="scheduling.commands",
        partition=3,
        offset=42,
        key=key,
        value=b'{"taskId": \xff}',
        headers=[("trace", b"abc"), ("trace", None), ("bin", bytes(range(256)))],
    )
    return DeadLetter.capture(
        record,
        error_class="MalformedMessage",
        reason="not valid UTF-8 at byte 11",
        attempts=4,
        first_failure_at=NOW,
        last_failure_at=datetime(2025, 10, 27, 10, 0, 7, 250000, tzinfo=UTC),
        worker_id="worker-a/3",
    )


def instances() -> dict[str, Versioned]:
    """One valid instance of every top-level message."""
    found: dict[str, Versioned] = {
        name: decode_dict(MESSAGE_MODELS[name], raw) for name, raw in SPEC_EXAMPLES.items()
    }
    found["command"] = command()
    found["dead-letter"] = dead_letter()
    return found


def task_data_examples() -> dict[str, Versioned]:
    return {
        "schedule-habits-data": ScheduleHabitsData.model_validate(SCHEDULE_HABITS_DATA),
        "optimize-schedule-data": OptimizeScheduleData.model_validate(OPTIMIZE_DATA),
        "sync-calendar-data": SyncCalendarData.model_validate(SYNC_DATA),
    }


def decode_dict(model: type[Versioned], raw: dict[str, Any]) -> Versioned:
    return decode(json.dumps(raw).encode(), model)
