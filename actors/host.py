"""A shard host: many user actors in one process, each user's commands strictly in order.

A user's command runs after the same user's previous one (its "tail"), across calls too (how a call's
commands are taken: `actors/host_rounds.py`; how one runs, with its slot and retries:
`actors/host_runs.py`). Different users run concurrently, up to the gate's slots; when more are ready,
HIGH goes first. Failures are retried by the policy; the last failure comes back as an ItemResult with
the error, for the dead-letter topic. The class is plain: `actors.remote` makes it a Ray actor, so
everything here runs in unit tests without Ray.
"""

from __future__ import annotations

import asyncio
import os
from dataclasses import replace

from actors.activation import ActiveUsers
from actors.calendar.edge import CalendarEdge
from actors.contract import ItemResult, WorkItem
from actors.group_commit import GroupCommit
from actors.host_config import HostSettings, HostStopped
from actors.host_rounds import Rounds, Tails
from actors.host_runs import HostRuns
from actors.host_stats import HostStats
from actors.priority_gate import PriorityGate
from actors.sequencer import Sequencer
from actors.solver import solver_counts, solves_in_place
from actors.store import StateStore, open_store
from actors.store.timed import TimedStore
from actors.store_times import StoreTimes
from actors.user_actor import Solver

__all__ = ["HostSettings", "HostStopped", "ShardHost"]


class ShardHost(HostRuns):
    def __init__(
        self,
        name: str,
        store: StateStore | str,
        solver: Solver,
        settings: HostSettings,
        calendar: CalendarEdge | None = None,
    ) -> None:
        self.name = self.owner = name
        opened = open_store(store) if isinstance(store, str) else store
        self.store_times = StoreTimes(name, opened.kind, settings.store_metrics_s)
        self.store = TimedStore(opened, self.store_times)
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

    def _passivate(self) -> None:
        self.users.passivate(busy=self.tails)

    def stats(self) -> HostStats:
        self._passivate()
        tasks, solves = solver_counts(self._solver)
        in_place, in_place_s = solves_in_place(self._solver)
        return replace(
            self.counters,
            active_users=len(self.users),
            waiting=self._gate.waiting,
            passivations=self.users.passivations,
            state_bytes=self.users.estimated_bytes,
            solver_tasks=tasks,
            remote_solves=solves,
            solves_in_place=in_place,
            in_place_cpu_s=in_place_s,
        )

    async def drain(self) -> None:
        """Wait until every command taken so far is finished (its result returned)."""
        while self.tails:
            await asyncio.wait(list(self.tails.values()))

    async def stop(self) -> None:
        self._stopping = True
        await self.drain()
        self.store.close()
