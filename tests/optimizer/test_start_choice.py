"""Choosing a start without a model: the plan that leaves out less wins, moved blocks count too."""

from __future__ import annotations

from datetime import timedelta

from optimizer.domain import BlockKind, Habit, PlacedBlock, Priority, Task
from optimizer.model.start_choice import cheaper, loss
from optimizer.solution import Placement
from optimizer.solve import score_plan
from tests.optimizer.weeks import at, week


def block(item: str, kind: BlockKind, day: int, start: float, minutes: int) -> Placement:
    begin = at(day, start)
    end = begin + timedelta(minutes=minutes)
    return Placement(item_id=item, kind=kind, occurrence=0, title=item, start=begin, end=end)


TASK = Task(id="t", title="T", effort=60, min_chunk=60, max_chunk=60, priority=Priority.HIGH)
HABIT = Habit(id="h", name="H", min_duration=30, max_duration=30, defended=False, priority=Priority.LOW)


def test_the_plan_placing_more_work_wins_over_one_keeping_more_blocks() -> None:
    kept = PlacedBlock(item_id="h", kind=BlockKind.HABIT, start=at(0, 9), end=at(0, 9.5))
    instance = week(days=1, tasks=(TASK,), habits=(HABIT,), previous_plan=(kept,))
    stays = [block("h", BlockKind.HABIT, 0, 9, 30)]
    fresh = [block("t", BlockKind.TASK, 0, 9, 60), block("h", BlockKind.HABIT, 0, 10, 30)]
    assert loss(instance, stays) > loss(instance, fresh) > 0  # the fresh plan moved the habit
    assert cheaper(instance, [stays, fresh]) is fresh
    # The model agrees on which is better.
    assert score_plan(instance, fresh, kind="schedule")[0] < score_plan(instance, stays, kind="schedule")[0]


def test_among_equals_the_first_plan_is_kept() -> None:
    instance = week(days=1, tasks=(TASK,))
    first, second = [block("t", BlockKind.TASK, 0, 9, 60)], [block("t", BlockKind.TASK, 0, 13, 60)]
    assert loss(instance, first) == loss(instance, second) == 0
    assert cheaper(instance, [first, second]) is first


def test_a_broken_requirement_outweighs_any_work() -> None:
    defended = HABIT.model_copy(update={"defended": True})
    instance = week(days=1, tasks=(TASK,), habits=(defended,))
    keeps = [block("h", BlockKind.HABIT, 0, 9, 30)]
    breaks = [block("t", BlockKind.TASK, 0, 9, 60)]
    assert cheaper(instance, [breaks, keeps]) is keeps
