"""Habits, tasks and goals for generated instances, drawn from a realistic catalog with a seeded RNG."""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

from optimizer.domain import Frequency, Goal, Habit, HoursKind, Priority, Task, Weekday
from optimizer.generation.calendar import WORKDAYS, window

LUNCH_HOURS = {day: window(time(11, 30), time(14)) for day in Weekday}
WEEKLY, DAILY = Frequency.WEEKLY, Frequency.DAILY
PERSONAL, WORKING, ANY = HoursKind.PERSONAL, HoursKind.WORKING, HoursKind.ANY

# name, (min, max) minutes, frequency, times, hours, ideal hour, buffers, spacing minutes, workdays only
CATALOG = (
    ("Lunch", (30, 60), DAILY, 1, HoursKind.CUSTOM, 12, 0, 0, True),
    ("Gym", (60, 90), WEEKLY, 3, PERSONAL, 7, 15, 720, False),
    ("Reading", (30, 45), DAILY, 1, PERSONAL, 21, 0, 0, False),
    ("Email triage", (30, 30), DAILY, 1, WORKING, 9, 0, 0, True),
    ("Walk", (20, 30), DAILY, 1, ANY, 15, 5, 0, False),
    ("Meditation", (10, 15), DAILY, 2, PERSONAL, 7, 0, 240, False),
    ("Weekly planning", (30, 60), WEEKLY, 1, WORKING, 16, 0, 0, True),
    ("Run", (30, 60), WEEKLY, 2, PERSONAL, 18, 10, 1440, False),
    ("Language practice", (20, 30), DAILY, 1, PERSONAL, 20, 0, 0, False),
    ("Guitar", (30, 45), WEEKLY, 3, PERSONAL, 19, 0, 0, False),
    ("Stretching", (15, 15), DAILY, 1, PERSONAL, 6, 0, 0, False),
    ("1:1 prep", (15, 30), WEEKLY, 2, WORKING, 10, 0, 0, True),
    ("Journaling", (15, 20), DAILY, 1, PERSONAL, 22, 0, 0, False),
    ("Cooking", (45, 90), WEEKLY, 2, PERSONAL, 18, 0, 0, False),
    ("Code review", (30, 60), DAILY, 1, WORKING, 14, 5, 0, True),
    ("Swim", (45, 60), WEEKLY, 2, PERSONAL, 7, 15, 1440, False),
)
TASK_NAMES = ("Draft", "Review", "Prepare", "Write", "Fix", "Plan", "Analyse", "Update", "Test", "Design")
TOPICS = ("roadmap", "budget", "release notes", "onboarding doc", "API spec", "report", "slides", "migration")


def habits(rng: random.Random, count: int, pressure: float = 1.0) -> tuple[Habit, ...]:
    """The first `count` catalog habits (Lunch first), jittered; `pressure` > 1 asks for more often."""
    chosen = list(CATALOG[:2]) + rng.sample(CATALOG[2:], max(count - 2, 0))
    made = []
    for number, (name, (low, high), freq, times, hours, ideal, buffer, spacing, workdays) in enumerate(
        chosen[:count]
    ):
        made.append(
            Habit(
                id=f"h{number}",
                name=name,
                min_duration=low,
                max_duration=round(high * pressure / 5) * 5,
                frequency=freq,
                times_per_period=min(max(round(times * pressure), 1), 7 if freq is WEEKLY else 3),
                allowed_days=frozenset(WORKDAYS) if workdays else frozenset(Weekday),
                hours=hours,
                custom_hours=LUNCH_HOURS if hours is HoursKind.CUSTOM else None,
                ideal_time=time(ideal, rng.choice((0, 0, 30))) if rng.random() < 0.9 else None,
                priority=Priority(rng.choice((1, 2, 2, 3, 3, 4))),
                buffer_before=buffer,
                buffer_after=buffer,
                min_spacing=spacing,
                defended=rng.random() < 0.7,
            )
        )
    return tuple(made)


def tasks(
    rng: random.Random,
    count: int,
    start: datetime,
    days: int,
    *,
    deps: bool,
    load: float = 1.0,
    hard: float = 0.3,
    working: float = 0.85,
) -> tuple[Task, ...]:
    """Tasks with efforts of half an hour to a day (scaled by `load`), due dates spread over the
    horizon, a `hard` share of those three or more days out made hard, a `working` share kept to
    working hours (the rest may also go in the evening or at the weekend), and, when `deps`,
    chains where a task waits for an earlier one."""
    made: list[Task] = []
    for number in range(count):
        due = None
        if rng.random() < 0.7:
            due = start + timedelta(days=rng.randrange(1, days + 2), hours=rng.choice((9, 12, 17, 17)))
        earliest = start + timedelta(days=rng.randrange(days)) if rng.random() < 0.15 else None
        after = rng.sample([t.id for t in made], 1) if deps and made and rng.random() < 0.35 else []
        min_chunk = rng.choice((30, 30, 45, 60))
        made.append(
            Task(
                id=f"t{number}",
                title=f"{rng.choice(TASK_NAMES)} {rng.choice(TOPICS)}",
                effort=max(30, round(rng.choice((30, 45, 60, 90, 120, 180, 240, 360, 480)) * load / 15) * 15),
                min_chunk=min_chunk,
                max_chunk=min_chunk + rng.choice((0, 30, 60, 90)),
                earliest_start=earliest,
                due=due,
                due_is_hard=due is not None and due >= start + timedelta(days=3) and rng.random() < hard,
                priority=Priority(rng.choice((1, 2, 2, 3, 3, 4))),
                depends_on=tuple(after),
                hours=WORKING if rng.random() < working else ANY,
            )
        )
    return tuple(made)


def goals(rng: random.Random, count: int, start: datetime, days: int) -> tuple[Goal, ...]:
    return tuple(
        Goal(
            id=f"g{number}",
            title=rng.choice(("Learn Spanish", "Write a book", "Ship side project", "Train for 10k")),
            target_date=start + timedelta(days=days + rng.randrange(7, 60)),
            progress_current=rng.randrange(0, 80),
            effort=rng.choice((300, 480, 600)),
            min_chunk=30,
            max_chunk=rng.choice((60, 90)),
            priority=Priority(rng.choice((1, 2, 3))),
            hours=rng.choice((PERSONAL, ANY)),
        )
        for number in range(count)
    )
