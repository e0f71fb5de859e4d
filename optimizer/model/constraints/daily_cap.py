"""The daily cap: minutes of task, goal and focus blocks per local day, frozen ones included.

Habits and calendar events do not count. Blocks never cross local midnight, so each block's length
counts towards the day of the choice it picks.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

from ortools.sat.python import cp_model

from optimizer.domain import BlockKind
from optimizer.model.context import Context
from optimizer.model.day_view import DayView
from optimizer.model.variables import BlockVars

CAPPED = frozenset({BlockKind.TASK, BlockKind.GOAL, BlockKind.FOCUS})


def add_daily_cap(model: cp_model.CpModel, ctx: Context, view: DayView, blocks: list[BlockVars]) -> None:
    cap = ctx.instance.daily_cap_minutes
    if cap is None:
        return
    used: dict[int, list[cp_model.LinearExprT]] = defaultdict(list)
    for block in blocks:
        if block.spec.kind in CAPPED and block.spec.choices:
            for day, expr in view.lengths(block).items():
                used[day].append(expr)
    frozen = _frozen_minutes(ctx)
    for day, exprs in used.items():
        room = max(0, cap - frozen[day]) // ctx.slot_minutes
        model.add(cp_model.LinearExpr.sum(exprs) <= room)


def _frozen_minutes(ctx: Context) -> dict[int, int]:
    minutes: dict[int, int] = defaultdict(int)
    for block in ctx.fixed.kept:
        if block.kind not in CAPPED:
            continue
        for index, day in enumerate(ctx.days):
            overlap = min(block.end, day.end) - max(block.start, day.start)
            if overlap > timedelta(0):
                minutes[index] += overlap // timedelta(minutes=1)
    return minutes
