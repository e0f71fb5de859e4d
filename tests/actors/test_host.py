"""The shard host without Ray: per-user order, priority across users, retries, handoffs, budgets."""

from __future__ import annotations

import asyncio
import logging
import random
import time
from pathlib import Path

import pytest

from actors.activation import Budget
from actors.contract import CommandPriority, ItemResult, TaskType, WorkItem
from actors.host import HostSettings, HostStopped, ShardHost
from actors.requests import SyncRequest
from actors.retry import RetryPolicy
from actors.store import StateStore, open_store
from optimizer.domain import Instance
from optimizer.solution import Solution, SolveStatus
from tests.actors.builders import MONDAY, instance, item, schedule_request
from tests.actors.scripted import ScriptedSolver

FAST_RETRY = RetryPolicy(initial_delay_s=0.01, max_delay_s=0.05)


@pytest.fixture
def store(tmp_path: Path) -> StateStore:
    return open_store(f"sqlite:///{tmp_path / 'state.sqlite3'}")


def host(store: StateStore, solver: object, name: str = "host-0", **settings: object) -> ShardHost:
    config = HostSettings.model_validate({"retry": FAST_RETRY, **settings})
    return ShardHost(name, store, solver, config)  # type: ignore[arg-type]


def plan(task_id: str, user_id: str, priority: CommandPriority = CommandPriority.NORMAL) -> WorkItem:
    request = schedule_request(instance(user_id=user_id))
    return item(task_id, request, user_id=user_id, priority=priority)


def applied(store: StateStore, user_id: str) -> list[str]:
    """The task ids the user's outbox holds, oldest first."""
    stored = store.load(user_id)
    assert stored is not None
    return list(stored.applied)


