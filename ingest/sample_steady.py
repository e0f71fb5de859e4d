"""The demo's sample: users who keep their habits, meetings, tasks and goals from one command to the next.

A user's first planning command sets up what they have (ingest/sample_users.py). Each later one reports
a habit done since and changes one thing, as a user's day does: a new meeting (often over the time one
of their habits likes), progress on their goal, or a new task. Re-plans then show what the product is
for: most blocks stay where they were, a few move. `sync_share` of the commands, spread evenly, sync
the calendar instead. The same shape and `now` give the same records.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

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
    user_ids,
    zone_of,
)
from ingest.sample_users import MEETINGS, SteadyUser, first_state, task

WORK_CLOCKS = ("09:00", "10:30", "14:00", "15:30")


def steady_commands(shape: SampleShape, now: datetime) -> list[SampleRecord]:
    rng = random.Random(shape.seed)
    users = {user_id: first_state(rng, shape, i, user_id, now) for i, user_id in enumerate(user_ids(shape))}
    # Syncs come at the exact share, evenly, from a point the seed picks: a short demo still shows one.
    credit = rng.random()

    def make(rng: random.Random, user_id: str, task_id: str, at: datetime, sequence: int) -> bytes:
        nonlocal credit
        credit += shape.sync_share
        data: ScheduleHabitsData | OptimizeScheduleData | SyncCalendarData
        if credit >= 1:
            credit -= 1
            data = SyncCalendarData(full_sync=rng.random() < 0.2)
        else:
            data = _planning(rng, shape, users[user_id], at, sequence > 0)
        priority = rng.choice(PRIORITIES)
        command = Command.create(task_id=task_id, user_id=user_id, data=data, timestamp=at, priority=priority)
        return encode(command)

    return stream(shape, now, rng, make)


def _planning(
    rng: random.Random, shape: SampleShape, user: SteadyUser, at: datetime, later: bool
) -> ScheduleHabitsData | OptimizeScheduleData:
    frame = {"timezone": zone_of(user.user_id), "horizon": {"days": shape.horizon_days}}
    done = _day_goes_on(rng, user, at) if later else []  # first: the change is part of this command
    items = {"habits": user.habits, "events": user.events, "habitCompletions": done}
    planning = {**frame, **items, "options": solve_options(shape)}
    if not user.schedule:
        return ScheduleHabitsData.model_validate(planning)
    return OptimizeScheduleData.model_validate({**planning, "tasks": user.tasks, "goals": user.goals})


def _day_goes_on(rng: random.Random, user: SteadyUser, at: datetime) -> list[dict[str, Any]]:
    """Change one thing of the user's, and return the habit completion they report since last time."""
    progress = user.goals[0]["progress"] if user.goals else {"current": 0, "target": 0}
    going = progress["current"] < progress["target"]  # a reached goal makes no more progress
    weights = {"meeting": 3, "goal": 2 if going else 0, "task": 1 if user.schedule else 0}
    change = rng.choices(list(weights), list(weights.values()))[0]
    if change == "meeting":
        user.events.append(_new_meeting(rng, user, at))
    elif change == "goal":
        done = {**progress, "current": min(progress["target"], progress["current"] + rng.randint(5, 15))}
        user.goals[0] = {**user.goals[0], "progress": done}
    else:
        user.tasks.append(task(rng, len(user.tasks), at.replace(minute=0, second=0, microsecond=0)))
    habit = user.habits[user.reported % len(user.habits)]
    user.reported += 1
    return [{"habitId": habit["id"], "completedAt": iso(at - timedelta(minutes=45))}]


def _new_meeting(rng: random.Random, user: SteadyUser, at: datetime) -> dict[str, Any]:
    """A meeting tomorrow: often at the time one of the user's habits likes, so that habit must move."""
    zone = ZoneInfo(zone_of(user.user_id))
    daytime = [habit["idealTime"] for habit in user.habits if habit["idealTime"] < "19:00"]
    clock = rng.choice(daytime) if daytime and rng.random() < 0.6 else rng.choice(WORK_CLOCKS)
    tomorrow = at.astimezone(zone).date() + timedelta(days=1)
    start = datetime.combine(tomorrow, time.fromisoformat(clock), zone).astimezone(UTC)
    return meeting(len(user.events), start, rng.choice(MEETINGS))
