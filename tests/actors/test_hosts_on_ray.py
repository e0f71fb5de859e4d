"""Shard hosts as real Ray actors: bounded memory over many users, order across pipelined calls,
identical replays, and a crashed host coming back from the store."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import ray

from actors.activation import Budget
from actors.contract import ItemResult, WorkItem
from actors.host import HostSettings
from actors.outcomes import CalendarBlockOutcome
from actors.requests import SyncRequest
from actors.retry import RetryPolicy
from actors.settings import ActorSettings
from actors.solver import SolverSettings
from actors.store import open_store
from actors.supervisor import HostSet, HostStartError
from tests.actors.builders import gym, instance, item, schedule_request

pytestmark = [pytest.mark.ray, pytest.mark.usefixtures("ray_local")]
BUDGET = 20


@pytest.fixture
def store_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'state.sqlite3'}"


@pytest.fixture
def hosts(store_url: str) -> Iterator[HostSet]:
    settings = ActorSettings(
        hosts=2,
        name_prefix=f"test-host-{uuid.uuid4().hex[:8]}",
        host=HostSettings(budget=Budget(max_users=BUDGET), retry=RetryPolicy(initial_delay_s=0.01)),
        solver=SolverSettings(inline_max_size=0),  # every solve goes out as a Ray task
    )
    started = HostSet.start(store_url, settings)
    yield started
    started.stop()


def send(
    hosts: HostSet, items: list[WorkItem], caller: str = "test", seqs: dict | None = None
) -> list[ItemResult]:
    """Route and call every host at once: one call per host, so each is its caller's call number 0."""
    calls = [handle.handle.remote(batch, caller, 0) for handle, batch in hosts.route(items).items()]
    return [result for batch in ray.get(calls) for result in batch]


def restarted_pid(handle: object, old_pid: int, timeout_s: float = 30.0) -> int:
    """A restarting actor refuses calls for a moment; callers (ingest) retry them, and so does this."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            pid = ray.get(handle.stats.remote(), timeout=5).pid  # type: ignore[attr-defined]
        except (ray.exceptions.ActorUnavailableError, ray.exceptions.RayActorError):
            pid = old_pid
        if pid != old_pid:
            return int(pid)
        time.sleep(0.2)
    raise TimeoutError(f"host did not come back within {timeout_s} s")


def rss_kib(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS")))


def sync_items(prefix: str, users: range) -> list[WorkItem]:
    return [item(f"{prefix}-{n}", SyncRequest(), user_id=f"user-{n}") for n in users]


def test_many_users_pass_through_in_bounded_memory(hosts: HostSet) -> None:
    def wave(start: int, count: int) -> None:
        for first in range(start, start + count, 200):
            results = send(hosts, sync_items("sync", range(first, first + 200)), caller=f"wave-{first}")
            assert all(r.ok for r in results) and len(results) == 200

    wave(0, 1_000)
    before = {s.pid: rss_kib(s.pid) for s in hosts.stats()}
    wave(1_000, 3_000)
    stats = hosts.stats()
    assert all(s.active_users <= BUDGET for s in stats)
    assert sum(s.activations for s in stats) == 4_000
    assert sum(s.passivations for s in stats) >= 4_000 - 2 * BUDGET
    growth_mib = max(rss_kib(s.pid) - before[s.pid] for s in stats) / 1024
    assert growth_mib < 25, f"a host grew by {growth_mib:.1f} MiB over 3,000 more users"


def test_pipelined_calls_keep_each_users_order(hosts: HostSet, store_url: str) -> None:
    seqs: dict = {}
    calls = []
    for round_ in range(6):
        batch = [item(f"r{round_}-u{n}", SyncRequest(), user_id=f"ordered-{n}") for n in range(30)]
        for handle, part in hosts.route(batch).items():
            seqs[handle] = seqs.get(handle, -1) + 1
            calls.append(handle.handle.remote(part, "pipelined", seqs[handle]))
    assert all(r.ok for batch in ray.get(calls) for r in batch)
    store = open_store(store_url)
    for n in range(30):
        stored = store.load(f"ordered-{n}")
        assert stored is not None
        assert list(stored.applied) == [f"r{r}-u{n}" for r in range(6)]


def test_a_crashed_host_restarts_and_replays_from_the_store(hosts: HostSet) -> None:
    first = send(hosts, sync_items("before-crash", range(10)))
    victim = hosts.handles[0]
    old_pid = ray.get(victim.stats.remote()).pid
    ray.kill(victim, no_restart=False)
    new_pid = restarted_pid(victim, old_pid)
    again = send(hosts, sync_items("before-crash", range(10)), caller="after-crash")
    assert [r.replayed for r in again] == [True] * 10
    assert [r.outcomes for r in again] == [r.outcomes for r in first]
    assert ray.get(victim.stats.remote()).pid == new_pid


def test_plans_solved_as_ray_tasks_replay_identically_and_replan_stably(
    hosts: HostSet, store_url: str
) -> None:
    users = [f"planner-{n}" for n in range(6)]
    week = {u: schedule_request(instance(user_id=u, habits=(gym(ideal_time="07:00"),))) for u in users}
    first = send(hosts, [item(f"plan-{u}", week[u], user_id=u) for u in users])
    for result in first:
        changes = [o.change for o in result.outcomes if isinstance(o, CalendarBlockOutcome)]
        assert result.ok and changes == ["CREATED"] * 7, result.reason
    replayed = send(hosts, [item(f"plan-{u}", week[u], user_id=u) for u in users], caller="replay")
    assert all(r.replayed for r in replayed)
    assert [r.outcomes for r in replayed] == [r.outcomes for r in first]
    replanned = send(hosts, [item(f"again-{u}", week[u], user_id=u) for u in users], caller="replan")
    for result in replanned:
        changes = {o.change for o in result.outcomes if isinstance(o, CalendarBlockOutcome)}
        assert result.ok and not changes & {"CREATED", "DELETED"}


@pytest.mark.postgres
def test_hosts_share_a_postgresql_store(postgres_url: str) -> None:
    settings = ActorSettings(hosts=2, name_prefix=f"pg-host-{uuid.uuid4().hex[:8]}")
    hosts = HostSet.start(postgres_url, settings)
    try:
        tag = uuid.uuid4().hex[:8]
        items = [item(f"pg-{tag}-{n}", SyncRequest(), user_id=f"pg-{tag}-{n}") for n in range(40)]
        assert all(r.ok for r in send(hosts, items))
        assert all(r.replayed for r in send(hosts, items, caller="again"))
    finally:
        hosts.stop()
    stored = open_store(postgres_url).load(f"pg-{tag}-0")
    assert stored is not None and stored.owner.startswith(settings.name_prefix) and stored.version == 1


def test_a_host_that_cannot_start_is_reported_with_its_own_error() -> None:
    # Nothing listens on port 1: each host's constructor fails to open the store. Without the check the
    # ingest actors would re-send to dead actors forever and the worker would say nothing.
    settings = ActorSettings(hosts=1, name_prefix=f"test-host-{uuid.uuid4().hex[:8]}")
    hosts = HostSet.start("postgresql://nobody@127.0.0.1:1/none", settings)
    with pytest.raises(HostStartError, match=r"shard host 0 could not start: .*StoreError: cannot connect"):
        hosts.ready(timeout_s=60)
