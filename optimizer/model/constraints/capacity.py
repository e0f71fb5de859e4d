"""A redundant cut: on each local day, blocks together use at most the free time they may use.

Work blocks (tasks, goal work, focus) pick whole windows and rely on the no-overlap to stay off
each other and off busy time, which the LP relaxation cannot see. For each local day and each
distinct set of free stretches some work block may use there, the blocks confined to that set (work
and habit occurrences alike) sum to at most its size; the bound on unplaced work and on missed
occurrences then follows from the calendar instead of from search (on a two-week schedule whose
working hours hold habits and work, the bound at 2 s rose from 0.46 to 0.76 of a million, where 60
s without the habits had left it). No plan is cut off: blocks never overlap.
"""

from __future__ import annotations

from collections import defaultdict

from ortools.sat.python import cp_model

from optimizer.model.day_view import DayView
from optimizer.model.spans import Span, merge_spans, subtract
from optimizer.model.variables import BlockVars

Stretches = tuple[Span, ...]


def add_day_capacity(model: cp_model.CpModel, view: DayView, blocks: list[BlockVars]) -> None:
    on_day: dict[int, list[tuple[Stretches, cp_model.LinearExprT]]] = defaultdict(list)
    rooms: dict[int, set[Stretches]] = defaultdict(set)
    for block in blocks:
        if not block.spec.choices:
            continue
        lengths = view.lengths(block)
        for day, stretches in _stretches(block).items():
            on_day[day].append((stretches, lengths[day]))
            if block.spec.coarse:
                rooms[day].add(stretches)
    for day, entries in on_day.items():
        for room in rooms[day]:
            inside = [expr for stretches, expr in entries if not subtract(stretches, room)]
            size = sum(hi - lo for lo, hi in room)
            if len(inside) > 1:
                model.add(cp_model.LinearExpr.sum(inside) <= size)


def _stretches(block: BlockVars) -> dict[int, Stretches]:
    """The free stretches the block may use, per day; a start span (lo, hi) is the stretch
    [lo, hi - 1 + min_len)."""
    found: dict[int, list[Span]] = defaultdict(list)
    for choice in block.spec.choices:
        found[choice.day] += [(lo, hi - 1 + block.spec.min_len) for lo, hi in choice.starts]
    return {day: tuple(merge_spans(spans)) for day, spans in found.items()}
