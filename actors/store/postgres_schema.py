"""The PostgreSQL store's tables and statements: a state row per user, and the user's outbox rows."""

from __future__ import annotations

SCHEMA = [
    """CREATE TABLE IF NOT EXISTS user_state (
        user_id    TEXT PRIMARY KEY,
        version    BIGINT NOT NULL,
        owner      TEXT NOT NULL,
        state      BYTEA NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
    )""",
    """CREATE TABLE IF NOT EXISTS user_outbox (
        user_id       TEXT NOT NULL,
        task_id       TEXT NOT NULL,
        seq           BIGINT NOT NULL,
        applied_at    TIMESTAMPTZ NOT NULL,
        outcome_count INTEGER NOT NULL,
        outcomes      BYTEA,
        PRIMARY KEY (user_id, task_id)
    )""",
]
INSERT = (
    "INSERT INTO user_state (user_id, version, owner, state) VALUES (%s, 1, %s, %s) "
    "ON CONFLICT (user_id) DO NOTHING"
)
UPDATE = (
    "UPDATE user_state SET version = version + 1, owner = %s, state = %s, updated_at = now() "
    "WHERE user_id = %s AND version = %s"
)
BUMP = (
    "UPDATE user_state SET version = version + 1, owner = %s, updated_at = now() "
    "WHERE user_id = %s AND version = %s"
)
