"""The one place where the runtime's plain classes meet Ray: solver tasks and the shard host actor.

Everything else in `actors` is plain Python, testable without a cluster.
"""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Any

import ray

from actors.calendar.edge import CalendarEdge
from actors.calendar.settings import CalendarSettings
from actors.call_bytes import pack_results, unpack_items
from actors.cluster_share import ClusterShare
from actors.collector import tune_collector
from actors.host import HostSettings, ShardHost
from actors.solve_queue import BatchAnswer, SolveInput
from actors.solver import RemoteBatch, RemoteSolve, SolverDispatch, SolverSettings, run_solver, run_solvers


@ray.remote
def _solve_task(task_type: str, instance_json: bytes) -> bytes:
    tune_collector()  # Ray reuses its worker processes: they are long-lived too
    return run_solver(task_type, instance_json)


@ray.remote
def _solve_batch_task(solves: list[SolveInput], seconds: float) -> list[BatchAnswer]:
    tune_collector()
    return run_solvers(solves, seconds)


def solver_task_options(num_cpus: int) -> dict[str, Any]:
    """A solver task declares its CPUs, and Ray does not run it again when its process dies: the
    command's retry policy (the spec's) is the one that retries, with its delays. Ray's own retries
    (3 by default, at once) inside each of the command's attempts would start 16 processes for a
    solve that crashes its worker, and hold the user's commands meanwhile."""
    return {"num_cpus": num_cpus, "max_retries": 0}


def ray_solve(num_cpus: int) -> RemoteSolve:
    """Submit solves as Ray tasks declaring `num_cpus`; a backlog of them is what the autoscaler sees."""
    task = _solve_task.options(**solver_task_options(num_cpus))

    async def solve(task_type: str, instance_json: bytes) -> bytes:
        result: bytes = await task.remote(task_type, instance_json)
        return result

    return solve


def ray_solve_batch(num_cpus: int, seconds: float) -> RemoteBatch:
    """Submit a batch of solves as one task, which starts no solve after `seconds`; the task is
    submitted at the call, its answers awaited later."""
    task = _solve_batch_task.options(**solver_task_options(num_cpus))

    def solve(solves: list[SolveInput]) -> Awaitable[list[BatchAnswer]]:
        answers: Awaitable[list[BatchAnswer]] = task.remote(solves, seconds)
        return answers

    return solve


def batch_after(settings: SolverSettings, hosts: int) -> int:
    """The setting, or the cluster's solver tasks at once divided among the hosts (at least one)."""
    return settings.batch_after or ClusterShare(settings.num_cpus, hosts, cluster_cpus)()


def cluster_cpus() -> float:
    return float(ray.cluster_resources().get("CPU", 1.0))


class RayShardHost(ShardHost):
    """A ShardHost built inside its actor process from picklable settings; `hosts` is how many shard
    hosts share the cluster's solver CPUs."""

    def __init__(
        self,
        name: str,
        store_url: str,
        host: HostSettings,
        solver: SolverSettings,
        calendar: CalendarSettings | None = None,
        hosts: int = 1,
    ) -> None:
        tune_collector()
        cpus = solver.num_cpus
        after = solver.batch_after or ClusterShare(cpus, hosts, cluster_cpus)
        dispatch = SolverDispatch(solver, ray_solve(cpus), ray_solve_batch(cpus, solver.batch_seconds), after)
        edge = CalendarEdge.create(calendar, store_url) if calendar is not None else None
        super().__init__(name, store_url, dispatch, host, edge)

    async def handle_packed(self, items: bytes, caller: str | None = None, seq: int | None = None) -> bytes:
        """`handle` for a call whose items and results travel as bytes (`actors.call_bytes`)."""
        return pack_results(await self.handle(unpack_items(items), caller, seq))


def host_actor_class(**options: Any) -> Any:
    """`RayShardHost` as a Ray actor class with the given actor options (name, max_restarts, ...)."""
    return ray.remote(RayShardHost).options(**options)
