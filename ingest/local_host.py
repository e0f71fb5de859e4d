"""A shard host inside the ingest actor, run by the ingest loop's own thread (`pipeline.hosts_in_ingest`).

With separate host actors, each batch crosses a Ray call each way, and two processes' threads hand the
work over several times: measured with `bench work`, three quarters of what the ingest actors and
hosts spend on a trivial command is that, not the work (docs/benchmarks.md, tenth round). Here the
ingest actor holds the user actors of its own partitions: a user's commands all arrive on one
partition, so one ingest actor still runs each user's commands, in order, and a rebalance moves a user
with their partition. The user's state goes through the shared store with versioned writes, as when a
host moves: a host that still holds a user it lost to a rebalance has its next save for that user
refused, forgets the user and reloads them, within the command's retries.

The host is the ordinary `ShardHost` on an asyncio loop that nothing else runs: the ingest loop runs it
while it waits for results (`drive`), so a call's work runs on the loop's thread, and a solve awaits
its Ray task like any other. A call takes the items and answers with their results as they are,
where a host actor's cross as bytes (`ingest.host_calls`).
"""

from __future__ import annotations

import asyncio
import concurrent.futures

from actors.contract import ItemResult, WorkItem
from actors.host_stats import HostStats
from actors.remote import RayShardHost
from ingest.settings import Settings

Answer = concurrent.futures.Future[list[ItemResult]]

# Rounds of the loop when nothing may be waited for: a call that waits on nothing (a trivial command)
# takes about four (its task, the group commit, the save's answer, the call's answer).
QUICK_ROUNDS = 4


class LocalHost:
    """`hosts` is how many hosts share the cluster's solver CPUs (the ingest actors, one host each)."""

    def __init__(self, name: str, settings: Settings, hosts: int) -> None:
        actors = settings.actors
        self.host = RayShardHost(name, settings.store_url, actors.host, actors.solver, actors.calendar, hosts)
        self.loop = asyncio.new_event_loop()
        self.last_stats = self.host.stats()
        self._waiting: list[asyncio.Future[None]] = []

    def call(self, items: list[WorkItem], caller: str, seq: int) -> Answer:
        """The host's `handle`, started on its loop (it runs as the loop is driven); the results come in
        the future."""
        answer: Answer = concurrent.futures.Future()
        task = self.loop.create_task(self.host.handle(items, caller, seq))
        task.add_done_callback(lambda done: self._settle(done, answer))
        return answer

    def drive(self, timeout: float) -> None:
        """Run the host's loop: the callbacks ready now when `timeout` is 0, else until a call finishes or
        `timeout` seconds pass. Results of solver tasks wake it as they arrive."""
        loop = self.loop
        if timeout <= 0:
            for _ in range(QUICK_ROUNDS):
                loop.call_soon(loop.stop)
                loop.run_forever()
            return
        waiter: asyncio.Future[None] = loop.create_future()
        self._waiting.append(waiter)
        timer = loop.call_later(timeout, _release, waiter)
        try:
            loop.run_until_complete(waiter)
        finally:
            timer.cancel()

    def let_go(self) -> int:
        """After a rebalance: forget every user without a command in flight. Some are another ingest
        actor's now; the next command of one still ours reloads it from the store (one read), where a
        copy kept would cost a refused save and a retry once the user came back from another owner."""
        return self.host.users.let_go(busy=self.host.tails)

    def snapshot(self) -> HostStats:
        """The host's counters, read on the driving thread (reading them also passivates idle users)."""
        self.last_stats = self.host.stats()
        return self.last_stats

    def close(self) -> None:
        """Finish what the host holds and close its store; only once nothing drives the loop any more."""
        try:
            self.loop.run_until_complete(self.host.stop())
        finally:
            self.loop.close()

    def _settle(self, done: asyncio.Task[list[ItemResult]], answer: Answer) -> None:
        error = None if done.cancelled() else done.exception()
        if done.cancelled():
            answer.cancel()
        elif error is not None:
            answer.set_exception(error)
        else:
            answer.set_result(done.result())
        for waiter in self._waiting:
            _release(waiter)
        self._waiting.clear()


def _release(waiter: asyncio.Future[None]) -> None:
    if not waiter.done():
        waiter.set_result(None)
