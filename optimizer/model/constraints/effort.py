"""A task's chunks add up to at most its effort; what is left out costs per minute.

A chunk shorter than the task's smallest chunk (`BlockSpec.min_unless_last`) is the one that
completes the effort, so the last present one. Chunks are ordered in time and filled from the
first (`constraints.sequence`); where being present at all already forces the budget full (the
chunks before it whole, itself what is left), the sum says it. Elsewhere a literal marks the chunk
short, and a short chunk fills the budget with no chunk after it (linear, so the LP sees it too).
"""

from __future__ import annotations

import itertools

from ortools.sat.python import cp_model

from optimizer.model.demands import TaskWork
from optimizer.model.terms import Term
from optimizer.model.variables import BlockVars


def add_effort(
    model: cp_model.CpModel, work: TaskWork, blocks: list[BlockVars], slot_minutes: int, weight: int
) -> list[Term]:
    """`weight` is the price of one unplaced minute (see `weights.unplaced_weight`)."""
    if work.budget == 0:
        return []
    unplaced = model.new_int_var(0, work.budget, f"unplaced:{work.task.id}")
    model.add(unplaced + cp_model.LinearExpr.sum([block.length for block in blocks]) == work.budget)
    for index, (block, after) in enumerate(itertools.zip_longest(blocks, blocks[1:])):
        _completing(model, work.budget, index, block, after, unplaced)
    return [Term(f"unplaced:{work.task.id}", unplaced * slot_minutes, weight, work.task.priority)]


def _completing(
    model: cp_model.CpModel,
    budget: int,
    index: int,
    block: BlockVars,
    after: BlockVars | None,
    unplaced: cp_model.IntVar,
) -> None:
    """A chunk of `block`'s shortest lengths completes the budget; `after` is the next chunk."""
    spec = block.spec
    low = spec.min_unless_last
    if not spec.choices or spec.min_len >= low or index * low + spec.min_len >= budget:
        return
    short = model.new_bool_var(f"short:{spec.name}")
    model.add(block.length >= low * block.present - (low - spec.min_len) * short)
    model.add(short <= block.present)
    model.add(unplaced + budget * short <= budget)
    if after is not None:
        model.add(short + after.present <= 1)
