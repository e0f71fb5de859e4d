"""Each outcome lands on its spec topic, keyed by user, as the spec message, ids fixed by the command."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from actors.contract import CommandPriority
from actors.outcomes import (
    CalendarBlockOutcome,
    CalendarUpdateOutcome,
    GoalOutcome,
    HabitOutcome,
    Outcome,
    PerformanceOutcome,
    ReminderOutcome,
)
from ingest.messages import (
    CalendarEventMessage,
    CalendarUpdateNotification,
    GoalEventMessage,
    HabitEventMessage,
    PerformanceMetric,
    ReminderNotification,
    SchemaViolation,
    Versioned,
    decode,
    derive_id,
)
from ingest.outputs import records_for, records_from_json
from ingest.pipeline_config import OutputTopics, PipelineTopics

AT = datetime(2025, 10, 27, 10, tzinfo=UTC)
START = AT + timedelta(hours=2)
COMMON = {"user_id": "ann", "at": AT}

OUTCOMES: list[tuple[Outcome, str, type[Versioned], dict[str, object]]] = [
    (
        CalendarBlockOutcome(**COMMON, event_id="ev1", change="CREATED", summary="Gym", start=START,
                             end=START + timedelta(hours=1)),
        "scheduling.events.calendar", CalendarEventMessage, {"event_id": "ev1", "source": "WORKER"},
    ),
    (
        HabitOutcome(**COMMON, habit_id="gym", change="STREAK_UPDATED", name="Gym", frequency="DAILY",
                     streak_current=3, streak_longest=5),
        "scheduling.events.habits", HabitEventMessage, {"habit_id": "gym", "event_type": "STREAK_UPDATED"},
    ),
    (
        GoalOutcome(**COMMON, goal_id="book", change="UPDATED", title="Book", goal_type="PROJECT",
                    target_date=AT + timedelta(days=30), progress_current=40, progress_target=100),
        "scheduling.events.goals", GoalEventMessage, {"goal_id": "book", "event_type": "UPDATED"},
    ),
    (
        ReminderOutcome(**COMMON, notification_id="n1", reminder_type="HABIT_REMINDER", title="Gym soon",
                        message="at 12:00", scheduled_for=START - timedelta(minutes=10),
                        priority=CommandPriority.HIGH),
        "scheduling.notifications.reminders", ReminderNotification, {"notification_id": "n1"},
    ),
    (
        CalendarUpdateOutcome(**COMMON, update_type="SYNC_FAILED", errors=("not configured",)),
        "scheduling.notifications.calendar-updates", CalendarUpdateNotification, {"user_id": "ann"},
    ),
    (
        PerformanceOutcome(**COMMON, metric_type="API_LATENCY", value=12.5, labels={"status": "OPTIMAL"}),
        "scheduling.analytics.performance", PerformanceMetric, {"value": 12.5, "unit": "milliseconds"},
    ),
]  # fmt: skip


@pytest.mark.parametrize(("outcome", "topic", "model", "fields"), OUTCOMES)
def test_each_outcome_becomes_its_spec_message(
    outcome: Outcome, topic: str, model: type[Versioned], fields: dict[str, object]
) -> None:
    (record,) = records_for("task-1", (outcome,), OutputTopics())
    assert record.topic == topic
    assert record.key == b"ann"
    message = decode(record.value, model)
    assert message.timestamp == AT  # type: ignore[attr-defined]
    for name, value in fields.items():
        assert getattr(message, name) == value


def test_calendar_block_carries_its_times() -> None:
    (record,) = records_for("task-1", (OUTCOMES[0][0],), OutputTopics())
    event = decode(record.value, CalendarEventMessage)
    assert event.event_data is not None
    assert (event.event_data.start.date_time, event.event_data.end.date_time) == (
        START,
        START + timedelta(hours=1),
    )


def test_records_are_identical_on_replay_and_ids_derive_from_the_command() -> None:
    outcomes = tuple(o for o, *_ in OUTCOMES)
    first = records_for("task-7", outcomes, OutputTopics())
    again = records_for("task-7", outcomes, OutputTopics())
    assert first == again
    ids = [dict(r.headers)["messageId"] for r in first]
    assert ids == [derive_id("task-7", "output", str(i)).encode() for i in range(len(outcomes))]
    assert all(dict(r.headers)["taskId"] == b"task-7" for r in first)
    other = records_for("task-8", outcomes, OutputTopics())
    assert {dict(r.headers)["messageId"] for r in other}.isdisjoint(ids)


def test_topic_names_follow_the_settings() -> None:
    topics = PipelineTopics().suffixed(".test").outputs
    records = records_for("t", tuple(o for o, *_ in OUTCOMES), topics)
    assert {r.topic for r in records} == {f"{topic}.test" for _, topic, *_ in OUTCOMES}


def test_an_outcome_the_wire_refuses_is_a_message_error_so_its_command_is_dead_lettered() -> None:
    # The ingest loop dead-letters a MessageError; any other exception would stop it, on every replay
    # of the stored outcome.
    broken = HabitOutcome(**COMMON, habit_id="gym", change="STREAK_UPDATED", name="Gym", frequency="DAILY",
                          streak_current=3, streak_longest=1)  # fmt: skip
    with pytest.raises(SchemaViolation, match=r"output 0 of task t1 .*habit_data\.streak"):
        records_for("t1", (broken,), OutputTopics())
    with pytest.raises(SchemaViolation, match="outputs of task t1 cannot be read"):
        records_from_json("t1", b'[{"kind": "comet"}]', OutputTopics())
