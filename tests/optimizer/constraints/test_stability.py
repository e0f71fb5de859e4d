"""Moving a block of the previous plan costs; staying put does not."""

from __future__ import annotations

from optimizer.domain import BlockKind, PlacedBlock, Priority
from optimizer.model.objectives.stability import stability_terms
from tests.optimizer.constraints.tiny import Tiny, at, slot

PREVIOUS = (PlacedBlock(item_id="t", kind=BlockKind.TASK, start=at(10), end=at(10.5)),)


def test_block_left_in_place_costs_nothing_moved_costs_once() -> None:
    for start, moved in ((10, 0), (11, 1)):
        tiny = Tiny(previous_plan=PREVIOUS)
        block = tiny.block("t#0", [(9, 12)], item="t")
        (term,) = stability_terms(tiny.model, tiny.ctx, tiny.variables, {"t": Priority.HIGH})
        tiny.model.add(block.start == slot(start))
        tiny.model.minimize(term.expr)
        status, solver = tiny.solve()
        assert status == "OPTIMAL"
        assert term.rule == "moved:t" and term.priority is Priority.HIGH
        assert solver.value(term.expr) == moved
