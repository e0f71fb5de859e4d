"""The state store's contract: a user's state row with its version, and the user's outbox rows beside it.

Versions guard against two hosts owning one user at once (during a handoff or a restart): each save
names the version it read, and a save over a version that moved is refused with `StaleStateError`.
Version 0 means "no row yet"; the first save creates version 1. A save's outbox rows (the commands it
applied) are written in the same transaction as its state row and only when that row's version check
passed, so a stale owner writes neither.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True, slots=True)
class OutboxRecord:
    """One applied command: `outcomes` is its outcomes JSON, packed (`actors.packing.pack_large`);
    None once trimmed (the command is still remembered as applied)."""

    task_id: str
    applied_at: datetime
    count: int
    outcomes: bytes | None


@dataclass(frozen=True, slots=True)
class StoredState:
    state: bytes
    version: int
    owner: str = ""
    applied: tuple[str, ...] = ()  # the task ids in the outbox, oldest first
    kept_outcomes: int = 0  # outcomes the outbox still holds, over all its rows


@dataclass(frozen=True, slots=True)
class Save:
    """One user's write over `expected_version` by `owner`: the state (None when it did not change: only
    the version moves), the outbox rows to add (the last one applied last), and whether to trim the
    outbox to its bounds afterwards."""

    user_id: str
    state: bytes | None
    expected_version: int
    owner: str
    outbox: tuple[OutboxRecord, ...] = ()
    trim: bool = False


@dataclass(frozen=True, slots=True)
class OutboxBounds:
    """What trimming keeps: the newest `commands` rows, and outcomes for the newest up to `outcomes`,
    and in any case for the newest `replayable` commands. A command's outputs may still be unacked
    when newer commands of the user are applied (a broker that refuses them for a while); its replay
    must then still find them, however many outcomes the newer ones had."""

    commands: int = 500
    outcomes: int = 2_000
    replayable: int = 32


class StoreError(Exception):
    """The store could not be opened or used; the message names the store and what to check."""


class StaleStateError(StoreError):
    """A save named a version that is no longer current: another owner wrote the user's state."""

    def __init__(self, user_id: str, expected: int, owner: str) -> None:
        super().__init__(
            f"state of user {user_id} is no longer at version {expected} (owner {owner} is stale): "
            "reload the state and apply the command again"
        )
        self.user_id = user_id
        self.expected = expected


class StateStore(Protocol):
    # True when calls return in microseconds (an embedded file): callers then skip a worker thread.
    local: bool
    kind: str  # "sqlite" or "postgresql": named in the store's DB_QUERY_TIME metrics

    def load(self, user_id: str) -> StoredState | None:
        """The user's state and version with the outbox's task ids, or None when nothing was saved yet."""
        ...

    def recall(self, user_id: str, task_id: str) -> OutboxRecord | None:
        """The outbox row of an applied command, or None when the outbox does not hold it."""
        ...

    def save(self, user_id: str, state: bytes, expected_version: int, owner: str) -> int:
        """Write `state` over `expected_version` and return the new version; `StaleStateError` if moved."""
        ...

    def save_many(self, saves: list[Save]) -> list[int | StaleStateError]:
        """Every save in one transaction, each checked against its own version: per save, the new
        version or the `StaleStateError` refusing it (a refused save changes nothing). Raises
        `StoreError` (or the driver's error) when the transaction itself fails: then none is written."""
        ...

    def close(self) -> None: ...


def save_answers(saves: list[Save], written: list[bool]) -> list[int | StaleStateError]:
    """`save_many`'s answers from which rows were written: the new version, or the refusal."""
    return [
        save.expected_version + 1 if ok else StaleStateError(save.user_id, save.expected_version, save.owner)
        for save, ok in zip(saves, written, strict=True)
    ]


def outbox_rows(save: Save) -> list[tuple[str, str, int, datetime, int, bytes | None]]:
    """The save's outbox rows as (user, task, seq, applied_at, count, outcomes). `seq` orders a user's
    rows: the last row takes the new version, earlier ones (a migrated outbox) the numbers below it."""
    newest = save.expected_version + 1
    last = len(save.outbox) - 1
    return [
        (save.user_id, r.task_id, newest - last + i, r.applied_at, r.count, r.outcomes)
        for i, r in enumerate(save.outbox)
    ]
