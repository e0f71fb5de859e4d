"""The packed start of OPTIMIZE_SCHEDULE: scarce time goes to the work that needs it, habits yield
where their price says so, and every plan keeps the hard rules."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from optimizer.domain import Habit, HoursKind, Instance, Priority, Task, Weekday
from optimizer.generate import heavy, small, tight, typical
from optimizer.greedy import greedy_plan
from optimizer.model.habit_room import shortest
from optimizer.model.packing import packed_plan
from optimizer.model.start_plan import start_plan
from optimizer.solution import Placement
from optimizer.solve import score_plan
from optimizer.validate import validate
from tests.optimizer.weeks import at, hours, week

MONDAY_ONLY = {Weekday.MON: hours(9, 12)}


def minutes_of(plan: list[Placement], item: str) -> int:
    return sum((p.end - p.start) // timedelta(minutes=1) for p in plan if p.item_id == item)


def cost(instance: Instance, plan: list[Placement]) -> float:
    return score_plan(instance, plan, kind="schedule")[0]


def test_flexible_work_leaves_working_hours_to_work_that_needs_them() -> None:
    # Working hours are Monday 09-12 only; the report may also go in the evening.
    flexible = Task(
        id="report",
        title="Report",
        effort=180,
        min_chunk=60,
        max_chunk=180,
        priority=Priority.HIGH,
        hours=HoursKind.CUSTOM,
        custom_hours={Weekday.MON: hours(9, 12) + hours(18, 21)},
    )
    narrow = Task(id="deploy", title="Deploy", effort=180, min_chunk=60, max_chunk=180, priority=Priority.LOW)
    instance = week(days=1, working_hours=MONDAY_ONLY, tasks=(flexible, narrow))

    greedy, packed = greedy_plan(instance, include_tasks=True), packed_plan(instance)

    assert minutes_of(greedy, "deploy") == 0  # earliest first: the report took the morning
    assert minutes_of(packed, "report") == 180 and minutes_of(packed, "deploy") == 180
    assert [(p.start, p.end) for p in packed if p.item_id == "report"] == [(at(0, 18), at(0, 21))]
    assert validate(instance, packed, kind="schedule") == []
    assert cost(instance, packed) < cost(instance, greedy)


def test_habits_start_at_their_shortest_so_that_work_fits() -> None:
    review = Habit(id="review", name="Review", min_duration=30, max_duration=90, hours=HoursKind.WORKING)
    work = Task(id="build", title="Build", effort=150, min_chunk=30, max_chunk=150)
    instance = week(days=1, working_hours=MONDAY_ONLY, habits=(review,), tasks=(work,))

    greedy, packed = greedy_plan(instance, include_tasks=True), packed_plan(instance)

    assert minutes_of(greedy, "review") == 90 and minutes_of(greedy, "build") == 90
    assert minutes_of(packed, "review") == 30 and minutes_of(packed, "build") == 150
    assert validate(instance, packed, kind="schedule") == []
    assert cost(instance, packed) < cost(instance, greedy)


def yielding_habit(priority: Priority) -> Habit:
    return Habit(
        id="triage",
        name="Triage",
        min_duration=60,
        max_duration=60,
        hours=HoursKind.WORKING,
        priority=priority,
        defended=False,
    )


def test_a_habit_that_may_yield_gives_way_to_work_worth_more_than_it() -> None:
    task = Task(id="fix", title="Fix", effort=180, min_chunk=60, max_chunk=180, priority=Priority.HIGH)
    instance = week(
        days=1, working_hours=MONDAY_ONLY, habits=(yielding_habit(Priority.MEDIUM),), tasks=(task,)
    )

    greedy, packed = greedy_plan(instance, include_tasks=True), packed_plan(instance)

    assert minutes_of(greedy, "triage") == 60 and minutes_of(greedy, "fix") == 120
    assert minutes_of(packed, "triage") == 0 and minutes_of(packed, "fix") == 180
    assert cost(instance, packed) < cost(instance, greedy)


def test_a_habit_that_may_yield_keeps_its_place_before_cheaper_work() -> None:
    # One day's horizon: 60 minutes of low-priority work left out cost less than a missed occurrence.
    task = Task(id="tidy", title="Tidy", effort=180, min_chunk=60, max_chunk=180, priority=Priority.LOW)
    instance = week(
        days=1, working_hours=MONDAY_ONLY, habits=(yielding_habit(Priority.MEDIUM),), tasks=(task,)
    )

    packed = packed_plan(instance)

    assert minutes_of(packed, "triage") == 60 and minutes_of(packed, "tidy") == 120
    assert cost(instance, packed) <= cost(instance, greedy_plan(instance, include_tasks=True))


def test_shortest_keeps_what_the_habit_lasts_in_its_fewest_slots() -> None:
    habit = Habit(id="h", name="H", min_duration=20, max_duration=40)
    assert shortest(habit, 15).max_duration == 30  # two slots, lasting 30 as the habit would
    assert shortest(habit, 5).max_duration == 20
    odd = Habit(id="o", name="O", min_duration=20, max_duration=20)
    assert shortest(odd, 15).max_duration == 20  # reserves two slots, lasts its 20 minutes


@settings(max_examples=25, deadline=None, derandomize=True)
@given(st.integers(min_value=0, max_value=2**32 - 1))
def test_packed_plans_keep_every_hard_rule(seed: int) -> None:
    for instance in (small(seed), typical(seed % 1000), tight(seed % 1000)):
        assert validate(instance, packed_plan(instance), kind="schedule") == []


@settings(max_examples=25, deadline=None, derandomize=True)
@given(st.integers(min_value=0, max_value=2**32 - 1))
def test_start_plans_around_a_previous_plan_keep_every_hard_rule(seed: int) -> None:
    # 40% of generated instances are re-plans: the previous plan's blocks stay where they still fit.
    for instance in (small(seed), typical(seed % 1000), tight(seed % 1000)):
        for kind in ("habits", "schedule"):
            assert validate(instance, start_plan(instance, kind), kind=kind) == []


def test_packed_plans_of_two_week_schedules_keep_every_hard_rule_and_place_more_work() -> None:
    for seed in range(7):  # seeds 0, 2, 3 and 6 are re-plans
        instance = heavy(seed)
        packed = packed_plan(instance)
        assert validate(instance, packed, kind="schedule") == []
        assert cost(instance, packed) < cost(instance, greedy_plan(instance, include_tasks=True))
        assert validate(instance, start_plan(instance, "schedule"), kind="schedule") == []


def test_the_plan_with_habits_first_is_kept_when_it_leaves_out_less() -> None:
    # The review may only go 09-10; the task, worth more, takes the earliest time when it goes first.
    review = yielding_habit(Priority.LOW).model_copy(
        update={"hours": HoursKind.CUSTOM, "custom_hours": {Weekday.MON: hours(9, 10)}}
    )
    task = Task(id="fix", title="Fix", effort=60, min_chunk=60, max_chunk=60, priority=Priority.HIGH)
    instance = week(days=1, working_hours=MONDAY_ONLY, habits=(review,), tasks=(task,))

    priced, packed = packed_plan(instance, both=False), packed_plan(instance)

    assert minutes_of(priced, "triage") == 0 and minutes_of(priced, "fix") == 60
    assert minutes_of(packed, "triage") == 60 and minutes_of(packed, "fix") == 60
    assert validate(instance, packed, kind="schedule") == []
    assert cost(instance, packed) < cost(instance, priced)