class JitterSolver:
    """Solves in random time, so only the host's chaining can keep one user's commands in order."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    async def solve(self, task_type: TaskType, inst: Instance, priority: CommandPriority) -> Solution:
        self.seen.append(inst.user_id)
        await asyncio.sleep(random.uniform(0, 0.01))
        return Solution(status=SolveStatus.OPTIMAL)


def test_interleaved_batches_for_one_user_apply_in_order(store: StateStore) -> None:
    shard = host(store, JitterSolver())

    async def scenario() -> list[list[ItemResult]]:
        batches = [
            [plan(f"a{b}-{n}", "alice"), plan(f"b{b}-{n}", f"bob{n}")] for b in range(4) for n in range(3)
        ]
        return await asyncio.gather(*(shard.handle(batch) for batch in batches))

    results = asyncio.run(scenario())
    assert all(r.ok for batch in results for r in batch)
    done = applied(store, "alice")
    assert done == [f"a{b}-{n}" for b in range(4) for n in range(3)]


def test_high_overtakes_across_users_but_never_within_one(store: StateStore) -> None:
    solver = ScriptedSolver(delay_s=0.2)  # long enough for the rest to queue up on a loaded machine
    shard = host(store, solver, concurrent_commands=1)
    low, high = CommandPriority.LOW, CommandPriority.HIGH

    async def scenario() -> None:
        first = asyncio.create_task(shard.handle([plan("t0", "busy")]))
        for _ in range(5000):  # until "busy" holds the only slot (a state, not a sleep)
            if shard.stats().active_users:
                break
            await asyncio.sleep(0.001)
        await asyncio.gather(
            first,
            shard.handle([plan("t1", "lena", low), plan("t2", "hugo", high), plan("t3", "lena", high)]),
        )

    asyncio.run(scenario())
    assert [seen[1].user_id for seen in solver.seen] == ["busy", "hugo", "lena", "lena"]
    assert applied(store, "lena") == ["t1", "t3"]


def test_failures_are_retried_then_reported_for_the_dead_letters(store: StateStore) -> None:
    solver = ScriptedSolver()
    solver.failures = [RuntimeError("solver crashed")] * 2
    shard = host(store, solver)
    [recovered] = asyncio.run(shard.handle([plan("t1", "u1")]))
    assert recovered.ok and recovered.attempts == 3
    solver.failures = [RuntimeError("solver crashed")] * 4
    [failed] = asyncio.run(shard.handle([plan("t2", "u1")]))
    assert (failed.ok, failed.attempts, failed.error_class, failed.reason) == (
        False,
        4,
        "RuntimeError",
        "solver crashed",
    )
    assert shard.stats().dead_lettered == 1 and shard.stats().failed_attempts == 6


def test_an_undecodable_request_fails_at_once(store: StateStore) -> None:
    bad = WorkItem("t1", "u1", TaskType.SCHEDULE_HABITS, CommandPriority.NORMAL, MONDAY, b"[]")
    [result] = asyncio.run(host(store, ScriptedSolver()).handle([bad]))
    assert (result.error_class, result.attempts) == ("InvalidRequest", 1)
    assert "invalid SCHEDULE_HABITS request" in (result.reason or "")


def test_a_stale_host_reloads_and_never_applies_twice(store: StateStore, tmp_path: Path) -> None:
    other_store = open_store(f"sqlite:///{tmp_path / 'state.sqlite3'}")
    a, b = host(store, ScriptedSolver(), "host-a"), host(other_store, ScriptedSolver(), "host-b")
    asyncio.run(a.handle([plan("t1", "u1")]))
    asyncio.run(b.handle([plan("t2", "u1")]))  # a handoff: b owns u1 for a moment
    [third] = asyncio.run(a.handle([plan("t3", "u1")]))
    assert third.ok and third.attempts == 2 and a.stats().stale_conflicts == 1
    [replay] = asyncio.run(a.handle([plan("t2", "u1")]))
    assert replay.replayed
    assert applied(store, "u1") == ["t1", "t2", "t3"]


def test_many_users_stay_within_the_budget(store: StateStore) -> None:
    shard = host(store, ScriptedSolver(), budget=Budget(max_users=10))
    sync = SyncRequest()
    for batch in range(20):
        items = [item(f"s{batch}-{n}", sync, user_id=f"user-{batch}-{n}") for n in range(25)]
        assert all(r.ok for r in asyncio.run(shard.handle(items)))
    stats = shard.stats()
    assert stats.active_users <= 10 and stats.activations == 500 and stats.passivations >= 490


def test_a_stopping_host_takes_no_new_commands(store: StateStore) -> None:
    shard = host(store, ScriptedSolver())

    async def scenario() -> None:
        await shard.stop()
        with pytest.raises(HostStopped, match="uncommitted"):
            await shard.handle([plan("t1", "u1")])

    asyncio.run(scenario())


def test_numbered_calls_apply_in_the_callers_order_whatever_order_they_arrive(store: StateStore) -> None:
    shard = host(store, JitterSolver())

    async def scenario() -> None:
        late_first = asyncio.create_task(shard.handle([plan("t2", "u1")], caller="ingest-0", seq=1))
        await asyncio.sleep(0.01)  # seq 1 is here first and must wait for seq 0
        await asyncio.gather(late_first, shard.handle([plan("t1", "u1")], caller="ingest-0", seq=0))

    asyncio.run(scenario())
    assert applied(store, "u1") == ["t1", "t2"]


def test_a_lost_call_stalls_its_caller_only_until_the_gap_timeout(
    store: StateStore, caplog: pytest.LogCaptureFixture
) -> None:
    gap_s = 1.0
    shard = host(store, ScriptedSolver(), sequence_gap_timeout_s=gap_s)
    caplog.set_level(logging.WARNING, logger="actors.sequencer")
    started = time.monotonic()
    [result] = asyncio.run(shard.handle([plan("t1", "u1")], caller="ingest-0", seq=3))
    stalled = time.monotonic() - started
    assert result.ok
    # Calls 0..2 never come: seq 3 waited for them the whole gap timeout, said so, and then went on.
    assert gap_s <= stalled < gap_s + 10, stalled
    assert "calls before 3 never came" in caplog.text
    started = time.monotonic()  # the gap is skipped for good: the next call is admitted at once
    [result] = asyncio.run(shard.handle([plan("t2", "u1")], caller="ingest-0", seq=4))
    assert result.ok and time.monotonic() - started < gap_s
