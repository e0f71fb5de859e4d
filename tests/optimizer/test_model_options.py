"""Solve options: a fixed seed repeats the result; every result carries its proof and timing."""

from __future__ import annotations

from datetime import time

from optimizer.domain import Frequency, Habit, HoursKind, SolveOptions, Task
from optimizer.solve import optimize_schedule, schedule_habits
from tests.optimizer.weeks import meeting, week

HABITS = (
    Habit(
        id="gym",
        name="Gym",
        min_duration=45,
        max_duration=90,
        frequency=Frequency.WEEKLY,
        times_per_period=3,
        hours=HoursKind.PERSONAL,
        ideal_time=time(7),
        min_spacing=600,
    ),
    Habit(
        id="read",
        name="Read",
        min_duration=20,
        max_duration=40,
        hours=HoursKind.PERSONAL,
        ideal_time=time(7, 15),
    ),
)


def test_fixed_seed_repeats_the_plan() -> None:
    instance = week(
        habits=HABITS,
        tasks=(Task(id="t", title="Write", effort=240),),
        events=tuple(meeting("Sync", day, 9, 10) for day in range(5)),
    )
    first, second = optimize_schedule(instance), optimize_schedule(instance)
    assert [(p.item_id, p.start, p.end) for p in first.placements] == [
        (p.item_id, p.start, p.end) for p in second.placements
    ]
    assert first.objective == second.objective


def test_result_reports_status_bound_gap_and_time() -> None:
    # The proof takes about 0.25 s of CPU; 2 s leaves the full search 0.6 s of it on a loaded machine.
    instance = week(habits=HABITS, options=SolveOptions(time_limit_s=2.0, num_workers=1))
    solution = schedule_habits(instance)
    assert solution.status.value == "OPTIMAL"
    assert solution.objective is not None and solution.best_bound == solution.objective and solution.gap == 0
    assert 0 < solution.solve_seconds < 2.5
    assert sum(p.cost for p in solution.penalties) == solution.objective


def test_without_hint_the_model_still_solves() -> None:
    instance = week(habits=HABITS, options=SolveOptions(time_limit_s=2.0, use_hint=False))
    solution = schedule_habits(instance)
    assert solution.status.value == "OPTIMAL"
    assert len(solution.placements) == 3 + 7
