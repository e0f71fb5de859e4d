"""A state store whose calls are timed as they return, for the DB_QUERY_TIME metrics
(`actors/store_times.py`).

A remote store's calls run in a worker thread: the time is the call's own, without the hop.
"""

from __future__ import annotations

import time
from typing import Protocol

from actors.store.base import OutboxRecord, Save, StaleStateError, StateStore, StoredState


class Timings(Protocol):
    def add(self, call: str, seconds: float, rows: int = 1) -> None: ...


class TimedStore:
    """A state store whose calls are timed into `times`; otherwise the store itself."""

    def __init__(self, store: StateStore, times: Timings) -> None:
        self.inner = store
        self.local = store.local
        self.kind = store.kind
        self.times = times

    def load(self, user_id: str) -> StoredState | None:
        started = time.perf_counter()
        try:
            return self.inner.load(user_id)
        finally:
            self.times.add("load", time.perf_counter() - started)

    def recall(self, user_id: str, task_id: str) -> OutboxRecord | None:
        started = time.perf_counter()
        try:
            return self.inner.recall(user_id, task_id)
        finally:
            self.times.add("recall", time.perf_counter() - started)

    def save(self, user_id: str, state: bytes, expected_version: int, owner: str) -> int:
        started = time.perf_counter()
        try:
            return self.inner.save(user_id, state, expected_version, owner)
        finally:
            self.times.add("save", time.perf_counter() - started)

    def save_many(self, saves: list[Save]) -> list[int | StaleStateError]:
        started = time.perf_counter()
        try:
            return self.inner.save_many(saves)
        finally:
            self.times.add("save", time.perf_counter() - started, len(saves))

    def close(self) -> None:
        self.inner.close()
