"""Closeness to the ideal time: minutes between a habit's start and its ideal local start that day.

The distance splits into the least distance its picked choice allows (a constant per choice, known
before solving) plus what the start adds within the choice. The first part gives the solver a tight
bound at once: each occurrence is at least as far off as the nearest free stretch.
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from optimizer.domain import Habit
from optimizer.model.blocks import Choice
from optimizer.model.context import Context
from optimizer.model.terms import Term
from optimizer.model.variables import BlockVars
from optimizer.model.weights import IDEAL_TIME
from optimizer.timegrid import to_utc


def ideal_slot(ctx: Context, habit: Habit, day: int) -> int | None:
    if habit.ideal_time is None:
        return None
    return ctx.grid.slot(to_utc(ctx.days[day].date, habit.ideal_time, ctx.instance))


def ideal_time_terms(habit: Habit, distances: list[cp_model.LinearExprT], slot_minutes: int) -> list[Term]:
    if not distances:
        return []
    total = cp_model.LinearExpr.sum(distances) * slot_minutes
    return [Term(f"ideal_time:{habit.id}", total, IDEAL_TIME, habit.priority)]


def distance(model: cp_model.CpModel, ctx: Context, habit: Habit, block: BlockVars) -> cp_model.LinearExprT:
    """Slots between the block's start and the ideal start of the day it lands on; 0 when absent."""
    extra = model.new_int_var(0, ctx.n_slots, f"ideal_extra:{block.spec.name}")
    nearest: list[cp_model.LinearExprT] = []
    for choice, pick in zip(block.spec.choices, block.picks, strict=True):
        ideal = ideal_slot(ctx, habit, choice.day)
        assert ideal is not None, "distance needs an ideal time"
        first, last = start_range(choice)
        least = max(0, first - ideal, ideal - last)
        if least:
            nearest.append(least * pick)
        if ideal > first:
            model.add(extra >= ideal - block.start - least).only_enforce_if(pick)
        if ideal < last:
            model.add(extra >= block.start - ideal - least).only_enforce_if(pick)
    return cp_model.LinearExpr.sum([*nearest, extra])


def start_range(choice: Choice) -> tuple[int, int]:
    """First and last start in the choice."""
    return choice.starts[0][0], choice.starts[-1][1] - 1
