"""Deterministic ids: everything a command creates is named from the command, never from chance.

A replay is answered from the outbox, so these need not be re-derived then; deriving them anyway means
that two hosts briefly applying the same command (during a handoff) still name things identically.
"""

from __future__ import annotations

import uuid

from optimizer.domain import BlockKind

NAMESPACE = uuid.UUID("6f1c2a4e-8f0b-5d3a-9c57-2b1f0e7d4a90")


def command_scoped_id(task_id: str, *parts: str) -> str:
    """An id for something one command produced (a notification, a report)."""
    return str(uuid.uuid5(NAMESPACE, "/".join(("command", task_id, *parts))))


def block_event_id(user_id: str, kind: BlockKind, item_id: str, occurrence: int, task_id: str) -> str:
    """The calendar event id of a newly placed block: user + item + occurrence, and the command that
    first placed it (so a block re-created after its predecessor ended gets a fresh id). Re-plans keep
    the stored id of a block they move; see `actors.plan_diff`."""
    name = "/".join(("block", user_id, kind.value, item_id, str(occurrence), task_id))
    return str(uuid.uuid5(NAMESPACE, name))
