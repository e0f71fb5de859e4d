"""How a host takes one call's commands: at once, chained after the user's previous command, or in a
later round of the same call.

A command whose user is idle and that waits on nothing is applied at once (`NowBatch`). One whose user
is busy with a command applied at once (its group not yet saved: the usual case while a caller keeps
several calls in flight) would otherwise take a task of its own just to wait; instead it waits with the
call's other such commands for those groups, and then gets a round of its own (applied at once again,
when it can). Anything else is chained after the user's previous command as a task. Each command
becomes its user's tail: a later command of that user, from any call, runs after it. A later round
takes the tail only where nobody queued behind it meanwhile: they wait for the whole round anyway.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from actors.commands import waits_on_nothing
from actors.contract import ItemResult, WorkItem
from actors.host_now import Answered, NowBatch

if TYPE_CHECKING:
    from actors.host import ShardHost

Tail = asyncio.Future[Any]


class Tails(dict[str, Tail]):
    """Per user, the last command taken; `quick` holds those that end once a group applied at once is
    saved (worth waiting for in a later round rather than with a task of one's own)."""

    def __init__(self) -> None:
        super().__init__()
        self.quick: set[Tail] = set()

    def add_quick(self, tail: Tail, on_done: Callable[[Tail], None]) -> None:
        self.quick.add(tail)
        tail.add_done_callback(self.quick.discard)
        tail.add_done_callback(on_done)

    def untail(self, user_id: str, tail: Tail) -> None:
        """Forget `tail` once it ended, unless a later command of the user already took its place."""
        if self.get(user_id) is tail:
            del self[user_id]


class Rounds:
    def __init__(self, host: ShardHost, own: Tail | None = None) -> None:
        self._host = host
        self._own = own  # the later round this is, None for a call's first round
        self._now = NowBatch(host)
        self._mine: dict[str, Tail] = {}  # tails this round gave its users
        self._chained: list[tuple[int, asyncio.Task[ItemResult]]] = []
        self._deferred: list[tuple[int, WorkItem]] = []
        self._waits: set[Tail] = set()
        self._later: asyncio.Task[Answered] | None = None

    def take(self, index: int, item: WorkItem) -> None:
        host, user = self._host, item.user_id
        # In a later round a user's first command has nothing before it: the round began once it ended.
        previous = self._mine.get(user) if self._own is not None else host.tails.get(user)
        if previous is not None and previous.done():
            previous = None
        if previous is None and not host.slots_wanted() and self._now.take(index, item):
            self._register(user, self._now.task)
        elif previous in host.tails.quick and waits_on_nothing(item, host.calendar):
            self._deferred.append((index, item))
            later = self._later_round()
            if previous is not later:  # a user's third command of the call: it follows the second there
                self._waits.add(previous)
            self._register(user, later)
        else:
            task = host.chain(item, previous)
            self._chained.append((index, task))
            self._register(user, task)

    def _register(self, user_id: str, tail: Tail) -> None:
        tails = self._host.tails
        current = tails.get(user_id)
        if self._own is None or current is None or current is self._own or current is self._mine.get(user_id):
            tails[user_id] = tail
        self._mine[user_id] = tail

    def _later_round(self) -> asyncio.Task[Answered]:
        if self._later is None:
            later = asyncio.get_running_loop().create_task(self._run_later())
            self._host.tails.add_quick(later, self._untail_later)
            self._later = later
        return self._later

    async def _run_later(self) -> Answered:
        await asyncio.wait(self._waits)
        later = Rounds(self._host, own=self._later)
        for index, item in self._deferred:
            later.take(index, item)
        return await later.results()

    def _untail_later(self, task: asyncio.Future[Any]) -> None:
        for _, item in self._deferred:
            self._host.tails.untail(item.user_id, task)

    async def results(self) -> Answered:
        """Every command's result with its index, once all of them ended."""
        answered = await self._now.results()
        for index, task in self._chained:
            answered.append((index, await task))
        if self._later is not None:
            answered.extend(await self._later)
        return answered
