"""Solvers for the pure tests: each returns solutions handed to it in advance and records what it saw.

The user actor's job is to turn a solution into state and events; these tests pin exact solutions so each
case (a block moved, removed, left unplaced, an infeasible week) is stated precisely. The real optimizer
runs behind the host in the Ray tests.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from actors.contract import CommandPriority, TaskType
from actors.store import StateStore
from optimizer.domain import Instance
from optimizer.solution import Solution, SolveStatus


class ScriptedSolver:
    def __init__(self, *solutions: Solution, delay_s: float = 0.0) -> None:
        self.solutions = list(solutions)
        self.seen: list[tuple[TaskType, Instance, CommandPriority]] = []
        self.delay_s = delay_s
        self.failures: list[Exception] = []  # raised first, one per call

    async def solve(self, task_type: TaskType, instance: Instance, priority: CommandPriority) -> Solution:
        self.seen.append((task_type, instance, priority))
        await asyncio.sleep(self.delay_s)
        if self.failures:
            raise self.failures.pop(0)
        if self.solutions:
            return self.solutions.pop(0)
        return Solution(status=SolveStatus.OPTIMAL)


def persist_into(store: StateStore, user_id: str, owner: str = "test") -> Callable[[bytes, int], object]:
    async def persist(state: bytes, expected: int) -> int:
        return store.save(user_id, state, expected, owner)

    return persist
