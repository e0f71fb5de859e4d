"""SCHEDULE_HABITS: place habit occurrences over the horizon around the fixed calendar.

Hard: inside allowed days and hours, no overlap with busy time, frozen blocks or each other (buffers
included), at most `times_per_period` per period, minimum spacing. Required: the occurrences of a
defended habit in periods wholly ahead and inside the horizon (tied to assumption literals, see
`optimizer.explain`).
Soft: missed occurrences (by priority), closeness to the ideal time, longer durations, spread of
weekly habits across days, and stability against the previous plan.
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from optimizer.domain import Habit, Instance, Priority
from optimizer.model.built import Built
from optimizer.model.constraints.choices import add_choices
from optimizer.model.constraints.frequency import add_frequency
from optimizer.model.constraints.no_overlap import add_no_overlap
from optimizer.model.constraints.sequence import add_sequence
from optimizer.model.context import HABITS_ONLY, Context
from optimizer.model.demands import HabitPeriod
from optimizer.model.habit_periods import habit_periods
from optimizer.model.lean_model import LeanModel
from optimizer.model.objectives.busy_pair_floor import Priced, busy_pair_floors
from optimizer.model.objectives.cost_floor import add_cost_floor
from optimizer.model.objectives.duration import duration_terms, shortfall
from optimizer.model.objectives.ideal_time import distance, ideal_slot, ideal_time_terms
from optimizer.model.objectives.pair_floor import add_pair_floors
from optimizer.model.objectives.spread import spread_terms
from optimizer.model.objectives.stability import stability_terms
from optimizer.model.objectives.triple_floor import add_triple_floors
from optimizer.model.params import SMALL_MODEL
from optimizer.model.terms import Parts
from optimizer.model.variables import BlockVars, Variables


def build_habits(instance: Instance) -> Built:
    ctx = Context(instance, HABITS_ONLY)
    built = Built("habits", ctx, LeanModel(), Variables(), Parts())
    priced = add_habits(built)
    add_no_overlap(built.model, ctx, built.variables.all())
    add_stability(built)
    if len(built.variables.all()) > SMALL_MODEL:  # the bound search's own cuts, as in a schedule
        built.bound_rows += busy_pair_floors(ctx, built.days, priced)
    return built


def add_habits(built: Built) -> list[Priced]:
    """Every habit's periods, occurrence blocks, rules and costs. Returns each block with an ideal
    time, its distance and its shortfall, for cuts that need the whole model's size first."""
    model, ctx = built.model, built.ctx
    placed: list[tuple[Habit, BlockVars, cp_model.LinearExprT]] = []
    priced: list[Priced] = []
    for habit in ctx.instance.habits:
        periods = habit_periods(ctx, habit)
        groups = [_blocks(built, period) for period in periods]
        for period, blocks in zip(periods, groups, strict=True):
            built.parts.add(*add_frequency(model, period, blocks))
            built.parts.add(spread_terms(model, ctx, period, blocks))
        add_sequence(model, groups, ctx.slots(habit.min_spacing))
        every = [block for group in groups for block in group if block.spec.choices]
        costs = [_block_costs(built, habit, block) for block in every]
        distances = [far for far, _ in costs if far is not None]
        placed += [(habit, b, far) for b, (far, _) in zip(every, costs, strict=True) if far is not None]
        priced += [
            (habit, b, far, short) for b, (far, short) in zip(every, costs, strict=True) if far is not None
        ]
        built.parts.add(ideal_time_terms(habit, distances, ctx.slot_minutes))
        built.parts.add(duration_terms(habit, [short for _, short in costs], ctx.slot_minutes))
        built.periods += periods
    add_pair_floors(model, ctx, built.days, placed)
    add_triple_floors(model, ctx, built.days, placed)
    return priced


def _block_costs(
    built: Built, habit: Habit, block: BlockVars
) -> tuple[cp_model.LinearExprT | None, cp_model.LinearExprT]:
    """The block's distance to the ideal time (None without one) and its shortfall in length, with
    the cost floor over both added."""
    ctx = built.ctx
    ideals = [ideal_slot(ctx, habit, choice.day) for choice in block.spec.choices]
    far = distance(built.model, ctx, habit, block) if habit.ideal_time is not None else None
    short = shortfall(built.model, block)
    add_cost_floor(built.model, block, ideals, far, short)
    return far, short


def add_stability(built: Built) -> None:
    instance = built.ctx.instance
    priorities: dict[str, Priority] = {habit.id: habit.priority for habit in instance.habits}
    if built.kind == "schedule":
        priorities |= {task.id: task.priority for task in instance.work_items()}
    built.parts.add(stability_terms(built.model, built.ctx, built.variables, priorities))


def _blocks(built: Built, period: HabitPeriod) -> list[BlockVars]:
    blocks = [built.variables.add(built.model, spec) for spec in period.blocks]
    for block in blocks:
        add_choices(built.model, block)
    return blocks
