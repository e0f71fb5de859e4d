"""The SQLite store's tables and statements: a state row per user, and the user's outbox rows."""

from __future__ import annotations

import sqlite3
import time

SCHEMA = [
    """CREATE TABLE IF NOT EXISTS user_state (
        user_id    TEXT PRIMARY KEY,
        version    INTEGER NOT NULL,
        owner      TEXT NOT NULL,
        state      BLOB NOT NULL,
        updated_at REAL NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS user_outbox (
        user_id       TEXT NOT NULL,
        task_id       TEXT NOT NULL,
        seq           INTEGER NOT NULL,
        applied_at    REAL NOT NULL,
        outcome_count INTEGER NOT NULL,
        outcomes      BLOB,
        PRIMARY KEY (user_id, task_id)
    )""",
]
INSERT = (
    "INSERT INTO user_state (user_id, version, owner, state, updated_at) VALUES (?, 1, ?, ?, ?) "
    "ON CONFLICT (user_id) DO NOTHING"
)
UPDATE = (
    "UPDATE user_state SET version = version + 1, owner = ?, state = ?, updated_at = ? "
    "WHERE user_id = ? AND version = ?"
)
BUMP = (
    "UPDATE user_state SET version = version + 1, owner = ?, updated_at = ? WHERE user_id = ? AND version = ?"
)


def prepare(db: sqlite3.Connection, deadline: float) -> None:
    """WAL mode and the schema. Several hosts open a new file at once, and switching the journal mode
    can answer "database is locked" at once rather than wait in the busy handler: so try again."""
    while True:
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            for table in SCHEMA:
                db.execute(table)
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)
