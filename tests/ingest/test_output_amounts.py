"""Whole numbers go on the wire as integers (`"current":75`, as the spec shows), fractions as they are,
by both ways an output is written: straight from the outbox's JSON, and through the models."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from actors.outcomes import OUTCOMES, GoalOutcome, Outcome, PerformanceOutcome
from ingest.messages import Progress
from ingest.outputs import outcomes_of, records_for, records_from_json
from ingest.pipeline_config import OutputTopics

TOPICS = OutputTopics()
AT = datetime(2025, 10, 27, 10, tzinfo=UTC)


def goal(current: float, target: float) -> GoalOutcome:
    return GoalOutcome(
        user_id="u1",
        at=AT,
        goal_id="g1",
        change="UPDATED",
        title="Read",
        target_date=AT,
        progress_current=current,
        progress_target=target,
    )


def both_ways(outcome: Outcome) -> list[bytes]:
    """The record's value written directly and through the models (they must agree)."""
    outcomes_json = OUTCOMES.dump_json((outcome,))
    [direct] = records_from_json("t1", outcomes_json, TOPICS)
    [modelled] = records_for("t1", outcomes_of("t1", outcomes_json), TOPICS)
    return [direct.value, modelled.value]


@pytest.mark.parametrize(
    ("current", "target", "written"),
    [
        (75.0, 100.0, b'"progress":{"current":75,"target":100,"unit":"percentage"}'),
        (12.5, 300.0, b'"progress":{"current":12.5,"target":300,"unit":"percentage"}'),
    ],
)
def test_goal_progress_is_written_as_the_spec_shows_it(current: float, target: float, written: bytes) -> None:
    for value in both_ways(goal(current, target)):
        assert written in value, value


@pytest.mark.parametrize(("measured", "written"), [(150.0, b'"value":150,'), (150.5, b'"value":150.5,')])
def test_a_whole_measurement_is_an_integer(measured: float, written: bytes) -> None:
    metric = PerformanceOutcome(user_id="u1", at=AT, metric_type="API_LATENCY", value=measured)
    for value in both_ways(metric):
        assert written in value, value


def test_integers_read_back_as_the_same_numbers() -> None:
    wire = Progress(current=75.0, target=100.0).model_dump_json(by_alias=True)
    assert json.loads(wire) == {"current": 75, "target": 100, "unit": "percentage"}
    assert Progress.model_validate_json(wire) == Progress(current=75.0, target=100.0)
    huge = Progress(current=1e300).model_dump_json()
    assert json.loads(huge)["current"] == 1e300 and "e+300" in huge  # not 301 digits
