"""A shard host: many user actors in one process, each user's commands strictly in order.

A user's command runs after the same user's previous one (its "tail"), across calls too (how a call's
commands are taken: `actors/host_rounds.py`). Different users run concurrently, up to the gate's slots;
when more are ready, HIGH goes first. Failures are retried by the policy; the last failure comes back as
an ItemResult with the error, for the dead-letter topic. The class is plain: `actors.remote` makes it a
Ray actor, so everything here runs in unit tests without Ray.
"""

from __future__ import annotations

import asyncio
import os
from dataclasses import replace
from functools import partial

from actors.activation import ActiveUsers
from actors.calendar.edge import CalendarEdge
from actors.contract import ItemResult, WorkItem
from actors.group_commit import GroupCommit
from actors.host_config import HostSettings, HostStopped
from actors.host_rounds import Rounds, Tail, Tails
from actors.host_stats import HostStats
from actors.host_storage import HostStorage
from actors.priority_gate import PriorityGate
from actors.retry import with_retries
from actors.sequencer import Sequencer
from actors.solver import solver_counts
from actors.store import StateStore, open_store
from actors.user_actor import Solver

__all__ = ["HostSettings", "HostStopped", "ShardHost"]


class ShardHost(HostStorage):
    def __init__(
        self,
        name: str,
        store: StateStore | str,
        solver: Solver,
        settings: HostSettings,
        calendar: CalendarEdge | None = None,
    ) -> None:
        self.name = self.owner = name
        self.store = open_store(store) if isinstance(store, str) else store
        self.commits = GroupCommit(self.store)  # the saves of commands run together: one transaction
        self._solver = solver
        self.calendar = calendar  # one per process: its circuit breaker serves every user here
        self._settings = settings
        self.users = ActiveUsers(settings.budget)
        self._gate = PriorityGate(settings.concurrent_commands)
        self._sequencer = Sequencer(settings.sequence_gap_timeout_s)
        self.tails = Tails()
        self.counters = HostStats(name=name, pid=os.getpid())
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
        self.counters.calls += 1
        self.counters.in_flight += len(items)
        self._passivate()
        rounds = Rounds(self)
        for index, item in enumerate(items):  # all taken before anything else runs
            rounds.take(index, item)
        results: list[ItemResult | None] = [None] * len(items)
        for index, result in await rounds.results():
            results[index] = result
        return results  # type: ignore[return-value]  # every index was filled above

    def chain(self, item: WorkItem, previous: Tail | None) -> asyncio.Task[ItemResult]:
        """`item` as a task of its own, after `previous`; the caller makes it the user's tail."""
        task = asyncio.get_running_loop().create_task(self.run(item, previous))
        task.add_done_callback(partial(self.tails.untail, item.user_id))
        return task

    def slots_wanted(self) -> bool:
        """Whether commands wait for a slot: then none may go ahead of them by being applied at once."""
        return self._gate.waiting > 0

    async def run(
        self, item: WorkItem, previous: Tail | None = None, failed: BaseException | None = None
    ) -> ItemResult:
        """The item with its retries, after `previous`; `failed` says its first attempt was made and how
        it failed."""
        if previous is not None and not previous.done():
            await asyncio.wait((previous,))  # its outcome is its caller's business, only its end matters
        first = 1 if failed is None else 2
        policy = self._settings.retry
        counters = self.counters
        result = await with_retries(
            item, policy, partial(self._attempt, item), counters.count_failure, failed, first
        )
        counters.finished(result)
        return result

    async def _attempt(self, item: WorkItem) -> ItemResult:
        if not self._gate.try_take():
            await self._gate.take(item.priority)
        try:
            actor = self.users.get(item.user_id) or await self.activate(item.user_id)
            try:
                result = await actor.handle(item, self._solver, self, self.calendar)
            except Exception:
                self.users.forget(item.user_id)  # its state may be behind the store now: reload it
                raise
            self.users.touch(actor)
            return result
        finally:
            self._gate.release()

    def _passivate(self) -> None:
        self.users.passivate(busy=self.tails)

    def stats(self) -> HostStats:
        self._passivate()
        tasks, solves = solver_counts(self._solver)
        return replace(
            self.counters,
            active_users=len(self.users),
            waiting=self._gate.waiting,
            passivations=self.users.passivations,
            state_bytes=self.users.estimated_bytes,
            solver_tasks=tasks,
            remote_solves=solves,
        )

    async def drain(self) -> None:
        """Wait until every command taken so far is finished (its result returned)."""
        while self.tails:
            await asyncio.wait(list(self.tails.values()))

    async def stop(self) -> None:
        self._stopping = True
        await self.drain()
        self.store.close()
