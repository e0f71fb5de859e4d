"""Model tests on generated instances whose lengths are no whole number of 15-minute slots: every plan
the optimizer returns keeps every hard rule, and so does the greedy baseline."""

from __future__ import annotations

import random

from hypothesis import given, settings

from optimizer.domain import Habit, Instance, Task
from optimizer.generate import small
from optimizer.greedy import greedy_plan
from optimizer.solve import optimize_schedule, schedule_habits
from optimizer.validate import validate
from tests.optimizer.test_properties import QUICK, SEEDS, check, quick


def _habit(habit: Habit, rng: random.Random) -> Habit:
    low = rng.choice((10, 20, 25, 35, 40, 50))
    return habit.model_copy(update={"min_duration": low, "max_duration": low + rng.choice((0, 0, 5, 10, 25))})


def _task(task: Task, rng: random.Random) -> Task:
    low = rng.choice((10, 20, 25, 40))
    return task.model_copy(
        update={
            "effort": rng.choice((20, 50, 70, 100, 125)),
            "min_chunk": low,
            "max_chunk": low + rng.choice((0, 5, 10, 20, 35)),
        }
    )


def off_grid(seed: int) -> Instance:
    """A small instance on a 15-minute grid, its habits and tasks given lengths in 5-minute steps."""
    rng, instance = random.Random(seed), small(seed)
    habits = tuple(_habit(habit, rng) for habit in instance.habits)
    tasks = tuple(_task(task, rng) for task in instance.tasks)
    return instance.model_copy(update={"slot_minutes": 15, "habits": habits, "tasks": tasks})


@QUICK
@given(SEEDS)
def test_greedy_plans_off_the_grid_keep_every_hard_rule(seed: int) -> None:
    instance = off_grid(seed)
    assert validate(instance, greedy_plan(instance, include_tasks=False), kind="habits") == []
    assert validate(instance, greedy_plan(instance, include_tasks=True), kind="schedule") == []


@settings(QUICK, max_examples=25)
@given(SEEDS)
def test_scheduled_habits_off_the_grid_keep_every_hard_rule(seed: int) -> None:
    instance = quick(off_grid(seed))
    check(instance, schedule_habits(instance), "habits")


@settings(QUICK, max_examples=25)
@given(SEEDS)
def test_optimized_schedules_off_the_grid_keep_every_hard_rule(seed: int) -> None:
    instance = quick(off_grid(seed))
    check(instance, optimize_schedule(instance), "schedule")
