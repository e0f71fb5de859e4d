"""The embedded state store: one SQLite file shared by every host process on this machine.

WAL lets readers run beside the one writer, and the busy timeout makes concurrent writers from other
processes wait instead of failing. Saves never checkpoint the WAL: a thread does
(`actors.store.sqlite_checkpoints`). Every save is one transaction: the state row's versioned write, then
its outbox rows (only when the version check passed), then its trim when asked.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

from actors.store import outbox_sql
from actors.store.base import (
    OutboxBounds,
    OutboxRecord,
    Save,
    StaleStateError,
    StoredState,
    StoreError,
    outbox_rows,
    save_answers,
)
from actors.store.sqlite_checkpoints import Checkpointer, saves_without_checkpoints
from actors.store.sqlite_schema import BUMP, INSERT, UPDATE, prepare


class SqliteStore:
    local = True
    kind = "sqlite"

    def __init__(self, path: Path, busy_timeout_s: float = 30.0, bounds: OutboxBounds | None = None) -> None:
        self.path = path
        self._trim = outbox_sql.trim("?", bounds or OutboxBounds())
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(
                path, timeout=busy_timeout_s, isolation_level=None, check_same_thread=False
            )
            prepare(self._db, time.monotonic() + busy_timeout_s)
            saves_without_checkpoints(self._db)
            self._checkpoints = Checkpointer(path)
        except (OSError, sqlite3.Error) as error:
            raise StoreError(f"cannot open SQLite state store at {path}: {error}; check the path") from error
        # One connection per store; hosts may call it from worker threads, one statement at a time.
        self._lock = threading.Lock()

    def load(self, user_id: str) -> StoredState | None:
        with self._lock:
            # The state first: an outbox row is committed with its state, so none at or below the
            # version read can be missing from the second query (a newer one only adds an id).
            row = self._db.execute(
                "SELECT state, version, owner FROM user_state WHERE user_id = ?", (user_id,)
            ).fetchone()
            applied = self._db.execute(outbox_sql.select_applied("?"), (user_id,)).fetchall()
        if row is None:
            return None
        kept = sum(count for _, count in applied)
        return StoredState(bytes(row[0]), row[1], row[2], tuple(task for task, _ in applied), kept)

    def recall(self, user_id: str, task_id: str) -> OutboxRecord | None:
        with self._lock:
            row = self._db.execute(outbox_sql.select_record("?"), (user_id, task_id)).fetchone()
        if row is None:
            return None
        outcomes = None if row[2] is None else bytes(row[2])
        return OutboxRecord(task_id, datetime.fromtimestamp(row[0], UTC), row[1], outcomes)

    def save(self, user_id: str, state: bytes, expected_version: int, owner: str) -> int:
        answer = self.save_many([Save(user_id, state, expected_version, owner)])[0]
        if isinstance(answer, StaleStateError):
            raise answer
        return answer

    def save_many(self, saves: list[Save]) -> list[int | StaleStateError]:
        # One transaction for the lot: a save alone cost 15-136 µs (quiet or busy disk), 8 µs a row here.
        now = time.time()
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                written = [self._write(save, now) for save in saves]
                self._db.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(sqlite3.Error):  # the error that broke it is the one to tell
                    self._db.execute("ROLLBACK")
                raise
        return save_answers(saves, written)

    def _write(self, save: Save, now: float) -> bool:
        """One versioned write with its outbox rows; False (and nothing written) when the row is not at
        the expected version."""
        if save.expected_version == 0:
            cursor = self._db.execute(INSERT, (save.user_id, save.owner, _first(save), now))
        elif save.state is None:
            cursor = self._db.execute(BUMP, (save.owner, now, save.user_id, save.expected_version))
        else:
            params = (save.owner, save.state, now, save.user_id, save.expected_version)
            cursor = self._db.execute(UPDATE, params)
        if cursor.rowcount != 1:
            return False
        if save.outbox:
            rows = [(*row[:3], row[3].timestamp(), *row[4:]) for row in outbox_rows(save)]
            self._db.executemany(outbox_sql.insert_row("?"), rows)
        if save.trim:
            for statement, uses in self._trim:
                self._db.execute(statement, (save.user_id,) * uses)
        return True

    def close(self) -> None:
        with self._lock:
            self._db.close()
        self._checkpoints.close()


def _first(save: Save) -> bytes:
    if save.state is None:
        raise StoreError(f"the first save of user {save.user_id} must carry a state")
    return save.state
