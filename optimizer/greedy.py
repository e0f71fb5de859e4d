"""The baseline the product is measured against: what a typical scheduling assistant does.

Items go one at a time, never revisited: habits by priority, each occurrence to the free start nearest
its ideal time; then tasks and goal work by priority and due date, each chunk to the earliest free
time; then focus blocks. Busy events and frozen blocks are taken first. It keeps every hard rule the
validator checks (reading partly covered slots as taken), but proves nothing and may leave work out.
"""

from __future__ import annotations

from optimizer.baseline.board import Board
from optimizer.baseline.focus import place_focus
from optimizer.baseline.habits import HabitPlacer
from optimizer.baseline.work import WorkPlacer, in_order
from optimizer.domain import BlockKind, Instance, PlacedBlock
from optimizer.solution import Placement
from optimizer.windows import busy_windows, frozen_blocks


def as_placement(instance: Instance, block: PlacedBlock) -> Placement:
    names = {h.id: h.name for h in instance.habits} if block.kind is BlockKind.HABIT else {}
    names |= {t.id: t.title for t in instance.work_items() if t.kind is block.kind}
    title = names.get(block.item_id, "Focus" if block.kind is BlockKind.FOCUS else block.item_id)
    fields = block.model_dump(include={"item_id", "kind", "occurrence", "start", "end"})
    return Placement(title=title, **fields)


def start_board(instance: Instance, include_tasks: bool) -> tuple[Board, list[Placement]]:
    """The board with busy time and frozen blocks taken, and the frozen blocks the plan keeps."""
    board = Board(instance)
    for start, end in busy_windows(instance):
        board.occupy(start, end)
    kept: list[Placement] = []
    buffers = {h.id: (h.buffer_before, h.buffer_after) for h in instance.habits}
    for block in frozen_blocks(instance):
        is_habit = block.kind is BlockKind.HABIT
        board.occupy(block.start, block.end, *(buffers.get(block.item_id, (0, 0)) if is_habit else (0, 0)))
        if is_habit or include_tasks:
            kept.append(as_placement(instance, block))
    return board, kept


def greedy_plan(instance: Instance, *, include_tasks: bool) -> list[Placement]:
    """A valid plan built greedily; `include_tasks` adds tasks, goal work and focus (OPTIMIZE_SCHEDULE)."""
    board, placed = start_board(instance, include_tasks)
    for habit in sorted(instance.habits, key=lambda h: (-h.priority, h.id)):
        placed += HabitPlacer(board, habit, placed).place()
    if include_tasks:
        tasks = instance.work_items()
        work = WorkPlacer(board, placed)
        for task in in_order(tasks):
            placed += work.place(task, tasks)
        if instance.focus is not None:
            placed += place_focus(board, instance.focus, placed)
    return sorted(placed, key=lambda p: (p.start, p.item_id))
