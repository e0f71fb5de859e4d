"""Blocks never overlap each other or busy time, and habit buffers follow the validator's rule."""

from __future__ import annotations

from optimizer.domain import BlockKind
from optimizer.model.constraints.no_overlap import add_no_overlap
from tests.optimizer.constraints.tiny import Tiny, slot


def test_two_blocks_do_not_overlap() -> None:
    tiny = Tiny()
    a = tiny.block("a", [(9, 10)], lengths=(2, 2))
    b = tiny.block("b", [(9, 10)], lengths=(2, 2))
    add_no_overlap(tiny.model, tiny.ctx, tiny.variables.all())
    tiny.model.add(a.present == 1)
    tiny.model.add(b.present == 1)
    status, solver = tiny.solve()
    assert status == "OPTIMAL"
    first, second = sorted(
        [(solver.value(a.start), solver.value(a.end)), (solver.value(b.start), solver.value(b.end))]
    )
    assert first[1] <= second[0]


def test_coarse_block_keeps_off_busy_time() -> None:
    tiny = Tiny(busy=((9.5, 10.5),))
    task = tiny.block("t", [(9, 12)], lengths=(4, 4), coarse=True)
    add_no_overlap(tiny.model, tiny.ctx, tiny.variables.all())
    tiny.model.add(task.present == 1)
    tiny.model.minimize(task.start)
    status, solver = tiny.solve()
    assert status == "OPTIMAL"
    assert solver.value(task.start) == slot(10.5)


def test_buffer_keeps_another_block_away_but_two_buffers_may_share() -> None:
    tiny = Tiny()
    gym = tiny.block("gym", [(7, 9)], lengths=(2, 2), kind=BlockKind.HABIT, pads=(0, 1))
    read = tiny.block("read", [(7, 9)], lengths=(2, 2), kind=BlockKind.HABIT, pads=(1, 0))
    add_no_overlap(tiny.model, tiny.ctx, tiny.variables.all())
    tiny.model.add(gym.present == 1)
    tiny.model.add(read.present == 1)
    tiny.model.add(gym.start == slot(7))
    tiny.model.minimize(read.start)
    status, solver = tiny.solve()
    assert status == "OPTIMAL"
    # gym ends 07:30; its 15-minute after-buffer and read's 15-minute before-buffer share 07:30-07:45
    assert solver.value(read.start) == slot(7.75)
