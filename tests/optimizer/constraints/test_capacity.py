"""The per-day capacity cut tells the LP how much work fits, and cuts off no plan."""

from __future__ import annotations

from optimizer.domain import BlockKind
from optimizer.model.constraints.capacity import add_day_capacity
from optimizer.model.day_view import DayView
from tests.optimizer.constraints.tiny import Tiny


def test_a_day_filled_exactly_stays_feasible() -> None:
    tiny = Tiny()
    chunks = [tiny.block(f"t{k}#0", [(9, 11)], lengths=(4, 4), coarse=True) for k in range(2)]
    add_day_capacity(tiny.model, DayView(tiny.model), tiny.variables.all())
    for chunk in chunks:
        tiny.model.add(chunk.present == 1)
    status, _ = tiny.solve()
    assert status == "OPTIMAL"  # the no-overlap is not even in this model: the cut alone allows it


def test_more_work_than_free_time_is_refuted_without_the_no_overlap() -> None:
    tiny = Tiny()
    chunks = [tiny.block(f"t{k}#0", [(9, 11)], lengths=(4, 4), coarse=True) for k in range(3)]
    add_day_capacity(tiny.model, DayView(tiny.model), tiny.variables.all())
    for chunk in chunks:
        tiny.model.add(chunk.present == 1)
    status, _ = tiny.solve()
    assert status == "INFEASIBLE"


def test_a_habit_confined_to_the_free_time_counts_against_it() -> None:
    tiny = Tiny()
    chunk = tiny.block("t#0", [(9, 11)], lengths=(4, 4), coarse=True)
    habit = tiny.block("review#0", [(9, 11)], lengths=(2, 2), kind=BlockKind.HABIT)
    add_day_capacity(tiny.model, DayView(tiny.model), tiny.variables.all())
    tiny.model.add(chunk.present == 1)
    tiny.model.add(habit.present == 1)
    assert tiny.solve()[0] == "OPTIMAL"  # 4 + 2 slots of the 8 free
    longer = Tiny()
    chunks = [longer.block(f"t{k}#0", [(9, 11)], lengths=(4, 4), coarse=True) for k in range(2)]
    habit = longer.block("review#0", [(9, 11)], lengths=(2, 2), kind=BlockKind.HABIT)
    add_day_capacity(longer.model, DayView(longer.model), longer.variables.all())
    for block in (*chunks, habit):
        longer.model.add(block.present == 1)
    assert longer.solve()[0] == "INFEASIBLE"  # 10 slots of work and habit in 8: no overlap needed


def test_a_habit_that_may_go_elsewhere_is_not_counted() -> None:
    tiny = Tiny()
    chunks = [tiny.block(f"t{k}#0", [(9, 11)], lengths=(4, 4), coarse=True) for k in range(2)]
    habit = tiny.block("walk#0", [(9, 11), (18, 19)], lengths=(2, 2), kind=BlockKind.HABIT)
    add_day_capacity(tiny.model, DayView(tiny.model), tiny.variables.all())
    for block in (*chunks, habit):
        tiny.model.add(block.present == 1)
    assert tiny.solve()[0] == "OPTIMAL"  # the walk's stretches are not all inside the work's
