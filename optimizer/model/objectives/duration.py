"""Longer when there is room: each minute a habit runs short of its longest duration costs."""

from __future__ import annotations

from ortools.sat.python import cp_model

from optimizer.domain import Habit
from optimizer.model.terms import Term
from optimizer.model.variables import BlockVars
from optimizer.model.weights import DURATION


def shortfall(model: cp_model.CpModel, block: BlockVars) -> cp_model.LinearExprT:
    """Slots the block runs short of its longest duration; 0 when absent.

    Its own non-negative variable, so that bounds on the objective stay non-negative term by term.
    """
    spec = block.spec
    if spec.max_len == spec.min_len:
        return 0
    short = model.new_int_var(0, spec.max_len - spec.min_len, f"short:{spec.name}")
    model.add(short == spec.max_len * block.present - block.length)
    return short


def duration_terms(habit: Habit, shortfalls: list[cp_model.LinearExprT], slot_minutes: int) -> list[Term]:
    shortfalls = [short for short in shortfalls if not isinstance(short, int)]
    if not shortfalls:
        return []
    short = cp_model.LinearExpr.sum(shortfalls)
    return [Term(f"duration:{habit.id}", short * slot_minutes, DURATION, habit.priority)]
