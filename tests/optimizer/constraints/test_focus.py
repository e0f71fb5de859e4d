"""Focus time per day: up to the target, each minute short costs."""

from __future__ import annotations

from optimizer.domain import BlockKind
from optimizer.model.constraints.focus import add_focus
from optimizer.model.demands import FocusDay
from optimizer.model.weights import FOCUS
from tests.optimizer.constraints.tiny import Tiny


def test_shortfall_is_what_the_blocks_leave() -> None:
    tiny = Tiny()
    blocks = [
        tiny.block(f"focus#{k}", [(9, 17)], lengths=(4, 8), item="focus", kind=BlockKind.FOCUS)
        for k in range(2)
    ]
    day = FocusDay(0, "2026-01-05", 8, tuple(b.spec for b in blocks))
    (term,) = add_focus(tiny.model, day, blocks, 15)
    tiny.model.add(blocks[0].length == 4)
    tiny.model.add(blocks[1].present == 0)
    status, solver = tiny.solve()
    assert status == "OPTIMAL"
    assert term.rule == "focus:2026-01-05" and term.weight == FOCUS
    assert solver.value(term.expr) == 60


def test_focus_never_exceeds_the_target() -> None:
    tiny = Tiny()
    blocks = [
        tiny.block(f"focus#{k}", [(9, 17)], lengths=(4, 8), item="focus", kind=BlockKind.FOCUS)
        for k in range(2)
    ]
    add_focus(tiny.model, FocusDay(0, "2026-01-05", 8, tuple(b.spec for b in blocks)), blocks, 15)
    tiny.model.add(blocks[0].length == 8)
    tiny.model.add(blocks[1].present == 1)
    status, _ = tiny.solve()
    assert status == "INFEASIBLE"
