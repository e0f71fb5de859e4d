"""Lengthen a plan's habit occurrences into free time after them, up to their longest duration.

The packed start places habits at their shortest so that work fits first (a minute of work left out
costs far more than a minute of a habit cut short); once the work is placed, each occurrence grows
at its end while the time after it is free, inside its hours and its local day, with its after-
buffer still off every other block and its minimum spacing kept. Blocks that may not move stay.
"""

from __future__ import annotations

from datetime import timedelta

from optimizer.baseline.board import Board
from optimizer.domain import BlockKind, Habit, Instance
from optimizer.durations import habit_slots, lasts
from optimizer.solution import Placement
from optimizer.timegrid import local_days
from optimizer.windows import allowed_windows, busy_windows, frozen_blocks


class Taken:
    """How many blocks (and busy events) cover each slot, and how many buffers: counts, so that one
    block can be taken out and put back."""

    def __init__(self, n_slots: int) -> None:
        self.core = [0] * n_slots
        self.pad = [0] * n_slots

    def mark(self, span: tuple[int, int], pads: tuple[int, int], step: int) -> None:
        start, end = span
        for s in range(max(start, 0), min(end, len(self.core))):
            self.core[s] += step
        for s in [*range(start - pads[0], start), *range(end, end + pads[1])]:
            if 0 <= s < len(self.pad):
                self.pad[s] += step

    def clear(self, lo: int, hi: int, *, pad_too: bool) -> bool:
        lo, hi = max(lo, 0), min(hi, len(self.core))
        return all(self.core[s] == 0 and (not pad_too or self.pad[s] == 0) for s in range(lo, hi))


class Stretcher:
    def __init__(self, instance: Instance, plan: list[Placement]) -> None:
        self.board = board = Board(instance)
        self.habits = {habit.id: habit for habit in instance.habits}
        self.taken = Taken(board.grid.n_slots)
        for start, end in busy_windows(instance):
            self.taken.mark((board.grid.slot(start), board.grid.slot_ceil(end)), (0, 0), 1)
        for block in plan:
            self.taken.mark(self.span(block), self.pads(block), 1)
        self.day_ends = [(day.start, board.grid.slot(day.end)) for day in local_days(instance)]

    def span(self, block: Placement) -> tuple[int, int]:
        return self.board.grid.slot(block.start), self.board.grid.slot_ceil(block.end)

    def pads(self, block: Placement) -> tuple[int, int]:
        habit = self.habit_of(block)
        return (
            (0, 0)
            if habit is None
            else (self.board.slots(habit.buffer_before), self.board.slots(habit.buffer_after))
        )

    def habit_of(self, block: Placement) -> Habit | None:
        return self.habits.get(block.item_id) if block.kind is BlockKind.HABIT else None

    def longest(self, habit: Habit, block: Placement, allowed: bytearray, later: list[int]) -> Placement:
        """The block ending as late as the free time after it allows; `later` are the start slots of
        the habit's other occurrences."""
        board, slot = self.board, self.board.grid.minutes_per_slot
        start, end = self.span(block)
        day_end = next(last for first, last in reversed(self.day_ends) if first <= block.start)
        spacing, after = board.slots(habit.min_spacing), board.slots(habit.buffer_after)
        limit = min([day_end, start + habit_slots(habit, slot)[1], *(s - spacing for s in later if s >= end)])
        best = end
        for new_end in range(end + 1, limit + 1):
            if not allowed[new_end - 1] or not self.taken.clear(new_end - 1, new_end, pad_too=True):
                break
            if self.taken.clear(new_end, new_end + after, pad_too=False):
                best = new_end
        if best == end:
            return block
        minutes = lasts(best - start, habit.max_duration, slot)
        return block.model_copy(update={"end": block.start + timedelta(minutes=minutes)})


def stretched(instance: Instance, plan: list[Placement]) -> list[Placement]:
    """The plan with its movable habit occurrences made longer where the time after them is free,
    highest priority first."""
    stretcher = Stretcher(instance, plan)
    fixed = {(b.item_id, b.kind, b.start, b.end) for b in frozen_blocks(instance)}
    board, result = stretcher.board, list(plan)
    masks: dict[str, bytearray] = {}
    movable = [i for i, b in enumerate(plan) if (b.item_id, b.kind, b.start, b.end) not in fixed]
    for index in sorted(movable, key=lambda i: (-_priority(stretcher.habit_of(plan[i])), plan[i].start)):
        block = plan[index]
        habit = stretcher.habit_of(block)
        span = stretcher.span(block)
        if habit is None or span[1] - span[0] >= habit_slots(habit, board.grid.minutes_per_slot)[1]:
            continue
        if habit.id not in masks:
            windows = allowed_windows(instance, habit.hours, habit.custom_hours, habit.allowed_days)
            masks[habit.id] = board.allowed(windows)
        later = [board.grid.slot(p.start) for p in result if stretcher.habit_of(p) is habit]
        stretcher.taken.mark(stretcher.span(block), stretcher.pads(block), -1)
        result[index] = stretcher.longest(habit, block, masks[habit.id], later)
        stretcher.taken.mark(stretcher.span(result[index]), stretcher.pads(block), 1)
    return sorted(result, key=lambda p: (p.start, p.item_id))


def _priority(habit: Habit | None) -> int:
    return 0 if habit is None else int(habit.priority)
