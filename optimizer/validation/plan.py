"""What every check needs: the plan, which of its blocks are frozen, and each item's rules by id.

Built from the instance alone (never from model code), so a check can disagree with the solver.

Blocks start on the slot grid but may end off it (a 20-minute habit on a 15-minute grid): a block
occupies the time from its start to its end rounded up to the grid, and nothing else (busy time,
another block, a buffer) may meet that remainder. Its buffers count from there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal

from optimizer.domain import BlockKind, Habit, Instance, PlacedBlock, Task
from optimizer.solution import Frozen, Placement
from optimizer.timegrid import Window
from optimizer.windows import frozen_blocks

PlanKind = Literal["habits", "schedule"]
WORK_KINDS = frozenset({BlockKind.TASK, BlockKind.GOAL})
Key = tuple[str, BlockKind, datetime, datetime]


class Violation(Frozen):
    """One broken hard rule: `rule` names it, `message` says what is wrong and where."""

    rule: str
    item_id: str
    message: str


def key(block: Placement | PlacedBlock) -> Key:
    return (block.item_id, block.kind, block.start, block.end)


def minutes(block: Placement | PlacedBlock) -> int:
    return (block.end - block.start) // timedelta(minutes=1)


@dataclass
class Plan:
    instance: Instance
    kind: PlanKind
    placements: tuple[Placement, ...]
    frozen_kept: list[PlacedBlock] = field(init=False)
    frozen_busy: list[Window] = field(init=False)
    frozen_keys: frozenset[Key] = field(init=False)
    habits: dict[str, Habit] = field(init=False)
    work: dict[str, Task] = field(init=False)

    def __post_init__(self) -> None:
        placed = self.kinds()
        frozen = frozen_blocks(self.instance)
        # Frozen blocks of kinds this plan does not place (tasks in a habits plan) simply occupy time.
        self.frozen_kept = [block for block in frozen if block.kind in placed]
        self.frozen_busy = [self.occupied(block) for block in frozen if block.kind not in placed]
        self.frozen_keys = frozenset(key(block) for block in self.frozen_kept)
        self.habits = {habit.id: habit for habit in self.instance.habits}
        self.work = {} if self.kind == "habits" else {t.id: t for t in self.instance.work_items()}

    def kinds(self) -> frozenset[BlockKind]:
        return frozenset({BlockKind.HABIT}) if self.kind == "habits" else frozenset(BlockKind)

    def is_frozen(self, placement: Placement) -> bool:
        return key(placement) in self.frozen_keys

    def buffers(self, placement: Placement) -> tuple[timedelta, timedelta]:
        habit = self.habits.get(placement.item_id) if placement.kind is BlockKind.HABIT else None
        if habit is None:
            return timedelta(0), timedelta(0)
        return timedelta(minutes=habit.buffer_before), timedelta(minutes=habit.buffer_after)

    def on_grid(self, when: datetime) -> bool:
        return not (when - self.instance.horizon_start) % timedelta(minutes=self.instance.slot_minutes)

    def grid_ceil(self, when: datetime) -> datetime:
        """The first grid instant at or after `when`."""
        slot = timedelta(minutes=self.instance.slot_minutes)
        return when + (self.instance.horizon_start - when) % slot

    def occupied(self, block: Placement | PlacedBlock) -> Window:
        """From the start to the end rounded up to the grid."""
        return block.start, self.grid_ceil(block.end)

    def padded(self, placement: Placement) -> Window:
        before, after = self.buffers(placement)
        start, end = self.occupied(placement)
        return start - before, end + after

    def of_item(self, item_id: str, kind: BlockKind | None = None) -> list[Placement]:
        chosen = (p for p in self.placements if p.item_id == item_id and (kind is None or p.kind is kind))
        return sorted(chosen, key=lambda p: p.start)
