"""The user actors a host holds in memory: activated on demand, passivated when idle or over budget.

State is saved after every command, so passivation only lets go of the object; the next command for that
user activates it again from the store. The budget is a count of users and an estimate of their memory
(stored bytes times `memory_factor`, plus `per_user_bytes` each; fitted to measured states, see
docs/actors.md); least recently used users go first,
and users with commands in flight never go.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Container

from pydantic import BaseModel, ConfigDict, Field

from actors.user_actor import UserActor


class Budget(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    max_users: int = Field(default=10_000, gt=0)
    max_bytes: int = Field(default=512 * 2**20, gt=0, description="estimated in-memory bytes")
    memory_factor: float = Field(default=2.5, gt=0, description="in-memory bytes per stored byte")
    per_user_bytes: int = Field(default=50_000, ge=0, description="in-memory bytes of any active user")
    idle_timeout_s: float = Field(default=300.0, gt=0)


class ActiveUsers:
    def __init__(self, budget: Budget, clock: Callable[[], float] = time.monotonic) -> None:
        self.budget = budget
        self._clock = clock
        self._actors: OrderedDict[str, tuple[UserActor, float]] = OrderedDict()
        self._sizes: dict[str, int] = {}
        self.stored_bytes = 0
        self.passivations = 0

    def __len__(self) -> int:
        return len(self._actors)

    @property
    def estimated_bytes(self) -> int:
        return self._estimate(len(self._actors), self.stored_bytes)

    def _estimate(self, users: int, stored_bytes: int) -> int:
        return round(stored_bytes * self.budget.memory_factor) + users * self.budget.per_user_bytes

    def get(self, user_id: str) -> UserActor | None:
        entry = self._actors.get(user_id)
        if entry is None:
            return None
        self._actors[user_id] = (entry[0], self._clock())  # its size is unchanged: only the LRU moves
        self._actors.move_to_end(user_id)
        return entry[0]

    def touch(self, actor: UserActor) -> None:
        """Record a use of `actor` (new, or after a command changed its size): most recent in the LRU."""
        size = actor.size  # a property that adds up the actor's parts: read it once
        self.stored_bytes += size - self._sizes.get(actor.user_id, 0)
        self._sizes[actor.user_id] = size
        self._actors[actor.user_id] = (actor, self._clock())
        self._actors.move_to_end(actor.user_id)

    def forget(self, user_id: str) -> None:
        if self._actors.pop(user_id, None) is not None:
            self.stored_bytes -= self._sizes.pop(user_id)

    def _over_budget(self, users: int, stored_bytes: int) -> bool:
        too_many = users > self.budget.max_users
        return too_many or self._estimate(users, stored_bytes) > self.budget.max_bytes

    def let_go(self, busy: Container[str]) -> int:
        """Let go of every user not in `busy`, idle or not; returns how many."""
        chosen = [user_id for user_id in self._actors if user_id not in busy]
        for user_id in chosen:
            self.forget(user_id)
        self.passivations += len(chosen)
        return len(chosen)

    def passivate(self, busy: Container[str]) -> int:
        """Let go of idle users and of the least recently used ones while over budget; returns how many."""
        idle_before = self._clock() - self.budget.idle_timeout_s
        chosen: list[str] = []
        freed = 0
        for user_id, (_, last_used) in self._actors.items():
            over = self._over_budget(len(self._actors) - len(chosen), self.stored_bytes - freed)
            if not over and last_used > idle_before:
                break  # LRU order: everyone after this one was used more recently
            if user_id not in busy:
                chosen.append(user_id)
                freed += self._sizes[user_id]
        for user_id in chosen:
            self.forget(user_id)
        self.passivations += len(chosen)
        return len(chosen)
