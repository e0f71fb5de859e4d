"""A task starts only after every placed chunk of what it depends on has ended."""

from __future__ import annotations

from optimizer.model.constraints.dependencies import add_dependency
from tests.optimizer.constraints.tiny import Tiny, slot


def test_task_waits_for_its_dependency() -> None:
    tiny = Tiny()
    before = [tiny.block(f"d#{k}", [(9, 17)], item="d") for k in range(2)]
    after = [tiny.block("t#0", [(9, 17)], item="t")]
    add_dependency(tiny.model, "t<d", after, before)
    for block, start in zip(before, (9, 13), strict=True):
        tiny.model.add(block.present == 1)
        tiny.model.add(block.start == slot(start))
    tiny.model.add(after[0].present == 1)
    tiny.model.minimize(after[0].start)
    status, solver = tiny.solve()
    assert status == "OPTIMAL"
    assert solver.value(after[0].start) == slot(13.5)


def test_a_dependency_with_nothing_placed_holds_nothing_back() -> None:
    tiny = Tiny()
    before = [tiny.block("d#0", [(15, 17)], item="d")]
    after = [tiny.block("t#0", [(9, 17)], item="t")]
    add_dependency(tiny.model, "t<d", after, before)
    tiny.model.add(before[0].present == 0)
    tiny.model.add(after[0].present == 1)
    tiny.model.minimize(after[0].start)
    status, solver = tiny.solve()
    assert status == "OPTIMAL" and solver.value(after[0].start) == slot(9)
