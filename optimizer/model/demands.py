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
    the habit is defended and the period lies wholly ahead of the time that may still move.
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
    """A task or goal work: `budget` slots still to place in its chunks, `due_slot` on the grid."""

    task: Task
    budget: int
    frozen_minutes: int
    due_slot: int | None
    blocks: tuple[BlockSpec, ...]
    note: str = ""

    @property
    def rule(self) -> str:
        return f"hard_due:{self.task.id}"


@dataclass(frozen=True)
class FocusDay:
    """Focus time wanted on one local day: up to `target` slots in `blocks`."""

    day: int
    label: str
    target: int
    blocks: tuple[BlockSpec, ...]
