"""The plan the search starts from, and the model for a plan kind.

The start is the greedy baseline for SCHEDULE_HABITS and the packed plan (`packing`) for
OPTIMIZE_SCHEDULE. With a previous plan, it is run with the previous plan's blocks that still stand
(`standing`) locked, so that it builds around them; for a schedule also with only some of them
locked, and afresh, each with the previous blocks put back where they can be (`restore`), and the
plan that leaves out the least (`start_choice`) is kept.
"""

from __future__ import annotations

from collections.abc import Iterable

from optimizer.domain import BlockKind, Instance, PlacedBlock, Priority
from optimizer.greedy import greedy_plan
from optimizer.habits import build_habits
from optimizer.model.built import Built, PlanKind
from optimizer.model.matching import Located
from optimizer.model.packing import packed_plan
from optimizer.model.restore import restored
from optimizer.model.standing import still_standing
from optimizer.model.start_choice import cheaper, left_out, loss
from optimizer.schedule import build_schedule
from optimizer.solution import Placement
from optimizer.windows import frozen_blocks


def build_model(kind: PlanKind, instance: Instance, plans: Iterable[Iterable[Located]] = ()) -> Built:
    """`plans` the model must be able to represent (they may use more task chunks than usual)."""
    if kind == "habits":
        return build_habits(instance)
    return build_schedule(instance, plans)


def base_plan(instance: Instance, kind: PlanKind, *, both: bool = True) -> list[Placement]:
    """A plan built without search: greedy's for habits, the packed plan for a schedule."""
    if kind == "schedule":
        return packed_plan(instance, both=both)
    return greedy_plan(instance, include_tasks=False)


def start_plan(instance: Instance, kind: PlanKind) -> list[Placement]:
    if not instance.previous_plan:
        return base_plan(instance, kind)
    standing = still_standing(instance, kind)
    if kind == "habits":
        return _around(instance, kind, standing)
    # Keeping every previous block moves the fewest; a fresh plan may place work they leave no room
    # for (its blocks are put back where the previous plan had them where they can be). In between,
    # keeping only the work's blocks (all, or the critical ones: each costs the most when moved).
    work = [block for block in standing if block.kind is not BlockKind.HABIT]
    critical = [block for block in work if _priority(instance, block) is Priority.CRITICAL]
    plans = [_around(instance, kind, standing)]
    others = [_around(instance, kind, kept) for kept in (work, critical) if _between(kept, work, standing)]
    others.append(base_plan(instance, kind))
    best = min(loss(instance, plan) for plan in plans + others)
    # Putting blocks back lowers only the price of moved blocks: a plan that leaves out more than
    # the best plan loses in all cannot win, so it is not put back (on heavy fortnights each takes
    # about 40 ms).
    plans += [restored(instance, plan, standing) for plan in others if left_out(instance, plan) <= best]
    return cheaper(instance, plans)


def _between(kept: list[PlacedBlock], work: list[PlacedBlock], standing: list[PlacedBlock]) -> bool:
    """Keeping these blocks is neither keeping all nor the same as keeping all the work's."""
    return bool(kept) and len(kept) < len(standing) and (kept is work or len(kept) < len(work))


def _around(instance: Instance, kind: PlanKind, kept: list[PlacedBlock]) -> list[Placement]:
    """One variant of the base plan built around the `kept` blocks, locked (around a previous plan
    most blocks are placed already, so one variant is enough)."""
    locked = [block.model_copy(update={"locked": True}) for block in kept]
    around = instance.model_copy(update={"previous_plan": (*frozen_blocks(instance), *locked)})
    return base_plan(around, kind, both=False)


def _priority(instance: Instance, block: PlacedBlock) -> Priority | None:
    found = [t.priority for t in instance.work_items() if t.id == block.item_id and t.kind is block.kind]
    return found[0] if found else None
