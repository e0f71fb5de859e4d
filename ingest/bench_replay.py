"""The solves the worker makes for a benchmark's commands, found by replaying them through a shard host.

A user's later commands are planned on top of the plan the earlier ones made: the host adds that plan
from the user's state. Those solves differ from solving each command's own instance, and they cost
more (on the 2-day sample, 9.2-9.6 ms of CPU against 7.0-7.7 ms). So the solver-only bound times the
solves a host actually makes: each user's commands go, in order, through a `ShardHost` in this
process (no Ray, no Kafka, a throwaway SQLite store), whose solver writes down every solve as the
worker's solver dispatch prepares it, then runs it.
"""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from actors.contract import CommandPriority, TaskType
from actors.host import HostSettings, ShardHost
from actors.solve_queue import SolveInput
from actors.solver import SolverDispatch, SolverSettings, run_solver
from ingest.messages import decode_command
from ingest.sample import SampleRecord
from ingest.translate import work_item
from optimizer.domain import Instance
from optimizer.solution import Solution


class RecordingSolver:
    """Prepares each solve as the worker's dispatch does, keeps it, and solves it here."""

    def __init__(self, settings: SolverSettings) -> None:
        self.dispatch = SolverDispatch(settings)
        self.solves: list[SolveInput] = []

    async def solve(self, task_type: TaskType, instance: Instance, priority: CommandPriority) -> Solution:
        data = self.dispatch.prepare(instance, priority).model_dump_json().encode()
        self.solves.append((task_type.value, data))
        return Solution.model_validate_json(run_solver(task_type.value, data))


def host_solves(records: Sequence[SampleRecord], settings: SolverSettings) -> list[SolveInput]:
    """Every solve a host makes for `records`, each user's commands in the order given."""
    now = datetime.now(UTC)
    items = [work_item(decode_command(r.value), ("replay", 0, n), now) for n, r in enumerate(records)]
    solver = RecordingSolver(settings)
    with tempfile.TemporaryDirectory(prefix="bench-replay-") as folder:
        store = f"sqlite:///{Path(folder) / 'state.sqlite3'}"
        host = ShardHost("bench-replay", store, solver, HostSettings())
        try:
            asyncio.run(host.handle(items))
        finally:
            host.store.close()
    return solver.solves


def by_user(records: Sequence[SampleRecord], groups: int) -> list[list[SampleRecord]]:
    """`records` in up to `groups` groups, each user's commands in one group, in their order."""
    users: dict[bytes, int] = {}
    split: list[list[SampleRecord]] = [[] for _ in range(max(1, groups))]
    for record in records:
        group = users.setdefault(record.key, len(users) % len(split))
        split[group].append(record)
    return [group for group in split if group]
