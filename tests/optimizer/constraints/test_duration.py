"""Longer when there is room: the shortfall below the longest duration."""

from __future__ import annotations

from optimizer.domain import BlockKind, Habit
from optimizer.model.objectives.duration import duration_terms, shortfall
from tests.optimizer.constraints.tiny import Tiny

READ = Habit(id="read", name="Read", min_duration=30, max_duration=60)


def test_shortfall_in_minutes_and_zero_when_absent() -> None:
    tiny = Tiny()
    placed = tiny.block("read#0", [(20, 22)], lengths=(2, 4), item="read", kind=BlockKind.HABIT)
    absent = tiny.block("read#1", [(20, 22)], lengths=(2, 4), item="read", kind=BlockKind.HABIT)
    shorts = [shortfall(tiny.model, placed), shortfall(tiny.model, absent)]
    (term,) = duration_terms(READ, shorts, 15)
    tiny.model.add(placed.length == 3)
    tiny.model.add(absent.present == 0)
    status, solver = tiny.solve()
    assert status == "OPTIMAL"
    assert term.rule == "duration:read" and solver.value(term.expr) == 15


def test_fixed_duration_has_no_term() -> None:
    tiny = Tiny()
    block = tiny.block("read#0", [(20, 22)], lengths=(2, 2), item="read", kind=BlockKind.HABIT)
    assert duration_terms(READ, [shortfall(tiny.model, block)], 15) == []
