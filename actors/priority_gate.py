"""A bounded number of commands run at once on a host; when more wait, HIGH goes before NORMAL before LOW.

The gate only orders commands that are ready. A user's next command becomes ready only when the user's
previous one is done, so priority reorders work across users and never within one user.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from actors.contract import CommandPriority

RANK = {CommandPriority.HIGH: 0, CommandPriority.NORMAL: 1, CommandPriority.LOW: 2}


class PriorityGate:
    def __init__(self, slots: int) -> None:
        if slots < 1:
            raise ValueError(f"a priority gate needs at least one slot, got {slots}")
        self._free = slots
        self._waiting: list[tuple[int, int, asyncio.Future[None]]] = []
        self._order = itertools.count()

    @property
    def waiting(self) -> int:
        return len(self._waiting)

    @asynccontextmanager
    async def slot(self, priority: CommandPriority) -> AsyncIterator[None]:
        if not self.try_take():
            await self.take(priority)
        try:
            yield
        finally:
            self.release()

    def try_take(self) -> bool:
        """Take a slot when one is free and nobody waits; the caller then runs without suspending here."""
        if self._free > 0 and not self._waiting:
            self._free -= 1
            return True
        return False

    async def take(self, priority: CommandPriority) -> None:
        """Wait for a slot; `release` it when done. Try `try_take` first: it costs no future."""
        if self.try_take():
            return
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._waiting, (RANK[priority], next(self._order), waiter))
        try:
            await waiter
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled():
                self.release()  # the slot was handed over just as we were cancelled: pass it on
            else:
                self._waiting = [entry for entry in self._waiting if entry[2] is not waiter]
                heapq.heapify(self._waiting)
            raise

    def release(self) -> None:
        while self._waiting:
            _, _, waiter = heapq.heappop(self._waiting)
            if not waiter.done():
                waiter.set_result(None)  # the slot passes straight to the best waiter
                return
        self._free += 1
