"""score_plan prices any valid plan on the solver's scale and refuses plans that break hard rules."""

from __future__ import annotations

from datetime import time, timedelta

import pytest

from optimizer.domain import BlockKind, Habit, HoursKind, Task
from optimizer.greedy import greedy_plan
from optimizer.solution import Placement
from optimizer.solve import InvalidPlan, optimize_schedule, schedule_habits, score_plan
from tests.optimizer.weeks import at, meeting, week

READ = Habit(
    id="read", name="Read", min_duration=30, max_duration=60, hours=HoursKind.PERSONAL, ideal_time=time(21)
)
TASK = Task(id="t", title="Write", effort=90, min_chunk=30, max_chunk=90)


def read_at(day: int, hour: float, minutes: int = 30) -> Placement:
    start = at(day, hour)
    end = start + timedelta(minutes=minutes)
    return Placement(item_id="read", kind=BlockKind.HABIT, occurrence=day, title="Read", start=start, end=end)


def test_solution_objective_is_its_score_and_beats_greedy() -> None:
    instance = week(days=3, habits=(READ,), tasks=(TASK,), events=(meeting("Sync", 0, 9, 12),))
    solution = optimize_schedule(instance)
    score, penalties = score_plan(instance, solution.placements, kind="schedule")
    assert score == solution.objective
    assert {p.rule for p in penalties} == {p.rule for p in solution.penalties}
    greedy, _ = score_plan(instance, greedy_plan(instance, include_tasks=True), kind="schedule")
    assert score <= greedy


def test_penalties_name_the_rule_and_its_cost() -> None:
    instance = week(days=1, habits=(READ,))
    score, penalties = score_plan(instance, [read_at(0, 20)], kind="habits")
    assert dict((p.rule, p.cost) for p in penalties) == {"ideal_time:read": 60 * 10, "duration:read": 30 * 10}
    assert score == 900
    assert schedule_habits(instance).objective == 0  # 21:00 for the full hour


def test_plan_outside_allowed_hours_is_refused() -> None:
    with pytest.raises(InvalidPlan, match="has no place in the model"):
        score_plan(week(days=1, habits=(READ,)), [read_at(0, 12)], kind="habits")


def test_overlapping_plan_is_refused() -> None:
    instance = week(days=1, habits=(READ, READ.model_copy(update={"id": "write", "name": "Write"})))
    write = read_at(0, 20).model_copy(update={"item_id": "write", "title": "Write"})
    with pytest.raises(InvalidPlan, match="breaks a hard rule"):
        score_plan(instance, [read_at(0, 20), write], kind="habits")
