"""The cluster state store: PostgreSQL, shared by hosts on every node.

One connection per store, reused for every call and reopened once if the server dropped it. Each write
is guarded by the version it read, so a stale owner changes nothing; `save` is one autocommitted
statement, `save_many` one transaction for a group of users.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any, TypeVar

import psycopg

from actors.store.base import Save, StaleStateError, StoredState, StoreError, save_answers

T = TypeVar("T")

SCHEMA = """
CREATE TABLE IF NOT EXISTS user_state (
    user_id    TEXT PRIMARY KEY,
    version    BIGINT NOT NULL,
    owner      TEXT NOT NULL,
    state      BYTEA NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
)
"""
INSERT = (
    "INSERT INTO user_state (user_id, version, owner, state) VALUES (%s, 1, %s, %s) "
    "ON CONFLICT (user_id) DO NOTHING"
)
UPDATE = (
    "UPDATE user_state SET version = version + 1, owner = %s, state = %s, updated_at = now() "
    "WHERE user_id = %s AND version = %s"
)


class PostgresStore:
    local = False

    def __init__(self, url: str, connect_timeout_s: int = 10) -> None:
        self._url = url
        self._timeout = connect_timeout_s
        self._lock = threading.Lock()
        self._conn = self._connect()
        # Two processes creating the table at one instant race even with IF NOT EXISTS in PostgreSQL.
        with contextlib.suppress(psycopg.errors.UniqueViolation):
            self._run(lambda conn: conn.execute(SCHEMA))

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
        query = "SELECT state, version, owner FROM user_state WHERE user_id = %s"
        row = self._run(lambda conn: conn.execute(query, (user_id,)).fetchone())
        return None if row is None else StoredState(bytes(row[0]), row[1], row[2])

    def save(self, user_id: str, state: bytes, expected_version: int, owner: str) -> int:
        save = Save(user_id, state, expected_version, owner)
        if not self._run(lambda conn: _write(conn, save)):
            raise StaleStateError(user_id, expected_version, owner)
        return expected_version + 1

    def save_many(self, saves: list[Save]) -> list[int | StaleStateError]:
        def write_all(conn: psycopg.Connection[Any]) -> list[bool]:
            with conn.transaction():
                return [_write(conn, save) for save in saves]

        written = self._run(write_all)
        return save_answers(saves, written)

    def close(self) -> None:
        with self._lock:
            self._conn.close()


def _write(conn: psycopg.Connection[Any], save: Save) -> bool:
    """One versioned write; False when the row is not at the expected version."""
    if save.expected_version == 0:
        return conn.execute(INSERT, (save.user_id, save.owner, save.state)).rowcount == 1
    params = (save.owner, save.state, save.user_id, save.expected_version)
    return conn.execute(UPDATE, params).rowcount == 1
