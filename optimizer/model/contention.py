"""Work placed so that flexible items leave scarce time to the items that need it.

Each task, in `work_order` order, prefers free time that no narrower task still to be placed could
use: first there before its (soft) due date, then anywhere before it, then the same after it. A
task that others wait for goes to the earliest free time instead, so that they keep their room.
Chunks follow the greedy baseline's rules (`optimizer.baseline.work`): inside one local day, within
the daily cap, only the last one in time shorter than the smallest chunk.
"""

from __future__ import annotations

from datetime import timedelta

from optimizer.baseline.board import Board, forbid
from optimizer.baseline.rest import Rest
from optimizer.baseline.work import WorkPlacer, fill_day
from optimizer.domain import Task
from optimizer.durations import chunk_slots, lasts, work_budget
from optimizer.model.work_order import by_contention, inherited
from optimizer.solution import Placement
from optimizer.windows import allowed_windows

MINUTE = timedelta(minutes=1)


class ContentionPlacer(WorkPlacer):
    def __init__(self, board: Board, placed: list[Placement], tasks: tuple[Task, ...]) -> None:
        """`placed` is the plan so far; the chunks placed are added to it."""
        super().__init__(board, placed)
        self.tasks = tasks
        self.allowed = {task.id: self._allowed(task) for task in tasks}
        self.masks: dict[str, bytearray] = {}  # free time in each task's hours and window, at first
        for task in tasks:
            lo, hi = self.window(task, tasks)
            mask = board.free(self.allowed[task.id])
            lo, hi = min(max(lo, 0), len(mask)), min(max(hi, lo, 0), len(mask))
            self.masks[task.id] = bytearray(lo) + mask[lo:hi] + bytearray(len(mask) - hi)
        self.room = {task_id: sum(mask) for task_id, mask in self.masks.items()}
        self.bits = {task_id: int.from_bytes(mask, "big") for task_id, mask in self.masks.items()}
        self.serves = inherited(tasks)
        self.waiting = by_contention(tasks, self.room)
        slot = board.grid.minutes_per_slot
        self.budget = {task.id: work_budget(task, self._remaining(task), slot) for task in tasks}

    def scarce_inside(self, allowed: bytearray, share: float) -> bytearray:
        """Free time that waiting tasks with hours strictly inside `allowed` need: for each such
        set of hours, where its tasks could go (at first) when they ask for at least `share` of it."""
        hours = int.from_bytes(allowed, "big")
        groups: dict[int, list[Task]] = {}
        for task in self.waiting:
            inside = int.from_bytes(self.allowed[task.id], "big")
            if inside & ~hours == 0 and inside != hours:
                groups.setdefault(inside, []).append(task)
        scarce = [task for tasks in groups.values() if self._short_of(tasks, share) for task in tasks]
        return self._wanted_by(scarce)

    def _short_of(self, tasks: list[Task], share: float) -> bool:
        return sum(self.budget[task.id] for task in tasks) >= share * sum(self._wanted_by(tasks))

    def _remaining(self, task: Task) -> int:
        return max(0, task.effort - sum((p.end - p.start) // MINUTE for p in self.chunks_of(task)))

    def place_level(self, level: int) -> None:
        """Every waiting task that serves `level` or more."""
        while self.waiting and self.serves[self.waiting[0].id] >= level:
            task = self.waiting.pop(0)
            narrower = [t for t in self.waiting if self.room[t.id] < self.room[task.id]]
            self.placed += self.place_avoiding(task, self._wanted_by(narrower))

    def place_avoiding(self, task: Task, avoid: bytearray) -> list[Placement]:
        """The task's chunks, in free time `avoid` does not mark where they can be, else anywhere."""
        board, grid, slot = self.board, self.board.grid, self.board.grid.minutes_per_slot
        frozen = self.chunks_of(task)
        occurrence = max((p.occurrence + 1 for p in frozen), default=0)
        remaining = self._remaining(task)
        want = work_budget(task, remaining, slot)
        ok = board.free(self.allowed[task.id])
        preferred = _without(ok, avoid)
        lo, hi = self.window(task, self.tasks)
        due = min(hi, grid.slot(task.due)) if task.due is not None else hi
        last_end = max((grid.slot_ceil(p.end) for p in frozen), default=0)
        taken: list[tuple[int, int]] = []
        tiers = [(preferred, due), (ok, due), (preferred, hi), (ok, hi)]
        if any(task.id in other.depends_on for other in self.waiting):
            tiers = [(ok, due), (ok, hi)]  # earliest: what waits for it can only start after it
        for mask, until in tiers:
            for day in self.capacity.days:
                first, last = board.inside(day)
                most = min(want, self.capacity.slots_left(day))
                span = (max(first, lo), min(last, until))
                left = remaining - sum(lasts(n, task.max_chunk, slot) for _, n in taken)
                if left < min(task.min_chunk, task.effort):
                    span = (max(span[0], last_end), span[1])  # a short rest goes last, as it must
                # The chunk completing the work may be short only after every chunk so far.
                rest = Rest.of(task, want, left, last_end, slot)
                for start, length in fill_day(mask, span, chunk_slots(task, slot), most, rest):
                    self.take(start, length)
                    forbid(ok, start, start + length)
                    forbid(preferred, start, start + length)
                    taken.append((start, length))
                    want -= length
                    last_end = max(last_end, start + length)
        new = self.chunks(task, sorted(taken), remaining, occurrence)
        ends = [p.end for p in frozen + new]
        if ends:
            self.done[task.id] = max(ends)
        return new

    def _allowed(self, task: Task) -> bytearray:
        return self.board.allowed(allowed_windows(self.board.instance, task.hours, task.custom_hours))

    def _wanted_by(self, tasks: list[Task]) -> bytearray:
        """1 where any of the tasks could go (at first); masks hold 0 or 1 per byte, so a bitwise
        or of them as integers is the slot-wise or."""
        n = self.board.grid.n_slots
        wanted = 0
        for task in tasks:
            wanted |= self.bits[task.id]
        return bytearray(wanted.to_bytes(n, "big"))


def _without(mask: bytearray, avoid: bytearray) -> bytearray:
    """1 where `mask` is and `avoid` is not (both hold 0 or 1 per slot: bitwise on integers)."""
    kept = int.from_bytes(mask, "big") & ~int.from_bytes(avoid, "big")
    return bytearray(kept.to_bytes(len(mask), "big"))
