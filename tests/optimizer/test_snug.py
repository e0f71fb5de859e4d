"""Habits placed snug: where they cut the free time work is short of the least."""

from __future__ import annotations

from optimizer.baseline.board import Board
from optimizer.domain import Habit, HoursKind, Priority, Task, Weekday
from optimizer.generate import heavy
from optimizer.greedy import start_board
from optimizer.model.contention import ContentionPlacer
from optimizer.model.habit_room import place_habit
from optimizer.model.packing import _packed, packed_plan
from optimizer.model.snug import Usable, place_snug
from optimizer.model.start_choice import cheaper, left_out
from optimizer.solution import Placement
from optimizer.validate import validate
from tests.optimizer.weeks import at, hours, meeting, week


def test_lost_counts_the_span_and_the_pieces_too_short_to_use() -> None:
    usable = Usable(bytearray([0, *[1] * 10, 0]), shortest=2)  # one run: slots 1-10
    assert usable.lost(5, 7) == 2  # pieces of 4 and 4 stay usable
    assert usable.lost(2, 4) == 3  # the piece left before it (slot 1) is too short
    assert usable.lost(1, 3) == 2  # flush against the run's start
    assert usable.lost(0, 2) == 1  # only one of its slots was usable time
    assert usable.lost(10, 12) == 1
    assert Usable(bytearray([1, 1, 0, 1]), shortest=2).lost(3, 4) == 0  # that slot was never usable


def test_edges_are_where_runs_of_usable_time_begin_and_end() -> None:
    usable = Usable(bytearray([0, 1, 1, 1, 0, 0, 1, 1]), shortest=2)
    assert usable.edges(0, 8) == {1, 4, 6, 8}
    assert usable.edges(2, 3) == set()


def review(priority: Priority = Priority.LOW) -> Habit:
    # Ideally at 11:00, in the middle of Monday's free morning; 30 minutes, 15-minute buffers.
    return Habit(
        id="review",
        name="Review",
        min_duration=30,
        max_duration=30,
        hours=HoursKind.WORKING,
        ideal_time=at(0, 11).time(),
        buffer_before=15,
        buffer_after=15,
        allowed_days=frozenset({Weekday.MON}),
        priority=priority,
    )


def work_week(habit: Habit) -> tuple[Board, list[Placement], ContentionPlacer]:
    # Monday 09:00-13:00 is the only working time, a meeting takes 09:00-10:00, and two tasks of
    # one-hour chunks ask for most of what is left.
    tasks = tuple(
        Task(id=f"t{n}", title=f"T{n}", effort=60, min_chunk=60, max_chunk=60, priority=Priority.HIGH)
        for n in range(2)
    )
    instance = week(
        days=1,
        working_hours={Weekday.MON: hours(9, 13)},
        events=(meeting("Standup", 0, 9, 10),),
        habits=(habit,),
        tasks=tasks,
    )
    board, placed = start_board(instance, include_tasks=True)
    return board, placed, ContentionPlacer(board, placed, instance.work_items())


def test_a_cheap_habit_goes_to_the_edge_of_the_free_time_rather_than_split_it() -> None:
    board, placed, work = work_week(review())
    plain_board, plain_placed, plain_work = work_week(review())

    snug = place_snug(board, review(), placed, work)
    plain = place_habit(plain_board, review(), plain_placed, plain_work)

    assert [p.start for p in plain] == [at(0, 11)]  # 10:00-10:45 and 11:45-13:00 left: one chunk fits
    # Flush against the end of working time: its after-buffer lies outside it, 10:00-12:15 stays whole.
    assert [(p.start, p.end) for p in snug] == [(at(0, 12.5), at(0, 13))]


def test_a_habit_whose_minutes_off_ideal_cost_more_stays_near_its_ideal_time() -> None:
    board, placed, work = work_week(review(Priority.CRITICAL))
    snug = place_snug(board, review(Priority.CRITICAL), placed, work)
    assert [p.start for p in snug] == [at(0, 11)]


def test_the_packed_start_takes_snug_habits_where_they_leave_out_less_and_keeps_every_rule() -> None:
    for seed in (1, 5):  # fortnights where the plain packed plans leave working-hours work out
        instance = heavy(seed)
        plain = cheaper(instance, [_packed(instance, habits_first=first) for first in (False, True)])
        packed = packed_plan(instance)
        assert left_out(instance, packed) < left_out(instance, plain)
        assert validate(instance, packed, kind="schedule") == []
