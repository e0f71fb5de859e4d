"""Habit occurrences placed where they cut the free time work is short of the least.

Near its ideal time a habit often sits in the middle of a free stretch of working hours; with its
buffers it then leaves two pieces, each maybe too short for any chunk of work, and the work they
could have held is left out (a minute of it costs far more than a minute of a habit away from its
ideal time, `weights.py`). Here each start is priced as its distance from the ideal time, times
the habit's priority weight, plus, for each slot of that free time it makes unusable (the slots
its core and buffers take, and the pieces it leaves shorter than the shortest chunk), what a slot
of low-priority work left out costs. Besides the start nearest the ideal time, the starts tried
are the ends of each free run of the habit and those that put its block, buffers included, flush
against an edge of the work's free time. Which habits go aside, and at what length, is decided as
in `habit_room`.
"""

from __future__ import annotations

import bisect
from collections import Counter
from datetime import date, timedelta

from optimizer.baseline.board import Board, runs
from optimizer.baseline.habits import HabitPlacer
from optimizer.domain import Habit
from optimizer.durations import chunk_slots
from optimizer.model.contention import ContentionPlacer
from optimizer.model.habit_room import SCARCE, place_habit
from optimizer.model.weights import PRIORITY_WEIGHT, unplaced_weight
from optimizer.solution import Placement
from optimizer.timegrid import LocalDay, to_utc

MINUTE = timedelta(minutes=1)
Choice = tuple[tuple[int, float, int], int]  # (load on the day, price, start slot), start slot


class Usable:
    """Free time work can use, as runs, and how much of it stays usable when a span is taken."""

    def __init__(self, mask: bytearray, shortest: int) -> None:
        self.shortest = shortest
        self.runs = runs(mask, 0, len(mask))
        self.starts = [start for start, _ in self.runs]

    def value(self, length: int) -> int:
        return length if length >= self.shortest else 0

    def lost(self, lo: int, hi: int) -> int:
        """Usable slots lost when [lo, hi) is taken."""
        lost = 0
        for start, end in self._overlapping(lo, hi):
            left, right = max(0, min(lo, end) - start), max(0, end - max(hi, start))
            lost += self.value(end - start) - self.value(left) - self.value(right)
        return lost

    def edges(self, lo: int, hi: int) -> set[int]:
        """Where runs begin and end in [lo, hi]."""
        found = {edge for run in self._overlapping(lo - 1, hi + 1) for edge in run}
        return {edge for edge in found if lo <= edge <= hi}

    def _overlapping(self, lo: int, hi: int) -> list[tuple[int, int]]:
        found = []
        for start, end in self.runs[max(bisect.bisect_right(self.starts, lo) - 1, 0) :]:
            if start >= hi:
                break
            if end > lo:
                found.append((start, end))
        return found


class SnugPlacer(HabitPlacer):
    """Greedy's habit placer, each occurrence at the start priced lowest (module doc), not nearest."""

    def __init__(
        self, board: Board, habit: Habit, placed: list[Placement], work: bytearray, shortest: int
    ) -> None:
        """`work` marks the free time work is short of; `shortest` is the fewest slots a chunk takes."""
        super().__init__(board, habit, placed)
        self.work, self.shortest = work, shortest
        grid = board.grid
        per_minute = unplaced_weight(grid.n_slots * grid.minutes_per_slot, grid.minutes_per_slot)
        self.waste = per_minute * grid.minutes_per_slot  # a slot of low-priority work left out
        self.weight = PRIORITY_WEIGHT[habit.priority]

    def place_one(self, days: list[LocalDay], load: Counter[date], occurrence: int) -> Placement | None:
        board = self.board
        taken = int.from_bytes(board.core, "big") | int.from_bytes(board.pad, "big")
        free = int.from_bytes(self.work, "big") & ~taken  # masks hold 0 or 1 per byte
        usable = Usable(bytearray(free.to_bytes(len(self.work), "big")), self.shortest)
        for length in self.lengths():
            best: Choice | None = None
            for day in days:
                for choice in self._choices(day, length, usable, load[day.date]):
                    best = choice if best is None or choice < best else best
            if best is not None:
                return self.commit(best[1], length, occurrence)
        return None

    def _choices(self, day: LocalDay, length: int, usable: Usable, load: int) -> list[Choice]:
        if day.weekday not in self.habit.allowed_days:
            return []
        grid, wanted = self.board.grid, self.habit.ideal_time
        ideal = None if wanted is None else to_utc(day.date, wanted, self.board.instance)
        first, last = max(grid.slot_ceil(day.start), 0), grid.slot_ceil(day.end) - 1
        found = []
        for run_start, run_end in runs(self.ok, first, last + length):
            lo, hi = max(run_start, first), min(run_end - length, last)
            if lo > hi:
                continue
            near = lo if ideal is None else min(max(grid.slot(ideal), lo), hi)
            for start in {lo, hi, near, min(near + 1, hi)} | self._flush(usable, lo, hi, length):
                off = 0.0 if ideal is None else abs(grid.time(start) - ideal) / MINUTE
                lost = usable.lost(start - self.before, start + length + self.after)
                found.append(((load, off * self.weight + self.waste * lost, start), start))
        return found

    def _flush(self, usable: Usable, lo: int, hi: int, length: int) -> set[int]:
        """Starts in [lo, hi] that put the block, buffers included, against an edge of usable time."""
        padded = length + self.before + self.after
        edges = usable.edges(lo - self.before, hi + length + self.after)
        return {s for e in edges for s in (e + self.before, e + self.before - padded) if lo <= s <= hi}


def place_snug(
    board: Board, habit: Habit, placed: list[Placement], work: ContentionPlacer
) -> list[Placement]:
    """The habit's occurrences as `habit_room` places them, each snug against the free time that
    work still waiting is short of (`SCARCE`)."""
    slot = board.grid.minutes_per_slot
    scarce = work.scarce_inside(bytearray(b"\x01" * board.grid.n_slots), SCARCE)
    fewest = min((chunk_slots(task, slot)[0] for task in work.waiting), default=1)

    def snug(board: Board, habit: Habit, placed: list[Placement]) -> HabitPlacer:
        return SnugPlacer(board, habit, placed, scarce, fewest)

    return place_habit(board, habit, placed, work, snug)
