"""The redundant cuts (cost floor, pair floor) change no optimum, and do raise the bound."""

from __future__ import annotations

from datetime import time

from ortools.sat.python import cp_model

from optimizer.domain import BlockKind, Habit
from optimizer.model.constraints.choices import add_choices
from optimizer.model.constraints.no_overlap import add_no_overlap
from optimizer.model.day_view import DayView
from optimizer.model.objectives.cost_floor import add_cost_floor
from optimizer.model.objectives.duration import shortfall
from optimizer.model.objectives.ideal_time import distance, ideal_slot
from optimizer.model.objectives.pair_floor import add_pair_floors
from tests.optimizer.constraints.tiny import Tiny

MEDITATE = Habit(id="med", name="Meditate", min_duration=15, max_duration=15, ideal_time=time(7))
GYM = Habit(id="gym", name="Gym", min_duration=60, max_duration=90, ideal_time=time(7))


def clash(floors: bool) -> tuple[Tiny, cp_model.LinearExprT]:
    """Meditation and gym both want 07:00; gym also wants 90 minutes in a 06:00-08:30 window."""
    tiny = Tiny()
    med = tiny.block("med#0", [(6, 8.5)], lengths=(1, 1), item="med", kind=BlockKind.HABIT)
    gym = tiny.block("gym#0", [(6, 8.5)], lengths=(4, 6), item="gym", kind=BlockKind.HABIT)
    add_no_overlap(tiny.model, tiny.ctx, [med, gym])
    entries, costs = [], []
    for habit, block in ((MEDITATE, med), (GYM, gym)):
        add_choices(tiny.model, block)
        tiny.model.add(block.present == 1)
        far, short = distance(tiny.model, tiny.ctx, habit, block), shortfall(tiny.model, block)
        if floors:
            ideals = [ideal_slot(tiny.ctx, habit, c.day) for c in block.spec.choices]
            add_cost_floor(tiny.model, block, ideals, far, short)
        entries.append((habit, block, far))
        costs += [far, short]
    if floors:
        add_pair_floors(tiny.model, tiny.ctx, DayView(tiny.model), entries)
    return tiny, cp_model.LinearExpr.sum(costs)


def test_floors_keep_the_optimum() -> None:
    values = []
    for floors in (False, True):
        tiny, cost = clash(floors)
        tiny.model.minimize(cost)
        status, solver = tiny.solve()
        assert status == "OPTIMAL"
        values.append(solver.objective_value)
    assert values[0] == values[1] > 0


def test_floors_raise_the_bound_before_any_search() -> None:
    bounds = []
    for floors in (False, True):
        tiny, cost = clash(floors)
        tiny.model.minimize(cost)
        bounds.append(tiny.root_bound())
    assert bounds[1] > bounds[0]


def spaced_pair(same_day: bool) -> tuple[Tiny, cp_model.LinearExprT]:
    """Two meditations, four hours apart, both ideally at 07:00, in 06:00-12:00 on Monday or Tuesday;
    `same_day` keeps both on Monday."""
    habit = Habit(
        id="med", name="Meditate", min_duration=15, max_duration=15, ideal_time=time(7), min_spacing=240
    )
    tiny = Tiny(days=2)
    windows: list[tuple[float, float]] = [(6, 12)] if same_day else [(6, 12), (30, 36)]
    blocks = [
        tiny.block(f"med#{k}", windows, lengths=(1, 1), item="med", kind=BlockKind.HABIT) for k in range(2)
    ]
    entries = []
    for block in blocks:
        add_choices(tiny.model, block)
        tiny.model.add(block.present == 1)
        entries.append((habit, block, distance(tiny.model, tiny.ctx, habit, block)))
    add_pair_floors(tiny.model, tiny.ctx, DayView(tiny.model), entries)
    tiny.model.add(blocks[1].start >= blocks[0].end + 16)  # in order, four hours apart (as `sequence`)
    return tiny, cp_model.LinearExpr.sum([far for _, _, far in entries])


def test_pair_floor_prices_two_occurrences_on_one_day() -> None:
    tiny, cost = spaced_pair(same_day=True)
    tiny.model.minimize(cost)
    status, solver = tiny.solve()
    assert status == "OPTIMAL" and solver.objective_value == 17  # 07:00-07:15, then 11:15


def test_pair_floor_costs_nothing_on_different_days() -> None:
    """The floor is linear in the day literals and must not bind unless both sit on the day."""
    tiny, cost = spaced_pair(same_day=False)
    tiny.model.minimize(cost)
    status, solver = tiny.solve()
    assert status == "OPTIMAL" and solver.objective_value == 0  # Monday 07:00 and Tuesday 07:00
