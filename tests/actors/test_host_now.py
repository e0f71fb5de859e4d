"""Commands that wait on nothing (SYNC_CALENDAR without a calendar edge) applied at once in the call:
saved as one group, in each user's order across pipelined calls, and still retried, reordered by
priority and answered exactly like the others."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest

from actors.contract import CommandPriority, ItemResult, WorkItem
from actors.host import HostSettings, ShardHost
from actors.requests import SyncRequest
from actors.retry import RetryPolicy
from actors.store import StateStore, open_store
from tests.actors.builders import instance, item, schedule_request
from tests.actors.scripted import ScriptedSolver

FAST_RETRY = RetryPolicy(initial_delay_s=0.01, max_delay_s=0.05)


@pytest.fixture
def store(tmp_path: Path) -> StateStore:
    return open_store(f"sqlite:///{tmp_path / 'state.sqlite3'}")


def host(store: StateStore, name: str = "host-0", **settings: object) -> ShardHost:
    config = HostSettings.model_validate({"retry": FAST_RETRY, **settings})
    return ShardHost(name, store, ScriptedSolver(delay_s=0.02), config)


def sync(task_id: str, user_id: str) -> WorkItem:
    return item(task_id, SyncRequest(), user_id=user_id)


def applied(store: StateStore, user_id: str) -> list[str]:
    stored = store.load(user_id)
    assert stored is not None
    return list(stored.applied)


def test_a_call_of_such_commands_is_saved_as_one_group(store: StateStore) -> None:
    shard = host(store)
    items = [sync(f"t{n}", f"user-{n % 10}") for n in range(40)]  # four commands per user in the call
    results = asyncio.run(shard.handle(items))
    assert [r.task_id for r in results] == [i.task_id for i in items] and all(r.ok for r in results)
    assert shard.commits.groups == 4  # one per round: each user's next command waits for the group
    assert applied(store, "user-3") == ["t3", "t13", "t23", "t33"]
    stats = shard.stats()
    assert (stats.applied, stats.applied_at_once, stats.in_flight, shard.tails) == (40, 40, 0, {})


def test_pipelined_calls_keep_each_users_order(store: StateStore) -> None:
    shard = host(store)

    async def scenario() -> list[list[ItemResult]]:
        calls = [[sync(f"c{c}-u{u}", f"user-{u}") for u in range(5)] for c in range(6)]
        mixed = [sync("c6-u0", "user-0"), item("c6-plan", schedule_request(instance()), user_id="u1")]
        return await asyncio.gather(*(shard.handle(call) for call in [*calls, mixed]))

    results = asyncio.run(scenario())
    assert all(r.ok for call in results for r in call)
    assert applied(store, "user-0") == [f"c{c}-u0" for c in range(7)]
    assert applied(store, "user-4") == [f"c{c}-u4" for c in range(6)]


def test_a_stale_group_member_is_retried_on_the_normal_path(store: StateStore, tmp_path: Path) -> None:
    a = host(store, "host-a")
    b = host(open_store(f"sqlite:///{tmp_path / 'state.sqlite3'}"), "host-b")
    asyncio.run(a.handle([sync("t1", "u1"), sync("t1", "u2")]))
    asyncio.run(b.handle([sync("t2", "u1")]))  # a handoff: b owns u1 for a moment
    first, second = asyncio.run(a.handle([sync("t3", "u1"), sync("t3", "u2")]))
    assert (first.ok, first.attempts, second.attempts) == (True, 2, 1)
    assert a.stats().stale_conflicts == 1 and applied(store, "u1") == ["t1", "t2", "t3"]
    [replay] = asyncio.run(a.handle([sync("t2", "u1")]))
    assert replay.replayed and replay.outcomes_json == b_result_of(store, "u1", "t2")


def b_result_of(store: StateStore, user_id: str, task_id: str) -> bytes:
    record = store.recall(user_id, task_id)
    assert record is not None and record.outcomes is not None
    return record.outcomes


def test_a_failed_group_write_is_retried(store: StateStore) -> None:
    shard = host(store)
    real = store.save_many
    failures = [OSError("disk went away")]

    def flaky(saves: list) -> list:  # type: ignore[type-arg]
        if failures:
            raise failures.pop()
        return real(saves)

    store.save_many = flaky  # type: ignore[method-assign]
    results = asyncio.run(shard.handle([sync("t1", "u1"), sync("t1", "u2")]))
    assert [(r.ok, r.attempts) for r in results] == [(True, 2), (True, 2)]
    assert shard.stats().failed_attempts == 2 and applied(store, "u2") == ["t1"]


def test_they_do_not_go_ahead_of_commands_waiting_for_a_slot(store: StateStore) -> None:
    config = HostSettings.model_validate({"retry": FAST_RETRY, "concurrent_commands": 1})
    shard = ShardHost("host-0", store, ScriptedSolver(delay_s=0.5), config)  # "u1" solves long
    high = CommandPriority.HIGH

    async def until(condition: Callable[[], bool]) -> None:
        for _ in range(5000):  # states, not sleeps: a loaded machine may take its time to get there
            if condition():
                return
            await asyncio.sleep(0.001)
        raise AssertionError("the host never got there")

    async def scenario() -> tuple[bool, list[ItemResult]]:
        busy = asyncio.create_task(shard.handle([item("t0", schedule_request(instance()))]))
        await until(lambda: shard.stats().active_users == 1)  # "u1" holds the only slot
        urgent = schedule_request(instance(user_id="hugo"))
        waiting = asyncio.create_task(shard.handle([item("t1", urgent, user_id="hugo", priority=high)]))
        await until(lambda: shard.stats().waiting == 1)  # "hugo" waits for it
        synced = await shard.handle([sync("t2", "lena")])
        return waiting.done(), [*await busy, *await waiting, *synced]

    high_first, results = asyncio.run(scenario())
    assert high_first and all(r.ok for r in results)
