"""The validator: a handcrafted good plan passes, and each broken hard rule is named."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest

from optimizer.domain import (
    BlockKind,
    CalendarEvent,
    FocusPolicy,
    Frequency,
    Goal,
    Habit,
    HoursKind,
    Instance,
    PlacedBlock,
    Task,
    TimeWindow,
    Weekday,
)
from optimizer.solution import Placement
from optimizer.validate import validate
from optimizer.validation.plan import PlanKind

WORKDAYS = frozenset(Weekday) - {Weekday.SAT, Weekday.SUN}


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """An instant in the week of Monday 2026-01-05 (day 0), UTC."""
    return datetime(2026, 1, 5 + day, hour, minute, tzinfo=UTC)


def block(item: str, kind: BlockKind, start: datetime, minutes: int, occurrence: int = 0) -> Placement:
    end = start + timedelta(minutes=minutes)
    return Placement(item_id=item, kind=kind, occurrence=occurrence, title=item, start=start, end=end)


def window(start: int, end: int, minute: int = 0) -> tuple[TimeWindow, ...]:
    return (TimeWindow(start=time(start, minute), end=time(end)),)


INSTANCE = Instance(
    user_id="u1",
    now=at(0, 0) - timedelta(hours=1),
    horizon_start=at(0, 0),
    horizon_end=at(7, 0),
    working_hours={day: window(9, 17) for day in WORKDAYS},
    personal_hours={day: window(6, 9) + window(18, 22) for day in Weekday},
    events=(
        CalendarEvent(id="standup", start=at(0, 10), end=at(0, 11)),
        CalendarEvent(id="optional", start=at(0, 14), end=at(0, 15), busy=False),
    ),
    habits=(
        Habit(
            id="gym",
            name="Gym",
            min_duration=60,
            max_duration=90,
            frequency=Frequency.WEEKLY,
            times_per_period=3,
            hours=HoursKind.PERSONAL,
            buffer_before=15,
            buffer_after=15,
            min_spacing=720,
        ),
        Habit(
            id="lunch",
            name="Lunch",
            min_duration=30,
            max_duration=60,
            allowed_days=WORKDAYS,
            hours=HoursKind.CUSTOM,
            custom_hours={day: window(11, 14, 30) for day in Weekday},
        ),
    ),
    tasks=(
        Task(id="a", title="Report", effort=120, min_chunk=30, max_chunk=60, due=at(2, 17), due_is_hard=True),
        Task(id="b", title="Review", effort=60, earliest_start=at(1, 9), depends_on=("a", "gone")),
    ),
    goals=(Goal(id="g", title="Spanish", target_date=at(6, 0), progress_current=50, effort=200),),
    focus=FocusPolicy(min_block=60),
    daily_cap_minutes=240,
)

HABITS = [
    block("gym", BlockKind.HABIT, at(0, 7), 60, 0),
    block("gym", BlockKind.HABIT, at(2, 7), 90, 1),
    block("gym", BlockKind.HABIT, at(4, 7), 60, 2),
    block("lunch", BlockKind.HABIT, at(0, 12), 30),
]
WORK = [
    block("a", BlockKind.TASK, at(0, 9), 60, 0),
    block("a", BlockKind.TASK, at(0, 11), 60, 1),
    block("b", BlockKind.TASK, at(1, 9), 60),
    block("g", BlockKind.GOAL, at(5, 10), 90),
    block("focus", BlockKind.FOCUS, at(1, 10), 60),
]


def rules_of(
    placements: list[Placement], kind: PlanKind = "schedule", instance: Instance = INSTANCE
) -> set[str]:
    return {v.rule for v in validate(instance, placements, kind=kind)}


def test_the_good_plan_passes_both_ways() -> None:
    assert validate(INSTANCE, HABITS, kind="habits") == []
    assert validate(INSTANCE, HABITS + WORK, kind="schedule") == []
    assert validate(INSTANCE, [], kind="schedule") == []


def test_habit_buffers_may_share_free_time() -> None:
    # Gym and Yoga each keep 15 minutes free around them; 15 minutes apart, they share that time.
    twin = INSTANCE.habits[0].model_copy(update={"id": "yoga", "name": "Yoga", "min_spacing": 0})
    instance = INSTANCE.model_copy(update={"habits": (*INSTANCE.habits, twin)})
    plan = [block("gym", BlockKind.HABIT, at(3, 18), 60), block("yoga", BlockKind.HABIT, at(3, 19, 15), 60)]
    assert validate(instance, plan, kind="habits") == []
    plan[1] = block("yoga", BlockKind.HABIT, at(3, 19, 0), 60)
    assert rules_of(plan, "habits", instance) == {"overlap"}


@pytest.mark.parametrize(
    ("bad", "expected"),
    [
        (block("nap", BlockKind.HABIT, at(0, 18), 60), {"unknown_item"}),
        (block("a", BlockKind.GOAL, at(3, 9), 30), {"unknown_item"}),
        (block("lunch", BlockKind.HABIT, at(6, 23, 30), 60), {"horizon", "allowed_hours"}),
        (block("lunch", BlockKind.HABIT, at(1, 12, 5), 30), {"slot_alignment"}),
        (block("lunch", BlockKind.HABIT, at(5, 12), 30), {"allowed_hours"}),
        (block("lunch", BlockKind.HABIT, at(1, 14), 60), {"allowed_hours"}),
        (block("lunch", BlockKind.HABIT, at(1, 12), 75), {"duration"}),
        (block("lunch", BlockKind.HABIT, at(0, 13), 30, 1), {"frequency"}),
        (block("gym", BlockKind.HABIT, at(6, 7), 60, 3), {"frequency"}),
        (block("gym", BlockKind.HABIT, at(0, 18, 45), 60, 3), {"frequency", "spacing"}),
        (block("a", BlockKind.TASK, at(0, 15), 30, 2), {"effort"}),
        (block("b", BlockKind.TASK, at(0, 16), 60, 1), {"earliest_start", "effort"}),
        (block("b", BlockKind.TASK, at(1, 15), 15, 1), {"chunk_size", "effort"}),
        (block("a", BlockKind.TASK, at(3, 9), 30, 2), {"hard_due", "effort", "dependency"}),
        (block("focus", BlockKind.FOCUS, at(1, 11), 45, 1), {"focus_block"}),
        (block("focus", BlockKind.FOCUS, at(0, 12, 30), 150, 1), {"daily_cap"}),
        (block("focus", BlockKind.FOCUS, at(0, 9, 30), 60, 1), {"busy_overlap", "overlap"}),
        (block("focus", BlockKind.FOCUS, at(0, 11, 30), 60, 1), {"overlap"}),
    ],
)
def test_each_broken_rule_is_named(bad: Placement, expected: set[str]) -> None:
    assert rules_of(HABITS + WORK + [bad]) == expected


def test_buffers_may_not_meet_busy_time_or_other_blocks() -> None:
    gym_before_meeting = block("gym", BlockKind.HABIT, at(0, 18), 60, 3)
    meeting = CalendarEvent(id="late", start=at(0, 19, 0), end=at(0, 19, 30))
    instance = INSTANCE.model_copy(update={"events": (meeting,)})
    assert rules_of([gym_before_meeting], "habits", instance) == {"busy_overlap"}
    goal_after_gym = block("g", BlockKind.GOAL, at(0, 8), 30)
    assert rules_of([*HABITS, goal_after_gym]) == {"overlap"}


def test_dependencies_order_chunks_and_ignore_finished_work() -> None:
    early_b = block("b", BlockKind.TASK, at(1, 9), 60)
    late_a = block("a", BlockKind.TASK, at(1, 11), 60, 1)
    assert rules_of([WORK[0], late_a, early_b]) == {"dependency"}
    assert rules_of([early_b]) == set()


def test_movable_from_and_freeze_window() -> None:
    instance = INSTANCE.model_copy(update={"now": at(0, 12), "freeze_until": at(1, 12)})
    assert "movable_from" in rules_of([block("gym", BlockKind.HABIT, at(1, 7), 60)], "habits", instance)


def test_frozen_blocks_must_stay_and_may_break_per_block_rules() -> None:
    running = PlacedBlock(item_id="lunch", kind=BlockKind.HABIT, start=at(0, 12, 10), end=at(0, 13, 25))
    locked_task = PlacedBlock(item_id="a", kind=BlockKind.TASK, start=at(3, 9), end=at(3, 10), locked=True)
    instance = INSTANCE.model_copy(update={"now": at(0, 12, 30), "previous_plan": (running, locked_task)})
    kept = block("lunch", BlockKind.HABIT, at(0, 12, 10), 75)
    assert validate(instance, [kept], kind="habits") == []
    assert rules_of([], "habits", instance) == {"frozen_moved"}
    assert "overlap" in rules_of([kept, kept], "habits", instance)
    over_task = block("lunch", BlockKind.HABIT, at(3, 12), 30)
    assert rules_of([kept, over_task], "habits", instance) == set()
    clash = block("gym", BlockKind.HABIT, at(3, 8, 30), 60)
    assert rules_of([kept, clash], "habits", instance) == {"busy_overlap", "allowed_hours"}
    kept_task = block("a", BlockKind.TASK, at(3, 9), 60)
    assert rules_of([kept, kept_task], "schedule", instance) == set()
    assert rules_of([kept], "schedule", instance) == {"frozen_moved"}


def test_habits_plans_refuse_work_and_weekly_counts_use_local_iso_weeks() -> None:
    assert rules_of(HABITS + WORK[:1], "habits") == {"unknown_item"}
    instance = INSTANCE.model_copy(update={"timezone": "America/New_York"})
    sunday_night_local = block("gym", BlockKind.HABIT, at(0, 3), 60, 3)  # Sunday 22:00 in New York
    personal = rules_of([*HABITS[:3], sunday_night_local], "habits", instance) - {"allowed_hours"}
    assert "frequency" not in personal
