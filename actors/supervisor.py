"""The set of named shard host actors, and the routing of work items to them.

Hosts are named `<prefix>-<index>` in the current Ray namespace and fetched if they already exist, so
every ingest actor reaches the same hosts. A host that crashes is restarted by Ray with an empty memory;
its users come back from the store on their next command. Calls are not retried by Ray (`max_task_retries`
0): a failed call raises to its caller, which still holds the commands uncommitted.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import ray

from actors.contract import WorkItem
from actors.host_stats import HostStats
from actors.remote import host_actor_class
from actors.settings import ActorSettings
from actors.sharding import host_for

ActorHandle = Any  # ray.actor.ActorHandle, kept loose: its generic type is not public API


class HostStartError(RuntimeError):
    """A shard host did not come up; the message names it and carries its own error."""


class HostSet:
    def __init__(self, handles: list[ActorHandle]) -> None:
        if not handles:
            raise ValueError("a host set needs at least one host")
        self.handles = handles

    @classmethod
    def start(cls, store_url: str, settings: ActorSettings) -> HostSet:
        """Create the hosts, or get them where they already run."""
        handles = []
        for index in range(settings.hosts):
            name = f"{settings.name_prefix}-{index}"
            actor = host_actor_class(
                name=name,
                get_if_exists=True,
                num_cpus=settings.host_cpus,
                max_restarts=settings.max_restarts,
                max_task_retries=0,
            )
            args = (name, store_url, settings.host, settings.solver, settings.calendar)
            handles.append(actor.remote(*args, hosts=settings.hosts))  # hosts share the cluster's CPUs
        return cls(handles)

    def ready(self, timeout_s: float = 120.0) -> None:
        """Return once every host answers; else end them all and raise `HostStartError`. A host whose
        constructor failed (an unreachable store, say) would leave its callers re-sending to a dead actor
        without a word."""
        for index, handle in enumerate(self.handles):
            try:
                ray.get(handle.stats.remote(), timeout=timeout_s)
            except ray.exceptions.GetTimeoutError as error:
                self._kill()
                raise HostStartError(
                    f"shard host {index} did not start within {timeout_s:.0f} s: check that the cluster "
                    "has the CPUs each host reserves (actors.host_cpus)"
                ) from error
            except ray.exceptions.RayActorError as error:
                self._kill()
                raise HostStartError(f"shard host {index} could not start: {_raised(error)}") from error

    def host_for(self, user_id: str) -> ActorHandle:
        return self.handles[host_for(user_id, len(self.handles))]

    def route(self, items: Iterable[WorkItem]) -> dict[ActorHandle, list[WorkItem]]:
        """Items grouped by host, each group in the order given (which is each user's order)."""
        routed: dict[ActorHandle, list[WorkItem]] = {}
        for item in items:
            routed.setdefault(self.host_for(item.user_id), []).append(item)
        return routed

    def stats(self, timeout_s: float = 10.0) -> list[HostStats]:
        return list(ray.get([h.stats.remote() for h in self.handles], timeout=timeout_s))

    def stop(self, timeout_s: float = 60.0) -> None:
        """Drain every host, close its store, and end the actors."""
        try:
            ray.get([h.stop.remote() for h in self.handles], timeout=timeout_s)
        finally:
            self._kill()

    def _kill(self) -> None:
        for handle in self.handles:
            ray.kill(handle, no_restart=True)


def _raised(error: BaseException) -> str:
    """What the host raised: the last unindented `Type: message` line of its traceback, with the
    indented lines that continue it; Ray's whole text when there is no such line."""
    lines = str(error).rstrip().splitlines()
    starts = [i for i, line in enumerate(lines) if line[:1].strip() and ": " in line]
    if not starts:
        return " ".join(line.strip() for line in lines)
    return " ".join(line.strip() for line in lines[starts[-1] :])
