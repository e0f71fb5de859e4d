"""Per-partition commit watermarks: commit only below the first message that is not finished.

Messages of one partition finish out of order (different users, different hosts), yet Kafka stores a
single offset per partition. Committing offset `n` promises that everything below `n` is finished, so a
partition's committable offset is its lowest unfinished offset, or one past the highest offset handed
out when nothing is pending (Kafka commits the *next* offset to read). Offsets need not be contiguous:
compaction and transaction markers leave gaps, and only offsets actually handed out count.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field

Partition = tuple[str, int]


class OffsetError(Exception):
    """An offset was marked done that was never handed out, or handed out twice while pending."""


@dataclass
class _Watermark:
    pending: set[int] = field(default_factory=set)
    heap: list[int] = field(default_factory=list)  # pending offsets; stale entries skipped lazily
    next_offset: int = -1  # one past the highest offset handed out
    committed: int = -1  # the last offset reported by `mark_committed`

    def track(self, offset: int) -> None:
        if offset in self.pending:
            raise OffsetError(f"offset {offset} is already in flight")
        self.pending.add(offset)
        heapq.heappush(self.heap, offset)
        self.next_offset = max(self.next_offset, offset + 1)

    def done(self, offset: int) -> None:
        if offset not in self.pending:
            raise OffsetError(f"offset {offset} was not in flight")
        self.pending.discard(offset)
        while self.heap and self.heap[0] not in self.pending:
            heapq.heappop(self.heap)

    def committable(self) -> int:
        return self.heap[0] if self.heap else self.next_offset


class OffsetTracker:
    """Watermarks of every assigned partition. Pure bookkeeping: no Kafka client involved."""

    def __init__(self) -> None:
        self._marks: dict[Partition, _Watermark] = {}

    def track(self, partition: Partition, offset: int) -> None:
        """Record that `offset` was handed out for processing."""
        mark = self._marks.get(partition)  # not `setdefault`: it would build a watermark every time
        if mark is None:
            mark = self._marks[partition] = _Watermark()
        mark.track(offset)

    def done(self, partition: Partition, offset: int) -> bool:
        """Mark `offset` finished. False when its partition was forgotten (revoked) meanwhile."""
        mark = self._marks.get(partition)
        if mark is None:
            return False
        mark.done(offset)
        return True

    def is_tracked(self, partition: Partition, offset: int) -> bool:
        mark = self._marks.get(partition)
        return mark is not None and offset in mark.pending

    def committable(self) -> dict[Partition, int]:
        """Per partition, the offset to commit: every message below it is finished."""
        return {p: m.committable() for p, m in self._marks.items() if m.next_offset >= 0}

    def to_commit(self) -> dict[Partition, int]:
        """Committable offsets that moved past what was last committed."""
        return {p: o for p, o in self.committable().items() if o > self._marks[p].committed}

    def mark_committed(self, offsets: dict[Partition, int]) -> None:
        for partition, offset in offsets.items():
            mark = self._marks.get(partition)
            if mark is not None:
                mark.committed = max(mark.committed, offset)

    def in_flight(self, partition: Partition | None = None) -> int:
        """Messages handed out and not finished, on one partition or on all."""
        if partition is not None:
            mark = self._marks.get(partition)
            return len(mark.pending) if mark else 0
        return sum(len(m.pending) for m in self._marks.values())

    def forget(self, partitions: list[Partition]) -> None:
        """Drop revoked partitions: their unfinished messages belong to the next owner now."""
        for partition in partitions:
            self._marks.pop(partition, None)

    def partitions(self) -> list[Partition]:
        return list(self._marks)
