"""The daily cap limits task, goal and focus minutes per local day; habits do not count."""

from __future__ import annotations

from optimizer.domain import BlockKind
from optimizer.model.constraints.daily_cap import add_daily_cap
from optimizer.model.day_view import DayView
from tests.optimizer.constraints.tiny import Tiny


def test_cap_limits_work_per_day() -> None:
    tiny = Tiny(days=2, daily_cap_minutes=60)
    chunks = [
        tiny.block(f"t#{k}", [(9, 17), (33, 41)], lengths=(4, 4), item="t", coarse=True) for k in range(2)
    ]
    habit = tiny.block("gym", [(7, 9)], lengths=(4, 4), kind=BlockKind.HABIT)
    add_daily_cap(tiny.model, tiny.ctx, DayView(tiny.model), tiny.variables.all())
    for block in [*chunks, habit]:
        tiny.model.add(block.present == 1)
    status, solver = tiny.solve()
    assert status == "OPTIMAL"
    days = {solver.value(chunk.picks[1]) for chunk in chunks}
    assert days == {0, 1}  # an hour of work a day: one chunk each day, the habit beside it


def test_cap_too_small_for_a_chunk() -> None:
    tiny = Tiny(daily_cap_minutes=30)
    chunk = tiny.block("t#0", [(9, 17)], lengths=(4, 4), item="t", coarse=True)
    add_daily_cap(tiny.model, tiny.ctx, DayView(tiny.model), [chunk])
    tiny.model.add(chunk.present == 1)
    status, _ = tiny.solve()
    assert status == "INFEASIBLE"
