"""Solver dispatch without Ray: limits by priority, CP-SAT workers = CPUs, real solves in place and in
batches."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable

from actors.contract import CommandPriority, TaskType
from actors.solver import (
    SolverDispatch,
    SolverSettings,
    instance_size,
    run_solver,
    run_solvers,
    solver_counts,
    solves_in_place,
)
from optimizer.domain import SolveOptions
from optimizer.solution import Solution, SolveStatus
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
    dispatch = SolverDispatch(SolverSettings())
    solution = asyncio.run(dispatch.solve(TaskType.SCHEDULE_HABITS, week, HIGH))
    assert solution.status in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE)
    assert sorted(p.start.day for p in solution.placements) == [3, 4, 5, 6, 7, 8, 9]
    solves, cpu_s = solves_in_place(dispatch)  # counted apart: the host's process solved it
    assert solves == 1 and 0 < cpu_s < 60


def placed_days(raw: bytes | None) -> list[int]:
    assert raw is not None
    return sorted(p.start.day for p in Solution.model_validate_json(raw).placements)


def test_a_batch_solves_each_instance_and_a_broken_one_fails_alone() -> None:
    week = SolverDispatch(SolverSettings()).prepare(instance(habits=(gym(ideal_time="07:00"),)), HIGH)
    data = week.model_dump_json().encode()
    (first, ok), (broken, error), (last, _) = run_solvers(
        [("SCHEDULE_HABITS", data), ("SCHEDULE_HABITS", b"{}"), ("OPTIMIZE_SCHEDULE", data)]
    )
    assert placed_days(first) == placed_days(last) == [3, 4, 5, 6, 7, 8, 9]
    assert (ok, broken) == ("", None) and error.startswith("ValidationError")


def test_a_batch_starts_no_solve_after_its_time() -> None:
    week = SolverDispatch(SolverSettings()).prepare(instance(habits=(gym(ideal_time="07:00"),)), HIGH)
    data = week.model_dump_json().encode()
    answers = run_solvers([("SCHEDULE_HABITS", data)] * 3, seconds=0.0)
    assert len(answers) == 1 and placed_days(answers[0][0]) == [3, 4, 5, 6, 7, 8, 9]  # the first always runs
    assert len(run_solvers([("SCHEDULE_HABITS", data)] * 3, seconds=60.0)) == 3


def test_queued_solves_travel_in_batches_and_each_gets_its_own_solution() -> None:
    """Tasks run in threads here, each a real solve: more solves than `batch_after` share tasks."""

    def one(task_type: str, data: bytes) -> Awaitable[bytes]:
        return asyncio.ensure_future(asyncio.to_thread(run_solver, task_type, data))

    def many(solves: list[tuple[str, bytes]]) -> Awaitable[list[tuple[bytes | None, str]]]:
        return asyncio.ensure_future(asyncio.to_thread(run_solvers, solves))

    settings = SolverSettings(inline_max_size=0, batch_max=3)
    dispatch = SolverDispatch(settings, one, many, batch_after=1)
    hours = [6, 7, 8, 9, 10, 11, 12]
    weeks = [instance(user_id=f"u{h}", habits=(gym(ideal_time=f"{h:02}:00"),)) for h in hours]

    async def solve_all(priority: CommandPriority) -> list[Solution]:
        return await asyncio.gather(*(dispatch.solve(TaskType.SCHEDULE_HABITS, w, priority) for w in weeks))

    solutions = asyncio.run(solve_all(CommandPriority.NORMAL))
    assert [{p.start.hour for p in s.placements} for s in solutions] == [{h} for h in hours]
    assert dispatch.queue is not None
    assert (dispatch.queue.tasks, dispatch.queue.batches, dispatch.queue.batched) == (3, 2, 6)
    assert solver_counts(dispatch) == (3, 7)  # tasks and the solves they carried, as host stats show
    asyncio.run(solve_all(HIGH))  # HIGH commands' solves never wait in a batch
    assert (dispatch.queue.tasks, dispatch.queue.batches, dispatch.queue.batched) == (10, 2, 6)
    assert solver_counts(dispatch) == (10, 14)
    assert solver_counts(SolverDispatch(settings)) == (0, 0)  # no Ray: every solve in place
