"""Rules between blocks: nothing overlaps busy time or another block, buffers included.

A block occupies its time up to its end rounded up to the grid (`validation.plan`), so a 20-minute
habit at 09:00 on a 15-minute grid keeps 09:00-09:30 clear. The buffer rule: a habit's buffers
(before and after) must not overlap a busy event or any other block, but two buffers may share the
same free time, and buffers may fall outside allowed hours. Busy time is what lies inside the
horizon. Pairs of frozen blocks are not checked (both are given) unless one is a copy of the other.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import datetime

from optimizer.solution import Placement
from optimizer.timegrid import Window
from optimizer.validation.plan import Plan, Violation, key
from optimizer.windows import busy_windows, merge


def meets(a: Window, b: Window) -> bool:
    """True when the half-open windows share time."""
    return a[0] < b[1] and b[0] < a[1]


def core(placement: Placement) -> Window:
    return placement.start, placement.end


def span(window: tuple[datetime, datetime]) -> str:
    return f"{window[0].isoformat()}-{window[1].isoformat()}"


def check_busy(plan: Plan) -> Iterator[Violation]:
    busy = merge([*busy_windows(plan.instance), *plan.frozen_busy])
    for placement in plan.placements:
        if plan.is_frozen(placement):
            continue
        padded = plan.padded(placement)
        hit = next((window for window in busy if meets(padded, window)), None)
        if hit is not None:
            message = f"{placement.kind} block {span(core(placement))} (with buffers) meets busy {span(hit)}"
            yield Violation(rule="busy_overlap", item_id=placement.item_id, message=message)


def clash(plan: Plan, a: Placement, b: Placement) -> bool:
    return meets(plan.padded(a), plan.occupied(b)) or meets(plan.occupied(a), plan.padded(b))


def check_pairs(plan: Plan) -> Iterator[Violation]:
    ordered = sorted(plan.placements, key=lambda p: (plan.padded(p)[0], p.start))
    reach: list[datetime] = [plan.padded(p)[1] for p in ordered]
    for i, j in itertools.combinations(range(len(ordered)), 2):
        a, b = ordered[i], ordered[j]
        # Sorted by padded start: once b starts after a's padded end, later ones do too.
        if plan.padded(b)[0] >= reach[i] or (plan.is_frozen(a) and plan.is_frozen(b) and key(a) != key(b)):
            continue
        if clash(plan, a, b):
            message = f"{a.kind} block {span(core(a))} overlaps {b.kind} {b.item_id} {span(core(b))}"
            yield Violation(rule="overlap", item_id=a.item_id, message=message)


def check_overlaps(plan: Plan) -> Iterator[Violation]:
    yield from check_busy(plan)
    yield from check_pairs(plan)
