"""The cluster state store: PostgreSQL, shared by hosts on every node.

One connection per store, reused for every call and reopened once if the server dropped it. Each write
is guarded by the version it read, so a stale owner changes nothing; every save is one transaction:
the state row, its outbox rows (only when the version check passed), and its trim when asked.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any, TypeVar

import psycopg

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
from actors.store.postgres_schema import BUMP, INSERT, SCHEMA, UPDATE

T = TypeVar("T")


class PostgresStore:
    local = False
    kind = "postgresql"

    def __init__(self, url: str, connect_timeout_s: int = 10, bounds: OutboxBounds | None = None) -> None:
        self._url = url
        self._timeout = connect_timeout_s
        self._trim = outbox_sql.trim("%s", bounds or OutboxBounds())
        self._lock = threading.Lock()
        self._conn = self._connect()
        for table in SCHEMA:
            # Two processes creating a table at one instant race even with IF NOT EXISTS in PostgreSQL.
            with contextlib.suppress(psycopg.errors.UniqueViolation):
                self._run(lambda conn, table=table: conn.execute(table))  # type: ignore[misc]

    def _connect(self) -> psycopg.Connection[Any]:
        try:
            return psycopg.connect(self._url, autocommit=True, connect_timeout=self._timeout)
        except psycopg.Error as error:
            # The URL may hold a password, so only the error (which psycopg keeps free of it) is told.
            raise StoreError(f"cannot connect to the PostgreSQL state store: {error}") from error

    def _run(self, call: Callable[[psycopg.Connection[Any]], T]) -> T:
        with self._lock:
            try:
                return call(self._conn)
            except psycopg.OperationalError:
                if not self._conn.closed:
                    raise
            # The server closed the connection (restart, idle timeout): reconnect once and repeat.
            self._conn = self._connect()
            return call(self._conn)

    def load(self, user_id: str) -> StoredState | None:
        def read(conn: psycopg.Connection[Any]) -> tuple[Any, list[Any]]:
            # The state first: an outbox row is committed with its state, so none at or below the
            # version read can be missing from the second query (a newer one only adds an id).
            query = "SELECT state, version, owner FROM user_state WHERE user_id = %s"
            row = conn.execute(query, (user_id,)).fetchone()
            return row, conn.execute(outbox_sql.select_applied("%s"), (user_id,)).fetchall()

        row, applied = self._run(read)
        if row is None:
            return None
        kept = sum(count for _, count in applied)
        return StoredState(bytes(row[0]), row[1], row[2], tuple(task for task, _ in applied), kept)

    def recall(self, user_id: str, task_id: str) -> OutboxRecord | None:
        query = outbox_sql.select_record("%s")
        row = self._run(lambda conn: conn.execute(query, (user_id, task_id)).fetchone())
        if row is None:
            return None
        return OutboxRecord(task_id, row[0], row[1], None if row[2] is None else bytes(row[2]))

    def save(self, user_id: str, state: bytes, expected_version: int, owner: str) -> int:
        answer = self.save_many([Save(user_id, state, expected_version, owner)])[0]
        if isinstance(answer, StaleStateError):
            raise answer
        return answer

    def save_many(self, saves: list[Save]) -> list[int | StaleStateError]:
        def write_all(conn: psycopg.Connection[Any]) -> list[bool]:
            with conn.transaction():
                return [self._write(conn, save) for save in saves]

        return save_answers(saves, self._run(write_all))

    def _write(self, conn: psycopg.Connection[Any], save: Save) -> bool:
        """One versioned write with its outbox rows; False (and nothing written) when the row is not at
        the expected version."""
        if save.expected_version == 0:
            if save.state is None:
                raise StoreError(f"the first save of user {save.user_id} must carry a state")
            cursor = conn.execute(INSERT, (save.user_id, save.owner, save.state))
        elif save.state is None:
            cursor = conn.execute(BUMP, (save.owner, save.user_id, save.expected_version))
        else:
            cursor = conn.execute(UPDATE, (save.owner, save.state, save.user_id, save.expected_version))
        if cursor.rowcount != 1:
            return False
        if save.outbox:
            with conn.cursor() as rows:
                rows.executemany(outbox_sql.insert_row("%s"), outbox_rows(save))
        if save.trim:
            for statement, uses in self._trim:
                conn.execute(statement, (save.user_id,) * uses)
        return True

    def close(self) -> None:
        with self._lock:
            self._conn.close()
