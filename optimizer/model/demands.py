"""What each item asks of a plan, on the grid: the blocks it may use and how much it needs.

Built from the instance before any variable exists; the constraint helpers and the solution
extraction both read them.
"""

from __future__ import annotations

from dataclasses import dataclass

from optimizer.domain import Habit, Task
from optimizer.model.blocks import BlockSpec


@dataclass(frozen=True)
class HabitPeriod:
    """One local day (DAILY) or local ISO week (WEEKLY) of a habit.

    `target` occurrences are wanted (fewer for a week the horizon only partly covers), `frozen` of
    them are already fixed, and up to `len(blocks)` more may be placed. `hard` marks a requirement:
    the habit is defended and the period lies wholly ahead of the time that may still move and
    wholly inside the horizon.
    """

    habit: Habit
    label: str
    days: tuple[int, ...]
    target: int
    frozen: int
    hard: bool
    blocks: tuple[BlockSpec, ...]

    @property
    def missing_at_most(self) -> int:
        return max(0, self.target - self.frozen)

    @property
    def rule(self) -> str:
        return f"frequency:{self.habit.id}:{self.label}"


@dataclass(frozen=True)
class TaskWork:
    """A task or goal work: `budget` slots its chunks may still reserve to last the `remaining`
    minutes of its effort, `due_slot` on the grid."""

    task: Task
    budget: int
    frozen_minutes: int
    due_slot: int | None
    blocks: tuple[BlockSpec, ...]

    @property
    def rule(self) -> str:
        return f"hard_due:{self.task.id}"

    @property
    def remaining(self) -> int:
        """Minutes of the effort the frozen chunks leave."""
        return max(0, self.task.effort - self.frozen_minutes)

    def minutes_for(self, slots: int, slot_minutes: int) -> int:
        """Minutes of the effort that chunks reserving `slots` in all would last."""
        trimmed = slots // self.blocks[0].max_len * self.blocks[0].trim if self.blocks else 0
        return min(self.remaining, slots * slot_minutes - trimmed)


@dataclass(frozen=True)
class FocusDay:
    """Focus time wanted on one local day: up to `target` slots in `blocks`."""

    day: int
    label: str
    target: int
    blocks: tuple[BlockSpec, ...]
