"""The smallest change that lets one rule of a conflict hold together with the others.

For a habit period: the most occurrences that fit ("drop Gym to 2x in week 2026-W02"). For a hard due
date: how much of the task fits by then ("only 90 of its 120 min fit by then"); a due date that
fails on its own gets the exact later date from `impossible`. Each is one small solve with the
other rules assumed.
"""

from __future__ import annotations

from collections.abc import Sequence

from ortools.sat.python import cp_model

from optimizer.domain import Frequency, SolveOptions
from optimizer.model.built import Built
from optimizer.model.demands import HabitPeriod, TaskWork
from optimizer.model.runner import run
from optimizer.model.terms import HardRule
from optimizer.solution import SolveStatus


def relaxation(
    built: Built,
    check: cp_model.CpModel,
    options: SolveOptions,
    seconds: float,
    rule: HardRule,
    others: Sequence[HardRule],
) -> str | None:
    assumed = [other.literal for other in others]
    for period in built.periods:
        if period.rule == rule.name:
            return _fewer(built, check.clone(), options, seconds, period, assumed)
    for work in built.works:
        if work.rule == rule.name:
            return _later(built, check.clone(), options, seconds, work, assumed)
    return None


def _fewer(
    built: Built,
    trial: cp_model.CpModel,
    options: SolveOptions,
    seconds: float,
    period: HabitPeriod,
    assumed: list[cp_model.IntVar],
) -> str | None:
    presents = [built.variables.block(spec.name).present for spec in period.blocks]
    trial.maximize(cp_model.LinearExpr.sum(presents))
    outcome = run(trial, options, seconds, len(presents), assumed)
    if outcome.status is not SolveStatus.OPTIMAL or outcome.objective is None:
        return None
    count = period.frozen + round(outcome.objective)
    habit, label = period.habit, period.label
    if habit.frequency is Frequency.DAILY:
        return f"let {habit.name} skip {label}" if count == 0 else f"place {habit.name} {count}x on {label}"
    return (
        f"let {habit.name} skip week {label}"
        if count == 0
        else f"drop {habit.name} to {count}x in week {label}"
    )


def _later(
    built: Built,
    trial: cp_model.CpModel,
    options: SolveOptions,
    seconds: float,
    work: TaskWork,
    assumed: list[cp_model.IntVar],
) -> str | None:
    """How much of the task fits by its due date while the other rules hold."""
    lengths = cp_model.LinearExpr.sum([built.variables.block(spec.name).length for spec in work.blocks])
    trial.maximize(lengths)
    outcome = run(trial, options, seconds, len(built.variables.all()), assumed)
    if not outcome.solved or outcome.objective is None:
        return None
    title, fits = work.task.title, work.minutes_for(round(outcome.objective), built.ctx.slot_minutes)
    total = work.remaining
    return f"move the hard due of {title} later or shorten it: only {fits} of its {total} min fit by then"
