"""The daily cap as the greedy planner keeps it: minutes of work (task, goal and focus blocks) per
local day, frozen blocks included, each counted as the model counts it: up to its end rounded up to
the grid."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta

from optimizer.baseline.board import Board
from optimizer.domain import BlockKind
from optimizer.solution import Placement
from optimizer.timegrid import LocalDay, local_days

WORK_KINDS = frozenset({BlockKind.TASK, BlockKind.GOAL, BlockKind.FOCUS})


class Capacity:
    """Minutes of work per local day, against the instance's daily cap."""

    def __init__(self, board: Board, placed: list[Placement]) -> None:
        self.board, self.cap = board, board.instance.daily_cap_minutes
        self.days = local_days(board.instance)
        self.used: dict[date, int] = defaultdict(int)
        for placement in placed:
            if placement.kind in WORK_KINDS:
                self.add(placement.start, placement.end)

    def add(self, start: datetime, end: datetime) -> None:
        grid = self.board.grid
        end = grid.time(grid.slot_ceil(end))
        for day in self.days:
            if start < day.end and day.start < end:
                self.used[day.date] += (min(end, day.end) - max(start, day.start)) // timedelta(minutes=1)

    def slots_left(self, day: LocalDay) -> int:
        if self.cap is None:
            return self.board.grid.n_slots
        return max(self.cap - self.used[day.date], 0) // self.board.grid.minutes_per_slot
