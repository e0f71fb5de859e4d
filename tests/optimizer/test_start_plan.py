"""A re-planned schedule starts from the plan that keeps the most of the previous one for its cost."""

from __future__ import annotations

import pytest

from optimizer.domain import BlockKind
from optimizer.generate import FAMILIES
from optimizer.model.packing import packed_plan
from optimizer.model.restore import restored
from optimizer.model.standing import still_standing
from optimizer.model.start_choice import loss
from optimizer.model.start_plan import start_plan
from optimizer.validate import validate


@pytest.mark.parametrize("seed", [0, 3])
def test_keeping_the_previous_work_where_it_was_beats_a_fresh_plan(seed: int) -> None:
    # On these weeks a fresh plan moves work that could stay; keeping the previous plan's work
    # blocks (all of them, or the critical ones) and placing the rest around them costs less.
    instance = FAMILIES["typical"](seed)
    standing = still_standing(instance, "schedule")
    fresh = restored(instance, packed_plan(instance), standing)
    plan = start_plan(instance, "schedule")
    assert validate(instance, plan, kind="schedule") == []
    assert loss(instance, plan) < loss(instance, fresh)
    kept = {(p.item_id, p.start, p.end) for p in plan}
    work = [b for b in standing if b.kind is not BlockKind.HABIT]
    assert sum((b.item_id, b.start, b.end) in kept for b in work) > sum(
        (b.item_id, b.start, b.end) in {(p.item_id, p.start, p.end) for p in fresh} for b in work
    )
