"""Greedy tasks and goal work: in priority order, dependencies first, chunks into the earliest free time.

Chunks stay inside one local day, so the daily cap can be kept day by day. They reserve whole slots
and last what `optimizer.durations` says: the one that completes the effort is what is left of it,
reserving only the slots it needs, and ends where the effort runs out; shorter than the smallest
chunk, it goes after the chunks already placed, the last (`rest`: short in minutes, not only slots).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from optimizer.baseline.board import Board, forbid, runs
from optimizer.baseline.capacity import Capacity
from optimizer.baseline.rest import Rest
from optimizer.domain import Task
from optimizer.durations import chunk_slots, lasts, up_to, work_budget
from optimizer.solution import Placement
from optimizer.windows import allowed_windows

FAR = datetime.max.replace(tzinfo=UTC)
Pair = tuple[int, int]


def urgency(task: Task) -> tuple[int, datetime, str]:
    return -task.priority, task.due or FAR, task.id


def in_order(tasks: tuple[Task, ...], key: Callable[[Task], Any] = urgency) -> list[Task]:
    """Smallest `key` (by default, most urgent) first, but never before what it depends on; tasks
    caught in a cycle are left out."""
    by_id = {task.id: task for task in tasks}
    waiting = {task.id: {d for d in task.depends_on if d in by_id and d != task.id} for task in tasks}
    ready = [(key(task), task.id) for task in tasks if not waiting[task.id]]
    heapq.heapify(ready)
    ordered: list[Task] = []
    while ready:
        task = by_id[heapq.heappop(ready)[1]]
        ordered.append(task)
        for other, deps in waiting.items():
            if task.id in deps:
                deps.discard(task.id)
                if not deps:
                    heapq.heappush(ready, (key(by_id[other]), other))
    return ordered


def fill_day(ok: bytearray, span: Pair, sizes: Pair, most: int, rest: Rest | None = None) -> list[Pair]:
    """The earliest chunks (start, length) in ok[span], each of `sizes` (min, max) slots, totalling at
    most `most` slots; the chosen slots are taken out of `ok`. With `rest` (what the task's work still
    needs), the chunk that completes the work may be shorter, all of the rest, but only after the
    chunks already placed (it must be the last)."""
    low, high = sizes
    chosen: list[Pair] = []
    for run_start, run_end in runs(ok, *span):
        start = run_start
        while most > 0 and min(most, run_end - start) >= (low if rest is None else rest.shortest(low, start)):
            length = min(run_end - start, high, most)
            if rest is not None and rest.misplaced(start, length):
                break  # a short rest goes after the chunks placed, in a later run if any
            chosen.append((start, length))
            forbid(ok, start, start + length)
            start, most = start + length, most - length
            rest = None if rest is None else rest.took(length)
    return chosen


class WorkPlacer:
    def __init__(self, board: Board, placed: list[Placement]) -> None:
        self.board, self.placed = board, placed
        self.capacity = Capacity(board, placed)
        self.done: dict[str, datetime] = {}  # latest end of each task's chunks

    def chunks_of(self, task: Task) -> list[Placement]:
        return [p for p in self.placed if p.item_id == task.id and p.kind is task.kind]

    def window(self, task: Task, tasks: tuple[Task, ...]) -> tuple[int, int]:
        """Slots the task's new chunks must stay in: after its dependencies, before its hard due date
        and before any frozen chunk of a task that waits for it."""
        grid = self.board.grid
        starts = [grid.slot_ceil(task.earliest_start)] if task.earliest_start else []
        starts += [grid.slot_ceil(self.done[d]) for d in task.depends_on if d in self.done]
        ends = [grid.slot(task.due)] if task.due and task.due_is_hard else []
        waiting = (t for t in tasks if task.id in t.depends_on)
        ends += [grid.slot(p.start) for w in waiting for p in self.chunks_of(w)]
        return max([0, *starts]), min([grid.n_slots, *ends])

    def place(self, task: Task, tasks: tuple[Task, ...]) -> list[Placement]:
        board, slot = self.board, self.board.grid.minutes_per_slot
        frozen = self.chunks_of(task)
        occurrence = max((p.occurrence + 1 for p in frozen), default=0)
        remaining = max(0, task.effort - sum((p.end - p.start) // timedelta(minutes=1) for p in frozen))
        want = work_budget(task, remaining, slot)
        windows = allowed_windows(board.instance, task.hours, task.custom_hours)
        ok = board.free(board.allowed(windows))
        lo, hi = self.window(task, tasks)
        after = max((board.grid.slot_ceil(p.end) for p in frozen), default=0)
        taken: list[tuple[int, int]] = []
        for day in self.capacity.days:
            first, last = board.inside(day)
            most = min(want, self.capacity.slots_left(day))
            span, sizes = (max(first, lo), min(last, hi)), chunk_slots(task, slot)
            left = remaining - sum(lasts(n, task.max_chunk, slot) for _, n in taken)
            rest = Rest.of(task, want, left, after, slot)
            for start, length in fill_day(ok, span, sizes, most, rest):
                self.take(start, length)
                taken.append((start, length))
                want -= length
        new = self.chunks(task, taken, remaining, occurrence)
        ends = [p.end for p in frozen + new]
        if ends:
            self.done[task.id] = max(ends)
        return new

    def take(self, start: int, length: int) -> None:
        """The slots as the chunk reserves them, on the board and against the daily cap."""
        begin, end = self.board.grid.time(start), self.board.grid.time(start + length)
        self.board.occupy(begin, end)
        self.capacity.add(begin, end)

    def chunks(self, task: Task, taken: list[tuple[int, int]], remaining: int, first: int) -> list[Placement]:
        """The chunks as long as they last: the last one ends where the `remaining` effort does."""
        grid, slot = self.board.grid, self.board.grid.minutes_per_slot
        minutes = up_to([lasts(length, task.max_chunk, slot) for _, length in taken], remaining)
        return [
            Placement(
                item_id=task.id,
                kind=task.kind,
                occurrence=first + index,
                title=task.title,
                start=grid.time(start),
                end=grid.time(start) + timedelta(minutes=length),
            )
            for index, ((start, _), length) in enumerate(zip(taken, minutes, strict=True))
        ]
