"""A realistic stream of commands for demos, tests and benchmarks: several users, every command type.

Each user has a time zone, a few habits and meetings; their commands plan the next days. Every
`malformed_every`-th command is broken in one of the ways producers really break messages, and must
end up on the dead-letter topic. Task ids are `<run>-<user>-<sequence>`, so a user's order can be read
back from the outcomes, and the same run id re-sends the same commands.

By default every command draws its habits, meetings, tasks and goals afresh: the load the benchmarks
and tests measure, kept exactly as it is. A `steady` shape (ingest/sample_steady.py) lets each user keep
theirs from one command to the next instead, as the demo shows.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

from ingest.messages import Command, encode
from ingest.messages.task_data import OptimizeScheduleData, ScheduleHabitsData, SyncCalendarData
from ingest.sample_parts import (
    PRIORITIES,
    SampleRecord,
    SampleShape,
    iso,
    meeting,
    solve_options,
    stream,
    zone_of,
)
from ingest.sample_steady import steady_commands

__all__ = ["SampleRecord", "SampleShape", "sample_commands"]

HABITS = (("gym", 45, "PERSONAL"), ("meditate", 15, "ANY"), ("read", 30, "PERSONAL"), ("walk", 30, "ANY"))


def sample_commands(shape: SampleShape, now: datetime) -> list[SampleRecord]:
    """The same shape and `now` give the same records, byte for byte."""
    if shape.steady:
        return steady_commands(shape, now)
    rng = random.Random(shape.seed)

    def make(rng: random.Random, user_id: str, task_id: str, at: datetime, sequence: int) -> bytes:
        return _command(rng, shape, task_id, user_id, at, sequence > 0)

    return stream(shape, now, rng, make)


def _command(
    rng: random.Random, shape: SampleShape, task_id: str, user_id: str, at: datetime, later: bool
) -> bytes:
    kind = rng.random()
    data: ScheduleHabitsData | OptimizeScheduleData | SyncCalendarData
    if kind < shape.sync_share:
        data = SyncCalendarData(full_sync=rng.random() < 0.2)
    elif kind < shape.sync_share + (1 - shape.sync_share) / 2:
        data = ScheduleHabitsData.model_validate(_planning(rng, shape, user_id, at, later))
    else:
        work = {"tasks": _tasks(rng, at), "goals": _goals(rng, at)}
        data = OptimizeScheduleData.model_validate({**_planning(rng, shape, user_id, at, later), **work})
    priority = rng.choice(PRIORITIES)
    command = Command.create(task_id=task_id, user_id=user_id, data=data, timestamp=at, priority=priority)
    return encode(command)


def _planning(
    rng: random.Random, shape: SampleShape, user_id: str, at: datetime, later: bool
) -> dict[str, Any]:
    habits = [
        {"id": name, "name": name, "minDurationMinutes": minutes, "hours": hours, "idealTime": "07:30"}
        for name, minutes, hours in rng.sample(HABITS, rng.randint(1, 3))
    ]
    day = at.replace(minute=0, second=0, microsecond=0)
    last = 16 + 12 * shape.horizon_days
    starts = sorted(day + timedelta(hours=rng.randint(2, last)) for _ in range(rng.randint(*shape.meetings)))
    events = [meeting(i, start) for i, start in enumerate(dict.fromkeys(starts))]
    horizon = {"days": shape.horizon_days}
    options = solve_options(shape)
    planning = {"timezone": zone_of(user_id), "horizon": horizon, "habits": habits, "events": events}
    planning["options"] = options
    # A user's later commands report their first habit done an hour before, so the demo shows streaks;
    # no random draw, so the rest of the stream (and its solves) stays as it was.
    done = [{"habitId": habits[0]["id"], "completedAt": iso(at - timedelta(hours=1))}]
    return {**planning, "habitCompletions": done} if later else planning


def _tasks(rng: random.Random, at: datetime) -> list[dict[str, Any]]:
    due = iso(at + timedelta(days=2))
    return [
        {"id": f"task-{i}", "title": "Report", "effortMinutes": rng.choice((60, 90, 120)), "due": due}
        for i in range(rng.randint(0, 2))
    ]


def _goals(rng: random.Random, at: datetime) -> list[dict[str, Any]]:
    if rng.random() < 0.5:
        return []
    target = iso(at + timedelta(days=rng.randint(2, 30)))
    progress = {"current": rng.randint(0, 80), "target": 100, "unit": "percentage"}
    return [{"id": "goal-0", "title": "Learn Spanish", "type": "PERSONAL", "targetDate": target,
             "effortMinutes": 600, "progress": progress}]  # fmt: skip
