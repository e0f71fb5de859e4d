"""Blocks of one item keep their order, fill from the first, and keep their spacing."""

from __future__ import annotations

from optimizer.model.constraints.sequence import add_sequence
from tests.optimizer.constraints.tiny import Tiny, slot


def test_later_block_needs_the_earlier_one_and_starts_after_it() -> None:
    tiny = Tiny()
    first = tiny.block("c0", [(9, 17)])
    second = tiny.block("c1", [(9, 17)])
    add_sequence(tiny.model, [[first, second]], gap=0)
    tiny.model.add(second.present == 1)
    tiny.model.minimize(second.start)
    status, solver = tiny.solve()
    assert status == "OPTIMAL"
    assert solver.value(first.present) == 1
    assert solver.value(second.start) >= solver.value(first.end)


def test_spacing_holds_across_groups() -> None:
    tiny = Tiny()
    monday = tiny.block("mon", [(9, 12)])
    later = tiny.block("later", [(9, 12)])
    add_sequence(tiny.model, [[monday], [later]], gap=4)  # one hour between them
    tiny.model.add(monday.present == 1)
    tiny.model.add(later.present == 1)
    tiny.model.add(monday.start == slot(9))
    tiny.model.minimize(later.start)
    status, solver = tiny.solve()
    assert status == "OPTIMAL"
    assert solver.value(later.start) == slot(10.5)
