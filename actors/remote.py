"""The one place where the runtime's plain classes meet Ray: solver tasks and the shard host actor.

Everything else in `actors` is plain Python, testable without a cluster.
"""

from __future__ import annotations

from typing import Any

import ray

from actors.calendar.edge import CalendarEdge
from actors.calendar.settings import CalendarSettings
from actors.host import HostSettings, ShardHost
from actors.solver import RemoteSolve, SolverDispatch, SolverSettings, run_solver


@ray.remote
def _solve_task(task_type: str, instance_json: bytes) -> bytes:
    return run_solver(task_type, instance_json)


def ray_solve(num_cpus: int) -> RemoteSolve:
    """Submit solves as Ray tasks declaring `num_cpus`; a backlog of them is what the autoscaler sees."""
    task = _solve_task.options(num_cpus=num_cpus)

    async def solve(task_type: str, instance_json: bytes) -> bytes:
        result: bytes = await task.remote(task_type, instance_json)
        return result

    return solve


class RayShardHost(ShardHost):
    """A ShardHost built inside its actor process from picklable settings."""

    def __init__(
        self,
        name: str,
        store_url: str,
        host: HostSettings,
        solver: SolverSettings,
        calendar: CalendarSettings | None = None,
    ) -> None:
        dispatch = SolverDispatch(solver, remote=ray_solve(solver.num_cpus))
        edge = CalendarEdge.create(calendar, store_url) if calendar is not None else None
        super().__init__(name, store_url, dispatch, host, edge)


def host_actor_class(**options: Any) -> Any:
    """`RayShardHost` as a Ray actor class with the given actor options (name, max_restarts, ...)."""
    return ray.remote(RayShardHost).options(**options)
