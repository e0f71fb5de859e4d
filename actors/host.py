"""A shard host: many user actors in one process, each user's commands strictly in order.

Each command is chained after the same user's previous one, so a user's commands apply in the order the
host received them, across batches too. Different users run concurrently, up to the gate's slots; when
more are ready, HIGH goes first. Failures are retried by the policy; the last failure comes back as an
ItemResult with the error, for the dead-letter topic. The class is plain: `actors.remote` makes it a Ray
actor, so everything here runs in unit tests without Ray.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import Any, TypeVar

from actors.activation import ActiveUsers
from actors.calendar.edge import CalendarEdge
from actors.contract import ItemResult, WorkItem
from actors.group_commit import GroupCommit
from actors.host_config import HostSettings, HostStopped
from actors.host_stats import HostStats
from actors.priority_gate import PriorityGate
from actors.retry import with_retries
from actors.sequencer import Sequencer
from actors.store import Save, StateStore, open_store
from actors.user_actor import Solver, UserActor

__all__ = ["HostSettings", "HostStopped", "ShardHost"]

T = TypeVar("T")


class ShardHost:
    def __init__(
        self,
        name: str,
        store: StateStore | str,
        solver: Solver,
        settings: HostSettings,
        calendar: CalendarEdge | None = None,
    ) -> None:
        self.name = name
        self._store = open_store(store) if isinstance(store, str) else store
        self._commits = GroupCommit(self._store)  # the states of commands run together: one transaction
        self._solver = solver
        self._calendar = calendar  # one per process: its circuit breaker serves every user here
        self._settings = settings
        self._users = ActiveUsers(settings.budget)
        self._gate = PriorityGate(settings.concurrent_commands)
        self._sequencer = Sequencer(settings.sequence_gap_timeout_s)
        self._tails: dict[str, asyncio.Task[ItemResult]] = {}
        self._stats = HostStats(name=name, pid=os.getpid())
        self._stopping = False

    async def handle(
        self, items: list[WorkItem], caller: str | None = None, seq: int | None = None
    ) -> list[ItemResult]:
        """Results in the order of `items`. A caller that keeps several calls in flight numbers them
        (`seq` 0, 1, ... per `caller`), since Ray may deliver an async actor's calls out of order."""
        if self._stopping:
            raise HostStopped(f"host {self.name} is stopping: leave these commands uncommitted")
        if caller is not None and seq is not None:
            await self._sequencer.admit(caller, seq)
        self._stats.calls += 1
        self._passivate()
        chained = [self._chain(item) for item in items]  # all chained before anything else runs
        return list(await asyncio.gather(*chained))

    def _chain(self, item: WorkItem) -> asyncio.Task[ItemResult]:
        previous = self._tails.get(item.user_id)
        task = asyncio.create_task(self._after(previous, item))
        self._tails[item.user_id] = task
        task.add_done_callback(partial(self._untail, item.user_id))
        self._stats.in_flight += 1
        return task

    def _untail(self, user_id: str, task: asyncio.Task[ItemResult]) -> None:
        self._stats.in_flight -= 1
        if self._tails.get(user_id) is task:
            del self._tails[user_id]

    async def _after(self, previous: asyncio.Task[ItemResult] | None, item: WorkItem) -> ItemResult:
        if previous is not None:
            await asyncio.wait([previous])  # its outcome is its caller's business, only its end matters
        return await self._with_retries(item)

    async def _with_retries(self, item: WorkItem) -> ItemResult:
        async def attempt() -> ItemResult:
            async with self._gate.slot(item.priority):
                return await self._attempt(item)

        result = await with_retries(item, self._settings.retry, attempt, partial(self._failed, item))
        if result.ok:
            self._stats.count_result(result)
        else:
            self._stats.dead_lettered += 1
        return result

    def _failed(self, item: WorkItem, error: BaseException) -> None:
        self._users.forget(item.user_id)  # its state may be behind the store now: reload it next time
        self._stats.count_failure(error)

    async def _attempt(self, item: WorkItem) -> ItemResult:
        actor = self._users.get(item.user_id)
        if actor is None:
            stored = await self._io(self._store.load, item.user_id)
            actor = UserActor.activate(item.user_id, stored)
            self._stats.activations += 1
        result = await actor.handle(item, self._solver, partial(self._persist, item.user_id), self._calendar)
        self._users.touch(actor)
        self._passivate()
        return result

    async def _persist(self, user_id: str, state: bytes, expected_version: int) -> int:
        return await self._commits.save(Save(user_id, state, expected_version, self.name))

    async def _io(self, call: Callable[..., T], *args: Any) -> T:
        # A local store answers in microseconds: a thread hop would cost more (GIL hand-offs) than the call.
        return call(*args) if self._store.local else await asyncio.to_thread(call, *args)

    def _passivate(self) -> None:
        self._users.passivate(busy=self._tails)

    def stats(self) -> HostStats:
        self._passivate()
        waiting = self._gate.waiting
        return replace(
            self._stats,
            active_users=len(self._users),
            waiting=waiting,
            passivations=self._users.passivations,
            state_bytes=self._users.estimated_bytes,
        )

    async def drain(self) -> None:
        """Wait until every command taken so far is finished (its result returned)."""
        while self._tails:
            await asyncio.wait(list(self._tails.values()))

    async def stop(self) -> None:
        self._stopping = True
        await self.drain()
        self._store.close()
