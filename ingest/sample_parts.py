"""What both sample generators share: the shape of a sample, its records, the order users send in, and
the pieces every user's commands are made of (zones, meetings, solve options, broken messages)."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from ingest.messages import Priority

ZONES = ("Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC", "Australia/Sydney")
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
    # Each user keeps their habits, meetings, tasks and goals and later commands change a little, as in
    # real use; off, every command draws its items afresh (the benchmarks' and tests' long-standing load).
    steady: bool = False


MakeCommand = Callable[[random.Random, str, str, datetime, int], bytes]
"""(rng, user id, task id, timestamp, the user's sequence number) -> one well-formed command."""


def user_ids(shape: SampleShape) -> list[str]:
    return [f"{shape.user_prefix}-{index:05d}" for index in range(shape.users)]


def stream(shape: SampleShape, now: datetime, rng: random.Random, make: MakeCommand) -> list[SampleRecord]:
    """Round-robin over users, so each user's sequence numbers rise along the stream; every
    `malformed_every`-th command is broken instead of made."""
    records, count = [], 0
    for sequence in range(shape.commands_per_user):
        for user_id in user_ids(shape):
            count += 1
            task_id = f"{shape.run}-{user_id}-{sequence:04d}"
            at = now + timedelta(seconds=count)
            broken = shape.malformed_every is not None and count % shape.malformed_every == 0
            value = malformed(rng, task_id, user_id) if broken else make(rng, user_id, task_id, at, sequence)
            records.append(SampleRecord(user_id.encode(), value, task_id, user_id, sequence, broken))
    return records


def zone_of(user_id: str) -> str:
    return ZONES[int(user_id.rsplit("-", 1)[1]) % len(ZONES)]


def solve_options(shape: SampleShape) -> dict[str, Any]:
    options: dict[str, Any] = {"randomSeed": 1}
    if shape.time_limit_ms is not None:
        options["timeLimitMs"] = shape.time_limit_ms
    return options


def meeting(index: int, start: datetime, title: str = "Meeting") -> dict[str, Any]:
    return {
        "id": f"meeting-{index}",
        "title": title,
        "start": iso(start),
        "end": iso(start + timedelta(hours=1)),
    }


def malformed(rng: random.Random, task_id: str, user_id: str) -> bytes:
    """A command broken the way producers really break them; it must end up on the dead-letter topic."""
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


def iso(at: datetime) -> str:
    return at.isoformat().replace("+00:00", "Z")
