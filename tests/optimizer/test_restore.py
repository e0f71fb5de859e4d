"""Putting a fresh plan's blocks back where the previous plan had them, where no rule is broken."""

from __future__ import annotations

from datetime import timedelta

import pytest

from optimizer.domain import BlockKind, Frequency, Habit, PlacedBlock, Priority, Task
from optimizer.generate import FAMILIES
from optimizer.model.packing import packed_plan
from optimizer.model.restore import restored
from optimizer.model.standing import still_standing
from optimizer.model.start_choice import loss
from optimizer.solution import Placement
from optimizer.validate import validate
from tests.optimizer.weeks import at, meeting, week

TASK = Task(id="t", title="T", effort=60, min_chunk=60, max_chunk=60, priority=Priority.CRITICAL)
WALK = Habit(id="walk", name="Walk", min_duration=30, max_duration=30, frequency=Frequency.DAILY)


def block(item: str, kind: BlockKind, day: int, start: float, minutes: int) -> Placement:
    begin = at(day, start)
    return Placement(
        item_id=item, kind=kind, occurrence=0, title=item, start=begin, end=begin + timedelta(minutes=minutes)
    )


def previous(*placements: Placement) -> tuple[PlacedBlock, ...]:
    return tuple(
        PlacedBlock(item_id=p.item_id, kind=p.kind, occurrence=p.occurrence, start=p.start, end=p.end)
        for p in placements
    )


def work_lengths(plan: list[Placement]) -> list[tuple[str, timedelta]]:
    return sorted((p.item_id, p.end - p.start) for p in plan if p.kind is not BlockKind.HABIT)


def spans(plan: list[Placement], item: str) -> list[tuple[float, float]]:
    hour = timedelta(hours=1)
    return sorted(((p.start - at(0, 0)) / hour, (p.end - at(0, 0)) / hour) for p in plan if p.item_id == item)


def test_a_chunk_goes_back_where_it_was_when_that_time_is_free() -> None:
    was = block("t", BlockKind.TASK, 0, 14, 60)
    instance = week(days=1, tasks=(TASK,), previous_plan=previous(was))
    fresh = [block("t", BlockKind.TASK, 0, 9, 60)]
    plan = restored(instance, fresh, still_standing(instance, "schedule"))
    assert spans(plan, "t") == [(14, 15)]
    assert validate(instance, plan, kind="schedule") == []
    assert loss(instance, plan) == 0 < loss(instance, fresh)


def test_a_chunk_stays_put_when_another_block_took_its_old_time() -> None:
    was = block("t", BlockKind.TASK, 0, 14, 60)
    instance = week(days=1, tasks=(TASK,), habits=(WALK,), previous_plan=previous(was))
    fresh = [block("t", BlockKind.TASK, 0, 9, 60), block("walk", BlockKind.HABIT, 0, 14.5, 30)]
    assert restored(instance, fresh, still_standing(instance, "schedule")) == fresh


def test_a_chunk_does_not_go_back_before_the_task_it_waits_for_ends() -> None:
    first = Task(id="a", title="A", effort=60, min_chunk=60, max_chunk=60)
    second = TASK.model_copy(update={"depends_on": ("a",)})
    was = block("t", BlockKind.TASK, 0, 9, 60)
    instance = week(days=1, tasks=(first, second), previous_plan=previous(was))
    fresh = [block("a", BlockKind.TASK, 0, 10, 60), block("t", BlockKind.TASK, 0, 14, 60)]
    assert restored(instance, fresh, still_standing(instance, "schedule")) == fresh


def test_a_chunk_does_not_go_back_to_a_day_at_its_cap() -> None:
    other = Task(id="o", title="O", effort=60, min_chunk=60, max_chunk=60)
    was = block("t", BlockKind.TASK, 0, 14, 60)
    instance = week(days=2, tasks=(TASK, other), daily_cap_minutes=60, previous_plan=previous(was))
    fresh = [block("o", BlockKind.TASK, 0, 9, 60), block("t", BlockKind.TASK, 1, 9, 60)]
    assert restored(instance, fresh, still_standing(instance, "schedule")) == fresh


def test_an_occurrence_goes_back_within_its_day_but_not_to_another_day() -> None:
    monday, tuesday = block("walk", BlockKind.HABIT, 0, 12, 30), block("walk", BlockKind.HABIT, 1, 12, 30)
    instance = week(days=3, habits=(WALK,), previous_plan=previous(monday, tuesday))
    fresh = [block("walk", BlockKind.HABIT, 0, 7, 30), block("walk", BlockKind.HABIT, 2, 7, 30)]
    plan = restored(instance, fresh, still_standing(instance, "schedule"))
    assert spans(plan, "walk") == [(12, 12.5), (55, 55.5)]  # Tuesday's had no occurrence to take its part
    assert validate(instance, plan, kind="schedule") == []


def test_an_occurrence_keeps_its_buffer_off_a_meeting() -> None:
    buffered = WALK.model_copy(update={"buffer_after": 15})
    was = block("walk", BlockKind.HABIT, 0, 12, 30)
    instance = week(
        days=1, habits=(buffered,), events=(meeting("Sync", 0, 12.5, 13),), previous_plan=previous(was)
    )
    fresh = [block("walk", BlockKind.HABIT, 0, 7, 30)]
    # The meeting arrived after the previous plan: the block no longer stands, so nothing moves.
    assert restored(instance, fresh, still_standing(instance, "schedule")) == fresh


@pytest.mark.parametrize("seed", [0, 22, 28])
def test_restored_fresh_plans_of_generated_replans_stay_valid_and_move_less(seed: int) -> None:
    instance = FAMILIES["typical"](seed)
    assert instance.previous_plan  # these seeds re-plan
    fresh = packed_plan(instance)
    plan = restored(instance, fresh, still_standing(instance, "schedule"))
    assert validate(instance, plan, kind="schedule") == []
    # The same work, in chunks of the same lengths (an occurrence may take its old length back).
    assert work_lengths(plan) == work_lengths(fresh)
    assert loss(instance, plan) < loss(instance, fresh)
