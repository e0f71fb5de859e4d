"""Put a start plan's blocks back where the previous plan had them, where that breaks no rule.

A plan built from scratch (the fresh packed plan, or the plan placed around the blocks a search put)
ignores where the previous plan's blocks were, and each one not left where it was costs `MOVED` at
its item's priority: on a two-week re-plan the fresh plan paid 0.8 million for it, most of it for
critical work that could have stayed. Here each previous block that still fits takes the part of a
block of its own item (a habit occurrence of the same period, a chunk of the same length) when its
time is free in the plan and the item's rules still hold (`swap_rules`). What the plan places, and
so what it leaves out, does not change; only where. The costliest blocks go first, and the pass is
repeated while it puts blocks back, since a block moved away may free the place of another.
"""

from __future__ import annotations

from collections.abc import Sequence

from optimizer.domain import BlockKind, Instance, PlacedBlock
from optimizer.model.occupancy import Occupancy
from optimizer.model.swap_rules import Key, holds, key
from optimizer.model.weights import PRIORITY_WEIGHT
from optimizer.solution import Placement
from optimizer.windows import frozen_blocks

ROUNDS = 3


def restored(instance: Instance, plan: list[Placement], previous: Sequence[PlacedBlock]) -> list[Placement]:
    """The plan with as many of the `previous` blocks (those still fitting) back in place as swaps allow."""
    placed = {key(p) for p in plan}
    waiting = sorted(
        (b for b in previous if key(b) not in placed), key=lambda b: (-_weight(instance, b), b.start)
    )
    if not waiting:
        return plan
    plan = list(plan)
    frozen = {key(b) for b in frozen_blocks(instance)}
    fixed = frozen | {key(b) for b in instance.previous_plan}  # blocks already where they were
    outside = [b for b in frozen_blocks(instance) if key(b) not in placed]  # frozen, of other kinds
    room = Occupancy(instance, [*plan, *outside])
    for _ in range(ROUNDS):
        back = []
        for block in waiting:
            index = _swap(instance, plan, room, block, fixed, frozen)
            if index is not None:
                room.change(plan[index], -1)
                plan[index] = plan[index].model_copy(update={"start": block.start, "end": block.end})
                room.change(plan[index], 1)
                back.append(block)
        waiting = [b for b in waiting if b not in back]
        if not back or not waiting:
            break
    return plan


def _swap(
    instance: Instance,
    plan: list[Placement],
    room: Occupancy,
    block: PlacedBlock,
    fixed: set[Key],
    frozen: set[Key],
) -> int | None:
    """The index of the plan's block whose part `block` can take, the nearest in time first."""
    mine = [
        index
        for index, p in enumerate(plan)
        if p.item_id == block.item_id and p.kind is block.kind and key(p) not in fixed
    ]
    for index in sorted(mine, key=lambda i: abs(plan[i].start - block.start)):
        old = plan[index]
        new = old.model_copy(update={"start": block.start, "end": block.end})
        if room.fits(new, instead_of=old) and holds(instance, plan, old, new, frozen):
            return index
    return None


def _weight(instance: Instance, block: PlacedBlock) -> int:
    if block.kind is BlockKind.HABIT:
        found = [h.priority for h in instance.habits if h.id == block.item_id]
    else:
        found = [t.priority for t in instance.work_items() if t.id == block.item_id and t.kind is block.kind]
    return PRIORITY_WEIGHT[found[0]] if found else 0
