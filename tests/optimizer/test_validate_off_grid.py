"""The validator on lengths off the grid: a block occupies its time up to its end rounded up to the grid.

A 20-minute habit may end off a 15-minute grid, and nothing may use the rest of its last slot; a task's
chunks end on the grid unless they last `max_chunk` or complete the effort.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest

from optimizer.domain import BlockKind, CalendarEvent, Habit, HoursKind, Instance, Task, TimeWindow, Weekday
from optimizer.solution import Placement
from optimizer.validate import validate

HABIT, TASK = BlockKind.HABIT, BlockKind.TASK


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 1, 5, hour, minute, tzinfo=UTC)


def block(
    item: str, start: datetime, minutes: int, kind: BlockKind = HABIT, occurrence: int = 0
) -> Placement:
    end = start + timedelta(minutes=minutes)
    return Placement(item_id=item, kind=kind, occurrence=occurrence, title=item, start=start, end=end)


def habit(item: str, low: int, high: int, after: int = 0) -> Habit:
    return Habit(
        id=item, name=item, min_duration=low, max_duration=high, hours=HoursKind.ANY, buffer_after=after
    )


INSTANCE = Instance(
    user_id="u1",
    now=at(0),
    horizon_start=at(0),
    horizon_end=at(0) + timedelta(days=1),
    working_hours={Weekday.MON: (TimeWindow(start=time(9), end=time(17)),)},
    habits=(habit("journal", 20, 20), habit("read", 15, 20), habit("walk", 20, 20, after=10)),
    tasks=(
        Task(id="report", title="Report", effort=50, min_chunk=30, max_chunk=60),
        Task(id="notes", title="Notes", effort=50, min_chunk=20, max_chunk=20),
    ),
)


def rules(*plan: Placement, instance: Instance = INSTANCE) -> set[str]:
    return {violation.rule for violation in validate(instance, plan, kind="schedule")}


def test_a_twenty_minute_habit_may_end_off_the_grid() -> None:
    assert rules(block("journal", at(7), 20), block("read", at(7, 30), 15)) == set()
    assert rules(block("read", at(7), 20), block("read", at(8), 15, occurrence=1)) == {"frequency"}


def test_nothing_may_use_the_rest_of_its_last_slot() -> None:
    assert rules(block("journal", at(7), 20), block("read", at(7, 15), 15)) == {"overlap"}
    meeting = CalendarEvent(id="m", start=at(7, 20), end=at(7, 30))
    busy = INSTANCE.model_copy(update={"events": (meeting,)})
    assert rules(block("journal", at(7), 20), instance=busy) == {"busy_overlap"}
    late = INSTANCE.model_copy(update={"horizon_end": at(7, 20)})
    assert rules(block("journal", at(7), 20), instance=late) == {"horizon", "allowed_hours"}


def test_a_buffer_starts_where_the_last_slot_ends() -> None:
    assert rules(block("walk", at(7), 20), block("read", at(7, 30), 15)) == {"overlap"}
    assert rules(block("walk", at(7), 20), block("read", at(7, 45), 15)) == set()


@pytest.mark.parametrize(
    ("minutes", "expected"),
    [(15, set()), (20, set()), (17, {"slot_alignment"}), (25, {"duration"})],
)
def test_an_occurrence_ends_on_the_grid_unless_it_lasts_its_longest(minutes: int, expected: set[str]) -> None:
    assert rules(block("read", at(7), minutes)) == expected


@pytest.mark.parametrize(
    ("item", "chunks", "expected"),
    [
        ("report", [50], set()),
        ("report", [30, 20], set()),  # the chunk that completes the effort may be shorter
        ("report", [20, 30], {"chunk_size"}),
        ("report", [45, 5], set()),
        ("report", [30, 30], {"effort"}),
        ("report", [35], {"slot_alignment"}),  # 35 min neither ends on the grid nor completes the effort
        ("notes", [20, 20, 10], set()),
        ("notes", [20, 10, 20], {"chunk_size"}),
        ("notes", [20, 20], set()),
        ("notes", [30, 20], {"chunk_size"}),
    ],
)
def test_chunks_end_on_the_grid_last_their_longest_or_complete_the_effort(
    item: str, chunks: list[int], expected: set[str]
) -> None:
    plan = [block(item, at(9 + k), minutes, TASK, k) for k, minutes in enumerate(chunks)]
    assert rules(*plan) == expected
