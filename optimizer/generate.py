"""Seeded instance families for tests and benchmarks: the same seed always gives the same instance.

- `typical`: one week, ~25 meetings, 6 habits, 10 tasks.
- `heavy`: two weeks, ~80 meetings, 15 habits, 40 tasks with deadlines and dependencies, goals,
  focus time and a daily cap. Large but meant to mostly fit: the meetings leave about 40 h of
  working time free, so tasks are short (30-90 min, about 28 h in all) and 40% of them may also go
  in the evening or at the weekend; the work-hour habits, the working-hours tasks and focus time
  still compete for those 40 h, so some low-priority work and soft deadlines may give way.
- `tight`: an over-booked week where not everything fits (habits asked for more often and longer,
  more work than free time, early hard deadlines): over-constrained input belongs here.
- `small`: two or three days with a handful of items, quick enough for property tests.
Some instances start mid-morning with a freeze window and a previous plan (its first blocks frozen,
a few locked), so re-planning is exercised too.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import time, timedelta

from optimizer.domain import FocusPolicy, Instance
from optimizer.generation import calendar, items, replan


@dataclass(frozen=True)
class Shape:
    days: int
    meetings: int
    habits: int
    tasks: int
    goals: int = 0
    deps: bool = False
    pressure: float = 1.0
    load: float = 1.0
    hard: float = 0.3
    working: float = 0.85
    focus_and_cap: bool = False
    slot_minutes: int = 15


def build(seed: int, shape: Shape, name: str) -> Instance:
    rng = random.Random(f"{name}:{seed}")
    zone, monday = calendar.pick_week(rng)
    start = calendar.local(zone, monday, time(0))
    work = calendar.working_hours(rng)
    instance = Instance(
        user_id=f"{name}-{seed}",
        timezone=zone,
        now=start,
        horizon_start=start,
        horizon_end=calendar.local(zone, monday + timedelta(days=shape.days), time(0)),
        slot_minutes=shape.slot_minutes,
        working_hours=work,
        personal_hours=calendar.personal_hours(work),
        events=calendar.meetings(rng, zone, monday, max(shape.days // 7, 1), shape.meetings, work),
        habits=items.habits(rng, shape.habits, shape.pressure),
        tasks=items.tasks(
            rng,
            shape.tasks,
            start,
            shape.days,
            deps=shape.deps,
            load=shape.load,
            hard=shape.hard,
            working=shape.working,
        ),
        goals=items.goals(rng, shape.goals, start, shape.days),
        focus=FocusPolicy(min_block=60, daily_minutes=60) if shape.focus_and_cap else None,
        daily_cap_minutes=rng.choice((360, 420, 480)) if shape.focus_and_cap else None,
    )
    return replan.later(rng, instance) if rng.random() < 0.4 else instance


def typical(seed: int) -> Instance:
    return build(seed, Shape(days=7, meetings=25, habits=6, tasks=10), "typical")


def heavy(seed: int) -> Instance:
    shape = Shape(
        days=14,
        meetings=80,
        habits=15,
        tasks=40,
        goals=3,
        deps=True,
        load=0.2,
        hard=0.05,
        working=0.6,
        focus_and_cap=True,
    )
    return build(seed, shape, "heavy")


def tight(seed: int) -> Instance:
    shape = Shape(days=7, meetings=45, habits=10, tasks=25, deps=True, pressure=1.6, load=2.0, hard=0.5)
    return build(seed, shape, "tight")


def small(seed: int) -> Instance:
    rng = random.Random(seed)
    shape = Shape(
        days=rng.choice((2, 3)),
        meetings=rng.randrange(0, 8),
        habits=rng.randrange(1, 4),
        tasks=rng.randrange(0, 4),
        goals=rng.randrange(0, 2),
        deps=True,
        focus_and_cap=rng.random() < 0.3,
        slot_minutes=rng.choice((5, 15)),
    )
    return build(seed, shape, "small")


FAMILIES: dict[str, Callable[[int], Instance]] = {
    "typical": typical,
    "heavy": heavy,
    "tight": tight,
    "small": small,
}
