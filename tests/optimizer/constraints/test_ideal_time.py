"""Distance to the ideal time: exact for any start, with the per-choice least distance as a floor."""

from __future__ import annotations

from datetime import time

import pytest

from optimizer.domain import BlockKind, Habit
from optimizer.model.constraints.choices import add_choices
from optimizer.model.objectives.ideal_time import distance, ideal_time_terms
from tests.optimizer.constraints.tiny import Tiny, slot

GYM = Habit(id="gym", name="Gym", min_duration=30, max_duration=30, ideal_time=time(7))


@pytest.mark.parametrize("start", [6, 6.5, 7, 8.25, 19])
def test_distance_is_the_slots_between_start_and_ideal(start: float) -> None:
    tiny = Tiny()
    block = tiny.block("gym#0", [(6, 9), (18, 21)], item="gym", kind=BlockKind.HABIT)
    add_choices(tiny.model, block)
    far = distance(tiny.model, tiny.ctx, GYM, block)
    tiny.model.add(block.present == 1)
    tiny.model.add(block.start == slot(start))
    tiny.model.minimize(far)
    status, solver = tiny.solve()
    assert status == "OPTIMAL"
    assert solver.value(far) == abs(slot(start) - slot(7))


def test_term_counts_minutes() -> None:
    tiny = Tiny()
    block = tiny.block("gym#0", [(8, 9)], item="gym", kind=BlockKind.HABIT)
    far = distance(tiny.model, tiny.ctx, GYM, block)
    (term,) = ideal_time_terms(GYM, [far], 15)
    tiny.model.add(block.present == 1)
    tiny.model.minimize(term.expr)
    status, solver = tiny.solve()
    assert status == "OPTIMAL"
    assert term.rule == "ideal_time:gym" and solver.value(term.expr) == 60  # 08:00 at the earliest
