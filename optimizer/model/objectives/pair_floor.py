"""A redundant cut between two habit occurrences that want the same time of the same day.

If a must run before b (or b before a) on one day, their starts are at least a's shortest length
plus the buffers between them apart, so together they sit at least that far minus the distance
between their ideal starts from their ideals. Saying so lets the solver price a clash (meditation
and gym both at 07:00) without searching every order, which is what proves optimality quickly.
Only blocks with an ideal time take part; the cut changes no plan, only the bound.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass

from ortools.sat.python import cp_model

from optimizer.domain import Habit
from optimizer.model.context import Context
from optimizer.model.day_view import DayView
from optimizer.model.objectives.ideal_time import ideal_slot
from optimizer.model.variables import BlockVars


@dataclass(frozen=True)
class Placed:
    """A habit block with its distance to the ideal time and the literal "it lands on this day"."""

    habit: Habit
    block: BlockVars
    distance: cp_model.LinearExprT
    on_day: cp_model.IntVar
    ideal: int


def add_pair_floors(
    model: cp_model.CpModel,
    ctx: Context,
    view: DayView,
    entries: list[tuple[Habit, BlockVars, cp_model.LinearExprT]],
) -> None:
    """`entries` lists each habit block with an ideal time, in each habit's block order."""
    for placed in placed_by_day(ctx, view, entries).values():
        for a, b in itertools.combinations(placed, 2):
            apart = _least_apart(a, b, ctx.slots(a.habit.min_spacing))
            if apart > 0:
                together = cp_model.LinearExpr.sum([a.distance, b.distance])
                # Linear, not enforced: the LP relaxation then sees the cut (0 or less unless both).
                model.add(together >= apart * (a.on_day + b.on_day - 1))


def placed_by_day(
    ctx: Context, view: DayView, entries: list[tuple[Habit, BlockVars, cp_model.LinearExprT]]
) -> dict[int, list[Placed]]:
    """Each day's blocks that may land on it with an ideal time there, in each habit's block order."""
    by_day: dict[int, list[Placed]] = defaultdict(list)
    for habit, block, distance in entries:
        for day, on_day in view.on_days(block).items():
            ideal = ideal_slot(ctx, habit, day)
            if ideal is not None:
                by_day[day].append(Placed(habit, block, distance, on_day, ideal))
    return by_day


def gap_between(first: Placed, second: Placed, spacing: int) -> int:
    """Slots kept free between two blocks in this order: buffers, and a habit's own spacing."""
    return max(first.block.spec.after, second.block.spec.before, spacing)


def _least_apart(a: Placed, b: Placed, spacing: int) -> int:
    """The least total distance to the ideals when both sit on the day, in either allowed order."""
    if a.habit.id == b.habit.id:  # blocks of one habit keep their order and spacing: a comes first
        return _shift(a, b, spacing)
    return min(_shift(a, b, 0), _shift(b, a, 0))


def _shift(first: Placed, second: Placed, spacing: int) -> int:
    gap = gap_between(first, second, spacing)
    return max(0, first.ideal + first.block.spec.min_len + gap - second.ideal)
