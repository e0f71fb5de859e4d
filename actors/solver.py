"""Solver dispatch: each SCHEDULE_HABITS or OPTIMIZE_SCHEDULE solve runs as a Ray task with declared CPUs.

CP-SAT's `num_workers` is set to the task's `num_cpus`: otherwise CP-SAT takes every core of the node while
Ray believes it uses one. A `CpModel` cannot be pickled, so the instance travels as JSON and the model is
built inside the task. Instances up to `inline_max_size` blocks are solved in the host's own process, where
they cost less than a dispatch (measured; see docs/actors.md). When solves queue up, they travel in
batches (`actors/solve_queue.py`). Queued tasks are the autoscaler's backlog.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from pydantic import BaseModel, ConfigDict, Field

from actors.contract import CommandPriority, TaskType
from actors.solve_queue import RemoteBatch, RemoteSolve, SolveQueue
from actors.solve_run import run_solver, run_solvers, timed_solver
from optimizer.domain import Frequency, Instance
from optimizer.solution import Solution

__all__ = [
    "RemoteBatch",
    "RemoteSolve",
    "SolverDispatch",
    "SolverSettings",
    "run_solver",
    "run_solvers",
    "solver_counts",
    "solves_in_place",
]

DEFAULT_LIMITS = {CommandPriority.HIGH: 2.0, CommandPriority.NORMAL: 5.0, CommandPriority.LOW: 10.0}


class SolverSettings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    num_cpus: int = Field(default=1, ge=1, description="CPUs per solver task = CP-SAT workers")
    time_limit_s: dict[CommandPriority, float] = Field(default_factory=lambda: dict(DEFAULT_LIMITS))
    inline_max_size: int = Field(default=2, ge=0, description="blocks; 0 sends every solve to a task")
    batch_after: int = Field(
        default=0, ge=0, description="a host's outstanding solver tasks before solves batch; 0: CPUs / hosts"
    )
    batch_max: int = Field(default=8, ge=1, description="solves per batch task; 1 never batches")
    batch_seconds: float = Field(
        default=1.0,
        gt=0,
        description="a batch task starts no solve after this long; the rest are queued again",
    )


def instance_size(instance: Instance, task_type: TaskType) -> int:
    """About how many blocks the solve places: habit occurrences, plus task and goal chunks."""
    days = max(1, (instance.horizon_end - instance.horizon_start).days)
    size = 0
    for habit in instance.habits:
        periods = days if habit.frequency is Frequency.DAILY else max(1, days // 7)
        size += periods * habit.times_per_period
    if task_type is TaskType.OPTIMIZE_SCHEDULE:
        size += sum(-(-task.effort // task.max_chunk) for task in instance.tasks)
        size += sum(-(-goal.remaining_effort() // goal.max_chunk) for goal in instance.goals)
    return size


class SolverDispatch:
    """Chooses where a solve runs and with which limits; `remote` is None where there is no Ray.
    With `batch` as well, solves beyond `batch_after` outstanding tasks travel in batches."""

    def __init__(
        self,
        settings: SolverSettings,
        remote: RemoteSolve | None = None,
        batch: RemoteBatch | None = None,
        batch_after: int | Callable[[], int] = 1,
    ) -> None:
        self.settings = settings
        self.in_place = 0  # solves run in this process (no Ray, or small enough), and their CPU
        self.in_place_s = 0.0
        self.queue: SolveQueue | None = None
        if remote is not None:
            many = batch if batch is not None and settings.batch_max > 1 else None
            after = settings.batch_after or batch_after
            self.queue = SolveQueue(remote, many, after, settings.batch_max)

    def prepare(self, instance: Instance, priority: CommandPriority) -> Instance:
        """The priority's time limit (or the command's own, when smaller) and CP-SAT workers = CPUs."""
        limit = self.settings.time_limit_s.get(priority, DEFAULT_LIMITS[priority])
        if "time_limit_s" in instance.options.model_fields_set:
            limit = min(limit, instance.options.time_limit_s)
        options = instance.options.model_copy(
            update={"time_limit_s": limit, "num_workers": self.settings.num_cpus}
        )
        return instance.model_copy(update={"options": options})

    async def solve(self, task_type: TaskType, instance: Instance, priority: CommandPriority) -> Solution:
        prepared = self.prepare(instance, priority)
        data = prepared.model_dump_json().encode()
        queue = self.queue
        if queue is None or instance_size(prepared, task_type) <= self.settings.inline_max_size:
            raw, cpu_s = await asyncio.to_thread(timed_solver, task_type.value, data)
            self.in_place += 1
            self.in_place_s += cpu_s
        else:
            raw = await queue.solve(task_type.value, data, alone=priority is CommandPriority.HIGH)
        return Solution.model_validate_json(raw)


def solves_in_place(solver: object) -> tuple[int, float]:
    """A dispatch's solves run in its own process so far, and their CPU seconds (none for others)."""
    if not isinstance(solver, SolverDispatch):
        return 0, 0.0
    return solver.in_place, solver.in_place_s


def solver_counts(solver: object) -> tuple[int, int]:
    """A dispatch's solver tasks so far and the solves they carried (none for other solvers)."""
    queue = solver.queue if isinstance(solver, SolverDispatch) else None
    if queue is None:
        return 0, 0
    return queue.tasks, queue.tasks - queue.batches + queue.batched
