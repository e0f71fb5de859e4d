"""LNS aimed at what a plan pays for: the costly item is found, priced, and freed with its days."""

from __future__ import annotations

import random

from optimizer.domain import BlockKind, Priority, Task
from optimizer.model.lns_targets import aimed, costly_items
from optimizer.model.objective import weighted
from optimizer.model.runner import run
from optimizer.model.scoring import score_fixed
from optimizer.model.start_plan import build_model
from optimizer.solution import Placement, SolveStatus
from tests.optimizer.weeks import at, week

TASKS = (
    Task(id="ship", title="Ship", effort=60, min_chunk=60, max_chunk=60, priority=Priority.HIGH),
    Task(id="tidy", title="Tidy", effort=60, min_chunk=60, max_chunk=60, priority=Priority.MEDIUM),
)


def test_work_left_out_is_priced_by_item_and_priority() -> None:
    instance = week(days=2, tasks=TASKS)
    built = build_model("schedule", instance)
    empty = score_fixed(built, [], instance.options, 1.0)
    assert empty is not None and empty.solved

    costs = costly_items(built, empty.solver)

    assert set(costs) == {"ship", "tidy"}
    assert costs["ship"] == 10 * costs["tidy"] > 0  # one priority level apart


def test_the_costly_item_is_freed_with_every_block_on_its_days() -> None:
    instance = week(days=1, tasks=TASKS)
    tidy = Placement(
        item_id="tidy", kind=BlockKind.TASK, occurrence=0, title="Tidy", start=at(0, 9), end=at(0, 10)
    )
    built = build_model("schedule", instance, [[tidy]])
    plan = score_fixed(built, [tidy], instance.options, 1.0)
    assert plan is not None and plan.solved
    blocks = [block for block in built.variables.all() if block.spec.choices]

    free = aimed(built, blocks, plan.solver, random.Random(3))

    assert set(costly_items(built, plan.solver)) == {"ship"}  # left out; tidy is placed
    ship = {block.spec.name for block in blocks if block.spec.item_id == "ship"}
    placed_tidy = {block.spec.name for block in blocks if plan.solver.value(block.present)}
    assert placed_tidy and free == ship | placed_tidy  # tidy sits on the only day ship could use


def test_nothing_is_aimed_at_when_the_plan_pays_for_nothing_left_out() -> None:
    instance = week(days=2, tasks=TASKS)
    built = build_model("schedule", instance)
    model = built.model.clone()
    model.minimize(weighted(built.terms))
    optimal = run(model, instance.options, 5.0, len(built.variables.all()), ())
    assert optimal.status is SolveStatus.OPTIMAL and optimal.objective == 0

    assert costly_items(built, optimal.solver) == {}
    assert aimed(built, built.variables.all(), optimal.solver, random.Random(1)) == set()
