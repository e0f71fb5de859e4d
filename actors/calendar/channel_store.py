"""Watch channels in the state store's database, so the push endpoint, the renewal job and the hosts
(different processes, maybe different nodes) see the same channels.

A table of its own beside `user_state`, in the same SQLite file or PostgreSQL database. The channel
token proves a notification came through Google, so it is sealed like the grants.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from typing import Any

from pydantic import SecretStr

from actors.google_calendar.channels import WatchChannel
from actors.google_calendar.vault import Vault
from actors.store.open import sqlite_path

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS calendar_channel (channel_id TEXT PRIMARY KEY, user_id TEXT NOT NULL, "
    "record TEXT NOT NULL)"
)
UPSERT = (
    "INSERT INTO calendar_channel (channel_id, user_id, record) VALUES (?, ?, ?) "
    "ON CONFLICT (channel_id) DO UPDATE SET user_id = excluded.user_id, record = excluded.record"
)


class SqlChannelStore:
    """A `ChannelStore` on `sqlite:///…` or `postgresql://…` (the store URL the hosts use)."""

    def __init__(self, url: str, vault: Vault) -> None:
        self._vault = vault
        self._lock = threading.Lock()
        self._postgres = not url.startswith("sqlite")
        if self._postgres:
            import psycopg

            self._db: Any = psycopg.connect(url, autocommit=True, connect_timeout=10)
        else:
            self._db = sqlite3.connect(
                sqlite_path(url), timeout=30, isolation_level=None, check_same_thread=False
            )
        self._run(SCHEMA)

    def _run(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        if self._postgres:
            sql = sql.replace("?", "%s")
        with self._lock:
            cursor = self._db.execute(sql, params)
            return list(cursor.fetchall()) if cursor.description else []

    def put(self, channel: WatchChannel) -> None:
        sealed = self._vault.seal(channel.token.get_secret_value().encode(), channel.channel_id)
        record = channel.model_dump(mode="json") | {"token": sealed}
        data = json.dumps(record)
        self._run(UPSERT, (channel.channel_id, channel.user_id, data))

    def _load(self, data: str) -> WatchChannel:
        record = WatchChannel.model_validate_json(data)
        token = self._vault.open(record.token.get_secret_value(), record.channel_id).decode()
        return record.model_copy(update={"token": SecretStr(token)})

    def get(self, channel_id: str) -> WatchChannel | None:
        rows = self._run("SELECT record FROM calendar_channel WHERE channel_id = ?", (channel_id,))
        return self._load(rows[0][0]) if rows else None

    def remove(self, channel_id: str) -> None:
        self._run("DELETE FROM calendar_channel WHERE channel_id = ?", (channel_id,))

    def all(self) -> list[WatchChannel]:
        return [self._load(row[0]) for row in self._run("SELECT record FROM calendar_channel")]

    def close(self) -> None:
        with self._lock:
            self._db.close()
