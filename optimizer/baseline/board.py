"""The greedy planner's view of the horizon: which slots are taken by a block and which by a buffer.

Anything that only partly covers a slot (an event at 10:05, a 20-minute buffer on a 15-minute grid, a
20-minute habit) takes the whole slot, so the greedy plan is never tighter than the validator allows;
a block's after-buffer starts where its last slot ends.
"""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta

from optimizer.domain import Instance
from optimizer.timegrid import Grid, LocalDay, Window


class Board:
    def __init__(self, instance: Instance) -> None:
        self.instance = instance
        self.grid = Grid(instance)
        self.core = bytearray(self.grid.n_slots)  # 1 where a busy event or a block sits
        self.pad = bytearray(self.grid.n_slots)  # 1 where a habit keeps its buffer free

    def slots(self, minutes: int) -> int:
        """Whole slots that cover `minutes`."""
        return -(-minutes // self.grid.minutes_per_slot)

    def touched(self, start: datetime, end: datetime) -> range:
        return range(max(self.grid.slot(start), 0), min(self.grid.slot_ceil(end), self.grid.n_slots))

    def inside(self, day: LocalDay) -> tuple[int, int]:
        """First and past-the-last slot lying wholly within the local day."""
        return max(self.grid.slot_ceil(day.start), 0), min(self.grid.slot(day.end), self.grid.n_slots)

    def occupy(self, start: datetime, end: datetime, before: int = 0, after: int = 0) -> None:
        """Take [start, end) as a block, keeping `before`/`after` minutes around it as buffer."""
        for s in self.touched(start, end):
            self.core[s] = 1
        reserved_end = self.grid.time(self.grid.slot_ceil(end))
        buffers = (
            self.touched(start - timedelta(minutes=before), start),
            self.touched(reserved_end, reserved_end + timedelta(minutes=after)),
        )
        for s in itertools.chain(*buffers):
            self.pad[s] = 1

    def allowed(self, windows: list[Window]) -> bytearray:
        """1 for each slot wholly inside one of the windows."""
        mask = bytearray(self.grid.n_slots)
        for start, end in windows:
            for s in range(max(self.grid.slot_ceil(start), 0), min(self.grid.slot(end), self.grid.n_slots)):
                mask[s] = 1
        return mask

    def free(self, allowed: bytearray, before: int = 0, after: int = 0) -> bytearray:
        """Slots a block may cover: allowed, off others' buffers, and with no block within its own
        buffers (`before`/`after` in slots)."""
        n = self.grid.n_slots
        taken = [0, *itertools.accumulate(self.core)]
        return bytearray(
            1
            if allowed[s] and not self.pad[s] and taken[min(s + after + 1, n)] == taken[max(s - before, 0)]
            else 0
            for s in range(n)
        )


def runs(mask: bytearray, lo: int, hi: int) -> list[tuple[int, int]]:
    """Maximal [start, end) stretches of 1s in mask[lo:hi]."""
    found: list[tuple[int, int]] = []
    start = None
    for s in range(max(lo, 0), min(hi, len(mask))):
        if mask[s] and start is None:
            start = s
        elif not mask[s] and start is not None:
            found.append((start, s))
            start = None
    if start is not None:
        found.append((start, min(hi, len(mask))))
    return found


def forbid(mask: bytearray, lo: int, hi: int) -> None:
    for s in range(max(lo, 0), min(hi, len(mask))):
        mask[s] = 0
