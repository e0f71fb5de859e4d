"""The solver-only bound of the pipeline benchmark: the same solves in a tight loop on the same cores.

The solves are the ones the worker's hosts make for the commands, previous plans included, prepared
exactly as the host's solver dispatch prepares them (the priority's time limit, CP-SAT workers = CPUs
per solve): `ingest.bench_replay` finds them, untimed. They are then solved in a pool of one process
per CPU, with no Kafka, no Ray and no state store in the way.
"""

from __future__ import annotations

import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import repeat

from actors.collector import tune_collector
from actors.solver import run_solver
from ingest.bench_replay import by_user, host_solves
from ingest.sample import SampleRecord
from ingest.settings import Settings


@dataclass(frozen=True)
class SolverBound:
    rate: float  # solves per second over the pool
    cpu_ms: float  # CPU per solve, measured in the solving processes: unlike the rate, other load
    # on the machine barely moves it


def solver_only_bound(settings: Settings, records: list[SampleRecord], cpus: int) -> SolverBound:
    """The hosts' solves of `records` over `cpus` processes: solves per second and CPU per solve."""
    # spawn, not fork: the benchmark's process runs Ray's threads, which a fork would copy half-alive.
    with ProcessPoolExecutor(max_workers=cpus, mp_context=multiprocessing.get_context("spawn")) as pool:
        # Untimed: finding the solves also starts the processes and loads OR-Tools.
        found = pool.map(host_solves, by_user(records, cpus), repeat(settings.actors.solver))
        jobs = [job for group in found for job in group]
        if not jobs:
            return SolverBound(0.0, 0.0)
        start = time.perf_counter()
        cpu = sum(pool.map(_solve, jobs, chunksize=4))
        return SolverBound(len(jobs) / (time.perf_counter() - start), cpu / len(jobs) * 1000)


def _solve(job: tuple[str, bytes]) -> float:
    """CPU seconds the solve took in this process."""
    tune_collector()  # as in the worker's solver tasks
    started = time.process_time()
    run_solver(*job)
    return time.process_time() - started
