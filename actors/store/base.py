"""The state store's contract: load a user's state with its version, save it only over that version.

Versions guard against two hosts owning one user at once (during a handoff or a restart): each save
names the version it read, and a save over a version that moved is refused with `StaleStateError`.
Version 0 means "no row yet"; the first save creates version 1.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class StoredState:
    state: bytes
    version: int
    owner: str = ""


@dataclass(frozen=True, slots=True)
class Save:
    """One user's new state, to be written over `expected_version` by `owner`."""

    user_id: str
    state: bytes
    expected_version: int
    owner: str


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

    def load(self, user_id: str) -> StoredState | None:
        """The user's state and version, or None when nothing was saved yet."""
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
