"""Half-open slot ranges [lo, hi) and the little set arithmetic the models need on them."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from optimizer.windows import merge

Span = tuple[int, int]


def merge_spans(spans: Iterable[Span]) -> list[Span]:
    """Sorted, non-empty spans with overlapping or touching ones joined."""
    return merge(spans)


def subtract(spans: Iterable[Span], holes: Iterable[Span]) -> list[Span]:
    """The parts of `spans` that no hole covers."""
    cut = merge_spans(holes)
    left: list[Span] = []
    for lo, hi in merge_spans(spans):
        for hole_lo, hole_hi in cut:
            if hole_hi <= lo or hole_lo >= hi:
                continue
            if hole_lo > lo:
                left.append((lo, hole_lo))
            lo = max(lo, hole_hi)
        if hi > lo:
            left.append((lo, hi))
    return left


def intersect(spans: Iterable[Span], bounds: Span) -> list[Span]:
    lo, hi = bounds
    return [(max(a, lo), min(b, hi)) for a, b in merge_spans(spans) if min(b, hi) > max(a, lo)]


def end_before(merged: list[Span], point: int) -> int | None:
    """The latest end at or before `point` among merged spans, if any."""
    index = bisect.bisect_right(merged, point, key=lambda span: span[0]) - 1
    while index >= 0:
        if merged[index][1] <= point:
            return merged[index][1]
        index -= 1
    return None


def start_after(merged: list[Span], point: int) -> int | None:
    """The earliest start at or after `point` among merged spans, if any."""
    index = bisect.bisect_left(merged, point, key=lambda span: span[0])
    return merged[index][0] if index < len(merged) else None
