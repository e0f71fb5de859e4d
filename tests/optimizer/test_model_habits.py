"""SCHEDULE_HABITS end to end: valid plans, frequency, ideal time, buffers, stability, locked blocks."""

from __future__ import annotations

from collections import Counter
from datetime import time

from optimizer.domain import BlockKind, Frequency, Habit, HoursKind, PlacedBlock, Priority
from optimizer.solution import Solution, SolveStatus
from optimizer.solve import schedule_habits
from optimizer.validate import validate
from tests.optimizer.weeks import WORKDAYS, at, meeting, week

GYM = Habit(
    id="gym",
    name="Gym",
    min_duration=60,
    max_duration=90,
    frequency=Frequency.WEEKLY,
    times_per_period=3,
    hours=HoursKind.PERSONAL,
    ideal_time=time(7),
    buffer_before=15,
    buffer_after=15,
    min_spacing=12 * 60,
)
READ = Habit(
    id="read", name="Read", min_duration=30, max_duration=45, hours=HoursKind.PERSONAL, ideal_time=time(21)
)
LUNCH = Habit(
    id="lunch",
    name="Lunch",
    min_duration=30,
    max_duration=60,
    allowed_days=WORKDAYS,
    hours=HoursKind.WORKING,
    ideal_time=time(12, 30),
    priority=Priority.HIGH,
)


def solved(**fields: object) -> tuple[Solution, object]:
    instance = week(**fields)
    solution = schedule_habits(instance)
    assert validate(instance, solution.placements, kind="habits") == []
    return solution, instance


def test_habits_fill_their_periods_at_their_ideal_times() -> None:
    solution, _ = solved(habits=(GYM, READ, LUNCH))
    assert solution.status is SolveStatus.OPTIMAL
    counts = Counter(p.item_id for p in solution.placements)
    assert counts == {"gym": 3, "read": 7, "lunch": 5}
    for placement in solution.placements:
        assert (
            placement.start.time()
            == {"gym": time(7), "read": time(21), "lunch": time(12, 30)}[placement.item_id]
        )
    gym_days = {p.start.date() for p in solution.placements if p.item_id == "gym"}
    assert len(gym_days) == 3  # spread over three days
    assert solution.objective == solution.best_bound and solution.gap == 0
    assert not solution.unplaced and not solution.conflicts


def test_meetings_push_habits_off_busy_time_with_buffers() -> None:
    meetings = tuple(meeting("Standup", day, 12, 13) for day in range(5))
    solution, _ = solved(habits=(LUNCH,), events=meetings)
    lunches = [p for p in solution.placements if p.item_id == "lunch"]
    assert len(lunches) == 5
    assert all(p.start.hour >= 13 or p.end.hour <= 12 for p in lunches)
    assert any(penalty.rule == "ideal_time:lunch" for penalty in solution.penalties)


def test_stability_keeps_an_unchanged_plan_unchanged() -> None:
    first, _ = solved(habits=(GYM, READ, LUNCH))
    previous = tuple(
        PlacedBlock(item_id=p.item_id, kind=p.kind, occurrence=p.occurrence, start=p.start, end=p.end)
        for p in first.placements
    )
    again, _ = solved(habits=(GYM, READ, LUNCH), previous_plan=previous)
    assert again.moved == 0
    assert {(p.item_id, p.start, p.end) for p in again.placements} == {
        (p.item_id, p.start, p.end) for p in first.placements
    }


def test_locked_block_stays_even_off_its_ideal_time() -> None:
    locked = PlacedBlock(
        item_id="read", kind=BlockKind.HABIT, occurrence=0, start=at(0, 19), end=at(0, 19.5), locked=True
    )
    solution, _ = solved(habits=(READ,), previous_plan=(locked,))
    monday = [p for p in solution.placements if p.item_id == "read" and p.start.day == 5]
    assert [(p.start, p.end) for p in monday] == [(at(0, 19), at(0, 19.5))]
    assert sum(p.item_id == "read" for p in solution.placements) == 7


def test_may_yield_habit_that_cannot_fit_is_unplaced_with_a_reason() -> None:
    yielding = LUNCH.model_copy(update={"defended": False})
    busy = tuple(meeting("Offsite", 2, 9, 17) for _ in range(1))
    solution, _ = solved(habits=(yielding,), events=busy)
    assert solution.status is SolveStatus.OPTIMAL
    (missing,) = solution.unplaced
    assert missing.item_id == "lunch" and missing.minutes == 30
    assert "2026-01-07" in missing.reason
    assert any(penalty.rule == "missed:lunch" for penalty in solution.penalties)
