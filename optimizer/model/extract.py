"""Read a solved model back into domain terms: placements, lateness, penalties, moved blocks."""

from __future__ import annotations

from collections import defaultdict

from ortools.sat.python import cp_model

from optimizer.domain import BlockKind, PlacedBlock
from optimizer.model.built import Built
from optimizer.model.cost import term_costs
from optimizer.model.lengths import spans
from optimizer.solution import Late, Penalty, Placement


def titles(built: Built) -> dict[tuple[BlockKind, str], str]:
    instance = built.ctx.instance
    named = {(BlockKind.HABIT, habit.id): habit.name for habit in instance.habits}
    named |= {(task.kind, task.id): task.title for task in instance.work_items()}
    return named


def placements(built: Built, solver: cp_model.CpSolver) -> list[Placement]:
    """Frozen blocks as they were, then the placed blocks numbered on after each item's frozen ones,
    each as long as it lasts (`model.lengths`)."""
    named = titles(built)
    kept = [_kept(block, named) for block in built.ctx.fixed.kept]
    reported = spans(built, solver)
    placed = [
        (*reported[block.spec.name], block.spec)
        for block in built.variables.all()
        if block.spec.name in reported
    ]
    following: dict[tuple[BlockKind, str], int] = defaultdict(int)
    for placement in kept:
        key = (placement.kind, placement.item_id)
        following[key] = max(following[key], placement.occurrence + 1)
    new = []
    for start, end, spec in sorted(placed, key=lambda p: (p[0], p[2].name)):
        key = (spec.kind, spec.item_id)
        new.append(
            Placement(
                item_id=spec.item_id,
                kind=spec.kind,
                occurrence=following[key],
                title=spec.title,
                start=start,
                end=end,
            )
        )
        following[key] += 1
    return sorted(kept + new, key=lambda p: (p.start, p.item_id))


def _kept(block: PlacedBlock, named: dict[tuple[BlockKind, str], str]) -> Placement:
    title = named.get(
        (block.kind, block.item_id), "Focus" if block.kind is BlockKind.FOCUS else block.item_id
    )
    fields = block.model_dump(include={"item_id", "kind", "occurrence", "start", "end"})
    return Placement(title=title, **fields)


def lateness(built: Built, plan: list[Placement]) -> list[Late]:
    late = []
    for work in built.works:
        task = work.task
        if task.due is None:
            continue
        ends = [p.end for p in plan if p.item_id == task.id and p.kind is task.kind]
        if ends and max(ends) > task.due:
            minutes = -(-(max(ends) - task.due).total_seconds() // 60)
            late.append(Late(item_id=task.id, minutes_late=int(minutes), due=task.due))
    return late


def penalties(built: Built, solver: cp_model.CpSolver) -> list[Penalty]:
    """The weighted cost each named rule added, largest first; rules that cost nothing are left out."""
    paid = [Penalty(rule=rule, cost=cost) for rule, cost in term_costs(built, solver).items() if cost]
    return sorted(paid, key=lambda p: (-p.cost, p.rule))


def moved(built: Built, plan: list[Placement]) -> int:
    """Blocks of the previous plan (of the kinds this plan places) that are not where they were."""
    now = {(p.item_id, p.kind, p.start, p.end) for p in plan}
    instance = built.ctx.instance
    previous = [
        b
        for b in instance.previous_plan
        if b.kind in built.ctx.kinds and b.end > instance.horizon_start and b.start < instance.horizon_end
    ]
    return sum((b.item_id, b.kind, b.start, b.end) not in now for b in previous)
