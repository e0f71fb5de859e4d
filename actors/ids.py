"""Deterministic ids: everything a command creates is named from the command, never from chance.

A replay is answered from the outbox, so these need not be re-derived then; deriving them anyway means
that two hosts briefly applying the same command (during a handoff) still name things identically.
"""

from __future__ import annotations

import hashlib
import uuid

from optimizer.domain import BlockKind

NAMESPACE = uuid.UUID("6f1c2a4e-8f0b-5d3a-9c57-2b1f0e7d4a90")
_PREFIX = NAMESPACE.bytes


def command_scoped_id(task_id: str, *parts: str) -> str:
    """An id for something one command produced (a notification, a report)."""
    return uuid5_text(_PREFIX, "/".join(("command", task_id, *parts)))


def block_event_id(user_id: str, kind: BlockKind, item_id: str, occurrence: int, task_id: str) -> str:
    """The calendar event id of a newly placed block: user + item + occurrence, and the command that
    first placed it (so a block re-created after its predecessor ended gets a fresh id). Re-plans keep
    the stored id of a block they move; see `actors.plan_diff`."""
    name = "/".join(("block", user_id, kind.value, item_id, str(occurrence), task_id))
    return uuid5_text(_PREFIX, name)


def reminder_id(event_id: str) -> str:
    """The notification id of the reminder before a plan block, the same whichever command asks for
    it: a moved block's new reminder replaces the one before (the latest record with an id wins)."""
    return uuid5_text(_PREFIX, f"reminder/{event_id}")


def uuid5_text(namespace: bytes, name: str) -> str:
    """`str(uuid.uuid5(UUID(bytes=namespace), name))`, without building UUID objects: every block and
    reminder of every plan gets one, so it is on the hot path (about a third of the time)."""
    return uuid5_of(hashlib.sha1(namespace + name.encode(), usedforsecurity=False).digest())


def uuid5_of(sha1: bytes) -> str:
    """The RFC 4122 version 5 UUID, as text, of a SHA-1 digest of namespace and name.

    Written on the digest's hex text: the version is digit 12 (always `5`), the variant the top two
    bits of digit 16 (`10`), so no bytes need changing first."""
    h = sha1[:16].hex()
    return f"{h[:8]}-{h[8:12]}-5{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:]}"


_VARIANT = {digit: "89ab"[int(digit, 16) & 0x3] for digit in "0123456789abcdef"}
