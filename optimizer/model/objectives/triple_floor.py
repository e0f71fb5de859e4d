"""A redundant cut over three habit occurrences that want about the same time of one day.

The pair cuts price each clash of two. When three want 07:30 (a walk, a meditation and the gym),
what the pairs promise together is less than any order of the three costs, and the plain search
then proves such weeks slowly (a week of three daily habits at 07:30: 0.05 s of CP-SAT's work and
160 ms, against a few ms per day once the three are priced together). The least total distance of
three is the least over the orders they may take: in a given order each block after the first
goes as near its ideal as the one before allows, and the total is convex in the first block's
start, so only the starts that put one of the three on its ideal need trying. A triple is cut only
where it says more than its pairs; a day takes at most `MAX_TRIPLES`, so a day of many habits
does not bloat the model. Like the pair cut, it changes no plan, only the bound.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from ortools.sat.python import cp_model

from optimizer.domain import Habit
from optimizer.model.context import Context
from optimizer.model.day_view import DayView
from optimizer.model.objectives.pair_floor import Placed, gap_between, placed_by_day
from optimizer.model.variables import BlockVars

MAX_TRIPLES = 40  # per day


def add_triple_floors(
    model: cp_model.CpModel,
    ctx: Context,
    view: DayView,
    entries: list[tuple[Habit, BlockVars, cp_model.LinearExprT]],
) -> None:
    """`entries` lists each habit block with an ideal time, in each habit's block order."""
    for placed in placed_by_day(ctx, view, entries).values():
        pairs = {
            (a, b): least_total(ctx, (placed[a], placed[b]))
            for a, b in itertools.combinations(range(len(placed)), 2)
        }
        cuts = 0
        for trio in itertools.combinations(range(len(placed)), 3):
            promised = [pairs[pair] for pair in itertools.combinations(trio, 2)]
            # Three clash beyond their pairs only where at least two of the pairs clash.
            if sum(1 for floor in promised if floor > 0) < 2:
                continue
            blocks = [placed[i] for i in trio]
            floor = least_total(ctx, blocks)
            if floor <= promise(promised):
                continue
            together = cp_model.LinearExpr.sum([p.distance for p in blocks])
            # Linear, not enforced, so the LP relaxation sees it; 0 or less unless all three land.
            model.add(together >= floor * (sum(p.on_day for p in blocks) - 2))
            cuts += 1
            if cuts == MAX_TRIPLES:
                break


def promise(pair_floors: Sequence[int]) -> int:
    """The least total of three that the cuts on their three pairs already imply: the largest pair's,
    or half the sum of all three (each distance takes part in two pairs)."""
    return max(max(pair_floors), (sum(pair_floors) + 1) // 2)


def least_total(ctx: Context, blocks: Sequence[Placed]) -> int:
    """Least total distance to the ideals of `blocks` on one day, over the orders they may take.

    Blocks of one habit keep their order (`blocks` lists them in it) and their spacing."""
    best: int | None = None
    for order in itertools.permutations(range(len(blocks))):
        if any(_same(blocks, a, b) and a > b for a, b in itertools.combinations(order, 2)):
            continue
        total = _in_order(ctx, [blocks[i] for i in order])
        best = total if best is None else min(best, total)
    return best or 0


def _same(blocks: Sequence[Placed], a: int, b: int) -> bool:
    return blocks[a].habit.id == blocks[b].habit.id


def _in_order(ctx: Context, order: list[Placed]) -> int:
    needs = _needs(ctx, order)
    offsets = [0]  # each block's least offset from the first one's start
    for k in range(1, len(order)):
        offsets.append(max(offsets[j] + need for j, need in needs[k]))
    starts = [block.ideal - offset for block, offset in zip(order, offsets, strict=True)]
    return min(_cost(order, needs, start) for start in starts)


def _needs(ctx: Context, order: list[Placed]) -> list[list[tuple[int, int]]]:
    """For each block, the earlier ones it must follow and by how many slots at least: the one just
    before it, and any earlier block of its own habit (its spacing)."""
    needs: list[list[tuple[int, int]]] = [[] for _ in order]
    for j, k in itertools.combinations(range(len(order)), 2):
        first, second = order[j], order[k]
        same = first.habit.id == second.habit.id
        if k == j + 1 or same:
            spacing = ctx.slots(first.habit.min_spacing) if same else 0
            needs[k].append((j, first.block.spec.min_len + gap_between(first, second, spacing)))
    return needs


def _cost(order: list[Placed], needs: list[list[tuple[int, int]]], start: int) -> int:
    """Total distance with the first block at `start` and each next one as near its ideal as allowed:
    placing one later than it must go never helps the ones after it."""
    at, total = [start], abs(start - order[0].ideal)
    for k in range(1, len(order)):
        at.append(max([order[k].ideal] + [at[j] + need for j, need in needs[k]]))
        total += at[k] - order[k].ideal
    return total
