"""Focus time per day: up to the daily target, each minute short of it costs."""

from __future__ import annotations

from ortools.sat.python import cp_model

from optimizer.domain import Priority
from optimizer.model.constraints.sequence import add_sequence
from optimizer.model.demands import FocusDay
from optimizer.model.terms import Term
from optimizer.model.variables import BlockVars
from optimizer.model.weights import FOCUS


def add_focus(
    model: cp_model.CpModel, day: FocusDay, blocks: list[BlockVars], slot_minutes: int
) -> list[Term]:
    add_sequence(model, [blocks], 0)
    short = model.new_int_var(0, day.target, f"focus_short:{day.label}")
    model.add(short + cp_model.LinearExpr.sum([block.length for block in blocks]) == day.target)
    return [Term(f"focus:{day.label}", short * slot_minutes, FOCUS, Priority.MEDIUM)]
