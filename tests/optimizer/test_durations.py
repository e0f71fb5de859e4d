"""Block lengths on the grid: whole slots reserved, the item's own minutes lasted."""

from __future__ import annotations

import pytest

from optimizer.domain import Habit, Task
from optimizer.durations import chunk_slots, fewest_slots, habit_slots, lasts, spare, up_to, work_budget


def habit(low: int, high: int) -> Habit:
    return Habit(id="h", name="H", min_duration=low, max_duration=high)


@pytest.mark.parametrize(
    ("low", "high", "grid", "slots", "minutes"),
    [
        (20, 20, 15, (2, 2), 20),  # no whole number of slots fits: two slots, lasting 20
        (20, 20, 5, (4, 4), 20),  # on a 5-minute grid nothing changes
        (15, 20, 15, (1, 1), 15),  # one slot fits: no minutes reserved beyond the length
        (15, 20, 5, (3, 4), 20),
        (10, 10, 15, (1, 1), 10),
        (30, 60, 15, (2, 4), 60),
        (20, 25, 15, (2, 2), 25),
    ],
)
def test_habit_lengths(low: int, high: int, grid: int, slots: tuple[int, int], minutes: int) -> None:
    assert habit_slots(habit(low, high), grid) == slots
    longest = lasts(slots[1], high, grid)
    assert longest == minutes and low <= lasts(slots[0], high, grid) <= longest
    assert spare(slots[1], high, grid) == slots[1] * grid - minutes


def test_chunks_of_one_size_off_the_grid_reserve_whole_slots_and_the_rest_only_its_own() -> None:
    twenty = Task(id="t", title="T", effort=50, min_chunk=20, max_chunk=20)
    assert chunk_slots(twenty, 15) == (2, 2)
    assert work_budget(twenty, 50, 15) == 5  # 20 + 20 + 10 minutes reserve 2 + 2 + 1 slots
    assert work_budget(twenty, 40, 15) == 4
    assert work_budget(twenty, 20, 15) == 2
    assert work_budget(twenty, 0, 15) == 0


def test_effort_off_the_grid_reserves_whole_slots() -> None:
    task = Task(id="t", title="T", effort=50, min_chunk=30, max_chunk=60)
    assert chunk_slots(task, 15) == (2, 4)
    assert work_budget(task, 50, 15) == 4
    assert chunk_slots(task.model_copy(update={"max_chunk": 50}), 15) == (2, 3)  # 50 rounds down
    short = Task(id="s", title="S", effort=10, min_chunk=30, max_chunk=30)
    assert chunk_slots(short, 15) == (1, 2)


def test_the_rest_of_the_effort_is_one_shorter_chunk_reserving_only_its_own_slots() -> None:
    hours = Task(id="h", title="H", effort=75, min_chunk=60, max_chunk=60)
    assert work_budget(hours, 75, 15) == 5  # 60 + 15, not two hours
    assert [fewest_slots((4, 4), 5, k) for k in range(2)] == [4, 1]
    essay = Task(id="e", title="E", effort=100, min_chunk=40, max_chunk=50)
    assert chunk_slots(essay, 15) == (3, 3)  # 45 minutes: 50 rounds down
    assert work_budget(essay, 100, 15) == 7  # 45 + 45 + 10, the 10 reserving one slot
    assert [fewest_slots((3, 3), 7, k) for k in range(3)] == [3, 3, 1]
    assert [fewest_slots((3, 3), 6, k) for k in range(3)] == [3, 3, 3]  # 45 + 45: nothing left over


def test_any_chunk_that_may_complete_the_effort_may_be_as_short_as_what_is_left() -> None:
    # 75 minutes in chunks of 30-60 minutes: 60 + 15, 45 + 30, or 30 + 30 + 15.
    assert [fewest_slots((2, 4), 5, k) for k in range(3)] == [2, 1, 1]
    assert [fewest_slots((2, 4), 4, k) for k in range(2)] == [2, 1]  # 60 minutes: 30 + 30, or 45 + 15
    assert [fewest_slots((2, 2), 4, k) for k in range(3)] == [2, 2, 2]  # 60 minutes in 30s: 30 + 30
    assert fewest_slots((4, 4), 2, 0) == 2  # frozen chunks left 30 minutes: one chunk of two slots


def test_the_last_lengths_are_cut_to_the_total() -> None:
    assert up_to([30, 30], 50) == [30, 20]
    assert up_to([60], 50) == [50]
    assert up_to([15, 15], 45) == [15, 15]
