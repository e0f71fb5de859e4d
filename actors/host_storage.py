"""A host's side of the store: activations, the user actors' saves (by group commit) and replays."""

from __future__ import annotations

import asyncio

from actors.group_commit import GroupCommit
from actors.host_stats import HostStats
from actors.outcomes import Outcome
from actors.stamp import Stamp
from actors.store import OutboxRecord, Save, StateStore
from actors.store_times import StoreTimes
from actors.user_actor import UserActor


class HostStorage:
    owner: str  # the host's name: who wrote a state row
    store: StateStore
    store_times: StoreTimes
    commits: GroupCommit
    counters: HostStats

    async def activate(self, user_id: str) -> UserActor:
        # A local store answers in microseconds: a thread hop would cost more (GIL hand-offs) than the call.
        store = self.store
        stored = store.load(user_id) if store.local else await asyncio.to_thread(store.load, user_id)
        self.counters.activations += 1
        return UserActor.activate(user_id, stored)

    async def persist(self, save: Save) -> int:
        return await self.commits.save(save)

    def reports(self, stamp: Stamp) -> tuple[Outcome, ...]:
        return self.store_times.due(stamp)

    async def recall(self, user_id: str, task_id: str) -> OutboxRecord | None:
        if self.store.local:
            return self.store.recall(user_id, task_id)
        return await asyncio.to_thread(self.store.recall, user_id, task_id)
