"""A realistic stream of commands for demos, tests and benchmarks: several users, every command type.

Each user has a time zone, a few habits and meetings; their commands plan the next days. Every
`malformed_every`-th command is broken in one of the ways producers really break messages, and must
end up on the dead-letter topic. Task ids are `<run>-<user>-<sequence>`, so a user's order can be read
back from the outcomes, and the same run id re-sends the same commands.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from ingest.messages import Command, Priority, encode
from ingest.messages.task_data import OptimizeScheduleData, ScheduleHabitsData, SyncCalendarData

ZONES = ("Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC", "Australia/Sydney")
HABITS = (("gym", 45, "PERSONAL"), ("meditate", 15, "ANY"), ("read", 30, "PERSONAL"), ("walk", 30, "ANY"))
PRIORITIES = (Priority.HIGH, Priority.NORMAL, Priority.NORMAL, Priority.NORMAL, Priority.LOW)


@dataclass(frozen=True)
class SampleRecord:
    key: bytes
    value: bytes
    task_id: str
    user_id: str
    sequence: int
    malformed: bool = False


@dataclass(frozen=True)
class SampleShape:
    users: int = 5
    commands_per_user: int = 3
    horizon_days: int = 2
    meetings: tuple[int, int] = (0, 3)  # how many per planning command, at random hours ahead
    time_limit_ms: int | None = 500
    malformed_every: int | None = 7
    sync_share: float = 0.15  # of the well-formed commands; the rest plan habits or whole schedules
    run: str = "demo"
    user_prefix: str = "user"
    seed: int = 7


def sample_commands(shape: SampleShape, now: datetime) -> list[SampleRecord]:
    """Round-robin over users, so each user's sequence numbers rise along the stream."""
    rng = random.Random(shape.seed)
    records, count = [], 0
    for sequence in range(shape.commands_per_user):
        for index in range(shape.users):
            count += 1
            user_id = f"{shape.user_prefix}-{index:05d}"
            task_id = f"{shape.run}-{user_id}-{sequence:04d}"
            at = now + timedelta(seconds=count)
            broken = shape.malformed_every is not None and count % shape.malformed_every == 0
            value = (
                _malformed(rng, task_id, user_id)
                if broken
                else _command(rng, shape, task_id, user_id, at, sequence > 0)
            )
            records.append(SampleRecord(user_id.encode(), value, task_id, user_id, sequence, broken))
    return records


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
    zone = ZONES[int(user_id.rsplit("-", 1)[1]) % len(ZONES)]
    habits = [
        {"id": name, "name": name, "minDurationMinutes": minutes, "hours": hours, "idealTime": "07:30"}
        for name, minutes, hours in rng.sample(HABITS, rng.randint(1, 3))
    ]
    day = at.replace(minute=0, second=0, microsecond=0)
    last = 16 + 12 * shape.horizon_days
    starts = sorted(day + timedelta(hours=rng.randint(2, last)) for _ in range(rng.randint(*shape.meetings)))
    events = [_meeting(i, start) for i, start in enumerate(dict.fromkeys(starts))]
    options: dict[str, Any] = {"randomSeed": 1}
    if shape.time_limit_ms is not None:
        options["timeLimitMs"] = shape.time_limit_ms
    horizon = {"days": shape.horizon_days}
    planning = {"timezone": zone, "horizon": horizon, "habits": habits, "events": events, "options": options}
    # A user's later commands report their first habit done an hour before, so the demo shows streaks;
    # no random draw, so the rest of the stream (and its solves) stays as it was.
    done = [{"habitId": habits[0]["id"], "completedAt": _iso(at - timedelta(hours=1))}]
    return {**planning, "habitCompletions": done} if later else planning


def _meeting(index: int, start: datetime) -> dict[str, Any]:
    return {
        "id": f"meeting-{index}",
        "title": "Meeting",
        "start": _iso(start),
        "end": _iso(start + timedelta(hours=1)),
    }


def _tasks(rng: random.Random, at: datetime) -> list[dict[str, Any]]:
    due = _iso(at + timedelta(days=2))
    return [
        {"id": f"task-{i}", "title": "Report", "effortMinutes": rng.choice((60, 90, 120)), "due": due}
        for i in range(rng.randint(0, 2))
    ]


def _goals(rng: random.Random, at: datetime) -> list[dict[str, Any]]:
    if rng.random() < 0.5:
        return []
    target = _iso(at + timedelta(days=rng.randint(2, 30)))
    progress = {"current": rng.randint(0, 80), "target": 100, "unit": "percentage"}
    return [{"id": "goal-0", "title": "Learn Spanish", "type": "PERSONAL", "targetDate": target,
             "effortMinutes": 600, "progress": progress}]  # fmt: skip


def _malformed(rng: random.Random, task_id: str, user_id: str) -> bytes:
    base = {"taskId": task_id, "timestamp": "2025-10-27T10:00:00Z", "payload": {"userId": user_id}}
    bad_habit = {"userId": user_id, "data": {"habits": [{"id": "x", "minDurationMinutes": 0}]}}
    broken = [
        {**base, "taskType": "DELETE_EVERYTHING"},  # unknown task type
        {**base, "taskType": "SCHEDULE_HABITS", "payload": {"data": {}}},  # no userId
        {**base, "taskType": "SCHEDULE_HABITS", "payload": bad_habit},  # a zero-minute habit
    ]
    choice = rng.randrange(len(broken) + 1)
    if choice == len(broken):
        return json.dumps(base).encode()[:40]  # cut short: not JSON at all
    return json.dumps(broken[choice]).encode()


def _iso(at: datetime) -> str:
    return at.isoformat().replace("+00:00", "Z")
