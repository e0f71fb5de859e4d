"""A host's normal path for one command: after its user's previous one, in a gate slot, with retries.

A command that is not applied at once (`actors/host_now.py`) runs here, as a task of its own chained
after its user's tail; so does the retry of one whose group save failed. Each attempt takes a slot of
the priority gate (HIGH first when more are ready) and loads the user actor if it is not active; a
failed attempt forgets that actor, so the next one reloads it from the store. The retry policy decides
the delays; its last failure comes back as an ItemResult with the error, for the dead-letter topic.
"""

from __future__ import annotations

import asyncio
from functools import partial

from actors.activation import ActiveUsers
from actors.calendar.edge import CalendarEdge
from actors.contract import ItemResult, WorkItem
from actors.host_config import HostSettings
from actors.host_rounds import Tail, Tails
from actors.host_storage import HostStorage
from actors.priority_gate import PriorityGate
from actors.retry import with_retries
from actors.user_actor import Solver


class HostRuns(HostStorage):
    """The running side of `ShardHost`, which sets these attributes."""

    users: ActiveUsers
    tails: Tails
    calendar: CalendarEdge | None
    _solver: Solver
    _settings: HostSettings
    _gate: PriorityGate

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
