"""How long blocks are on the slot grid: the whole slots they reserve and the minutes they last.

Blocks start on the grid and reserve whole slots: from their shortest length rounded up to their
longest rounded down, lasting what they reserve. When no whole number of slots lies in between (a
20-minute habit on a 15-minute grid), a block reserves its longest length rounded up and lasts
exactly that length: nothing else (another block, a buffer, busy time) ever sits in the remainder,
and the block keeps its own length, so the 20-minute habit reserves 30 minutes and lasts 20 (its end
is off the grid). Either way a block lasts min(slots x slot, longest), never less than its shortest.

- A habit occurrence's lengths are `min_duration` to `max_duration`.
- A task chunk's are min(min_chunk, effort) to `max_chunk`. The chunks of a task together last at
  most its effort. The chunk that completes the effort (the last one in time) is what is left of
  it: it may be shorter than the smallest chunk, reserves only the whole slots it needs and ends
  where the effort runs out. 75 minutes in chunks of an hour are 60 + 15; 100 minutes in chunks of
  40-50 minutes on a 15-minute grid (which reserve 45) are 45 + 45 + 10, the 10 reserving one slot.
  No chunk reserves more than its minutes rounded up to the grid, except that a chunk of the most
  slots reserves them all (a 20-minute chunk on a 15-minute grid reserves 30).

The model and the greedy baseline both read lengths here; the validator keeps its own reading.
"""

from __future__ import annotations

from collections.abc import Sequence

from optimizer.domain import Habit, Task


def whole_slots(minutes: int, slot_minutes: int) -> int:
    return -(-minutes // slot_minutes)


def slot_range(shortest: int, longest: int, slot_minutes: int) -> tuple[int, int]:
    """Fewest and most slots a block of `shortest` to `longest` minutes reserves."""
    low, high = whole_slots(shortest, slot_minutes), longest // slot_minutes
    return (low, high) if high >= low else (low, whole_slots(longest, slot_minutes))


def habit_slots(habit: Habit, slot_minutes: int) -> tuple[int, int]:
    return slot_range(habit.min_duration, habit.max_duration, slot_minutes)


def chunk_slots(task: Task, slot_minutes: int) -> tuple[int, int]:
    return slot_range(min(task.min_chunk, task.effort), task.max_chunk, slot_minutes)


def lasts(slots: int, longest: int, slot_minutes: int) -> int:
    """Minutes a block reserving `slots` lasts."""
    return min(slots * slot_minutes, longest)


def spare(slots: int, longest: int, slot_minutes: int) -> int:
    """Minutes a block reserving `slots` reserves beyond what it lasts."""
    return slots * slot_minutes - lasts(slots, longest, slot_minutes)


def work_budget(task: Task, remaining: int, slot_minutes: int) -> int:
    """Slots the chunks reserve in all to last `remaining` minutes: the minutes rounded up to whole
    slots, counting for each full chunk of the most slots (but the last) the whole slots it reserves
    (50 minutes in 20-minute chunks on a 15-minute grid: 20 + 20 + 10 reserve 2 + 2 + 1 slots)."""
    if remaining <= 0:
        return 0
    high = chunk_slots(task, slot_minutes)[1]
    full = lasts(high, task.max_chunk, slot_minutes)
    before = whole_slots(remaining, full) - 1  # full chunks before the one that completes the effort
    return before * high + whole_slots(remaining - before * full, slot_minutes)


def fewest_slots(sizes: tuple[int, int], budget: int, index: int) -> int:
    """Fewest slots chunk `index` (in time order) of a task may reserve: its smallest chunk, or less
    when it may be the chunk that completes the `budget`, every chunk before it of `sizes` slots."""
    low, high = sizes
    least = max(1, budget - index * high)
    return least if least < low and least <= budget - index * low else low


def up_to(lengths: Sequence[int], total: int) -> list[int]:
    """The lengths in time order, the last ones cut so that together they last at most `total`."""
    kept, left = [], total
    for minutes in lengths:
        kept.append(min(minutes, left))
        left -= kept[-1]
    return kept
