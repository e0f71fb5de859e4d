"""Occurrences per period: missing ones cost, and a defended habit's are required."""

from __future__ import annotations

from optimizer.domain import BlockKind, Frequency, Habit, Priority
from optimizer.model.constraints.frequency import add_frequency
from optimizer.model.demands import HabitPeriod
from optimizer.model.variables import BlockVars
from optimizer.model.weights import MISSED
from tests.optimizer.constraints.tiny import Tiny


def period(tiny: Tiny, hard: bool, target: int = 2) -> tuple[HabitPeriod, list[BlockVars]]:
    habit = Habit(
        id="gym",
        name="Gym",
        min_duration=30,
        max_duration=30,
        frequency=Frequency.WEEKLY,
        times_per_period=target,
        priority=Priority.HIGH,
    )
    blocks = [tiny.block(f"gym#{k}", [(7, 9)], item="gym", kind=BlockKind.HABIT) for k in range(target)]
    spec = HabitPeriod(habit, "2026-W02", (0,), target, 0, hard, tuple(b.spec for b in blocks))
    return spec, blocks


def test_missed_occurrences_cost() -> None:
    tiny = Tiny()
    spec, blocks = period(tiny, hard=False)
    terms, rules = add_frequency(tiny.model, spec, blocks)
    tiny.model.add(blocks[1].present == 0)
    tiny.model.minimize(terms[0].expr)
    status, solver = tiny.solve()
    assert status == "OPTIMAL" and not rules
    assert terms[0].rule == "missed:gym" and terms[0].weight == MISSED
    assert solver.value(terms[0].expr) == 1  # one of two occurrences missing


def test_required_period_is_tied_to_a_literal() -> None:
    tiny = Tiny()
    spec, blocks = period(tiny, hard=True)
    _, rules = add_frequency(tiny.model, spec, blocks)
    (rule,) = rules
    assert rule.name == "frequency:gym:2026-W02" and "Gym 2x in week 2026-W02" in rule.describe
    tiny.model.add(blocks[1].present == 0)
    tiny.model.add_assumptions([rule.literal])
    status, solver = tiny.solve()
    assert status == "INFEASIBLE"
    assert list(solver.sufficient_assumptions_for_infeasibility()) == [rule.literal.index]
