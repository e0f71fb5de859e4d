"""Each kind of output reads as one plain line: goals with their progress, calendar updates with what
they resolved, solves with how much of the plan they kept."""

from __future__ import annotations

import json
from typing import Any

from confluent_kafka import Message

from ingest.tail import _output, describe


def _line(topic: str, body: dict[str, Any]) -> str:
    message = Message(topic=topic, key=b"ann", value=json.dumps(body).encode(), partition=0)
    return describe(_output(message))


def test_goal_lines_name_the_goal_and_its_progress() -> None:
    spanish = {"title": "Learn Spanish", "progress": {"current": 35, "target": 100, "unit": "percentage"}}
    book = {"title": "Read a book", "progress": {"current": 120, "target": 300, "unit": "pages"}}
    lines = [
        _line("scheduling.events.goals", {"goalId": "g1", "eventType": event, "goalData": data})
        for event, data in (("CREATED", spanish), ("UPDATED", book))
    ]
    assert lines[0].endswith("CREATED goal g1 'Learn Spanish' at 35%")
    assert lines[1].endswith("UPDATED goal g1 'Read a book' at 120/300 pages")


def test_calendar_updates_count_what_was_resolved_and_keep_the_first_error_short() -> None:
    resolved = {"conflictsResolved": 1, "eventsProcessed": 3, "errors": []}
    failed = {
        "eventsProcessed": 0,
        "errors": ["Sync is off for this worker: calendar primary was not synced. Configure it first."],
    }
    long = {"errors": ["task t1: 90 min not placed: " + "no free working time before its due " * 5]}
    lines = [
        _line("scheduling.notifications.calendar-updates", {"updateType": kind, "details": details})
        for kind, details in (
            ("CONFLICT_RESOLVED", resolved),
            ("SYNC_FAILED", failed),
            ("SYNC_COMPLETED", long),
        )
    ]
    assert lines[0].endswith("CONFLICT_RESOLVED (1 conflict resolved, 3 calendar changes)")
    assert lines[1].endswith("SYNC_FAILED: Sync is off for this worker: calendar primary was not synced")
    assert lines[2].endswith(" ...") and len(lines[2].split("SYNC_COMPLETED: ")[1]) <= 124


def test_a_solve_says_how_many_blocks_it_placed_and_moved() -> None:
    labels = {"solverStatus": "OPTIMAL", "placed": 7, "moved": 1, "endpoint": "solve/SCHEDULE_HABITS"}
    body = {"metricType": "API_LATENCY", "value": 84.2, "unit": "milliseconds", "labels": labels}
    line = _line("scheduling.analytics.performance", body)
    assert line.endswith("API_LATENCY 84.2 milliseconds OPTIMAL, placed 7 moved 1")


def test_a_store_window_says_which_calls_how_many_and_their_p99() -> None:
    labels = {"endpoint": "state_store/save", "store": "sqlite", "calls": 1200, "p99Us": 2150}
    body = {"metricType": "DB_QUERY_TIME", "value": 0.41, "unit": "milliseconds", "labels": labels}
    line = _line("scheduling.analytics.performance", body)
    assert line.endswith("DB_QUERY_TIME 0.41 milliseconds state_store/save, 1200 calls, p99 2.15 ms")
    labels |= {"calls": 1, "p99Us": 4065}
    line = _line("scheduling.analytics.performance", body)
    assert line.endswith("state_store/save, 1 call, p99 4.065 ms")


def test_a_goal_without_numbers_is_shown_as_foreign_not_fatal() -> None:
    body = {"goalId": "g1", "eventType": "UPDATED", "goalData": {"progress": {"current": "a lot"}}}
    assert _line("scheduling.events.goals", body).endswith("not a message the worker writes")


def test_instants_read_to_the_second() -> None:
    body = {"notificationId": "n1", "type": "HABIT_REMINDER", "channel": "PUSH",
            "scheduledFor": "2026-11-27T11:08:26.882429Z"}  # fmt: skip
    line = _line("scheduling.notifications.reminders", body)
    assert line.endswith("HABIT_REMINDER via PUSH for 2026-11-27T11:08:26Z")
