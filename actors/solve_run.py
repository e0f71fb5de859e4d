"""A solve as it runs in whichever process runs it (a solver task, or a host for a small one): JSON in,
JSON out, so that nothing but bytes crosses between processes."""

from __future__ import annotations

import time

from actors.contract import TaskType
from actors.solve_queue import BatchAnswer, SolveInput
from optimizer.domain import Instance
from optimizer.solution import Solution


def run_solver(task_type: str, instance_json: bytes) -> bytes:
    """The whole solve, in whichever process runs it: JSON in, JSON out."""
    from optimizer.solve import optimize_schedule, schedule_habits

    instance = Instance.model_validate_json(instance_json)
    solve = schedule_habits if TaskType(task_type) is TaskType.SCHEDULE_HABITS else optimize_schedule
    solution: Solution = solve(instance)
    return solution.model_dump_json().encode()


def timed_solver(task_type: str, instance_json: bytes) -> tuple[bytes, float]:
    """`run_solver`'s answer and the CPU seconds it took in this thread."""
    started = time.thread_time()
    raw = run_solver(task_type, instance_json)
    return raw, time.thread_time() - started


def run_solvers(solves: list[SolveInput], seconds: float | None = None) -> list[BatchAnswer]:
    """A batch, one solve after another, each with its own limit; a failing solve fails alone. After
    `seconds` no further solve starts: the answers are then those of the solves run, a prefix."""
    answers: list[BatchAnswer] = []
    started = time.monotonic()
    for task_type, instance_json in solves:
        if answers and seconds is not None and time.monotonic() - started >= seconds:
            break
        try:
            answers.append((run_solver(task_type, instance_json), ""))
        except Exception as error:
            answers.append((None, f"{type(error).__name__}: {error}"))
    return answers
