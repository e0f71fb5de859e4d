"""The demo's steady sample: users keep what they have, later commands change a little, all of it valid."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import replace
from datetime import UTC, datetime
from itertools import pairwise
from typing import Any

import jsonschema
import pytest

from ingest.messages import MessageError, decode_command, render_schemas
from ingest.messages.schemas import SUFFIX
from ingest.sample import SampleRecord, SampleShape, sample_commands

NOW = datetime(2026, 3, 2, 8, 17, tzinfo=UTC)
STEADY = SampleShape(steady=True)  # what `produce-sample` sends: 5 users x 3 commands
WIDE = SampleShape(users=16, commands_per_user=5, malformed_every=None, steady=True)
DATA_SCHEMAS = {"SCHEDULE_HABITS": "schedule-habits-data", "OPTIMIZE_SCHEDULE": "optimize-schedule-data"}


def _planning_by_user(records: list[SampleRecord]) -> dict[str, list[dict[str, Any]]]:
    """Each user's planning commands' `payload.data` with its `taskType`, in the order the user sent them."""
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        raw = json.loads(record.value) if not record.malformed else {}
        if raw.get("taskType") in DATA_SCHEMAS:
            found[record.user_id].append({**raw["payload"]["data"], "taskType": raw["taskType"]})
    return found


def test_each_user_keeps_their_habits_kind_and_goal_across_commands() -> None:
    planning = _planning_by_user(sample_commands(WIDE, NOW))
    assert len(planning) == WIDE.users
    for datas in planning.values():
        first = datas[0]
        assert 2 <= len(first["habits"]) <= 3
        assert all(habit["idealTime"] and habit["streak"] for habit in first["habits"])
        for data in datas[1:]:
            assert data["habits"] == first["habits"]
            assert data["taskType"] == first["taskType"]  # one kind of planning command per user
            assert [g["id"] for g in data.get("goals", [])] == [g["id"] for g in first.get("goals", [])]


def test_later_commands_change_a_little_and_report_a_completion() -> None:
    changes = 0
    for datas in _planning_by_user(sample_commands(WIDE, NOW)).values():
        for before, after in pairwise(datas):
            new_events = [e for e in after["events"] if e not in before["events"]]
            new_tasks = [t for t in after.get("tasks", []) if t not in before.get("tasks", [])]
            assert all(e in after["events"] for e in before["events"])  # nothing dropped or moved
            assert all(t in after.get("tasks", []) for t in before.get("tasks", []))
            progressed = [
                (b["progress"]["current"], a["progress"]["current"])
                for b, a in zip(before.get("goals", []), after.get("goals", []), strict=True)
                if a != b
            ]
            assert all(old < new <= 100 for old, new in progressed)
            assert len(new_events) + len(new_tasks) + len(progressed) == 1
            changes += 1
            done = after["habitCompletions"]
            assert len(done) == 1 and done[0]["habitId"] in {h["id"] for h in after["habits"]}
    assert changes > WIDE.users  # most users re-plan more than once


def test_some_users_plan_schedules_with_goals_and_the_sync_share_stays() -> None:
    for shape in (STEADY, WIDE):
        planning = _planning_by_user(sample_commands(shape, NOW))
        with_goals = [u for u, datas in planning.items() if datas[0].get("goals")]
        schedules = [u for u, datas in planning.items() if datas[0]["taskType"] == "OPTIMIZE_SCHEDULE"]
        assert 0 < len(with_goals) < len(schedules) < len(planning)
        valid = [json.loads(r.value) for r in sample_commands(shape, NOW) if not r.malformed]
        syncs = [raw for raw in valid if raw["taskType"] == "SYNC_CALENDAR"]
        assert syncs and abs(len(syncs) - shape.sync_share * len(valid)) < 1


def test_the_same_seed_gives_the_same_records_and_another_seed_others() -> None:
    assert sample_commands(STEADY, NOW) == sample_commands(STEADY, NOW)
    assert sample_commands(STEADY, NOW) != sample_commands(replace(STEADY, seed=8), NOW)


@pytest.mark.parametrize("shape", [STEADY, WIDE, replace(WIDE, horizon_days=7, meetings=(15, 25))])
def test_commands_validate_against_the_schemas_and_malformed_ones_do_not(shape: SampleShape) -> None:
    schemas = {name: json.loads(text) for name, text in render_schemas().items()}
    command_schema = jsonschema.Draft202012Validator(schemas[f"command{SUFFIX}"])
    records = sample_commands(shape, NOW)
    for record in records:
        if record.malformed:
            with pytest.raises(MessageError):
                decode_command(record.value)
            continue
        raw = json.loads(record.value)
        command_schema.validate(raw)
        name = DATA_SCHEMAS.get(raw["taskType"], "sync-calendar-data")
        jsonschema.Draft202012Validator(schemas[f"{name}{SUFFIX}"]).validate(raw["payload"]["data"])
        command = decode_command(record.value)
        assert (command.task_id, command.payload.user_id) == (record.task_id, record.user_id)
    assert [r.sequence for r in records if r.user_id == records[0].user_id] == list(
        range(shape.commands_per_user)
    )
