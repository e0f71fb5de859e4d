"""Spread across days: a weekly habit's occurrences prefer different local days."""

from __future__ import annotations

from collections import Counter, defaultdict

from ortools.sat.python import cp_model

from optimizer.domain import BlockKind, Frequency
from optimizer.model.context import Context
from optimizer.model.demands import HabitPeriod
from optimizer.model.terms import Term
from optimizer.model.variables import BlockVars
from optimizer.model.weights import SPREAD


def spread_terms(
    model: cp_model.CpModel, ctx: Context, period: HabitPeriod, blocks: list[BlockVars]
) -> list[Term]:
    """One cost per occurrence beyond the first on a day, frozen occurrences included."""
    habit = period.habit
    if habit.frequency is not Frequency.WEEKLY or len(period.days) < 2 or not blocks:
        return []
    if len(blocks) + period.frozen < 2:
        return []
    picks_on: dict[int, list[cp_model.IntVar]] = defaultdict(list)
    for block in blocks:
        for choice, pick in zip(block.spec.choices, block.picks, strict=True):
            picks_on[choice.day].append(pick)
    frozen = _frozen_per_day(ctx, period)
    extras = []
    for day, picks in picks_on.items():
        if len(picks) + frozen[day] < 2:
            continue
        extra = model.new_int_var(0, len(picks), f"spread:{habit.id}:{day}")
        model.add(extra >= cp_model.LinearExpr.sum(picks) + frozen[day] - 1)
        extras.append(extra)
    if not extras:
        return []
    return [Term(f"spread:{habit.id}", cp_model.LinearExpr.sum(extras), SPREAD, habit.priority)]


def _frozen_per_day(ctx: Context, period: HabitPeriod) -> Counter[int]:
    counts: Counter[int] = Counter()
    for block in ctx.fixed.kept:
        if block.kind is BlockKind.HABIT and block.item_id == period.habit.id:
            counts[ctx.day_of(ctx.grid.slot(block.start))] += 1
    return counts
