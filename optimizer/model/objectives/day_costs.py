"""A habit block's least ideal-time plus duration cost on one day, between that day's meetings.

Used by the busy pair cut (`busy_pair_floor.py`). Inside a free stretch, from a given start (or to
a given end) the longest block never costs more, so one array by start and one by end describe
every placement that matters; two blocks in a given order then cost least where the first's cost by
end plus the second's least cost from `gap` slots later is least, one pass over the day.
"""

from __future__ import annotations

import itertools
import operator
from dataclasses import dataclass

from optimizer.model.blocks import BlockSpec, Choice
from optimizer.model.weights import DURATION, IDEAL_TIME

NONE = 10**12  # cost of a placement that does not exist


@dataclass(frozen=True)
class DayCosts:
    """One block's least weighted cost on one day, by where it starts and where it ends (slots
    from `base`)."""

    base: int
    from_start: list[int]  # least cost of a placement starting at base + i or later
    by_end: list[int]  # least cost of a placement ending at base + i
    shortest: int  # no placement ends before base + shortest


def day_costs(spec: BlockSpec, choices: list[Choice], ideal: int, weight: int) -> DayCosts:
    """`choices` are the block's fine choices on the day."""
    base, top = min(choice.lo for choice in choices), max(choice.hi for choice in choices)
    low, high = spec.min_len, spec.max_len
    by_start, by_end = [NONE] * (top - base + 1), [NONE] * (top - base + 1)
    wi, wd = weight * IDEAL_TIME, weight * DURATION
    for choice in choices:
        lo, hi = choice.lo, choice.hi
        # From a given start (or to a given end) the longest block never costs more.
        first, last = lo - base, lo + low - base
        starts = [wi * abs(s - ideal) + wd * (high - min(high, hi - s)) for s in range(lo, hi - low + 1)]
        ends = [
            wi * abs(e - min(high, e - lo) - ideal) + wd * (high - min(high, e - lo))
            for e in range(lo + low, hi + 1)
        ]
        # Choices of one day are separate stretches, but taking the lower cost keeps this safe anyway.
        by_start[first : first + len(starts)] = map(min, by_start[first : first + len(starts)], starts)
        by_end[last : last + len(ends)] = map(min, by_end[last : last + len(ends)], ends)
    from_start = list(itertools.accumulate(reversed(by_start), min))[::-1]
    return DayCosts(base, from_start, by_end, low)


def best_placement(spec: BlockSpec, choices: list[Choice], ideal: int, weight: int) -> tuple[int, int, int]:
    """The least weighted cost on the day and a (start, end) that costs it. Within a choice the cost
    is convex in the start (each start with its longest block), so only its corners need trying."""
    low, high = spec.min_len, spec.max_len
    best = (NONE, 0, 0)
    for choice in choices:
        first, last = choice.lo, choice.hi - low
        for start in {first, last, min(max(ideal, first), last), min(max(choice.hi - high, first), last)}:
            length = min(high, choice.hi - start)
            cost = weight * (IDEAL_TIME * abs(start - ideal) + DURATION * (high - length))
            best = min(best, (cost, start, start + length))
    return best


def least_in_order(first: DayCosts, second: DayCosts, gap: int) -> int:
    """The least total cost with `first` ending at least `gap` slots before `second` starts."""
    ends = first.by_end[first.shortest :]
    # second's start index for each end: negative ones see all of second's starts
    offset = first.base + first.shortest + gap - second.base
    ahead = [second.from_start[0]] * min(max(0, -offset), len(ends))
    tail = ahead + second.from_start[max(0, offset) : max(0, offset) + len(ends) - len(ahead)]
    return min(map(operator.add, ends, tail), default=NONE)
