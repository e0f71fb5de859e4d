"""Generated families: reproducible, sized as promised, realistic, and sometimes across a DST change."""

from __future__ import annotations

from datetime import timedelta

import pytest

from optimizer.generate import FAMILIES, heavy, tight, typical
from optimizer.greedy import greedy_plan
from optimizer.timegrid import local_days


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_same_seed_same_instance(family: str) -> None:
    make = FAMILIES[family]
    assert make(7) == make(7)
    assert make(7) != make(8)


def test_typical_and_heavy_have_the_promised_size() -> None:
    week, fortnight = typical(1), heavy(1)
    assert (len(week.events), len(week.habits), len(week.tasks)) == (25, 6, 10)
    assert len(local_days(week)) == 7 and len(local_days(fortnight)) == 14
    assert (len(fortnight.events), len(fortnight.habits), len(fortnight.tasks)) == (80, 15, 40)
    assert fortnight.goals and fortnight.focus is not None and fortnight.daily_cap_minutes is not None
    assert any(task.depends_on for task in fortnight.tasks)
    assert any(task.due_is_hard for task in fortnight.tasks)


def test_some_weeks_change_the_clocks_and_some_replan() -> None:
    weeks = [typical(seed) for seed in range(40)]
    lengths = {len(set((day.end - day.start) for day in local_days(w))) for w in weeks}
    assert 2 in lengths  # a 23- or 25-hour day next to 24-hour ones
    assert any(w.previous_plan and w.now > w.horizon_start for w in weeks)
    assert len({w.timezone for w in weeks}) >= 4


def test_tight_weeks_ask_for_more_than_fits() -> None:
    for seed in range(3):
        week = tight(seed)
        plan = greedy_plan(week, include_tasks=True)
        placed = sum((p.end - p.start) // timedelta(minutes=1) for p in plan if p.kind != "HABIT")
        assert placed < sum(task.effort for task in week.work_items())


def test_heavy_fortnights_are_large_but_mostly_fit() -> None:
    """Over-booking is the tight family's job: even greedy places most of a heavy fortnight's work."""
    for seed in range(3):
        fortnight = heavy(seed)
        work = {task.id for task in fortnight.work_items()}
        plan = greedy_plan(fortnight, include_tasks=True)
        placed = sum((p.end - p.start) // timedelta(minutes=1) for p in plan if p.item_id in work)
        assert placed >= 0.6 * sum(task.effort for task in fortnight.work_items())
        assert any(task.hours != "WORKING" for task in fortnight.tasks)
