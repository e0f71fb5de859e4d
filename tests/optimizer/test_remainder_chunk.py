"""The rest of a task's effort is one shorter last chunk that reserves only the whole slots it needs.

75 minutes in chunks of an hour are 60 + 15; the 15 takes one slot, not an hour. Only the chunk
that completes the effort, the last in time, may be shorter than the smallest chunk; the model,
the greedy baseline and the validator agree on that.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from optimizer.domain import BlockKind, Instance, PlacedBlock, Task, TimeWindow, Weekday
from optimizer.greedy import greedy_plan
from optimizer.schedule import build_schedule
from optimizer.solution import Placement
from optimizer.solve import optimize_schedule
from optimizer.validate import validate
from tests.optimizer.weeks import at, hours, week

HOUR = Task(id="hour", title="Hour", effort=75, min_chunk=60, max_chunk=60)
MAIL = Task(id="mail", title="Mail", effort=15, min_chunk=15, max_chunk=15)


def monday(*windows: tuple[TimeWindow, ...], tasks: tuple[Task, ...]) -> Instance:
    """One Monday whose working hours are `windows`."""
    return week(days=1, tasks=tasks, working_hours={Weekday.MON: sum(windows, ())})


def lengths(plan: list[Placement] | tuple[Placement, ...], item: str) -> list[int]:
    mine = sorted((p for p in plan if p.item_id == item), key=lambda p: p.start)
    return [(p.end - p.start) // timedelta(minutes=1) for p in mine]


def plans(instance: Instance) -> list[tuple[str, list[Placement]]]:
    """The optimizer's plan and the greedy one, each checked by the validator."""
    found = [
        ("optimizer", list(optimize_schedule(instance).placements)),
        ("greedy", greedy_plan(instance, include_tasks=True)),
    ]
    for name, plan in found:
        assert validate(instance, plan, kind="schedule") == [], name
    return found


def test_the_model_budgets_the_rest_in_whole_slots_not_whole_chunks() -> None:
    built = build_schedule(monday(hours(9, 17), tasks=(HOUR,)))
    (work,) = built.works
    assert work.budget == 5
    assert [(spec.min_len, spec.max_len) for spec in work.blocks] == [(4, 4), (1, 4)]


def test_seventy_five_minutes_in_hours_are_sixty_and_fifteen_leaving_room_for_more() -> None:
    # 60 + 15 + 15 fill 09:00-10:30; a last chunk reserving an hour would leave no room for the mail.
    instance = monday(hours(9, 10.5), tasks=(HOUR, MAIL))
    for name, plan in plans(instance):
        assert lengths(plan, "hour") == [60, 15], name
        assert lengths(plan, "mail") == [15], name
    solution = optimize_schedule(instance)
    assert solution.unplaced == ()


def test_the_last_chunk_fits_a_gap_of_its_own_size() -> None:
    instance = monday(hours(9, 10), hours(10.75, 11), tasks=(HOUR,))
    for name, plan in plans(instance):
        hour = sorted((p for p in plan if p.item_id == "hour"), key=lambda p: p.start)
        assert [(p.start, p.end) for p in hour] == [(at(0, 9), at(0, 10)), (at(0, 10.75), at(0, 11))], name


def test_a_short_chunk_that_would_not_be_the_last_is_not_placed() -> None:
    # 15 + 30 + 30 would add up to 75 minutes, but its short chunk comes first: 30 + 30, 15 left out.
    flexible = HOUR.model_copy(update={"min_chunk": 30})
    instance = monday(hours(9, 9.25), hours(9.5, 10), hours(10.25, 10.75), tasks=(flexible,))
    for name, plan in plans(instance):
        assert lengths(plan, "hour") == [30, 30], name
    assert [(u.item_id, u.minutes) for u in optimize_schedule(instance).unplaced] == [("hour", 15)]


def test_a_short_chunk_that_would_not_complete_the_effort_is_not_placed() -> None:
    # 60 + 15 are not 90 minutes: the 15 would be a short chunk that completes nothing.
    flexible = HOUR.model_copy(update={"effort": 90, "min_chunk": 30})
    instance = monday(hours(9, 10), hours(10.25, 10.5), tasks=(flexible,))
    for name, plan in plans(instance):
        assert lengths(plan, "hour") == [60], name
    assert [(u.item_id, u.minutes) for u in optimize_schedule(instance).unplaced] == [("hour", 30)]


def test_chunks_of_twenty_minutes_on_a_fifteen_minute_grid_leave_ten_in_one_slot() -> None:
    notes = Task(id="notes", title="Notes", effort=50, min_chunk=20, max_chunk=20)
    instance = monday(hours(9, 10.25), tasks=(notes,))  # 20 + 20 + 10 reserve 30 + 30 + 15 minutes
    for name, plan in plans(instance):
        assert lengths(plan, "notes") == [20, 20, 10], name


def test_greedy_puts_the_short_chunk_after_the_chunks_already_placed() -> None:
    # An hour of the task is locked in the afternoon (as the repair locks what the solver placed):
    # the 15 minutes left come after it, the last chunk, not into the free morning.
    locked = PlacedBlock(item_id="hour", kind=BlockKind.TASK, start=at(0, 14), end=at(0, 15), locked=True)
    instance = monday(hours(9, 17), tasks=(HOUR,)).model_copy(update={"previous_plan": (locked,)})
    plan = greedy_plan(instance, include_tasks=True)
    assert [(p.start, p.end) for p in plan] == [(at(0, 14), at(0, 15)), (at(0, 15), at(0, 15.25))]
    assert validate(instance, plan, kind="schedule") == []


def test_greedy_puts_a_rest_short_in_minutes_but_not_in_slots_after_the_chunks_placed() -> None:
    # 77 minutes in chunks of 30-60 with an hour locked at 14:00: the 17 minutes left reserve two
    # slots, as many as a 30-minute chunk, but last less than the smallest chunk, so they go last.
    task = Task(id="hour", title="Hour", effort=77, min_chunk=30, max_chunk=60)
    locked = PlacedBlock(item_id="hour", kind=BlockKind.TASK, start=at(0, 14), end=at(0, 15), locked=True)
    instance = monday(hours(9, 17), tasks=(task,)).model_copy(update={"previous_plan": (locked,)})
    plan = greedy_plan(instance, include_tasks=True)
    end = at(0, 15) + timedelta(minutes=17)
    assert [(p.start, p.end) for p in plan] == [(at(0, 14), at(0, 15)), (at(0, 15), end)]
    assert validate(instance, plan, kind="schedule") == []


def chunk(start: float, minutes: int, occurrence: int) -> Placement:
    begin = at(0, start)
    end = begin + timedelta(minutes=minutes)
    return Placement(
        item_id="hour", kind=BlockKind.TASK, occurrence=occurrence, title="Hour", start=begin, end=end
    )


@pytest.mark.parametrize(
    ("chunks", "expected"),
    [
        ([(9, 60), (10, 15)], set()),
        ([(9, 60), (11, 15)], set()),
        ([(9, 15), (10, 60)], {"chunk_size"}),  # the short chunk is not the last one
        ([(9, 60), (10, 10)], {"chunk_size"}),  # 70 minutes: the short chunk completes nothing
        ([(9, 15)], {"chunk_size"}),
    ],
)
def test_the_validator_lets_only_the_completing_chunk_be_short(
    chunks: list[tuple[float, int]], expected: set[str]
) -> None:
    instance = monday(hours(9, 17), tasks=(HOUR,))
    plan = [chunk(start, minutes, k) for k, (start, minutes) in enumerate(chunks)]
    assert {v.rule for v in validate(instance, plan, kind="schedule")} == expected
