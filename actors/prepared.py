"""What passes between a user actor and its host: a command applied in memory, and where saves go."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from actors.contract import WorkItem
from actors.outcomes import Outcome
from actors.stamp import Stamp
from actors.state import UserState
from actors.store import OutboxRecord, Save


@dataclass(slots=True)
class Prepared:
    """A command applied in memory and not yet saved: the actor has not taken its state yet."""

    item: WorkItem
    state: UserState
    record: OutboxRecord
    outcomes: bytes
    save: Save
    started: float
    timings: dict[str, float] = field(default_factory=dict)


class Storage(Protocol):
    """Where the actor's saves and replays go: the host, which owns the store and names the owner."""

    owner: str

    async def persist(self, save: Save) -> int:
        """The new version once `save` is stored; raises what refused it (`StaleStateError`)."""
        ...

    async def recall(self, user_id: str, task_id: str) -> OutboxRecord | None: ...

    def reports(self, stamp: Stamp) -> tuple[Outcome, ...]:
        """Outcomes of the host's own for the command of `stamp` to carry besides its own (the store's
        metrics, `actors/store_times.py`); usually none."""
        ...
