"""The solver-only bound of the pipeline benchmark: the same solves in a tight loop on the same cores.

Each command's instance is prepared exactly as the host's solver dispatch prepares it (the priority's
time limit, CP-SAT workers = CPUs per solve) and solved in a pool of one process per CPU, with no
Kafka, no Ray and no state store in the way. The first command of each user solves the same instance
in both; later ones differ only in the previous plan the host adds from the user's state.
"""

from __future__ import annotations

import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from actors.contract import CommandPriority
from actors.solver import SolverDispatch, run_solver
from ingest.messages import decode_command
from ingest.sample import SampleRecord
from ingest.settings import Settings
from ingest.translate import request_for


def prepared(settings: Settings, records: list[SampleRecord]) -> list[tuple[str, bytes]]:
    """(task type, instance JSON) of every planning command, as the host would solve it."""
    dispatch = SolverDispatch(settings.actors.solver)
    jobs = []
    for record in records:
        command = decode_command(record.value)
        request = request_for(command)
        instance = getattr(request, "instance", None)
        if instance is not None:
            ready = dispatch.prepare(instance, CommandPriority(command.priority.value))
            jobs.append((command.task_type.value, ready.model_dump_json().encode()))
    return jobs


@dataclass(frozen=True)
class SolverBound:
    rate: float  # solves per second over the pool
    cpu_ms: float  # CPU per solve, measured in the solving processes: unlike the rate, other load
    # on the machine barely moves it


def solver_only_bound(settings: Settings, records: list[SampleRecord], cpus: int) -> SolverBound:
    """The same solves over `cpus` processes: solves per second and CPU per solve."""
    jobs = prepared(settings, records)
    if not jobs:
        return SolverBound(0.0, 0.0)
    # spawn, not fork: the benchmark's process runs Ray's threads, which a fork would copy half-alive.
    with ProcessPoolExecutor(max_workers=cpus, mp_context=multiprocessing.get_context("spawn")) as pool:
        list(pool.map(_solve, jobs[:cpus]))  # start the processes and load OR-Tools before timing
        start = time.perf_counter()
        cpu = sum(pool.map(_solve, jobs, chunksize=4))
        return SolverBound(len(jobs) / (time.perf_counter() - start), cpu / len(jobs) * 1000)


def _solve(job: tuple[str, bytes]) -> float:
    """CPU seconds the solve took in this process."""
    started = time.process_time()
    run_solver(*job)
    return time.process_time() - started
