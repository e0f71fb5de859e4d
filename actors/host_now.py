"""Commands a host applies at once, inside the call that brought them, and saves as one group.

A command that waits on nothing (a SYNC_CALENDAR with no calendar edge: `actors.commands.apply_now`)
needs only its user's state. When its user has no command in flight and no command waits for a gate
slot (so priority has nothing to reorder), the host applies it right in `handle`, with no task, slot or
future of its own, and saves all such commands of the call with one waiter in the group commit. A save
that is refused or fails sends its command down the normal path as a retry (the policy's delay first);
the group answers once those retries end.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

from actors.contract import ItemResult, WorkItem
from actors.user_actor import Prepared, UserActor

if TYPE_CHECKING:
    from actors.host import ShardHost

log = logging.getLogger(__name__)

Answered = list[tuple[int, ItemResult]]


class NowBatch:
    def __init__(self, host: ShardHost) -> None:
        self._host = host
        self._taken: list[tuple[int, UserActor, Prepared]] = []
        self._task: asyncio.Task[Answered] | None = None

    def take(self, index: int, item: WorkItem) -> bool:
        """Apply `item` now when it waits on nothing; False leaves it to the normal path."""
        host = self._host
        try:
            actor = host.users.get(item.user_id)
            if actor is None:
                if not host.store.local:
                    return False  # loading would hold up the event loop
                actor = UserActor.activate(item.user_id, host.store.load(item.user_id))
                host.counters.activations += 1
                host.users.touch(actor)
            prepared = actor.prepare_now(item, host.calendar, host)
        except Exception:
            return False  # the normal path runs it again, with its retries and its reason
        if prepared is None:
            return False
        self._taken.append((index, actor, prepared))
        return True

    @property
    def task(self) -> asyncio.Task[Answered]:
        """The group's save, the tail of every user taken. Created at the first command; it runs only
        once the call awaits its results, after every command of the call was taken or chained."""
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._save())
            self._host.tails.add_quick(self._task, self._untail)
        return self._task

    async def results(self) -> Answered:
        return [] if self._task is None else await self._task

    async def _save(self) -> Answered:
        host = self._host
        try:
            answers: list[int | BaseException] = list(
                await host.commits.save_all([prepared.save for _, _, prepared in self._taken])
            )
        except Exception as error:
            answers = [error] * len(self._taken)
        answered: Answered = []
        retries: list[tuple[int, asyncio.Task[ItemResult]]] = []
        for (index, actor, prepared), answer in zip(self._taken, answers, strict=True):
            if isinstance(answer, BaseException):
                host.users.forget(actor.user_id)  # its state may be behind the store now: reload it
                host.counters.count_failure(answer)
                log.warning("task %s attempt 1 failed: %s", prepared.item.task_id, type(answer).__name__)
                retry = asyncio.get_running_loop().create_task(host.run(prepared.item, failed=answer))
                retries.append((index, retry))
                continue
            result = actor.finish(prepared, answer)
            host.users.touch(actor)
            host.counters.finished(result)
            host.counters.applied_at_once += 1
            answered.append((index, result))
        for index, retry in retries:
            answered.append((index, await retry))
        return answered

    def _untail(self, task: asyncio.Future[Any]) -> None:
        for _, actor, _ in self._taken:
            self._host.tails.untail(actor.user_id, task)
