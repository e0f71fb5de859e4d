"""The per-day capacity cut tells the LP how much work fits, and cuts off no plan."""

from __future__ import annotations

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
