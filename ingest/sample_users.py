"""Who the steady sample's users are when it starts: their habits, meetings, tasks and goal.

Every other user plans their whole schedule (with tasks; every fourth user also has a goal), the
others only their habits. Habits come with the streak the product already knows and a time of day they
like, so the plans look like a real user's and re-plans have something to keep.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from ingest.sample_parts import SampleShape, iso, meeting

HABITS = (  # id, name, minutes, hours, ideal local start
    ("gym", "Gym", 45, "PERSONAL", "17:30"),
    ("meditate", "Meditate", 15, "ANY", "07:00"),
    ("read", "Read", 30, "PERSONAL", "21:00"),
    ("walk", "Walk", 30, "ANY", "12:30"),
)
GOALS = (
    ("Learn Spanish", "PERSONAL", 600),
    ("Run a half marathon", "HEALTH", 900),
    ("Launch a blog", "PROJECT", 720),
)
TASKS = ("Quarterly report", "Budget review", "Conference slides", "Hiring plan", "Release notes")
MEETINGS = ("Team sync", "Customer call", "1:1", "Design review")


@dataclass
class SteadyUser:
    """What a user has; the sample changes it a little between their commands."""

    user_id: str
    schedule: bool  # plans the whole schedule, not only the habits
    habits: list[dict[str, Any]]
    events: list[dict[str, Any]]
    tasks: list[dict[str, Any]]
    goals: list[dict[str, Any]]
    reported: int = 0  # habit completions reported so far, to take the habits in turn


def first_state(
    rng: random.Random, shape: SampleShape, index: int, user_id: str, now: datetime
) -> SteadyUser:
    day = now.replace(minute=0, second=0, microsecond=0)
    habits = [_habit(rng, row) for row in sorted(rng.sample(HABITS, rng.randint(2, 3)))]
    last = 16 + 12 * shape.horizon_days
    hours = sorted({rng.randint(2, last) for _ in range(rng.randint(*shape.meetings))})
    events = [meeting(i, day + timedelta(hours=h), rng.choice(MEETINGS)) for i, h in enumerate(hours)]
    schedule = index % 2 == 0
    tasks = [task(rng, i, day) for i in range(rng.randint(1, 2))] if schedule else []
    goals = [_goal(rng, day)] if index % 4 == 0 else []
    return SteadyUser(user_id, schedule, habits, events, tasks, goals)


def task(rng: random.Random, index: int, day: datetime) -> dict[str, Any]:
    due = iso(day + timedelta(days=rng.randint(2, 4)))
    effort = rng.choice((60, 90, 120))
    return {"id": f"task-{index}", "title": TASKS[index % len(TASKS)], "effortMinutes": effort, "due": due}


def _habit(rng: random.Random, row: tuple[str, str, int, str, str]) -> dict[str, Any]:
    habit_id, name, minutes, hours, ideal = row
    current = rng.randint(0, 20)
    streak = {"current": current, "longest": current + rng.randint(0, 10)}
    return {"id": habit_id, "name": name, "minDurationMinutes": minutes, "hours": hours,
            "idealTime": ideal, "streak": streak}  # fmt: skip


def _goal(rng: random.Random, day: datetime) -> dict[str, Any]:
    title, kind, effort = rng.choice(GOALS)
    progress = {"current": rng.randint(10, 50), "target": 100, "unit": "percentage"}
    target = iso(day + timedelta(days=rng.randint(7, 21)))
    return {"id": "goal-0", "title": title, "type": kind, "targetDate": target, "effortMinutes": effort,
            "progress": progress}  # fmt: skip
