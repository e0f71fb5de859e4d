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
        # Each mask holds 0 or 1 per byte, slot 0 first: as big-endian integers, bitwise operations
        # work slot by slot, and a shift by 8 bits moves every slot by one (a heavy fortnight's
        # start calls this a few thousand times).
        n = self.grid.n_slots
        core = int.from_bytes(self.core, "big")
        near = core
        for k in range(1, after + 1):
            near |= core << (8 * k)  # a block k slots later
        for k in range(1, before + 1):
            near |= core >> (8 * k)  # a block k slots earlier
        ok = int.from_bytes(allowed, "big") & ~int.from_bytes(self.pad, "big") & ~near
        return bytearray(ok.to_bytes(n, "big"))


def runs(mask: bytearray, lo: int, hi: int) -> list[tuple[int, int]]:
    """Maximal [start, end) stretches of 1s in mask[lo:hi] (masks hold 0 or 1 per slot)."""
    found: list[tuple[int, int]] = []
    first, end = max(lo, 0), max(min(hi, len(mask)), 0)  # find() reads a negative bound from the end
    start = mask.find(1, first, end) if first < end else -1
    while start != -1:
        stop = mask.find(0, start, end)
        stop = end if stop == -1 else stop
        found.append((start, stop))
        start = mask.find(1, stop, end)
    return found


def forbid(mask: bytearray, lo: int, hi: int) -> None:
    for s in range(max(lo, 0), min(hi, len(mask))):
        mask[s] = 0
