"""Which of the previous plan's blocks still stand: movable, inside their hours, off busy time."""

from __future__ import annotations

from datetime import timedelta

from optimizer.domain import BlockKind, PlacedBlock, Task
from optimizer.model.standing import still_standing
from tests.optimizer.weeks import at, meeting, week

TASK = Task(id="t", title="T", effort=75, min_chunk=60, max_chunk=60)


def chunk(start: float, minutes: int, *, locked: bool = False) -> PlacedBlock:
    begin = at(0, start)
    end = begin + timedelta(minutes=minutes)
    return PlacedBlock(item_id="t", kind=BlockKind.TASK, start=begin, end=end, locked=locked)


def test_blocks_stand_only_where_they_still_fit() -> None:
    free, on_meeting, evening, short = chunk(9, 60), chunk(11, 60), chunk(19, 60), chunk(14, 15)
    locked = chunk(15, 60, locked=True)
    instance = week(
        days=1,
        tasks=(TASK,),
        events=(meeting("Sync", 0, 11.5, 12),),
        previous_plan=(free, on_meeting, evening, short, locked),
    )
    # A meeting now takes part of 11-12, 19:00 is outside working hours, the 15 minutes completed the
    # task before (kept, a chunk after it would leave it short), and a locked block is frozen, not movable.
    assert still_standing(instance, "schedule") == [free]
    assert still_standing(instance, "habits") == []  # a habits plan moves no task blocks
