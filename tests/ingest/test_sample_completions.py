"""The sample's later commands report habit completions without changing what is solved."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from ingest.messages import decode_command
from ingest.sample import SampleShape, sample_commands
from ingest.translate import instance_for, request_for

NOW = datetime(2026, 3, 2, 8, tzinfo=UTC)


def test_later_planning_commands_complete_a_habit_and_solve_the_same_instance() -> None:
    records = sample_commands(SampleShape(users=4, commands_per_user=3, malformed_every=None), NOW)
    reported = 0
    for record in records:
        command = decode_command(record.value)
        done = getattr(command.task_data, "habit_completions", ())
        assert bool(done) == (record.sequence > 0 and command.task_type != "SYNC_CALENDAR")
        if not done:
            continue
        reported += 1
        assert done[0].completed_at < command.timestamp
        request_for(command)  # translates: the habit is the command's own, the time is before it
        raw = json.loads(record.value)
        del raw["payload"]["data"]["habitCompletions"]
        bare = decode_command(json.dumps(raw).encode())
        assert instance_for(command, command.task_data) == instance_for(bare, bare.task_data)  # type: ignore[arg-type]
    assert reported > 0
