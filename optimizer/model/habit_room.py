"""Habits of the packed start, kept off time that narrower work needs when work is short of it.

A walk allowed at any hour but ideally at 15:30 sits, with its buffers, in the last hour of the
working day; when working-hours tasks are short of working time, that hour is worth far more to
them (a minute of work left out costs more than a minute of any habit away from its ideal time).
So when the work still to place with some hours strictly inside a habit's (working hours inside
any hours) asks for at least `SCARCE` of the free time it could use, the habit goes where that work
cannot, provided it then misses no
occurrence; otherwise it is placed as greedy places it. Habits are placed at their shortest.
"""

from __future__ import annotations

import copy
from collections.abc import Callable

from optimizer.baseline.board import Board
from optimizer.baseline.habits import HabitPlacer
from optimizer.domain import Habit
from optimizer.durations import habit_slots
from optimizer.model.contention import ContentionPlacer
from optimizer.solution import Placement
from optimizer.windows import allowed_windows

Placer = Callable[[Board, Habit, list[Placement]], HabitPlacer]
SCARCE = 0.25  # of the free time the narrower work could use, asked for by that work


def place_habit(
    board: Board, habit: Habit, placed: list[Placement], work: ContentionPlacer, placer: Placer = HabitPlacer
) -> list[Placement]:
    """The habit's occurrences, taken on `board` (each placed by `placer`, greedy's by default)."""
    short = shortest(habit, board.grid.minutes_per_slot)
    windows = allowed_windows(board.instance, habit.hours, habit.custom_hours, habit.allowed_days)
    scarce = work.scarce_inside(board.allowed(windows), SCARCE)
    if not any(scarce):
        return placer(board, short, placed).place()
    plain = placer(_copy(board), short, placed).place()
    trial = _copy(board)
    for slot, taken in enumerate(scarce):
        if taken:
            trial.core[slot] = 1
    aside = placer(trial, short, placed).place()
    if len(aside) < len(plain):
        return placer(board, short, placed).place()
    for occurrence in aside:
        board.occupy(occurrence.start, occurrence.end, habit.buffer_before, habit.buffer_after)
    return aside


def shortest(habit: Habit, slot_minutes: int) -> Habit:
    """The habit allowed only its fewest slots, lasting what the habit itself lasts in them."""
    low = habit_slots(habit, slot_minutes)[0]
    longest = max(habit.min_duration, min(habit.max_duration, low * slot_minutes))
    return habit.model_copy(update={"max_duration": longest})


def _copy(board: Board) -> Board:
    twin = copy.copy(board)
    twin.core, twin.pad = bytearray(board.core), bytearray(board.pad)
    return twin
