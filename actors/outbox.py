"""A user's outbox: the commands applied lately, so a replay is recognised and answered byte for byte.

Each applied command is a row of the store, keyed (user, task id) beside the user's state row and
written in the same transaction. An active user keeps only the task ids in memory (a dict: a replay is
found in one lookup) and a running count of the outcomes the rows still hold; a replay fetches its
outcomes by key. Bounds: the newest `commands` task ids are remembered, and outcomes are kept for the
newest up to `outcomes` outcomes (one week's plan yields about a hundred), and for the newest
`replayable` commands whatever their count. The store trims in batches,
once a user is `COMMANDS_SLACK` commands or `OUTCOMES_SLACK` outcomes over them: a trim costs a few
statements, so not per command.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from itertools import islice

from actors.packing import pack_large, unpack_any
from actors.store import OutboxBounds, OutboxRecord

BOUNDS = OutboxBounds()
COMMANDS_SLACK = 100
OUTCOMES_SLACK = 1_000
# A command's outcomes this small stay plain JSON: zlib saved about 90 of a few hundred bytes and took
# a large share of a trivial command's host CPU (measured; see docs/actors.md).
PACK_OUTCOMES_ABOVE = 512
ID_BYTES = 56  # a remembered task id in memory (about 140 bytes) over the budget's memory factor


class Outbox:
    def __init__(self, applied: Iterable[str] = (), kept_outcomes: int = 0) -> None:
        self.applied: dict[str, None] = dict.fromkeys(applied)  # insertion order: oldest first
        self.kept_outcomes = kept_outcomes  # an upper bound after a trim
        # Rows read from an older stored form and not yet in the store: written with the next save.
        self.pending: dict[str, OutboxRecord] = {}

    def __contains__(self, task_id: str) -> bool:
        return task_id in self.applied

    @property
    def size(self) -> int:
        return len(self.applied) * ID_BYTES

    def adopt(self, records: Iterable[OutboxRecord]) -> None:
        """Rows of an outbox kept inside an older state: remembered now, stored with the next save."""
        for record in records:
            self.pending[record.task_id] = record
            self.applied[record.task_id] = None
            self.kept_outcomes += record.count if record.outcomes is not None else 0

    def due_for_trim(self, count: int) -> bool:
        """Whether the save adding a command of `count` outcomes should trim the user's rows too."""
        commands_over = len(self.applied) + 1 - BOUNDS.commands > COMMANDS_SLACK
        return commands_over or self.kept_outcomes + count - BOUNDS.outcomes > OUTCOMES_SLACK

    def rows(self, record: OutboxRecord) -> tuple[OutboxRecord, ...]:
        """The rows the save adding `record` writes: any pending ones first."""
        return (*self.pending.values(), record) if self.pending else (record,)

    def saved(self, record: OutboxRecord, trimmed: bool) -> None:
        """Take in a save that stored `record` (and the pending rows), trimmed or not."""
        self.pending.clear()
        self.applied[record.task_id] = None
        self.kept_outcomes += record.count
        if trimmed:
            for old in list(islice(self.applied, max(0, len(self.applied) - BOUNDS.commands))):
                del self.applied[old]
            self.kept_outcomes = min(self.kept_outcomes, BOUNDS.outcomes)


def record_of(task_id: str, applied_at: datetime, outcomes_json: bytes, count: int) -> OutboxRecord:
    return OutboxRecord(task_id, applied_at, count, pack_large(outcomes_json, PACK_OUTCOMES_ABOVE))


def outcomes_json(record: OutboxRecord | None) -> bytes:
    """The outcomes as first encoded; none for a command older than the outbox keeps outcomes for."""
    if record is None or record.outcomes is None:
        return b"[]"
    return unpack_any(record.outcomes)
