"""Greedy habits: period by period, each missing occurrence goes to the free start nearest the ideal time.

The longest duration that fits anywhere in the period wins; among starts, the least-used day comes first
(so weekly habits spread), then the distance to the ideal time, then the earlier start. Lengths are the
whole slots an occurrence reserves; it lasts at most `max_duration` (`optimizer.durations`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, datetime, timedelta

from optimizer.baseline.board import Board, forbid, runs
from optimizer.domain import BlockKind, Frequency, Habit
from optimizer.durations import habit_slots, lasts
from optimizer.solution import Placement
from optimizer.timegrid import LocalDay, local_days, to_utc
from optimizer.windows import allowed_windows

Choice = tuple[tuple[int, float, int], int]  # (load on the day, minutes off ideal, start slot), start slot


def period_of(habit: Habit, day: date) -> object:
    return day if habit.frequency is Frequency.DAILY else day.isocalendar()[:2]


def periods(board: Board, habit: Habit) -> dict[object, list[LocalDay]]:
    grouped: dict[object, list[LocalDay]] = defaultdict(list)
    for day in local_days(board.instance):
        grouped[period_of(habit, day.date)].append(day)
    return grouped


def start_on(board: Board, habit: Habit, day: LocalDay, lo: int, hi: int) -> tuple[float, int]:
    """The start in [lo, hi] nearest the ideal time on `day` (earliest without one), with its distance."""
    if habit.ideal_time is None:
        return 0.0, lo
    ideal = to_utc(day.date, habit.ideal_time, board.instance)
    near = board.grid.slot(ideal)
    options = {min(max(s, lo), hi) for s in (near, near + 1)}
    return min((abs(board.grid.time(s) - ideal) / timedelta(minutes=1), s) for s in options)


def best_start(
    board: Board, habit: Habit, ok: bytearray, days: list[LocalDay], length: int, load: Counter[date]
) -> Choice | None:
    best: Choice | None = None
    for day in days:
        if day.weekday not in habit.allowed_days:
            continue
        first = max(board.grid.slot_ceil(day.start), 0)
        last = board.grid.slot_ceil(day.end) - 1  # a start in this local day
        for run_start, run_end in runs(ok, first, last + length):
            lo, hi = max(run_start, first), min(run_end - length, last)
            if lo <= hi:
                distance, start = start_on(board, habit, day, lo, hi)
                choice = ((load[day.date], distance, start), start)
                best = choice if best is None or choice < best else best
    return best


class HabitPlacer:
    def __init__(self, board: Board, habit: Habit, placed: list[Placement]) -> None:
        self.board, self.habit = board, habit
        windows = allowed_windows(board.instance, habit.hours, habit.custom_hours, habit.allowed_days)
        self.before, self.after = board.slots(habit.buffer_before), board.slots(habit.buffer_after)
        self.ok = board.free(board.allowed(windows), self.before, self.after)
        self.mine = [p for p in placed if p.kind is BlockKind.HABIT and p.item_id == habit.id]
        self.margin = max(self.before, self.after, board.slots(habit.min_spacing))
        for placement in self.mine:
            self.keep_away(board.grid.slot(placement.start), board.grid.slot_ceil(placement.end))

    def keep_away(self, start: int, end: int) -> None:
        """No later occurrence may come within buffers or the minimum spacing of [start, end)."""
        forbid(self.ok, start - self.margin, end + self.margin)

    def local_date(self, when: datetime) -> date:
        return when.astimezone(self.board.instance.zone).date()

    def lengths(self) -> range:
        low, high = habit_slots(self.habit, self.board.grid.minutes_per_slot)
        return range(high, low - 1, -1)

    def place(self) -> list[Placement]:
        new: list[Placement] = []
        load = Counter(self.local_date(p.start) for p in self.mine)
        done = Counter(period_of(self.habit, self.local_date(p.start)) for p in self.mine)
        occurrence = max((p.occurrence + 1 for p in self.mine), default=0)
        for key, days in periods(self.board, self.habit).items():
            for _ in range(self.habit.times_per_period - done[key]):
                placement = self.place_one(days, load, occurrence + len(new))
                if placement is None:
                    break
                new.append(placement)
                load[self.local_date(placement.start)] += 1
        return new

    def place_one(self, days: list[LocalDay], load: Counter[date], occurrence: int) -> Placement | None:
        for length in self.lengths():
            choice = best_start(self.board, self.habit, self.ok, days, length, load)
            if choice is not None:
                return self.commit(choice[1], length, occurrence)
        return None

    def commit(self, start: int, length: int, occurrence: int) -> Placement:
        grid, habit = self.board.grid, self.habit
        self.keep_away(start, start + length)
        self.board.occupy(
            grid.time(start), grid.time(start + length), habit.buffer_before, habit.buffer_after
        )
        minutes = lasts(length, habit.max_duration, grid.minutes_per_slot)
        return Placement(
            item_id=habit.id,
            kind=BlockKind.HABIT,
            occurrence=occurrence,
            title=habit.name,
            start=grid.time(start),
            end=grid.time(start) + timedelta(minutes=minutes),
        )
