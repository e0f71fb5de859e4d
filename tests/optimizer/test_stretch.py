"""Habit occurrences grow into the free time after them, never over a block, a buffer or a rule."""

from __future__ import annotations

from datetime import timedelta

from optimizer.domain import BlockKind, Habit, HoursKind, PlacedBlock
from optimizer.model.stretch import stretched
from optimizer.solution import Placement
from optimizer.validate import validate
from tests.optimizer.weeks import at, meeting, week


def occurrence(start: float, minutes: int, item: str = "read", number: int = 0) -> Placement:
    begin = at(0, start)
    return Placement(
        item_id=item,
        kind=BlockKind.HABIT,
        occurrence=number,
        title=item,
        start=begin,
        end=begin + timedelta(minutes=minutes),
    )


def reading(**fields: object) -> Habit:
    habit = Habit(id="read", name="Read", min_duration=30, max_duration=90, hours=HoursKind.ANY)
    return habit.model_copy(update=fields)


def test_an_occurrence_grows_up_to_its_longest_duration() -> None:
    instance = week(days=1, habits=(reading(),))
    plan = stretched(instance, [occurrence(9, 30)])
    assert [(p.start, p.end) for p in plan] == [(at(0, 9), at(0, 10.5))]
    assert validate(instance, plan, kind="habits") == []


def test_it_stops_at_a_meeting_keeping_its_buffer_off_it() -> None:
    instance = week(days=1, habits=(reading(buffer_after=15),), events=(meeting("Sync", 0, 10, 11),))
    plan = stretched(instance, [occurrence(9, 30)])
    assert [(p.start, p.end) for p in plan] == [(at(0, 9), at(0, 9.75))]
    assert validate(instance, plan, kind="habits") == []


def test_it_stops_at_another_block_and_keeps_the_minimum_spacing() -> None:
    habit = reading(min_spacing=30, times_per_period=2)
    instance = week(days=1, habits=(habit,))
    plan = stretched(instance, [occurrence(9, 30), occurrence(10.5, 30, number=1)])
    # The first ends 30 minutes before the second, which grows to its longest.
    assert [(p.start, p.end) for p in plan] == [(at(0, 9), at(0, 10)), (at(0, 10.5), at(0, 12))]
    assert validate(instance, plan, kind="habits") == []


def test_blocks_that_may_not_move_stay_as_they_are() -> None:
    locked = PlacedBlock(item_id="read", kind=BlockKind.HABIT, start=at(0, 9), end=at(0, 9.5), locked=True)
    instance = week(days=1, habits=(reading(),), previous_plan=(locked,))
    plan = stretched(instance, [occurrence(9, 30)])
    assert [(p.start, p.end) for p in plan] == [(at(0, 9), at(0, 9.5))]
