"""A habit's occurrences per period: missing ones cost, and for a defended habit they are required.

The requirement is tied to one literal per period, so an infeasible week can be traced back to the
periods that cannot all be met; giving the requirement up costs `REQUIRED`.
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from optimizer.domain import Frequency, Priority
from optimizer.model.demands import HabitPeriod
from optimizer.model.terms import REQUIRED_RULE, HardRule, Term
from optimizer.model.variables import BlockVars
from optimizer.model.weights import MISSED, REQUIRED


def add_frequency(
    model: cp_model.CpModel, period: HabitPeriod, blocks: list[BlockVars]
) -> tuple[list[Term], list[HardRule]]:
    wanted = period.missing_at_most
    if wanted == 0:
        return [], []
    habit = period.habit
    placed = cp_model.LinearExpr.sum([block.present for block in blocks])
    missed = model.new_int_var(0, wanted, f"missed:{habit.id}:{period.label}")
    model.add(missed >= wanted - placed)
    terms = [Term(f"missed:{habit.id}", missed, MISSED, habit.priority)]
    if not period.hard:
        return terms, []
    literal = model.new_bool_var(period.rule)
    model.add(placed >= wanted).only_enforce_if(literal)
    terms.append(Term(REQUIRED_RULE + period.rule, 1 - literal, REQUIRED, Priority.CRITICAL))
    rule = HardRule(
        name=period.rule,
        literal=literal,
        item_id=habit.id,
        describe=describe(period),
        priority=habit.priority,
        blocks=tuple(block.spec.name for block in blocks),
    )
    return terms, [rule]


def describe(period: HabitPeriod) -> str:
    habit = period.habit
    if habit.frequency is Frequency.DAILY:
        times = "daily" if habit.times_per_period == 1 else f"{habit.times_per_period}x a day"
        return f"habit {habit.name} {times} on {period.label}"
    return f"habit {habit.name} {period.target}x in week {period.label}"
