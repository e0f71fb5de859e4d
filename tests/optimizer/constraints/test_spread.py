"""A weekly habit's occurrences prefer different days."""

from __future__ import annotations

from optimizer.domain import BlockKind, Frequency, Habit
from optimizer.model.demands import HabitPeriod
from optimizer.model.objectives.spread import spread_terms
from tests.optimizer.constraints.tiny import Tiny

SWIM = Habit(
    id="swim", name="Swim", min_duration=30, max_duration=30, frequency=Frequency.WEEKLY, times_per_period=2
)


def test_two_on_one_day_cost_one_extra() -> None:
    tiny = Tiny(days=2)
    blocks = [
        tiny.block(f"swim#{k}", [(7, 9), (31, 33)], item="swim", kind=BlockKind.HABIT) for k in range(2)
    ]
    period = HabitPeriod(SWIM, "2026-W02", (0, 1), 2, 0, False, tuple(b.spec for b in blocks))
    (term,) = spread_terms(tiny.model, tiny.ctx, period, blocks)
    for block in blocks:
        tiny.model.add(block.picks[0] == 1)  # both on Monday
    tiny.model.minimize(term.expr)
    status, solver = tiny.solve()
    assert status == "OPTIMAL"
    assert term.rule == "spread:swim" and solver.value(term.expr) == 1


def test_different_days_cost_nothing() -> None:
    tiny = Tiny(days=2)
    blocks = [
        tiny.block(f"swim#{k}", [(7, 9), (31, 33)], item="swim", kind=BlockKind.HABIT) for k in range(2)
    ]
    period = HabitPeriod(SWIM, "2026-W02", (0, 1), 2, 0, False, tuple(b.spec for b in blocks))
    (term,) = spread_terms(tiny.model, tiny.ctx, period, blocks)
    for block in blocks:
        tiny.model.add(block.present == 1)
    tiny.model.minimize(term.expr)
    status, solver = tiny.solve()
    assert status == "OPTIMAL" and solver.value(term.expr) == 0
