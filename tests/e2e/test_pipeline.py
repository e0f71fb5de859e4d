"""The whole worker against the real broker, real Ray and both state stores.

1,000 commands from 200 users, some malformed: every command gets exactly one outcome set (result
events or a dead letter), each user's commands apply and publish in order, re-sent task ids change
nothing, and a worker killed mid-stream loses nothing and duplicates no event; with shard host actors
and with ingest actors that hold their own users.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import ray

from actors.store import open_store
from ingest.sample import SampleRecord, SampleShape, sample_commands
from ingest.settings import Settings
from ingest.worker import Worker
from tests.e2e import checks
from tests.e2e.harness import (
    fresh_actor_names,
    isolated,
    outputs,
    pipeline_topics,
    produce,
    wait_committed,
    wait_done,
)

# The waits inside a test add up to more than the suite's default timeout (300 s): each must be able to
# run out and say what it waited for, before the whole test is stopped without a word.
pytestmark = [
    pytest.mark.kafka,
    pytest.mark.ray,
    pytest.mark.usefixtures("ray_local"),
    pytest.mark.timeout(600),
]

USERS, PER_USER = 200, 5


def sample() -> list[SampleRecord]:
    tag = uuid.uuid4().hex[:6]
    shape = SampleShape(
        users=USERS, commands_per_user=PER_USER, horizon_days=1, time_limit_ms=300,
        malformed_every=37, run=tag, user_prefix=f"u{tag}",
    )  # fmt: skip
    return sample_commands(shape, datetime.now(UTC))


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'state.sqlite3'}"
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture
def worker_settings(kafka_settings: Settings, store_url: str) -> Iterator[Settings]:
    settings = isolated(kafka_settings, store_url)
    with pipeline_topics(settings):
        yield settings


def test_each_command_answered_once_in_user_order_and_replays_change_nothing(
    worker_settings: Settings,
) -> None:
    answered_once_in_order(worker_settings)


def test_host_actors_of_their_own_answer_each_command_once_in_order(
    kafka_settings: Settings, tmp_path: Path
) -> None:
    settings = isolated(kafka_settings, f"sqlite:///{tmp_path / 'state.sqlite3'}", hosts_in_ingest=False)
    with pipeline_topics(settings):
        answered_once_in_order(settings)


def answered_once_in_order(worker_settings: Settings) -> None:
    records = sample()
    dlq = worker_settings.pipeline.resolved_topics.outputs.dead_letter
    worker = Worker.start(worker_settings)
    try:
        # Copies are allowed after a rebalance (at least once), and tested below; this run is steady.
        assert worker.await_assignment(timeout_s=120)
        landed = produce(worker_settings, records)
        wait_done(worker, len(records), timeout_s=240)
        first = outputs(worker_settings)
        checks.one_outcome_set_each(records, first, dlq, landed)
        checks.outputs_match_outbox(records, first, dlq, worker_settings.store_url)
        checks.user_order_holds(records, first, dlq)
        results, dead = checks.split(first, dlq)
        assert len(checks.same_ids_same_bytes(first, dlq)) == len(results)  # no copies
        assert len(dead) == sum(r.malformed for r in records)  # nor of a dead letter
        checks.store_metrics_sent(first, worker_settings)
        versions = _versions(worker_settings.store_url, records)

        landed |= produce(worker_settings, records)  # the same task ids again
        wait_done(worker, 2 * len(records), timeout_s=120)
        valid = sum(not r.malformed for r in records)
        assert worker.stats().replayed == valid
        again = outputs(worker_settings)
        assert checks.same_ids_same_bytes(again, dlq) == checks.same_ids_same_bytes(first, dlq)
        assert _versions(worker_settings.store_url, records) == versions  # no state changed twice
    finally:
        worker.stop()


# The last: ingest actors holding their own users (`pipeline.hosts_in_ingest`, the default), whose users
# move with their partitions when the restarted worker's actors take them over.
KILLED = [("consumer", False), ("classic", False), ("consumer", True)]


@pytest.mark.parametrize(("protocol", "in_ingest"), KILLED)
def test_a_worker_killed_mid_stream_loses_nothing_and_duplicates_no_event(
    kafka_settings: Settings, tmp_path: Path, protocol: str, in_ingest: bool
) -> None:
    # A short session expires the killed members in seconds: the client's under the classic protocol
    # (which also covers the eager rebalance path), the group's under KIP-848 (set by the worker).
    consumer = kafka_settings.kafka.consumer.model_copy(update={"session_timeout_ms": 6000})
    base = kafka_settings.model_copy(
        update={"kafka": kafka_settings.kafka.model_copy(update={"consumer": consumer})}
    )
    settings = isolated(
        base, f"sqlite:///{tmp_path / 'state.sqlite3'}", group_protocol=protocol, hosts_in_ingest=in_ingest
    )
    records = sample()
    dlq = settings.pipeline.resolved_topics.outputs.dead_letter
    with pipeline_topics(settings):
        landed = produce(settings, records)
        first = Worker.start(settings)
        wait_done(first, len(records) // 3, timeout_s=120)
        done_before_crash = first.stats().done
        for actor in [*first.ingest, *(first.hosts.handles if first.hosts else [])]:
            ray.kill(actor, no_restart=True)  # a crash: nothing drained, nothing committed on the way out
        restarted = fresh_actor_names(settings)  # the same topics, group and store
        second = Worker.start(restarted)
        try:
            wait_committed(restarted, timeout_s=240)
            seen = outputs(settings)
        finally:
            second.stop()
    assert done_before_crash < len(records), "the crash came too late to test anything"
    checks.one_outcome_set_each(records, seen, dlq, landed)
    checks.outputs_match_outbox(records, seen, dlq, settings.store_url)
    checks.user_order_holds(records, seen, dlq)
    checks.same_ids_same_bytes(seen, dlq)


def _versions(store_url: str, records: list[SampleRecord]) -> dict[str, int]:
    store = open_store(store_url)
    try:
        found = {r.user_id: store.load(r.user_id) for r in records}
        return {user: state.version for user, state in found.items() if state is not None}
    finally:
        store.close()


def test_a_host_crash_and_a_full_window_lose_nothing(kafka_settings: Settings, tmp_path: Path) -> None:
    settings = isolated(
        kafka_settings,
        f"sqlite:///{tmp_path / 'state.sqlite3'}",
        max_in_flight=20,
        host_window=8,
        hosts_in_ingest=False,  # a host actor to crash
    )
    records = [r for r in sample() if r.sequence < 2]  # 400 commands
    dlq = settings.pipeline.resolved_topics.outputs.dead_letter
    with pipeline_topics(settings):
        landed = produce(settings, records)
        worker = Worker.start(settings)
        try:
            wait_done(worker, 60, timeout_s=120)
            crash_until_resent(worker)
            wait_done(worker, len(records), timeout_s=180)
            stats = worker.stats()
            seen = outputs(settings)
        finally:
            worker.stop()
    assert stats.resent > 0, "the crash should have cost the dead host's calls"
    assert stats.pauses > 0, "twenty in flight should have paused the partitions"
    checks.one_outcome_set_each(records, seen, dlq, landed)
    checks.outputs_match_outbox(records, seen, dlq, settings.store_url)
    checks.user_order_holds(records, seen, dlq)
    checks.same_ids_same_bytes(seen, dlq)


def crash_until_resent(worker: Worker) -> None:
    """Kill a host until a kill lands while it holds calls (Ray restarts it with an empty memory).

    A kill between two calls costs nothing to resend, so one kill alone would make the test depend on
    timing; the work left (hundreds of commands, twenty in flight) leaves room for several tries.
    """
    for _ in range(10):
        ray.kill(worker.hosts.handles[0], no_restart=False)
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline and worker.stats().resent == 0:
            time.sleep(0.1)
        if worker.stats().resent:
            return
