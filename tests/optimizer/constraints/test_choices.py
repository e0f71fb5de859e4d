"""A present block sits wholly inside the one window it picks."""

from __future__ import annotations

from optimizer.model.constraints.choices import add_choices
from tests.optimizer.constraints.tiny import Tiny, slot


def test_block_stays_inside_the_window_it_picks() -> None:
    tiny = Tiny()
    block = tiny.block("a", [(9, 10), (14, 16)], lengths=(2, 8))
    add_choices(tiny.model, block)
    tiny.model.add(block.present == 1)
    tiny.model.maximize(block.length)
    status, solver = tiny.solve()
    assert status == "OPTIMAL"
    assert solver.value(block.length) == 8  # only the afternoon window holds two hours
    assert slot(14) <= solver.value(block.start) and solver.value(block.end) <= slot(16)
    assert solver.value(block.picks[1]) == 1


def test_block_cannot_straddle_two_windows() -> None:
    tiny = Tiny()
    block = tiny.block("a", [(9, 11), (11, 13)], lengths=(6, 6))
    add_choices(tiny.model, block)
    tiny.model.add(block.present == 1)
    tiny.model.add(block.start == slot(10.5))  # 10:30-12:00 would run across both windows
    status, _ = tiny.solve()
    assert status == "INFEASIBLE"


def test_absent_block_picks_nothing() -> None:
    tiny = Tiny()
    block = tiny.block("a", [(9, 10), (14, 16)])
    add_choices(tiny.model, block)
    tiny.model.add(block.present == 0)
    status, solver = tiny.solve()
    assert status == "OPTIMAL"
    assert [solver.value(pick) for pick in block.picks] == [0, 0]
    assert solver.value(block.length) == 0
