"""Solver dispatch without Ray: limits by priority, CP-SAT workers = CPUs, and a real solve in place."""

from __future__ import annotations

import asyncio

from actors.contract import CommandPriority, TaskType
from actors.solver import SolverDispatch, SolverSettings, instance_size
from optimizer.domain import SolveOptions
from optimizer.solution import SolveStatus
from tests.actors.builders import MONDAY, goal, gym, instance

HIGH, LOW = CommandPriority.HIGH, CommandPriority.LOW


def test_time_limit_follows_priority_and_workers_follow_cpus() -> None:
    dispatch = SolverDispatch(SolverSettings(num_cpus=2))
    high = dispatch.prepare(instance(), HIGH).options
    low = dispatch.prepare(instance(), LOW).options
    assert (high.time_limit_s, high.num_workers) == (2.0, 2)
    assert (low.time_limit_s, low.num_workers) == (10.0, 2)


def test_a_smaller_limit_of_the_command_is_kept() -> None:
    own = instance(options=SolveOptions(time_limit_s=0.5))
    assert SolverDispatch(SolverSettings()).prepare(own, LOW).options.time_limit_s == 0.5


def test_size_counts_blocks_to_place() -> None:
    week = instance(habits=(gym(), gym(id="run", frequency="WEEKLY", times_per_period=3)), goals=(goal(),))
    assert instance_size(week, TaskType.SCHEDULE_HABITS) == 7 + 3
    assert instance_size(week, TaskType.OPTIMIZE_SCHEDULE) == 7 + 3 + 600 // 90 + 1


def test_a_real_solve_in_place_places_the_habit_every_day() -> None:
    week = instance(now=MONDAY, habits=(gym(ideal_time="07:00"),))
    solution = asyncio.run(SolverDispatch(SolverSettings()).solve(TaskType.SCHEDULE_HABITS, week, HIGH))
    assert solution.status in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE)
    assert sorted(p.start.day for p in solution.placements) == [3, 4, 5, 6, 7, 8, 9]
