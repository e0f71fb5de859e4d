"""The triple cut: its least total is exact for three habits, and it keeps the optimum."""

from __future__ import annotations

import itertools
from datetime import time

from hypothesis import given, settings
from hypothesis import strategies as st
from ortools.sat.python import cp_model

from optimizer.domain import BlockKind, Habit
from optimizer.model.constraints.choices import add_choices
from optimizer.model.constraints.no_overlap import add_no_overlap
from optimizer.model.day_view import DayView
from optimizer.model.objectives.ideal_time import distance
from optimizer.model.objectives.pair_floor import Placed, add_pair_floors
from optimizer.model.objectives.triple_floor import add_triple_floors, least_total, promise
from tests.optimizer.constraints.tiny import Tiny, minimizing, with_and_without


def habit(name: str, minutes: int, ideal: time = time(7, 30), spacing: int = 0) -> Habit:
    return Habit(
        id=name, name=name, min_duration=minutes, max_duration=minutes, ideal_time=ideal, min_spacing=spacing
    )


def morning(triples: bool) -> tuple[Tiny, cp_model.LinearExprT]:
    """A walk, a meditation and the gym, all wanted at 07:30, in 05:00-10:00."""
    tiny = Tiny()
    habits = (habit("walk", 30), habit("meditate", 15), habit("gym", 45))
    entries = []
    for h in habits:
        block = tiny.block(
            f"{h.id}#0", [(5, 10)], lengths=(h.min_duration // 15,) * 2, item=h.id, kind=BlockKind.HABIT
        )
        add_choices(tiny.model, block)
        tiny.model.add(block.present == 1)
        entries.append((h, block, distance(tiny.model, tiny.ctx, h, block)))
    add_no_overlap(tiny.model, tiny.ctx, [block for _, block, _ in entries])
    add_pair_floors(tiny.model, tiny.ctx, DayView(tiny.model), entries)
    if triples:
        add_triple_floors(tiny.model, tiny.ctx, DayView(tiny.model), entries)
    return tiny, cp_model.LinearExpr.sum([far for _, _, far in entries])


def test_triple_floor_keeps_the_optimum_and_raises_the_root_bound() -> None:
    values, bounds = with_and_without(lambda triples: minimizing(morning(triples)))
    # Meditation at 07:30, the walk before it from 07:00, the gym after from 07:45: 2 + 1 slots off.
    assert values == [3, 3]
    assert bounds[1] == 3 > bounds[0]


def placed(tiny: Tiny, h: Habit, index: int, pads: tuple[int, int], ideal: int) -> Placed:
    block = tiny.block(
        f"{h.id}#{index}",
        [(0, 12)],
        lengths=(h.min_duration // 15,) * 2,
        item=h.id,
        kind=BlockKind.HABIT,
        pads=pads,
    )
    return Placed(h, block, 0, tiny.model.new_bool_var(f"on:{block.spec.name}"), ideal)


def brute_force(tiny: Tiny, trio: list[Placed]) -> int:
    """Least total distance over every start of the three in 8..43 that keeps them apart."""
    best = None
    for starts in itertools.product(range(8, 44), repeat=3):
        if all(_apart(tiny, trio, a, b, starts) for a, b in itertools.combinations(range(3), 2)):
            total = sum(abs(s - p.ideal) for s, p in zip(starts, trio, strict=True))
            best = total if best is None else min(best, total)
    assert best is not None
    return best


def _apart(tiny: Tiny, trio: list[Placed], a: int, b: int, starts: tuple[int, ...]) -> bool:
    x, y = trio[a], trio[b]
    if x.habit.id == y.habit.id:  # one habit's blocks keep their order and spacing
        return starts[b] >= starts[a] + x.block.spec.min_len + max(
            x.block.spec.after, y.block.spec.before, tiny.ctx.slots(x.habit.min_spacing)
        )
    x_first = starts[b] >= starts[a] + x.block.spec.min_len + max(x.block.spec.after, y.block.spec.before)
    y_first = starts[a] >= starts[b] + y.block.spec.min_len + max(y.block.spec.after, x.block.spec.before)
    return x_first or y_first


shapes = st.tuples(
    st.sampled_from([15, 30, 45, 60]), st.integers(0, 1), st.integers(0, 1), st.integers(22, 30)
)


@settings(max_examples=15, deadline=None)
@given(st.lists(shapes, min_size=3, max_size=3), st.booleans())
def test_least_total_is_the_exact_least_for_three(
    trio_shapes: list[tuple[int, int, int, int]], repeat: bool
) -> None:
    tiny = Tiny()
    habits = [habit(f"h{i}", minutes) for i, (minutes, *_rest) in enumerate(trio_shapes)]
    if repeat:  # the first two are one habit, an hour apart at least
        habits[1] = habits[0] = habit("h0", trio_shapes[0][0], spacing=60)
    trio = [
        placed(tiny, h, i, (before, after), ideal)
        for i, (h, (_, before, after, ideal)) in enumerate(zip(habits, trio_shapes, strict=True))
    ]
    exact = brute_force(tiny, trio)
    assert least_total(tiny.ctx, trio) == exact
    assert promise([least_total(tiny.ctx, pair) for pair in itertools.combinations(trio, 2)]) <= exact
