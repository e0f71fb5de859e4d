"""Outputs written straight from the outbox's JSON are the very bytes the wire models write.

The models' way (outcome model, wire model, `encode`) is the reference: for any outcome, of every kind,
`records_from_json` gives the same records or fails the same way.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actors.outcomes import (
    OUTCOMES,
    CalendarUpdateOutcome,
    GoalOutcome,
    HabitOutcome,
    Outcome,
    PerformanceOutcome,
)
from ingest.messages import MAX_MESSAGE_BYTES, MessageError, MessageTooLarge
from ingest.output_wire import wire_message
from ingest.outputs import outcomes_of, records_for, records_from_json
from ingest.pipeline_config import OutputTopics
from tests.ingest.outcome_strategies import outcomes as any_outcomes

TOPICS = OutputTopics()
CHECKED = settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])


def _reference(task_id: str, outcomes_json: bytes) -> object:
    try:
        return records_for(task_id, outcomes_of(task_id, outcomes_json), TOPICS)
    except Exception as error:  # the reference's own failure, whatever it is, is what must repeat
        return type(error), str(error)


def _direct(task_id: str, outcomes_json: bytes) -> object:
    try:
        return records_from_json(task_id, outcomes_json, TOPICS)
    except Exception as error:
        return type(error), str(error)


@CHECKED
@given(st.lists(any_outcomes(plain=True), min_size=1, max_size=4), st.text(min_size=1, max_size=8))
def test_plain_outcomes_are_written_directly_with_the_models_bytes(
    outcomes: list[Outcome], task_id: str
) -> None:
    outcomes_json = OUTCOMES.dump_json(tuple(outcomes))
    raw = OUTCOMES.validate_json(outcomes_json)  # what the reference reads back
    for outcome, dumped in zip(raw, OUTCOMES.dump_python(raw, mode="json"), strict=True):
        assert wire_message(dumped) is not None, f"{outcome.kind} outcome took the models' way"
    assert _direct(task_id, outcomes_json) == _reference(task_id, outcomes_json)


@settings(max_examples=600, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(any_outcomes(plain=False), max_size=2))
def test_any_outcomes_give_the_models_records_or_their_error(outcomes: list[Outcome]) -> None:
    outcomes_json = OUTCOMES.dump_json(tuple(outcomes))
    assert _direct("task-1", outcomes_json) == _reference("task-1", outcomes_json)


def test_outcomes_a_host_does_not_write_take_the_models_way() -> None:
    at = "2025-10-27T10:00:00+02:00"
    older = b'[{"user_id":"u","at":"%s","kind":"calendar_update","update_type":"SYNC_FAILED"}]' % at.encode()
    (record,) = records_from_json("t", older, TOPICS)  # fields left to their defaults
    assert record.value == _reference("t", older)[0].value  # type: ignore[index]
    assert b'"timestamp":"2025-10-27T08:00:00Z"' in record.value
    for broken in (
        b"not json",
        b'{"kind":"habit"}',
        b'[{"kind":"comet","user_id":"u","at":"%s"}]' % at.encode(),
    ):
        assert _direct("t", broken) == _reference("t", broken)
        refused = _direct("t", broken)
        assert isinstance(refused, tuple) and issubclass(refused[0], MessageError)  # refused, as ever


def test_an_output_over_the_size_limit_is_refused_as_before() -> None:
    at = datetime(2025, 10, 27, tzinfo=UTC)
    huge = CalendarUpdateOutcome(
        user_id="u", at=at, update_type="SYNC_FAILED", errors=("x" * MAX_MESSAGE_BYTES,)
    )
    outcomes_json = OUTCOMES.dump_json((huge,))
    failure = _direct("t", outcomes_json)
    assert failure == _reference("t", outcomes_json)
    assert isinstance(failure, tuple) and failure[0] is MessageTooLarge


AT = datetime(2025, 10, 27, 10, tzinfo=UTC)
HABIT = HabitOutcome(user_id="u", at=AT, habit_id="h", change="CREATED", name="n", frequency="DAILY")
GOAL = GoalOutcome(
    user_id="u", at=AT, goal_id="g", change="UPDATED", title="t", target_date=AT, progress_current=1,
    progress_target=2,
)  # fmt: skip
METRIC = PerformanceOutcome(user_id="u", at=AT, metric_type="API_LATENCY", value=1.5)
EDGE = datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=1)))  # before year 1 once in UTC
BROKEN = [
    HABIT.model_copy(update={"streak_current": 3, "streak_longest": 2}),
    HABIT.model_copy(update={"streak_current": -1}),
    HABIT.model_copy(update={"habit_id": ""}),
    HABIT.model_copy(update={"user_id": "u" * 513}),
    HABIT.model_copy(update={"at": EDGE}),
    GOAL.model_copy(update={"progress_current": -0.5}),
    GOAL.model_copy(update={"progress_target": 0.0}),
    METRIC.model_copy(update={"unit": ""}),
    METRIC.model_copy(update={"value": float("inf")}),
]


@pytest.mark.parametrize("outcome", BROKEN, ids=range(len(BROKEN)))
def test_an_outcome_breaking_a_wire_rule_fails_as_it_always_did(outcome: Outcome) -> None:
    outcomes_json = OUTCOMES.dump_json((outcome,))
    failure = _direct("t", outcomes_json)
    assert failure == _reference("t", outcomes_json)
    # A MessageError: the ingest loop dead-letters it instead of stopping.
    assert isinstance(failure, tuple), f"written although it breaks a wire rule: {failure}"
    assert issubclass(failure[0], MessageError), failure


def test_a_bool_label_is_written_as_the_number_one() -> None:
    # Outcome labels are str | int; a bool slips in only past validation (`model_copy`). Dumping it to
    # the outbox's JSON through that field type already writes it as the int 1, so both ways read 1 and
    # the metric is written with the label 1, not refused (the wire's own labels would allow a bool, but
    # the outcome never carries one).
    outcome = METRIC.model_copy(update={"labels": {"ok": True}})
    outcomes_json = OUTCOMES.dump_json((outcome,))
    assert b'"labels":{"ok":1}' in outcomes_json
    written = _direct("t", outcomes_json)
    assert written == _reference("t", outcomes_json)
    assert isinstance(written, list) and len(written) == 1
    assert b'"labels":{"ok":1}' in written[0].value


def test_the_edges_of_each_rule_are_written_directly() -> None:
    edges = (
        HABIT.model_copy(update={"streak_current": 2, "streak_longest": 2, "user_id": "u" * 512}),
        GOAL.model_copy(update={"progress_current": 0.0, "progress_target": 5e-324}),
        METRIC.model_copy(update={"unit": "s", "value": -1e-7, "labels": {"n": -(10**30), "é": "😀"}}),
    )
    for outcome in edges:
        outcomes_json = OUTCOMES.dump_json((outcome,))
        assert wire_message(OUTCOMES.dump_python((outcome,), mode="json")[0]) is not None
        assert _direct("t", outcomes_json) == _reference("t", outcomes_json)
