"""Greedy focus time: each local day, the earliest free stretches of at least `min_block` minutes in
focus hours, until the day's `daily_minutes` are protected (or the day, or the daily cap, runs out)."""

from __future__ import annotations

from optimizer.baseline.board import Board
from optimizer.baseline.capacity import Capacity
from optimizer.baseline.work import fill_day
from optimizer.domain import BlockKind, FocusPolicy
from optimizer.solution import Placement
from optimizer.windows import allowed_windows

FOCUS_ID = "focus"


def place_focus(board: Board, policy: FocusPolicy, placed: list[Placement]) -> list[Placement]:
    grid, capacity = board.grid, Capacity(board, placed)
    ok = board.free(board.allowed(allowed_windows(board.instance, policy.hours, None)))
    low = board.slots(policy.min_block)
    occurrence = max((p.occurrence + 1 for p in placed if p.kind is BlockKind.FOCUS), default=0)
    new: list[Placement] = []
    for day in capacity.days:
        want = min(max(board.slots(policy.daily_minutes), low), capacity.slots_left(day))
        if policy.daily_minutes == 0:
            continue
        picks = fill_day(ok, board.inside(day), (low, want), want)
        for start, length in picks:
            begin, end = grid.time(start), grid.time(start + length)
            board.occupy(begin, end)
            capacity.add(begin, end)
            new.append(
                Placement(
                    item_id=FOCUS_ID,
                    kind=BlockKind.FOCUS,
                    occurrence=occurrence + len(new),
                    title="Focus",
                    start=begin,
                    end=end,
                )
            )
    return new
