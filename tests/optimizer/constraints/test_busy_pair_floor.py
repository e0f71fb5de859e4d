"""The pair cut between meetings: its least total is exact, and it keeps the optimum and raises the bound."""

from __future__ import annotations

import itertools
from datetime import time

from hypothesis import given, settings
from hypothesis import strategies as st
from ortools.sat.python import cp_model

from optimizer.domain import BlockKind, Habit, Priority
from optimizer.generate import heavy, typical
from optimizer.greedy import greedy_plan
from optimizer.habits import build_habits
from optimizer.model.constraints.choices import add_choices
from optimizer.model.constraints.no_overlap import add_no_overlap
from optimizer.model.day_view import DayView
from optimizer.model.objectives.busy_pair_floor import busy_pair_floors
from optimizer.model.objectives.day_costs import NONE, best_placement, day_costs, least_in_order
from optimizer.model.objectives.duration import shortfall
from optimizer.model.objectives.ideal_time import distance, ideal_slot
from optimizer.model.params import SMALL_MODEL
from optimizer.model.start_plan import build_model
from optimizer.model.variables import BlockVars
from tests.optimizer.constraints.plan_cost import costs_without_and_with
from tests.optimizer.constraints.tiny import ROOT_LP, Tiny, minimizing, with_and_without

REVIEW = Habit(
    id="review",
    name="Code review",
    min_duration=30,
    max_duration=60,
    ideal_time=time(14, 30),
    priority=Priority.MEDIUM,
)
WALK = Habit(
    id="walk", name="Walk", min_duration=30, max_duration=30, ideal_time=time(15), priority=Priority.HIGH
)
# One free hour at 14:00-15:00 between meetings, then free again from 17:00.
AFTERNOON = [(11, 12.5), (14, 15), (17, 19)]


def afternoon(cut: bool) -> tuple[Tiny, cp_model.LinearExprT]:
    tiny = Tiny()
    review = tiny.block("review#0", AFTERNOON, lengths=(2, 4), item="review", kind=BlockKind.HABIT)
    walk = tiny.block("walk#0", AFTERNOON, lengths=(2, 2), item="walk", kind=BlockKind.HABIT, pads=(1, 1))
    add_no_overlap(tiny.model, tiny.ctx, [review, walk])
    priced, cost = [], []
    for habit, block in ((REVIEW, review), (WALK, walk)):
        add_choices(tiny.model, block)
        tiny.model.add(block.present == 1)
        far, short = distance(tiny.model, tiny.ctx, habit, block), shortfall(tiny.model, block)
        priced.append((habit, block, far, short))
        weight = 10 if habit is WALK else 1  # MEDIUM and HIGH priority weights, relative
        cost.append(cp_model.LinearExpr.weighted_sum([far, short], [weight, weight]))
    if cut:
        rows = busy_pair_floors(tiny.ctx, DayView(tiny.model), priced)
        assert len(rows) == 1
        for expr, least in rows:
            tiny.model.add(expr >= least)
    return tiny, cp_model.LinearExpr.sum(cost)


def test_busy_pair_floor_keeps_the_optimum_and_raises_the_root_bound() -> None:
    values, bounds = with_and_without(lambda cut: minimizing(afternoon(cut)), **ROOT_LP)
    # The walk takes 14:30-15:00 (2 slots early, x10) and leaves no room for the review in that hour
    # (its 15-minute buffer included): the review goes to 17:00-18:00 (10 slots late), 30 in all.
    assert values == [30, 30]
    assert bounds[1] == 30 > bounds[0]


def test_greedy_plans_near_the_ideal_times_keep_their_cost_under_the_cuts() -> None:
    """Greedy puts each habit at the free time nearest its ideal: the plans the cut bears on most.
    Two-week schedules are large enough to get the cut (dozens to hundreds of rows)."""
    for seed in range(3):
        instance = heavy(seed)
        plan = greedy_plan(instance, include_tasks=True)
        built = build_model("schedule", instance, [plan])
        assert len(built.variables.all()) > SMALL_MODEL and built.bound_rows
        without, with_rows = costs_without_and_with(built, instance, plan, built.bound_rows)
        assert without == with_rows


def _blocks(
    tiny: Tiny, windows: list[tuple[float, float]], shapes: list[tuple[int, int, int, int]]
) -> list[BlockVars]:
    return [
        tiny.block(
            f"h{i}#0", windows, lengths=(low, low + extra), item=f"h{i}", kind=BlockKind.HABIT, pads=pads
        )
        for i, (low, extra, *pads) in enumerate(shapes)
    ]


def brute_force(
    a: BlockVars, b: BlockVars, ideals: tuple[int, int], weights: tuple[int, int], gap: int
) -> int:
    """Least weighted cost of a then b, every start and length, at least `gap` slots apart."""
    best = NONE
    for (ca, la), (cb, lb) in itertools.product(_placements(a), _placements(b)):
        if cb[0] >= ca[0] + la + gap:
            cost = sum(
                w * (abs(start - ideal) + block.spec.max_len - length)
                for w, (start, _), length, ideal, block in zip(
                    weights, (ca, cb), (la, lb), ideals, (a, b), strict=True
                )
            )
            best = min(best, cost)
    return best


def _placements(block: BlockVars) -> list[tuple[tuple[int, int], int]]:
    spec = block.spec
    return [
        ((start, choice.hi), length)
        for choice in spec.choices
        for start in range(choice.lo, choice.hi)
        for length in range(spec.min_len, spec.max_len + 1)
        if start + length <= choice.hi
    ]


shape = st.tuples(st.integers(1, 3), st.integers(0, 2), st.integers(0, 1), st.integers(0, 1))


@settings(max_examples=25, deadline=None)
@given(st.lists(shape, min_size=2, max_size=2), st.integers(0, 3), st.integers(40, 64), st.integers(40, 64))
def test_least_in_order_is_the_exact_least(
    shapes: list[tuple[int, int, int, int]], layout: int, ideal_a: int, ideal_b: int
) -> None:
    windows = [[(10, 16)], [(10, 12), (13, 16)], [(10, 11), (12, 12.75), (14, 16)], [(9, 10.5), (15, 15.75)]]
    tiny = Tiny()
    a, b = _blocks(tiny, windows[layout], shapes)
    gap = max(a.spec.after, b.spec.before)
    costs = [
        day_costs(x.spec, list(x.spec.choices), ideal, w)
        for x, ideal, w in ((a, ideal_a, 3), (b, ideal_b, 1))
    ]
    assert least_in_order(costs[0], costs[1], gap) == brute_force(a, b, (ideal_a, ideal_b), (3, 1), gap)
    alone = min(3 * (abs(start - ideal_a) + a.spec.max_len - length) for (start, _), length in _placements(a))
    assert best_placement(a.spec, list(a.spec.choices), ideal_a, 3)[0] == alone
    assert ideal_slot(tiny.ctx, REVIEW, 0) is not None


def test_only_models_for_the_bound_search_get_the_cuts() -> None:
    """Over `SMALL_MODEL` blocks (two-week schedules, heavy weeks of habits) the full search is the
    bound search; a typical week keeps exactly the model it had."""
    assert build_habits(heavy(0)).bound_rows
    week = typical(0)
    assert not build_habits(week).bound_rows
    assert not build_model("schedule", week, []).bound_rows
