"""Solver tasks on a real local Ray: lone tasks and batches give each solve its own solution, and a
broken instance in a batch fails only its own command."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest
import ray

from actors.contract import CommandPriority, TaskType
from actors.remote import batch_after, ray_solve, ray_solve_batch, solver_task_options
from actors.solve_queue import SolveFailed
from actors.solver import SolverDispatch, SolverSettings
from optimizer.solution import Solution
from tests.actors.builders import gym, instance

pytestmark = [pytest.mark.ray, pytest.mark.usefixtures("ray_local")]
HOURS = [6, 7, 8, 9, 10, 11, 12, 13]
# A batch's time cut is not what these tests check: on a loaded machine a 1 s cut would split a batch
# and change the task counts they pin.
NO_CUT_S = 60.0


def test_solves_beyond_the_outstanding_tasks_share_batch_tasks() -> None:
    settings = SolverSettings(inline_max_size=0, batch_after=2, batch_max=3)
    dispatch = SolverDispatch(settings, ray_solve(1), ray_solve_batch(1, NO_CUT_S))
    weeks = [instance(user_id=f"u{h}", habits=(gym(ideal_time=f"{h:02}:00"),)) for h in HOURS]

    async def solve_all() -> list[Solution]:
        solves = (dispatch.solve(TaskType.SCHEDULE_HABITS, w, CommandPriority.NORMAL) for w in weeks)
        return await asyncio.gather(*solves)

    solutions = asyncio.run(solve_all())
    assert [{p.start.hour for p in s.placements} for s in solutions] == [{h} for h in HOURS]
    assert [len(s.placements) for s in solutions] == [7] * len(HOURS)
    assert dispatch.queue is not None
    assert (dispatch.queue.tasks, dispatch.queue.batches, dispatch.queue.batched) == (4, 2, 6)


def test_a_broken_instance_fails_its_own_command_only() -> None:
    settings = SolverSettings(inline_max_size=0, batch_after=1, batch_max=2)
    dispatch = SolverDispatch(settings, ray_solve(1), ray_solve_batch(1, NO_CUT_S))
    queue = dispatch.queue
    assert queue is not None
    good = dispatch.prepare(instance(habits=(gym(ideal_time="07:00"),)), CommandPriority.HIGH)
    data = good.model_dump_json().encode()

    async def solve_all() -> list[bytes | BaseException]:
        kinds = ["SCHEDULE_HABITS"] * 3
        solves = (queue.solve(kind, raw) for kind, raw in zip(kinds, [data, b"{}", data], strict=True))
        return await asyncio.gather(*solves, return_exceptions=True)

    lone, broken, batched = asyncio.run(solve_all())
    assert isinstance(broken, SolveFailed) and "ValidationError" in str(broken)
    assert isinstance(lone, bytes) and isinstance(batched, bytes)
    placements = [Solution.model_validate_json(raw).placements for raw in (lone, batched)]
    assert placements[0] == placements[1] and len(placements[0]) == 7
    assert (queue.tasks, queue.batches) == (2, 1)


def test_batching_starts_after_the_cluster_cpus_shared_among_the_hosts() -> None:
    assert batch_after(SolverSettings(), hosts=1) == 2  # the test cluster has 2 CPUs
    assert batch_after(SolverSettings(), hosts=4) == 1
    assert batch_after(SolverSettings(batch_after=5), hosts=1) == 5


def _die(starts: str) -> None:
    with open(starts, "a") as log:
        log.write("started\n")
    os._exit(1)  # the process dies as a crashing solver would take it down


def test_a_solver_task_whose_process_dies_is_not_run_again_by_ray(tmp_path: Path) -> None:
    starts = tmp_path / "starts"
    dying = ray.remote(**solver_task_options(1))(_die)
    with pytest.raises(ray.exceptions.WorkerCrashedError):
        ray.get(dying.remote(str(starts)), timeout=120)
    assert starts.read_text().splitlines() == ["started"]  # the command's retry policy decides what next
