"""Waiting commands leave by priority across users, and in order within a user."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from actors.contract import CommandPriority, TaskType, WorkItem
from ingest.backlog import RANK, PriorityBacklog

HIGH, NORMAL, LOW = CommandPriority.HIGH, CommandPriority.NORMAL, CommandPriority.LOW


def item(task_id: str, user_id: str, priority: CommandPriority) -> WorkItem:
    return WorkItem(
        task_id, user_id, TaskType.SYNC_CALENDAR, priority, datetime(2025, 1, 1, tzinfo=UTC), b"{}"
    )


def test_high_overtakes_other_users_but_never_the_same_user() -> None:
    backlog = PriorityBacklog()
    for task_id, user, priority in [("a1", "ann", LOW), ("b1", "bob", NORMAL), ("a2", "ann", HIGH),
                                    ("c1", "cid", HIGH)]:  # fmt: skip
        backlog.push(item(task_id, user, priority))
    order = [i.task_id for i in backlog.pop(10)]
    assert order == ["c1", "b1", "a1", "a2"]  # a2 is HIGH but waits behind ann's own a1
    assert len(backlog) == 0


def test_pop_takes_at_most_the_limit() -> None:
    backlog = PriorityBacklog()
    for n in range(5):
        backlog.push(item(f"t{n}", f"u{n}", NORMAL))
    assert [i.task_id for i in backlog.pop(2)] == ["t0", "t1"]
    assert len(backlog) == 3


@given(st.lists(st.tuples(st.sampled_from("abcd"), st.sampled_from(list(CommandPriority))), max_size=40),
       st.lists(st.integers(1, 5), min_size=1, max_size=40))  # fmt: skip
def test_release_respects_user_order_and_priority(
    pushes: list[tuple[str, CommandPriority]], limits: list[int]
) -> None:
    backlog = PriorityBacklog()
    items = [item(str(n), user, priority) for n, (user, priority) in enumerate(pushes)]
    for it in items:
        backlog.push(it)
    released: list[WorkItem] = []
    # Cycle through the limits until the backlog is empty (each pop of a non-empty backlog releases one).
    for limit in itertools.islice(itertools.cycle(limits), len(items) + 1):
        heads = {}
        for it in items:
            if it not in released and it.user_id not in heads:
                heads[it.user_id] = it
        batch = backlog.pop(limit)
        if batch:  # the first of a batch is the best head there was
            assert RANK[batch[0].priority] == min(RANK[h.priority] for h in heads.values())
        released += batch
    assert sorted(released, key=lambda i: int(i.task_id)) == items
    for user in "abcd":
        mine = [int(i.task_id) for i in released if i.user_id == user]
        assert mine == sorted(mine)
