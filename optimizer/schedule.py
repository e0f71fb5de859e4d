"""OPTIMIZE_SCHEDULE: tasks and goal work in chunks, habits, focus time and the calendar together.

On top of the habit rules (`optimizer.habits`): chunks within their sizes, inside their hours, after
their earliest start and their dependencies, adding up to at most the effort; focus blocks per day;
the daily cap. Required: hard due dates (the whole effort placed, every chunk ending by the date).
Soft: unplaced work, lateness and chunks beyond the fewest (by priority), focus time short of its
daily target.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from optimizer.domain import BlockKind, Instance
from optimizer.habits import add_habits, add_stability
from optimizer.model.blocks import BlockSpec
from optimizer.model.built import Built
from optimizer.model.constraints.capacity import add_day_capacity
from optimizer.model.constraints.choices import add_choices
from optimizer.model.constraints.daily_cap import add_daily_cap
from optimizer.model.constraints.dependencies import add_dependency
from optimizer.model.constraints.due import add_due
from optimizer.model.constraints.effort import add_effort
from optimizer.model.constraints.focus import add_focus
from optimizer.model.constraints.no_overlap import add_no_overlap
from optimizer.model.constraints.sequence import add_sequence
from optimizer.model.context import ALL_KINDS, Context
from optimizer.model.focus_days import focus_days
from optimizer.model.lean_model import LeanModel
from optimizer.model.matching import Located, frozen_keys
from optimizer.model.objectives.busy_pair_floor import busy_pair_floors
from optimizer.model.objectives.splits import split_terms
from optimizer.model.objectives.work_floor import work_floor_rows
from optimizer.model.params import SMALL_MODEL
from optimizer.model.task_work import task_works
from optimizer.model.terms import Parts
from optimizer.model.variables import BlockVars, Variables
from optimizer.model.weights import unplaced_weight


def build_schedule(instance: Instance, plans: Iterable[Iterable[Located]] = ()) -> Built:
    """`plans` (a hint, a plan to score) make room for as many chunks and focus blocks as they use."""
    ctx = Context(instance, ALL_KINDS)
    built = Built("schedule", ctx, LeanModel(), Variables(), Parts())
    chunks, focus = _counts(ctx, plans)
    priced = add_habits(built)
    add_work(built, chunks)
    add_focus_days(built, focus)
    if len(built.variables.all()) > SMALL_MODEL:
        # Only where the bound comes from the full relaxation, and only in that search: in a week of
        # work the plain search found dearer plans with it (typical weeks 13, 17 and 18: 1.1-2.6
        # times the cost), and the LNS's parts have no use for a bound.
        built.bound_rows += busy_pair_floors(ctx, built.days, priced)
        built.bound_rows += work_floor_rows(
            built.works, built.variables, built.terms, ctx.fixed.busy, ctx.slot_minutes
        )
    add_no_overlap(built.model, ctx, built.variables.all())
    add_daily_cap(built.model, ctx, built.days, built.variables.all())
    add_day_capacity(built.model, built.days, built.variables.all())
    add_stability(built)
    return built


def add_work(built: Built, chunks: Counter[str]) -> None:
    model, ctx = built.model, built.ctx
    weight = unplaced_weight(ctx.n_slots * ctx.slot_minutes, ctx.slot_minutes)
    blocks_of: dict[str, list[BlockVars]] = {}
    for work in task_works(ctx, chunks):
        blocks = _add_blocks(built, work.blocks)
        add_sequence(model, [blocks], 0)
        built.parts.add(add_effort(model, work, blocks, ctx.slot_minutes, weight))
        built.parts.add(split_terms(work, blocks))
        built.parts.add(*add_due(model, work, blocks, ctx.slot_minutes, ctx.instance.zone))
        blocks_of[work.task.id] = blocks
        built.works.append(work)
    for work in built.works:
        for before in work.task.depends_on:
            if before in blocks_of and before != work.task.id:
                name = f"{work.task.id}<{before}"
                add_dependency(model, name, blocks_of[work.task.id], blocks_of[before])


def add_focus_days(built: Built, counts: Counter[str]) -> None:
    for day in focus_days(built.ctx, counts):
        blocks = _add_blocks(built, day.blocks)
        built.parts.add(add_focus(built.model, day, blocks, built.ctx.slot_minutes))
        built.focus.append(day)


def _add_blocks(built: Built, specs: Iterable[BlockSpec]) -> list[BlockVars]:
    blocks = [built.variables.add(built.model, spec) for spec in specs]
    for block in blocks:
        add_choices(built.model, block)
    return blocks


def _counts(ctx: Context, plans: Iterable[Iterable[Located]]) -> tuple[Counter[str], Counter[str]]:
    """The most chunks per task and focus blocks per local day that any of the plans uses."""
    chunks: Counter[str] = Counter()
    focus: Counter[str] = Counter()
    frozen = frozen_keys(ctx)
    for plan in plans:
        mine_chunks: Counter[str] = Counter()
        mine_focus: Counter[str] = Counter()
        for block in plan:
            if (block.item_id, block.kind, block.start, block.end) in frozen:
                continue
            if block.kind is BlockKind.FOCUS:
                mine_focus[block.start.astimezone(ctx.instance.zone).date().isoformat()] += 1
            elif block.kind in (BlockKind.TASK, BlockKind.GOAL):
                mine_chunks[block.item_id] += 1
        chunks |= mine_chunks
        focus |= mine_focus
    return chunks, focus
