"""A task's chunks add up to at most its effort; what is left out costs per minute."""

from __future__ import annotations

from ortools.sat.python import cp_model

from optimizer.model.demands import TaskWork
from optimizer.model.terms import Term
from optimizer.model.variables import BlockVars


def add_effort(
    model: cp_model.CpModel, work: TaskWork, blocks: list[BlockVars], slot_minutes: int, weight: int
) -> list[Term]:
    """`weight` is the price of one unplaced minute (see `weights.unplaced_weight`)."""
    if work.budget == 0:
        return []
    unplaced = model.new_int_var(0, work.budget, f"unplaced:{work.task.id}")
    model.add(unplaced + cp_model.LinearExpr.sum([block.length for block in blocks]) == work.budget)
    return [Term(f"unplaced:{work.task.id}", unplaced * slot_minutes, weight, work.task.priority)]
