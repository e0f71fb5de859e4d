"""The packed start's order of work: requirements, then priority (inherited along dependencies),
then the least room; never before what a task waits for."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from optimizer.domain import Priority, Task
from optimizer.model.work_order import REQUIRED, by_contention, inherited


def task(name: str, priority: Priority = Priority.MEDIUM, *after: str, hard: bool = False) -> Task:
    due = datetime(2026, 1, 9, tzinfo=UTC) if hard else None
    return Task(
        id=name, title=name, effort=30, priority=priority, depends_on=after, due=due, due_is_hard=hard
    )


def test_a_task_is_as_urgent_as_what_waits_for_it() -> None:
    tasks = (task("a", Priority.LOW), task("b", Priority.MEDIUM, "a"), task("c", Priority.CRITICAL, "b"))
    assert inherited(tasks) == {"a": 4, "b": 4, "c": 4}
    assert inherited((task("d", Priority.LOW, hard=True), task("e", Priority.HIGH, "d")))["d"] == REQUIRED


def test_within_a_priority_the_narrowest_goes_first() -> None:
    tasks = (task("wide"), task("narrow"), task("top", Priority.HIGH), task("due", Priority.LOW, hard=True))
    room = {"wide": 90, "narrow": 12, "top": 500, "due": 900}
    assert [t.id for t in by_contention(tasks, room)] == ["due", "top", "narrow", "wide"]


@st.composite
def dags(draw: st.DrawFn) -> tuple[tuple[Task, ...], dict[str, int]]:
    count = draw(st.integers(min_value=1, max_value=12))
    tasks = []
    for index in range(count):
        before = draw(st.lists(st.integers(min_value=0, max_value=max(index - 1, 0)), max_size=3))
        after = tuple(f"t{b}" for b in before if b < index)
        priority = draw(st.sampled_from(list(Priority)))
        tasks.append(task(f"t{index}", priority, *after, hard=draw(st.booleans())))
    room = {t.id: draw(st.integers(min_value=0, max_value=100)) for t in tasks}
    return tuple(draw(st.permutations(tasks))), room


@given(dags())
def test_every_task_comes_after_what_it_waits_for_level_by_level(
    problem: tuple[tuple[Task, ...], dict[str, int]],
) -> None:
    tasks, room = problem
    order = by_contention(tasks, room)
    assert sorted(t.id for t in order) == sorted(t.id for t in tasks)
    seen: set[str] = set()
    for placed in order:
        assert set(placed.depends_on) <= seen
        seen.add(placed.id)
    serves = inherited(tasks)
    levels = [serves[t.id] for t in order]
    assert levels == sorted(levels, reverse=True)
