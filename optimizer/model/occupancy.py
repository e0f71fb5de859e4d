"""What a plan occupies on the slot grid, counted so that a block can be taken out and put back.

A block takes its slots from its start to its end rounded up (busy time is read outward to whole
slots, as everywhere); a habit also keeps its buffers free around it. A block fits where no other
block, busy time or buffer lies, and where its own buffers meet no block or busy time (two buffers
may share free time).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from optimizer.domain import BlockKind, Instance
from optimizer.model.matching import Located
from optimizer.timegrid import Grid
from optimizer.windows import busy_windows


class Occupancy:
    def __init__(self, instance: Instance, blocks: Iterable[Located]) -> None:
        self.grid = Grid(instance)
        self.core = [0] * self.grid.n_slots  # blocks and busy time on each slot
        self.pad = [0] * self.grid.n_slots  # habit buffers on each slot
        self.buffers = {h.id: (h.buffer_before, h.buffer_after) for h in instance.habits}
        for start, end in busy_windows(instance):
            for s in self._touched(start, end):
                self.core[s] += 1
        for block in blocks:
            self.change(block, 1)

    def change(self, block: Located, by: int) -> None:
        """Add (`by` 1) or take out (`by` -1) the block and its buffers."""
        core, pads = self._parts(block)
        for s in core:
            self.core[s] += by
        for s in pads:
            self.pad[s] += by

    def fits(self, block: Located, instead_of: Located | None = None) -> bool:
        """Whether the block fits, with `instead_of` (a block of the plan) taken out first."""
        core, pads = self._parts(block)
        if len(core) == 0 or core.stop > self.grid.n_slots or core.start < 0:
            return False
        gone_core, gone_pads = self._parts(instead_of) if instead_of is not None else (range(0), [])
        gone_pad = set(gone_pads)

        def blocks_at(s: int) -> int:
            return self.core[s] - (s in gone_core)

        clear = all(blocks_at(s) == 0 and self.pad[s] - (s in gone_pad) == 0 for s in core)
        return clear and all(blocks_at(s) == 0 for s in pads)

    def _parts(self, block: Located) -> tuple[range, list[int]]:
        core = range(self.grid.slot(block.start), self.grid.slot_ceil(block.end))
        before, after = self.buffers.get(block.item_id, (0, 0)) if block.kind is BlockKind.HABIT else (0, 0)
        reserved_end = self.grid.time(core.stop)
        pads = [
            *self._touched(block.start - timedelta(minutes=before), block.start),
            *self._touched(reserved_end, reserved_end + timedelta(minutes=after)),
        ]
        return core, pads

    def _touched(self, start: datetime, end: datetime) -> range:
        return range(max(self.grid.slot(start), 0), min(self.grid.slot_ceil(end), self.grid.n_slots))
