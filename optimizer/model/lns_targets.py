"""LNS neighbourhoods aimed at what the plan pays most for: work left out or late, occurrences missed.

The rotating neighbourhoods of `lns` (a window of days, a few whole items) reach an item left out
only when the window happens to fall where it could go. Here the item is picked first, weighted by
what it costs, and freed together with every block on one of the days it could use: the
blocks that took its time there may move out of the way, to other times of that day. Work with a
due date takes one of the days it could start before it, when it has any; the tasks it depends on
are freed too, since a dependency placed late holds it late (on one heavy fortnight a critical
report stayed 4,050 minutes late until its low-priority dependency could be left out).
"""

from __future__ import annotations

import random

from ortools.sat.python import cp_model

from optimizer.model.built import Built
from optimizer.model.objective import scale
from optimizer.model.variables import BlockVars

TARGETED = ("unplaced:", "late:", "missed:")  # the rules whose items a neighbourhood aims at


def costly_items(built: Built, solver: cp_model.CpSolver) -> dict[str, float]:
    """Item id -> what the plan pays for its work left out or late, or its missed occurrences."""
    costs: dict[str, float] = {}
    for term in built.terms:
        if term.rule.startswith(TARGETED):
            value = solver.value(term.expr) * scale(term)
            if value > 0:
                item = term.rule.split(":")[1]
                costs[item] = costs.get(item, 0.0) + value
    return costs


def aimed(built: Built, blocks: list[BlockVars], solver: cp_model.CpSolver, rng: random.Random) -> set[str]:
    """Names of the blocks to free: a costly item's, those of the tasks it depends on, and every
    block on one of its days (empty when nothing is costly)."""
    costs = costly_items(built, solver)
    if not costs:
        return set()
    items = sorted(costs)
    item = rng.choices(items, weights=[costs[name] for name in items])[0]
    mine = [block for block in blocks if block.spec.item_id == item]
    days = _days_for(built, item, mine)
    if not days:
        return set()
    day = days[rng.randrange(len(days))]
    freed = {item, *(name for work in built.works if work.task.id == item for name in work.task.depends_on)}
    return {block.spec.name for block in blocks if block.spec.item_id in freed} | {
        block.spec.name for block in blocks if _on(block, solver) == day
    }


def _days_for(built: Built, item: str, mine: list[BlockVars]) -> list[int]:
    """The days the item's blocks may use; for work with a due date, those where a chunk could start
    before it when there are any (work left out or late is best placed there)."""
    days = sorted({choice.day for block in mine for choice in block.spec.choices})
    due = next((work.due_slot for work in built.works if work.task.id == item), None)
    if due is None:
        return days
    early = sorted({choice.day for block in mine for choice in block.spec.choices if choice.lo < due})
    return early or days


def _on(block: BlockVars, solver: cp_model.CpSolver) -> int | None:
    """The day a placed block sits on (None when absent)."""
    if not solver.value(block.present):
        return None
    return next(c.day for c, pick in zip(block.spec.choices, block.picks, strict=True) if solver.value(pick))
