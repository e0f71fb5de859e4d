"""Solvers for the pure tests: each returns solutions handed to it in advance and records what it saw.

The user actor's job is to turn a solution into state and events; these tests pin exact solutions so each
case (a block moved, removed, left unplaced, an infeasible week) is stated precisely. The real optimizer
runs behind the host in the Ray tests.
"""

from __future__ import annotations

import asyncio

from actors.contract import CommandPriority, TaskType
from actors.outcomes import Outcome
from actors.stamp import Stamp
from actors.store import OutboxRecord, Save, StaleStateError, StateStore
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


class DirectStorage:
    """The user actor's storage straight on a store, without a host's group commit."""

    def __init__(self, store: StateStore, owner: str = "test") -> None:
        self.store = store
        self.owner = owner

    async def persist(self, save: Save) -> int:
        answer = self.store.save_many([save])[0]
        if isinstance(answer, StaleStateError):
            raise answer
        return answer

    async def recall(self, user_id: str, task_id: str) -> OutboxRecord | None:
        return self.store.recall(user_id, task_id)

    def reports(self, stamp: Stamp) -> tuple[Outcome, ...]:
        return ()


def persist_into(store: StateStore, user_id: str, owner: str = "test") -> DirectStorage:
    """Storage for `user_id`'s actor (the id is the actor's own; kept for the callers' readability)."""
    return DirectStorage(store, owner)
