"""A redundant cut for the bound search: a task ends no earlier than its whole work allows.

The late floor (`late_floor.py`) prices each chunk alone: a chunk is at least as late as its picked
day's first start plus its own shortest length. A task that cannot be done by its due date (its
earliest start is after it, or its hours before it are few) is later still: its placed chunks lie
apart, inside its windows and off busy time, so its last one ends no earlier than `end(n)`, the
first slot by which that free time holds their total length n. `end` rises by at least one slot per
slot of work and jumps over busy time, so it is not linear; each segment of its lower convex hull
over the totals a plan can have (from the first chunk's shortest length to the budget) is a row
`late >= present * (end(a) - due - slope * a) + slope * total`, scaled to whole numbers, with
`present` that of the first chunk (chunks fill in order, so it is present whenever any is); with
nothing placed both sides are 0. No plan is cut off: `late` is at least the last end minus the due
date. Heavy fortnight 25: a critical task whose earliest start is two days after its due date, with
90 minutes of work and a meeting after its first 45 free minutes that day, is 166 slots late by the
late floor and cannot be under 174; the bound search's bound went from 3.739 to 3.814 million (gap
4.8% to 2.9%). On the other heavy fortnights the rows moved the bound by 0.1% or less.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from ortools.sat.python import cp_model

from optimizer.model.demands import TaskWork
from optimizer.model.spans import Span, subtract
from optimizer.model.terms import Term
from optimizer.model.variables import BlockVars, Variables

Row = tuple[cp_model.LinearExprT, int]  # the expression is at least the number
Cut = tuple[int, int, int]  # (m, c, s): m * late >= c * present + s * total


def ends(free: list[Span], most: int) -> list[int]:
    """`ends[n]`: the first slot by which the merged spans `free` hold n slots, n up to `most` (or
    up to all they hold)."""
    found = [free[0][0] if free else 0]
    for lo, hi in free:
        for slot in range(lo, hi):
            if len(found) > most:
                return found
            found.append(slot + 1)
    return found


def hull_cuts(end: list[int], due: int, least: int) -> list[Cut]:
    """Rows of the lower convex hull of `end` over totals from `least` on, where it passes `due`."""
    points = list(range(least, len(end)))
    if not points:
        return []
    hull: list[int] = []
    for n in points:
        # Pop the last point while it lies on or above the segment from the one before it to n.
        while len(hull) > 1 and (end[hull[-1]] - end[hull[-2]]) * (n - hull[-2]) >= (
            end[n] - end[hull[-2]]
        ) * (hull[-1] - hull[-2]):
            hull.pop()
        hull.append(n)
    if len(hull) == 1:
        return [(1, end[hull[0]] - due, 0)] if end[hull[0]] > due else []
    cuts: list[Cut] = []
    for a, b in itertools.pairwise(hull):
        if end[b] > due:
            rise, run = end[b] - end[a], b - a
            cuts.append((run, run * (end[a] - due) - rise * a, rise))
    return cuts


def work_floor_rows(
    works: Iterable[TaskWork],
    variables: Variables,
    terms: Iterable[Term],
    busy: Iterable[Span],
    slot_minutes: int,
) -> list[Row]:
    """Rows for the tasks with a soft due date (`late:<task id>` terms, in minutes late)."""
    lateness = {term.rule: term.expr for term in terms if term.rule.startswith("late:")}
    works = list(works)
    ids = [work.task.id for work in works]
    taken = list(busy)
    rows: list[Row] = []
    for work in works:
        if ids.count(work.task.id) > 1:
            continue  # a goal's work and a task of one id: their `late:` terms cannot be told apart
        due, late = work.due_slot, lateness.get(f"late:{work.task.id}")
        blocks = [b for b in variables.of_item(work.task.kind, work.task.id) if b.spec.choices]
        if due is None or late is None or not blocks:
            continue
        cuts = hull_cuts(ends(_free(blocks, taken), work.budget), due, blocks[0].spec.min_len)
        total = cp_model.LinearExpr.sum([block.length for block in blocks])
        for m, c, s in cuts:
            expr = cp_model.LinearExpr.weighted_sum(
                [late, blocks[0].present, total], [m, -c * slot_minutes, -s * slot_minutes]
            )
            rows.append((expr, 0))
    return rows


def _free(blocks: list[BlockVars], busy: list[Span]) -> list[Span]:
    """Where the chunks can be: inside their choices, off busy time."""
    return subtract([(choice.lo, choice.hi) for block in blocks for choice in block.spec.choices], busy)
