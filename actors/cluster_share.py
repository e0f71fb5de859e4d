"""How many solver tasks one host may keep out before it batches solves: its share of the cluster."""

from __future__ import annotations

import time
from collections.abc import Callable


class ClusterShare:
    """A host's share of the solver tasks the cluster runs at once (`cpus()` over `per_task` CPUs a
    task over `hosts` hosts), read again every `every_s`: the autoscaler adds and removes nodes, and
    batching for the CPUs a cluster had at start would leave new nodes idle and show it less demand."""

    def __init__(self, per_task: int, hosts: int, cpus: Callable[[], float], every_s: float = 10.0) -> None:
        self._tasks_per_host = per_task * max(1, hosts)
        self._cpus, self._every_s = cpus, every_s
        self._value, self._due = 1, float("-inf")

    def __call__(self) -> int:
        now = time.monotonic()
        if now >= self._due:
            self._value = max(1, round(self._cpus() / self._tasks_per_host))
            self._due = now + self._every_s
        return self._value
