"""LNS neighbourhoods that reach every day and what holds work back: the first pass frees each local
day alone, in order, and an aimed neighbourhood frees a late task with its dependencies, on a day
before its due date."""

from __future__ import annotations

import random

from ortools.sat.python import cp_model

from optimizer.domain import BlockKind, Priority, Task
from optimizer.model.lns import PASS_SECONDS, STEP_SECONDS, step_seconds
from optimizer.model.lns_part import neighbourhood
from optimizer.model.lns_targets import aimed, costly_items
from optimizer.model.scoring import score_fixed
from optimizer.model.start_plan import build_model
from optimizer.model.variables import BlockVars
from optimizer.solution import Placement
from tests.optimizer.weeks import at, week


def _task(task_id: str, priority: Priority, **fields: object) -> Task:
    hour_chunks = {"effort": 60, "min_chunk": 60, "max_chunk": 60}
    return Task.model_validate({"id": task_id, "title": task_id, "priority": priority} | hour_chunks | fields)


def _placed(task_id: str, day: int, hour: int) -> Placement:
    start, end = at(day, hour), at(day, hour + 1)
    return Placement(item_id=task_id, kind=BlockKind.TASK, occurrence=0, title=task_id, start=start, end=end)


def _day(block: BlockVars, solver: cp_model.CpSolver) -> int | None:
    if not solver.value(block.present):
        return None
    return next(c.day for c, pick in zip(block.spec.choices, block.picks, strict=True) if solver.value(pick))


def test_the_first_neighbourhoods_are_each_day_alone_in_turn() -> None:
    tasks = tuple(_task(f"t{i}", Priority.MEDIUM) for i in range(4))
    plan = [_placed("t0", 0, 9), _placed("t1", 1, 9), _placed("t2", 2, 13)]  # t3 is left out
    instance = week(days=3, tasks=tasks)
    built = build_model("schedule", instance, [plan])
    scored = score_fixed(built, plan, instance.options, 1.0)
    assert scored is not None and scored.solved
    solver = scored.solver
    blocks = [block for block in built.variables.all() if block.spec.choices]
    days = sorted({choice.day for block in blocks for choice in block.spec.choices})
    items = sorted({block.spec.item_id for block in blocks})
    rng = random.Random(5)

    parts = [neighbourhood(blocks, solver, days, items, rng, step) for step in range(len(days))]

    assert days == [0, 1, 2]
    for day, free in zip(days, parts, strict=True):
        placed = {block.spec.name for block in blocks if _day(block, solver) == day}
        absent = {
            block.spec.name
            for block in blocks
            if not solver.value(block.present) and any(choice.day == day for choice in block.spec.choices)
        }
        assert placed and free == placed | absent  # the day's blocks, and left-out work that may come in
    assert set().union(*parts) == {block.spec.name for block in blocks}
    assert rng.random() == random.Random(5).random()  # the pass draws nothing: the same on every seed


def test_a_day_of_the_first_pass_gets_a_longer_step_within_the_time_left() -> None:
    assert step_seconds(True, 5.0) == PASS_SECONDS > STEP_SECONDS == step_seconds(False, 5.0)
    assert step_seconds(True, 0.1) == step_seconds(False, 0.1) == 0.1  # never past the clock


def test_a_late_task_is_freed_with_its_dependency_on_a_day_before_its_due_date() -> None:
    draft = _task("draft", Priority.LOW)
    report = _task("report", Priority.CRITICAL, depends_on=("draft",), due=at(1, 17))
    other, spare = _task("other", Priority.MEDIUM), _task("spare", Priority.MEDIUM)
    plan = [_placed("other", 0, 9), _placed("draft", 2, 9), _placed("report", 2, 11), _placed("spare", 2, 14)]
    instance = week(days=3, tasks=(draft, report, other, spare))
    built = build_model("schedule", instance, [plan])
    scored = score_fixed(built, plan, instance.options, 1.0)
    assert scored is not None and scored.solved
    solver = scored.solver
    blocks = [block for block in built.variables.all() if block.spec.choices]
    assert set(costly_items(built, solver)) == {"report"}  # late; the others are placed

    frees = [aimed(built, blocks, solver, random.Random(seed)) for seed in range(12)]

    def of(item: str) -> set[str]:
        return {block.spec.name for block in blocks if block.spec.item_id == item}

    for free in frees:
        assert of("draft") <= free  # the dependency that holds it late moves with it
        assert not of("spare") & free  # day 2, after the due date, is never the day freed
    assert any(of("other") & free for free in frees)  # day 0, before it, is
